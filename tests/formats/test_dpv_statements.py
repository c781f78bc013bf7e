"""W3C DPV out, statement by statement: what each part of a policy becomes in DPV 2.3 terms."""

from __future__ import annotations

import json
from typing import Any

import pytest

import privacymodel as pm
from privacymodel.formats.dpv import TERM_IRI
from privacymodel.model.vocab import DPV, EU_GDPR, PD

rdflib = pytest.importorskip("rdflib")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCT = "http://purl.org/dc/terms/"

_POLICY = """\
privacymodel: 1.1.0
document: {title: Format 1.1 in DPV, url: "https://example.com/privacy", language: en, version: "3", last_updated: 2024-05-01}
controllers:
  - id: acme
    name: Acme
    aliases: [ACME Inc.]
    address: {lines: [1 Main St], locality: Springfield, country: US}
    contacts: [{email: privacy@example.com, purposes: [rights-requests]}, {phone: "+1 555 0100"}]
representative: {id: rep, name: Rep GmbH, contacts: [{email: rep@example.de}]}
dpo: {name: Dana, contacts: [{email: dpo@example.com}]}
supervisory_authority: {id: dpa, description: your local supervisory authority, local: true}
data_subjects: [{id: visitors, term: visitor}, {id: ends, term: end-user-of-customer}]
data_categories:
  - {id: email, term: email-address, subjects: [visitors], sources: [provided, third-party]}
  - {id: ids, term: identifier, identifiability: pseudonymised}
  - {id: stats, term: browsing-behaviour, identifiability: anonymised}
  - {id: totals, term: anonymised-data}
  - {id: health, term: health, special_category: true}
  - {id: age, term: age, special_category: false}
  - {id: loyalty, term: x-loyalty-points, description: Points earned with each purchase.}
purposes:
  - {id: ads, term: advertising, description: Ads we show.}
  - {id: credit, term: x-bonitaetspruefung, label: Bonitätsprüfung, description: Prüfung vor Vertragsschluss.}
legal_bases:
  - {id: express, basis: express-consent, purposes: [ads]}
  - {id: implied, basis: implied-consent, purposes: [ads]}
  - {id: optout, basis: opt-out-consent, law: gdpr}
recipients:
  - {id: net, name: Net, kinds: [social-network, advertising-network], website: "https://net.example"}
  - {id: cloud, name: Cloud, kind: hosting-provider, address: {locality: Seattle, country: US}}
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
retention:
  - {id: keep, data: [email], period: P2Y, until: account closure, as_long_as_necessary: true, legal_requirement: true}
rights:
  - {kind: access, law: gdpr}
  - {kind: access}
  - {kind: know, law: ccpa}
transfers:
  - {id: us, destinations: [US], mechanisms: [standard-contractual-clauses, data-privacy-framework], recipients: [cloud], data: [email]}
  - {destinations: [JP], mechanisms: [adequacy-decision]}
security: {measures: [encryption, confidentiality-agreements, physical-security]}
laws: [{law: gdpr}, {law: ccpa, applies: true}, {law: coppa, applies: false}]
recourse: [{name: JAMS, kind: arbitration}]
"""


@pytest.fixture(scope="module")
def exported() -> tuple[dict[str, Any], Any, str, list[pm.Problem]]:
    notes: list[pm.Problem] = []
    document = pm.to_dpv(pm.loads(_POLICY), notes=notes)
    g = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    return document, g, document["@graph"][0]["@id"].removesuffix("policy"), notes


def _objects(g: Any, subject: str, prop: str) -> set[str]:
    return {str(o) for o in g.objects(rdflib.URIRef(subject), rdflib.URIRef(prop if ":" in prop else DPV + prop))}


def _types(g: Any, subject: str) -> set[str]:
    return _objects(g, subject, RDF_TYPE)


def test_the_document_is_a_privacy_notice_and_the_laws_that_apply_are_named(exported: Any) -> None:
    _, g, base, notes = exported
    assert _objects(g, base + "policy", "hasNotice") == {base + "notice"}
    assert _types(g, base + "notice") == {DPV + "PrivacyNotice"}
    assert _objects(g, base + "notice", DCT + "title") == {"Format 1.1 in DPV"}
    assert _objects(g, base + "notice", DCT + "source") == {"https://example.com/privacy"}
    assert _objects(g, base + "notice", DCT + "hasVersion") == {"3"}
    assert _objects(g, base + "policy", "hasApplicableLaw") == {pm.LawTerm.GDPR.iri, pm.LawTerm.CCPA.iri}
    assert any(n.path == "$.laws[2]" and "coppa is said not to apply" in n.message for n in notes)


