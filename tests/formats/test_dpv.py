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
from privacymodel.model.vocab import DPV, EU_GDPR, PD, right_iri
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES, SHARED

rdflib = pytest.importorskip("rdflib")
# rdflib's own JSON-LD parser calls its deprecated ConjunctiveGraph; that is rdflib's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TERM_PROPERTIES = (
    "hasPersonalData",
    "hasPurpose",
    "hasLegalBasis",
    "hasRight",
    "hasTechnicalOrganisationalMeasure",
    "hasDataSubject",
    "hasProcessing",
)


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


def expected_right(right: pm.Right, base: str) -> str:
    """A right's IRI: under the GDPR its article's; with no IRI of its own, the node naming its kind and law."""
    iri = right_iri(right.kind, right.law)
    if not isinstance(right.kind, pm.RightKind) or iri is None:
        return expected_iri(right.kind, base)
    if iri != DPV + "DataSubjectRight":
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
    assert objects(g, top, "hasPersonalData") == {expected_iri(c.term, base) for c in policy.data_categories or ()}
    assert objects(g, top, "hasPurpose") == {expected_iri(p.term, base) for p in policy.purposes or ()}
    bases = [b.basis for b in policy.legal_bases or ()] + [m for t in policy.transfers or () for m in t.mechanisms or ()]
    assert objects(g, top, "hasLegalBasis") == {expected_iri(b, base) for b in bases}
    assert objects(g, top, "hasRight") == {expected_right(r, base) for r in policy.rights or ()}
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


# --- format 1.1 ----------------------------------------------------------------------

_POLICY_1_1 = """\
privacymodel: 1.1.0
document: {title: Format 1.1 in DPV, url: "https://example.com/privacy"}
controllers: [{id: acme, name: Acme}]
supervisory_authority: {id: dpa, description: your local supervisory authority, local: true}
data_subjects: [{id: visitors, term: visitor}, {id: ends, term: end-user-of-customer}]
data_categories:
  - {id: email, term: email-address, subjects: [visitors]}
  - {id: ids, term: identifier, identifiability: pseudonymised}
  - {id: stats, term: browsing-behaviour, identifiability: anonymised}
purposes: [{id: ads, term: advertising}]
legal_bases:
  - {id: express, basis: express-consent, purposes: [ads]}
  - {id: implied, basis: implied-consent, purposes: [ads]}
recipients: [{id: net, name: Net, kinds: [social-network, advertising-network]}]
processing:
  - id: match
    operations: [collect, match, identify]
    data: [email, ids, stats]
    subjects: [ends]
    by: [acme, net]
    role: processor
    condition: for paid plans
    exceptions: except as described below
  - {id: shared, data: [email], role: third-party}
prohibitions:
  - {id: no-ai, operations: [train-models], data: [email-address], qualifier: intentionally, description: Not for AI.}
  - {operations: [sell], purposes: [advertising], recipient_kinds: [third-party]}
rights:
  - {kind: access, law: gdpr}
  - {kind: access}
  - {kind: know, law: ccpa}
recourse: [{name: JAMS, kind: arbitration}]
"""


def _node(document: dict[str, Any], iri: str) -> dict[str, Any]:
    return next(node for node in document["@graph"] if node["@id"] == iri)


