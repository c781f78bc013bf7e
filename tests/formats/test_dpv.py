"""W3C DPV out: JSON-LD that parses into a graph of DPV's IRIs and says what the policy says."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import privacymodel as pm
from privacymodel.formats.dpv import CONTEXT, TERM_IRI
from privacymodel.model.vocab import DPV, EU_GDPR, PD
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES

rdflib = pytest.importorskip("rdflib")
# rdflib's own JSON-LD parser calls its deprecated ConjunctiveGraph; that is rdflib's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TERM_PROPERTIES = ("hasPersonalData", "hasPurpose", "hasLegalBasis", "hasRight", "hasTechnicalOrganisationalMeasure")


def graph(document: dict[str, Any]) -> Any:
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def objects(g: Any, subject: str, prop: str) -> set[str]:
    return {str(o) for o in g.objects(rdflib.URIRef(subject), rdflib.URIRef(DPV + prop))}


def expected_iri(term: object, base: str) -> str:
    if isinstance(term, pm.CustomTerm):
        return f"{base}term/{term}"
    assert isinstance(term, pm.Vocabulary)
    if term.iri is not None:
        return term.iri
    if term is pm.DataCategoryTerm.PERSONAL_DATA:
        return DPV + "PersonalData"
    return f"{TERM_IRI}{type(term).__name__}:{term.value}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_parse_into_a_graph_that_states_the_policy(path: Path) -> None:
    policy = pm.load(path)
    document = pm.to_dpv(policy)
    assert document["@context"] == CONTEXT
    g = graph(document)
    top = document["@graph"][0]["@id"]
    base = top.removesuffix("policy")
    assert (rdflib.URIRef(top), rdflib.URIRef(RDF_TYPE), rdflib.URIRef(DPV + "Process")) in g
    assert objects(g, top, "hasPersonalData") == {expected_iri(c.term, base) for c in policy.data_categories or ()}
    assert objects(g, top, "hasPurpose") == {expected_iri(p.term, base) for p in policy.purposes or ()}
    bases = [b.basis for b in policy.legal_bases or ()] + [m for t in policy.transfers or () for m in t.mechanisms or ()]
    assert objects(g, top, "hasLegalBasis") == {expected_iri(b, base) for b in bases}
    assert objects(g, top, "hasRight") == {expected_iri(r.kind, base) for r in policy.rights or ()}
    assert len(objects(g, top, "hasRecipient")) == len(policy.recipients or ())
    controllers = objects(g, top, "hasDataController")
    names = {str(g.value(rdflib.URIRef(c), rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) for c in controllers}
    assert names == {p.name for p in policy.controllers}
    for statement in policy.processing or ():
        process = f"{base}processing/{statement.id}"
        assert process in objects(g, top, "hasProcess")
        assert objects(g, process, "hasPersonalData") == {
            expected_iri(c.term, base) for c in policy.data_categories or () if c.id in (statement.data or ())
        }


def _dpv_concepts(shared: Path) -> set[str]:
    """Every DPV IRI the CSV exports name: the concepts, and the broader concepts they point to."""
    found: set[str] = set()
    for path in (shared / "reference" / "dpv").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for column in ("iri", "hasbroader", "dpvtype"):
                    found.update(iri for iri in (row.get(column) or "").split(";") if iri)
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_terms_are_dpv_concepts_or_project_iris(path: Path, shared: Path) -> None:
    known = _dpv_concepts(shared) | {DPV + "PersonalData"}
    g = graph(pm.to_dpv(pm.load(path)))
    used = {str(o) for prop in TERM_PROPERTIES for o in g.objects(None, rdflib.URIRef(DPV + prop))}
    dpv_terms = {iri for iri in used if iri.startswith((DPV, PD, EU_GDPR))}
    assert dpv_terms <= known, sorted(dpv_terms - known)
    assert all(iri.startswith((TERM_IRI, "urn:uuid:")) for iri in used - dpv_terms)
    assert dpv_terms, "the export uses DPV's IRIs"


@given(policies())
def test_every_generated_policy_parses(policy: pm.PrivacyPolicy) -> None:
    notes: list[pm.Problem] = []
    document = pm.to_dpv(policy, notes=notes)
    g = graph(document)
    top = document["@graph"][0]["@id"]
    assert (rdflib.URIRef(top), rdflib.URIRef(RDF_TYPE), rdflib.URIRef(DPV + "Process")) in g
    assert all(n.code == "PM404" for n in notes)


def test_what_dpv_leaves_out_is_reported() -> None:
    notes: list[pm.Problem] = []
    pm.to_dpv(pm.load(next(p for p in EXAMPLES if p.stem == "customertimes-2020")), notes=notes)
    assert any(n.path == "$.cookies[0]" and "cookies (13)" in n.message for n in notes)