def test_the_dpo_and_representative_are_the_controllers_with_their_contact_details(exported: Any) -> None:
    _, g, base, notes = exported
    acme = base + "party/acme"
    assert _objects(g, base + "policy", "hasDataController") == {acme}
    assert _objects(g, acme, "hasName") == {"Acme"}
    assert _objects(g, acme, SKOS + "altLabel") == {"ACME Inc."}
    assert _objects(g, acme, "hasAddress") == {"1 Main St, Springfield, US"}
    assert _objects(g, acme, "hasContact") == {"privacy@example.com", "+1 555 0100"}
    assert _objects(g, acme, "hasRepresentative") == {base + "representative/rep"}
    assert _objects(g, acme, "hasDataProtectionOfficer") == {base + "dpo"}
    assert _objects(g, base + "policy", "hasDataProtectionOfficer") == set()
    assert _types(g, base + "dpo") == {DPV + "DataProtectionOfficer"}
    assert _objects(g, base + "dpo", "hasContact") == {"dpo@example.com"}
    assert _objects(g, base + "policy", "hasAuthority") == {base + "authority/dpa"}
    assert _types(g, base + "authority/dpa") == {DPV + "DataProtectionAuthority"}
    # What a contact point is for is the one part of it left out, and is reported with its reason.
    contacts = next(n for n in notes if n.path == "$.controllers[0].contacts[0]")
    assert "what a contact point is for" in contacts.message


def test_custom_and_project_terms_are_declared_concepts_below_their_field(exported: Any) -> None:
    _, g, base, notes = exported
    credit = base + "term/x-bonitaetspruefung"
    assert credit in _objects(g, base + "policy", "hasPurpose")
    assert _types(g, credit) == {RDFS + "Class", SKOS + "Concept"}
    assert _objects(g, credit, RDFS + "subClassOf") == _objects(g, credit, SKOS + "broader") == {DPV + "Purpose"}
    # Its label is the policy's own name for it, its notation the term as written.
    assert _objects(g, credit, SKOS + "prefLabel") == _objects(g, credit, RDFS + "label") == {"Bonitätsprüfung"}
    assert _objects(g, credit, SKOS + "notation") == {"x-bonitaetspruefung"}
    assert _objects(g, credit, DCT + "description") == {"Prüfung vor Vertragsschluss."}
    loyalty = base + "term/x-loyalty-points"
    assert _objects(g, loyalty, SKOS + "broader") == {DPV + "PersonalData"}
    assert _objects(g, loyalty, SKOS + "prefLabel") == {"loyalty points"}
    identify = f"{TERM_IRI}OperationTerm:identify"
    assert _objects(g, identify, SKOS + "broader") == {DPV + "Processing"}
    assert _objects(g, identify, SKOS + "definition") == {pm.OperationTerm.IDENTIFY.description}
    assert _objects(g, f"{TERM_IRI}LegalBasisTerm:opt-out-consent", SKOS + "broader") == {DPV + "Consent"}
    # The description of a custom term's statement is carried; that of a DPV term's is reported.
    described = [n.message for n in notes if n.path.startswith("$.purposes[")]
    assert described == [
        "purposes[*].description: not carried over to DPV; the export holds the processing, its parties and its terms, not the policy's prose"
    ]
    assert not any(n.path == "$.data_categories[6].description" for n in notes)


def test_data_is_typed_with_what_the_policy_says_of_it(exported: Any) -> None:
    _, g, base, notes = exported
    top = base + "policy"
    assert _objects(g, top, "hasPersonalData") == {
        base + "data/email",
        base + "data/ids",
        base + "data/health",
        PD + "Age",
        base + "term/x-loyalty-points",
    }
    assert _objects(g, top, "hasData") == {base + "data/stats", DPV + "AnonymisedData"}
    assert _types(g, base + "data/ids") == {PD + "Identifier", DPV + "PseudonymisedData"}
    assert _types(g, base + "data/stats") == {PD + "BrowsingBehaviour", DPV + "AnonymisedData"}
    assert _types(g, base + "data/health") == {PD + "MedicalHealth", DPV + "SpecialCategoryPersonalData"}
    assert _types(g, base + "data/email") == {PD + "EmailAddress", DPV + "ProvidedPersonalData"}
    # A category's data subjects and sources: a process of its own.
    assert _objects(g, base + "category/email", "hasDataSubject") == {DPV + "Visitor"}
    assert _objects(g, base + "category/email", "hasDataSource") == {DPV + "ThirdPartyDataSource"}
    assert any(n.path == "$.data_categories[5].special_category" for n in notes)


def test_retention_is_a_storage_duration_with_typed_durations(exported: Any) -> None:
    _, g, base, _ = exported
    storage = base + "storage/keep"
    assert _types(g, storage) == {DPV + "StorageDuration"}
    durations = _objects(g, storage, "hasDuration")
    assert durations == {storage + "/period", storage + "/until", storage + "/necessary"}
    period = g.value(rdflib.URIRef(storage + "/period"), rdflib.URIRef(RDF_VALUE))
    assert (str(period), str(period.datatype)) == ("P2Y", "http://www.w3.org/2001/XMLSchema#duration")
    assert _types(g, storage + "/period") == {DPV + "TemporalDuration"}
    assert _types(g, storage + "/until") == {DPV + "UntilEventDuration"}
    assert _objects(g, storage + "/until", RDF_VALUE) == {"account closure"}
    assert _objects(g, storage, DCT + "description") == {"longer where the law requires"}