def test_format_1_1_statements_are_written_in_dpv_terms() -> None:
    notes: list[pm.Problem] = []
    document = pm.to_dpv(pm.loads(_POLICY_1_1), notes=notes)
    g = graph(document)
    top = document["@graph"][0]["@id"]
    base = top.removesuffix("policy")
    assert objects(g, top, "hasDataSubject") == {DPV + "Visitor", f"{TERM_IRI}DataSubjectTerm:end-user-of-customer"}
    assert objects(g, top, "hasProcessing") == {DPV + "Collect", DPV + "Match", f"{TERM_IRI}OperationTerm:identify"}
    assert objects(g, top, "hasLegalBasis") == {DPV + "ExpressedConsent", DPV + "ImpliedConsent"}
    # Data whose identifiability is stated is a node typed with it; anonymised data is no personal data.
    assert objects(g, top, "hasPersonalData") == {PD + "EmailAddress", f"{base}data/ids"}
    assert objects(g, top, "hasData") == {f"{base}data/stats"}
    assert _node(document, f"{base}data/ids")["@type"] == [PD + "Identifier", DPV + "PseudonymisedData"]
    assert _node(document, f"{base}data/stats")["@type"] == [PD + "BrowsingBehaviour", DPV + "AnonymisedData"]
    # A processing statement: operations, whose data, who does it, the controller's role, its condition.
    process = f"{base}processing/match"
    assert objects(g, process, "hasProcessing") == {DPV + "Collect", DPV + "Match", f"{TERM_IRI}OperationTerm:identify"}
    assert objects(g, process, "hasDataSubject") == {f"{TERM_IRI}DataSubjectTerm:end-user-of-customer"}
    assert objects(g, process, "isImplementedByEntity") == {f"{base}party/acme", f"{base}recipient/net"}
    assert objects(g, process, "hasDataProcessor") == {f"{base}party/acme"}
    assert _node(document, process)["dpv:hasProcessingCondition"]["dct:description"] == "for paid plans"
    # A category's data subjects: a process linking the two.
    assert objects(g, f"{base}data-subjects/email", "hasDataSubject") == {DPV + "Visitor"}
    # Prohibitions: dpv:Prohibition rules, an unnamed one by its place.
    assert objects(g, top, "hasRule") == {f"{base}prohibition/no-ai", f"{base}prohibition/_1"}
    rule = _node(document, f"{base}prohibition/no-ai")
    assert rule["@type"] == "dpv:Prohibition"
    assert objects(g, f"{base}prohibition/no-ai", "hasProcessing") == {f"{TERM_IRI}OperationTerm:train-models"}
    assert objects(g, f"{base}prohibition/no-ai", "hasPersonalData") == {PD + "EmailAddress"}
    assert (rule["rdfs:comment"], rule["dct:description"]) == ("intentionally", "Not for AI.")
    assert objects(g, f"{base}prohibition/_1", "hasRecipient") == {DPV + "ThirdParty"}
    # Rights by their law: the GDPR's article, else a data-subject right naming its kind (and law).
    assert objects(g, top, "hasRight") == {EU_GDPR + "A15", f"{base}right/access", f"{base}right/know.ccpa"}
    know = _node(document, f"{base}right/know.ccpa")
    assert know["@type"] == "dpv:DataSubjectRight"
    assert know["dct:type"] == {"@id": f"{TERM_IRI}RightKind:know"}
    assert know["dpv:hasApplicableLaw"] == {"@id": pm.LawTerm.CCPA.iri}
    # A recipient of several kinds; a party the policy does not name has no label.
    assert _node(document, f"{base}recipient/net")["dct:type"] == [
        {"@id": f"{TERM_IRI}RecipientKind:social-network"},
        {"@id": f"{TERM_IRI}RecipientKind:advertising-network"},
    ]
    assert "rdfs:label" not in _node(document, f"{base}party/dpa")
    by_path = {n.path: n.message for n in notes}
    assert "not a third-party" in by_path["$.processing[1].role"]
    assert "no exceptions" in by_path["$.processing[0].exceptions"]
    assert by_path["$.recourse[0]"].startswith("recourse: not carried over to DPV")
    assert "$.supervisory_authority.local" in by_path
    assert all(n.code == "PM404" for n in notes)


_CONCEPTS: set[str] = set()


@given(policies())
def test_every_generated_policy_uses_dpv_concepts_or_project_iris(policy: pm.PrivacyPolicy) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the clone")
    if not _CONCEPTS:
        _CONCEPTS.update(_dpv_concepts(SHARED) | {DPV + "PersonalData"})
    g = graph(pm.to_dpv(policy))
    used = {str(o) for prop in TERM_PROPERTIES for o in g.objects(None, rdflib.URIRef(DPV + prop))}
    types = {str(o) for o in g.objects(None, rdflib.URIRef(RDF_TYPE))}
    dpv_terms = {iri for iri in used | types if iri.startswith((DPV, PD, EU_GDPR))}
    assert dpv_terms <= _CONCEPTS | _CORE, sorted(dpv_terms - _CONCEPTS - _CORE)
    assert all(iri.startswith((TERM_IRI, "urn:uuid:")) for iri in used - dpv_terms)


# DPV's process and rules modules (dpv:Process, dpv:Prohibition), which the CSV exports beside the clone do not include.
_CORE = {DPV + "Process", DPV + "Prohibition"}
