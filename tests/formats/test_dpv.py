"""W3C DPV out: JSON-LD that parses into a graph of DPV 2.3's IRIs and says what the policy says."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import privacymodel as pm
from privacymodel.formats.dpv import CONTEXT, DPV_VERSION, TERM_IRI
from privacymodel.formats.dpv.base import EQUIVALENT, LOC
from privacymodel.model.vocab import DPV, right_iri
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES, SHARED

rdflib = pytest.importorskip("rdflib")
# rdflib's own JSON-LD parser calls its deprecated ConjunctiveGraph; that is rdflib's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DATA = Path(__file__).parent / "data"
_DATA_KINDS = ("provided", "observed", "derived", "inferred")


def graph(document: dict[str, Any]) -> Any:
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def objects(g: Any, subject: str, prop: str) -> set[str]:
    return {str(o) for o in g.objects(rdflib.URIRef(subject), rdflib.URIRef(DPV + prop))}


def expected_iri(term: object, base: str) -> str:
    if isinstance(term, pm.CustomTerm):
        return f"{base}term/{term}"
    assert isinstance(term, pm.Vocabulary)
    iri = term.iri or EQUIVALENT.get(term)
    return iri if iri is not None else f"{TERM_IRI}{type(term).__name__}:{term.value}"


def expected_data(category: pm.DataCategory, base: str) -> str:
    """A category's IRI: a node of its own where the policy says more of it than its term, else its term's."""
    said = category.identifiability or category.special_category or any(str(s) in _DATA_KINDS for s in category.sources or ())
    return f"{base}data/{category.id}" if said else expected_iri(category.term, base)


def _personal(category: pm.DataCategory) -> bool:
    not_personal = {"anonymised", "not-personal", "aggregated"}
    return str(category.identifiability) not in not_personal and str(category.term) != "anonymised-data"


def expected_right(right: pm.Right, base: str) -> str:
    """A right's IRI: under the GDPR its article's; with no IRI of its own, the node naming its kind and law."""
    iri = right_iri(right.kind, right.law)
    if iri is not None and iri != DPV + "DataSubjectRight":
        return iri
    return f"{base}right/{right.kind}" + (f".{right.law}" if right.law is not None else "")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_parse_into_a_graph_that_states_the_policy(path: Path) -> None:
    policy = pm.load(path)
    document = pm.to_dpv(policy)
    assert document["@context"] == CONTEXT
    g = graph(document)
    top = document["@graph"][0]["@id"]
    base = top.removesuffix("policy")
    assert (rdflib.URIRef(top), rdflib.URIRef(RDF_TYPE), rdflib.URIRef(DPV + "Process")) in g
    assert objects(g, top, "hasNotice") == {base + "notice"}
    categories = policy.data_categories or ()
    assert objects(g, top, "hasPersonalData") == {expected_data(c, base) for c in categories if _personal(c)}
    assert objects(g, top, "hasData") == {expected_data(c, base) for c in categories if not _personal(c)}
    assert objects(g, top, "hasPurpose") == {expected_iri(p.term, base) for p in policy.purposes or ()}
    assert objects(g, top, "hasLegalBasis") == {expected_iri(b.basis, base) for b in policy.legal_bases or ()}
    assert objects(g, top, "hasRight") == {expected_right(r, base) for r in policy.rights or ()}
    assert len(objects(g, top, "hasRecipient")) == len(policy.recipients or ())
    controllers = objects(g, top, "hasDataController")
    assert {str(g.value(rdflib.URIRef(c), rdflib.URIRef(DPV + "hasName"))) for c in controllers} == {
        p.name for p in policy.controllers
    }
    for statement in policy.processing or ():
        process = f"{base}processing/{statement.id}"
        assert process in objects(g, top, "hasProcess")
        linked = [c for c in categories if c.id in (statement.data or ())]
        assert objects(g, process, "hasPersonalData") == {expected_data(c, base) for c in linked if _personal(c)}
    for index, transfer in enumerate(policy.transfers or ()):
        process = f"{base}transfer/{transfer.id or f'_{index}'}"
        assert process in objects(g, top, "hasProcess")
        assert objects(g, process, "hasProcessing") == {DPV + "CrossBorderTransfer"}
        assert objects(g, process, "hasThirdCountry") == {LOC + c for c in transfer.destinations or ()}
        assert objects(g, process, "hasLegalBasis") == {expected_iri(m, base) for m in transfer.mechanisms or ()}


def known_iris(shared: Path) -> set[str]:
    """Every DPV IRI DPV 2.3 has as the CSV exports and the supplement name them: concepts, parents, properties."""
    found: set[str] = set()
    for path in [*(shared / "reference" / "dpv").glob("*.csv"), DATA / "dpv-concepts.csv", DATA / "dpv-properties.csv"]:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for column in ("iri", "dpvtype", "subclassof", "hasbroader", "property", "subproperty_of", "domain", "range"):
                    found.update(iri for iri in (row.get(column) or "").split(";") if iri)
    return found


def dpv_iris(g: Any) -> set[str]:
    """The IRIs of a graph in DPV's namespaces (core, pd, legal extensions) but for loc's countries, which must be
    loc:<ISO 3166-1 alpha-2 code>, as DPV's locations extension names them."""
    every = {str(term) for triple in g for term in triple if isinstance(term, rdflib.URIRef)}
    countries = {iri for iri in every if iri.startswith(LOC)}
    assert all(re.fullmatch(r"[A-Z]{2}", iri.removeprefix(LOC)) for iri in countries), countries
    return {iri for iri in every if iri.startswith("https://w3id.org/dpv") and iri not in countries}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_dpv_iri_written_is_dpv_2_3s(path: Path, shared: Path) -> None:
    used = dpv_iris(graph(pm.to_dpv(pm.load(path))))
    assert used, "the export uses DPV's IRIs"
    assert used <= known_iris(shared), sorted(used - known_iris(shared))


_KNOWN: set[str] = set()


@given(policies())
def test_every_generated_policy_uses_dpv_2_3s_iris_and_declares_the_rest(policy: pm.PrivacyPolicy) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the clone")
    if not _KNOWN:
        _KNOWN.update(known_iris(SHARED))
    notes: list[pm.Problem] = []
    document = pm.to_dpv(policy, notes=notes)
    g = graph(document)
    assert dpv_iris(g) <= _KNOWN, sorted(dpv_iris(g) - _KNOWN)
    # Every term outside DPV is a concept the graph declares, with a label.
    top = document["@graph"][0]["@id"]
    base = top.removesuffix("policy")
    label = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for o in {o for _, _, o in g if isinstance(o, rdflib.URIRef)}:
        if str(o).startswith((TERM_IRI, base + "term/")):
            assert g.value(o, label) is not None, o
    assert all(n.code == "PM404" for n in notes)


def test_what_dpv_leaves_out_is_reported() -> None:
    notes: list[pm.Problem] = []
    pm.to_dpv(pm.load(next(p for p in EXAMPLES if p.stem == "customertimes-2020")), notes=notes)
    assert any(n.path == "$.cookies[0]" and "cookies (13)" in n.message for n in notes)
    # The law the policy says does not apply (COPPA) is not an applicable law, and says so.
    assert any(n.path == "$.laws[2]" and "coppa is said not to apply" in n.message for n in notes)


def test_the_version_is_dpv_2_3() -> None:
    assert DPV_VERSION == "2.3"