def test_each_transfer_is_a_process_linking_country_mechanism_and_importer(exported: Any) -> None:
    _, g, base, _ = exported
    us, jp = base + "transfer/us", base + "transfer/_1"
    assert {us, jp} <= _objects(g, base + "policy", "hasProcess")
    assert _objects(g, us, "hasProcessing") == {DPV + "CrossBorderTransfer"}
    assert _objects(g, us, "hasThirdCountry") == {"https://w3id.org/dpv/loc#US"}
    assert _objects(g, us, "hasLegalBasis") == {EU_GDPR + "A46-2-c", f"{TERM_IRI}TransferMechanism:data-privacy-framework"}
    assert _objects(g, us, "hasDataImporter") == {base + "recipient/cloud"}
    assert DPV + "DataImporter" in _types(g, base + "recipient/cloud")
    assert _objects(g, base + "recipient/cloud", "hasAddress") == {"Seattle, US"}
    assert _objects(g, us, "hasPersonalData") == {base + "data/email"}
    assert _objects(g, jp, "hasLegalBasis") == {EU_GDPR + "A45-3"}
    # Mechanisms and countries are the transfers', not bases of the policy as a whole.
    assert _objects(g, base + "policy", "hasThirdCountry") == set()
    assert EU_GDPR + "A46-2-c" not in _objects(g, base + "policy", "hasLegalBasis")


def test_processing_statements_prohibitions_rights_and_measures(exported: Any) -> None:
    _, g, base, notes = exported
    top = base + "policy"
    assert _objects(g, top, "hasDataSubject") == {DPV + "Visitor", f"{TERM_IRI}DataSubjectTerm:end-user-of-customer"}
    assert _objects(g, top, "hasLegalBasis") == {
        DPV + "ExpressedConsent",
        DPV + "ImpliedConsent",
        f"{TERM_IRI}LegalBasisTerm:opt-out-consent",
    }
    assert _objects(g, base + "legal-basis/optout", "hasApplicableLaw") == {pm.LawTerm.GDPR.iri}
    process = base + "processing/match"
    assert _objects(g, process, "hasProcessing") == {DPV + "Collect", DPV + "Match", f"{TERM_IRI}OperationTerm:identify"}
    assert _objects(g, process, "isImplementedByEntity") == {base + "party/acme", base + "recipient/net"}
    assert _objects(g, process, "hasDataProcessor") == {base + "party/acme"}
    assert DPV + "DataProcessor" in _types(g, base + "party/acme")
    assert _objects(g, process + "/condition", DCT + "description") == {"for paid plans"}
    # What the policy says is not done: processes that are prohibitions, as DPV's examples put rules on a process.
    rule = base + "prohibition/no-ai"
    assert _objects(g, top, "hasProhibition") == {rule, base + "prohibition/_1"}
    assert _types(g, rule) == {DPV + "Process", DPV + "Prohibition"}
    assert _objects(g, rule, "hasPersonalData") == {PD + "EmailAddress"}
    assert (_objects(g, rule, RDFS + "comment"), _objects(g, rule, DCT + "description")) == ({"intentionally"}, {"Not for AI."})
    (third,) = _objects(g, base + "prohibition/_1", "hasRecipient")
    assert _types(g, third) == {DPV + "Recipient", DPV + "ThirdParty"}
    # Rights by their law: the GDPR's article, else a data-subject right typed with its kind (and naming its law).
    assert _objects(g, top, "hasRight") == {EU_GDPR + "A15", base + "right/access", base + "right/know.ccpa"}
    assert _types(g, base + "right/know.ccpa") == {DPV + "DataSubjectRight", f"{TERM_IRI}RightKind:know"}
    assert _objects(g, base + "right/know.ccpa", "hasApplicableLaw") == {pm.LawTerm.CCPA.iri}
    assert _objects(g, top, "hasTechnicalOrganisationalMeasure") == {DPV + "Encryption", DPV + "NDA", DPV + "PhysicalMeasure"}
    net = base + "recipient/net"
    assert _types(g, net) == {
        DPV + "Recipient",
        f"{TERM_IRI}RecipientKind:social-network",
        f"{TERM_IRI}RecipientKind:advertising-network",
    }
    assert _objects(g, net, RDFS + "seeAlso") == {"https://net.example"}
    by_path = {n.path: n.message for n in notes}
    assert "not a third-party" in by_path["$.processing[1].role"]
    assert "no exceptions" in by_path["$.processing[0].exceptions"]
    assert by_path["$.recourse[0]"].startswith("recourse: not carried over to DPV")
    assert "$.supervisory_authority.local" in by_path
    assert all(n.code == "PM404" for n in notes)
