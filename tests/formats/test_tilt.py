"""TILT in and out: schema-valid exports, stable round trips, and TILT documents as people write them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft7Validator

import privacymodel as pm
from privacymodel.formats.tilt import NOT_STATED_EMAIL, UNKNOWN_COUNTRY, UNLINKED_ID
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES, SHARED

TILT_DIR = SHARED / "reference" / "tilt"
TODAY = dt.date(2026, 1, 2)


def _tilt_validator() -> Draft7Validator | None:
    path = TILT_DIR / "tilt-schema.json"
    if not path.is_file():
        return None
    return Draft7Validator(json.loads(path.read_text(encoding="utf-8")), format_checker=Draft7Validator.FORMAT_CHECKER)


TILT_SCHEMA = _tilt_validator()
needs_tilt = pytest.mark.skipif(TILT_SCHEMA is None, reason="../shared/reference/tilt is not present beside the clone")


def tilt_errors(document: dict[str, Any]) -> list[str]:
    assert TILT_SCHEMA is not None
    return [f"{list(e.absolute_path)}: {e.message}" for e in TILT_SCHEMA.iter_errors(document)]


def without_meta(document: dict[str, Any]) -> dict[str, Any]:
    """The document less ``meta``, which describes the TILT file (its dates and hash), not the policy."""
    return {key: value for key, value in document.items() if key != "meta"}


# --- writing -------------------------------------------------------------------------


@needs_tilt
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_a_document_tilts_schema_accepts(path: Path) -> None:
    document = pm.to_tilt(pm.load(path), today=TODAY)
    assert tilt_errors(document) == []
    assert list(document) == list(pm.to_tilt(pm.load(path), today=TODAY))  # TILT's key order, every time


@needs_tilt
@given(policies())
def test_every_generated_policy_exports_a_document_tilts_schema_accepts(policy: pm.PrivacyPolicy) -> None:
    assert tilt_errors(pm.to_tilt(policy, today=TODAY)) == []


@given(policies())
def test_export_import_export_is_stable(policy: pm.PrivacyPolicy) -> None:
    """What TILT holds survives a trip through privacymodel: writing the imported policy gives the same TILT."""
    first = pm.to_tilt(policy, today=TODAY)
    again = pm.to_tilt(pm.from_tilt(first), today=TODAY)
    assert without_meta(again) == without_meta(first)


@pytest.mark.parametrize(
    "transfers",
    [
        (
            pm.Transfer(destinations=("AD",), remedies=True),
            pm.Transfer(destinations=("AD",), mechanisms=("adequacy-decision",), remedies=True),
        ),
        (
            pm.Transfer(destinations=("US",), mechanisms=("adequacy-decision", "appropriate-safeguards")),
            pm.Transfer(destinations=("US",), mechanisms=("adequacy-decision", "standard-contractual-clauses")),
        ),
    ],
)
def test_several_transfers_to_one_country_are_written_again_as_read(transfers: tuple[pm.Transfer, ...]) -> None:
    policy = pm.PrivacyPolicy(
        privacymodel="1.1.0", document=pm.Document(title="T"), controllers=(pm.Party(id="c", name="C"),), transfers=transfers
    )
    first = pm.to_tilt(policy, today=TODAY)
    assert without_meta(pm.to_tilt(pm.from_tilt(first), today=TODAY)) == without_meta(first)


def _projection(policy: pm.PrivacyPolicy) -> dict[str, Any]:
    """What TILT holds of a policy, in privacymodel's own terms."""
    controller = policy.controllers[0]
    rights = {r.kind for r in policy.rights or ()}
    held = {pm.RightKind.ACCESS, pm.RightKind.PORTABILITY, pm.RightKind.WITHDRAW_CONSENT, pm.RightKind.COMPLAINT}
    if rights & {pm.RightKind.RECTIFICATION, pm.RightKind.ERASURE}:
        rights |= {pm.RightKind.RECTIFICATION, pm.RightKind.ERASURE}
    return {
        "controller": controller.name,
        "country": controller.address.country if controller.address else None,
        "categories": sorted(str(c.term) for c in policy.data_categories or ()),
        "purposes": {str(p.term) for p in policy.purposes or ()},
        "bases": {str(b.basis) for b in policy.legal_bases or ()},
        "periods": {r.period for r in policy.retention or () if r.period},
        "destinations": {c for t in policy.transfers or () for c in t.destinations or ()},
        "rights": {r for r in rights if r in held or r in (pm.RightKind.RECTIFICATION, pm.RightKind.ERASURE)},
        "dpo": policy.dpo.name if policy.dpo else None,
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_keep_what_tilt_can_hold(path: Path) -> None:
    policy = pm.load(path)
    back = pm.from_tilt(pm.to_tilt(policy))
    expected = _projection(policy)
    got = _projection(back)
    # Purposes and legal bases linked to nothing else are kept too, through the unlinked item.
    assert got == expected
    assert [e for e in pm.check(back) if e.severity == "error"] == []


def test_placeholders_are_documented_values_and_read_back_as_not_stated() -> None:
    policy = pm.loads("privacymodel: 1.0.0\ndocument: {title: T}\ncontrollers: [{id: a, name: Acme}]\n")
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes, today=TODAY)
    assert document["controller"] == {
        "name": "Acme",
        "address": "",
        "country": UNKNOWN_COUNTRY,
        "representative": {"name": "", "email": NOT_STATED_EMAIL},
    }
    assert document["dataProtectionOfficer"]["email"] == NOT_STATED_EMAIL
    assert document["meta"]["created"] == document["meta"]["modified"] == "2026-01-02"
    assert document["meta"]["language"] == "en"
    assert document["accessAndDataPortability"] == {"available": False}
    assert document["dataDisclosed"] == []
    assert {n.code for n in notes} == {"PM405", "PM404"}
    assert any("meta.language" in n.message for n in notes)
    back = pm.from_tilt(document)
    assert back.representative is None
    assert back.dpo is None
    assert back.controllers[0].address is None


def test_meta_hash_is_the_sha256_of_the_document_without_it() -> None:
    import hashlib

    document = pm.to_tilt(pm.load(EXAMPLES[0]), today=TODAY)
    claimed = document["meta"]["_hash"]
    document["meta"]["_hash"] = ""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert claimed == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_what_tilt_cannot_hold_is_reported_with_its_path() -> None:
    notes: list[pm.Problem] = []
    pm.to_tilt(pm.load(next(p for p in EXAMPLES if p.stem == "customertimes-2020")), notes=notes)
    by_path = {n.path: n for n in notes}
    assert by_path["$.cookies[0]"].message.startswith("cookies (13): not carried over to TILT")
    assert "$.children" in by_path
    assert "$.choices[0]" in by_path
    assert "$.laws[0]" in by_path
    assert all(n.severity == "warning" and n.code in ("PM404", "PM405") for n in notes)


def test_statements_linked_to_no_data_go_into_one_item() -> None:
    policy = pm.loads(
        "privacymodel: 1.0.0\ndocument: {title: T}\ncontrollers: [{id: a, name: Acme}]\n"
        "purposes: [{id: ads, term: advertising}]\n"
        "legal_bases: [{id: c, basis: A6-1-a, law: gdpr, description: Asked first.}]\n"
    )
    document = pm.to_tilt(policy)
    (item,) = document["dataDisclosed"]
    assert item["_id"] == UNLINKED_ID
    assert item["category"] == "personal-data"
    assert item["purposes"] == [{"purpose": "advertising", "description": ""}]
    assert item["legalBases"] == [{"reference": "GDPR-6-1-a", "description": "Asked first."}]
    back = pm.from_tilt(document)
    assert back.data_categories is None  # the unlinked item is no data category
    assert back.processing is not None
    assert back.processing[0].data is None


def test_weeks_are_written_as_days() -> None:
    policy = pm.loads(
        "privacymodel: 1.0.0\ndocument: {title: T}\ncontrollers: [{id: a, name: Acme}]\n"
        "data_categories: [{id: e, term: email-address}]\nretention: [{id: r, period: P2W3D}]\n"
    )
    storage = pm.to_tilt(policy)["dataDisclosed"][0]["storage"]
    assert storage[0]["temporal"] == [{"description": "", "ttl": "P17D"}]


# --- format 1.1 ----------------------------------------------------------------------

_HEAD_1_1 = "privacymodel: 1.1.0\ndocument: {title: T}\n"


@pytest.mark.parametrize(
    ("basis", "law", "reference"),
    [
        ("express-consent", "gdpr", "GDPR-6-1-a"),
        ("explicit-consent", "uk-gdpr", "UKGDPR-6-1-a"),
        ("express-consent", "ccpa", "CCPA"),
        ("implied-consent", "gdpr", "GDPR"),
        ("opt-out-consent", None, ""),
    ],
)
def test_kinds_of_consent_are_written_as_gdpr_consent_only_where_they_are(basis: str, law: str | None, reference: str) -> None:
    """Express and explicit consent under the GDPR are its Art. 6(1)(a); implied and opt-out consent are not."""
    stated = f", law: {law}" if law else ""
    policy = pm.loads(
        f"{_HEAD_1_1}controllers: [{{id: a, name: Acme}}]\ndata_categories: [{{id: e, term: email-address}}]\n"
        f"legal_bases: [{{id: c, basis: {basis}{stated}, data: [e], description: Asked.}}]\n"
    )
    document = pm.to_tilt(policy, today=TODAY)
    assert document["dataDisclosed"][0]["legalBases"] == [{"reference": reference, "description": f"{basis}: Asked."}]
    back = pm.from_tilt(document)
    assert back.legal_bases is not None
    assert (str(back.legal_bases[0].basis), back.legal_bases[0].description) == (basis, "Asked.")
    assert without_meta(pm.to_tilt(back, today=TODAY)) == without_meta(document)


def test_parties_the_policy_does_not_name_are_named_by_their_description() -> None:
    policy = pm.loads(
        f"{_HEAD_1_1}controllers: [{{id: a, description: The operator of the site}}]\n"
        "representative: {id: r, description: Our EU agent, contacts: [{email: agent@example.com}]}\n"
        "supervisory_authority: {id: s, description: your local supervisory authority, local: true}\n"
        "rights: [{kind: complaint, law: gdpr}]\n"
    )
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes, today=TODAY)
    assert document["meta"]["name"] == document["controller"]["name"] == "The operator of the site"
    assert document["controller"]["representative"] == {"name": "Our EU agent", "email": "agent@example.com"}
    assert document["rightToComplain"]["supervisoryAuthority"] == {"name": "your local supervisory authority"}
    placeholders = {n.path: n.message for n in notes if n.code == "PM405"}
    assert "controller.name" in placeholders["$.controllers[0].description"]
    assert "controller.representative.name" in placeholders["$.representative.description"]
    assert "supervisoryAuthority.name" in placeholders["$.supervisory_authority.description"]
    if TILT_SCHEMA is not None:
        assert tilt_errors(document) == []
    assert without_meta(pm.to_tilt(pm.from_tilt(document), today=TODAY)) == without_meta(document)


def test_a_recipient_of_several_kinds_is_written_with_the_first() -> None:
    policy = pm.loads(
        f"{_HEAD_1_1}controllers: [{{id: a, name: Acme}}]\ndata_categories: [{{id: e, term: email-address}}]\n"
        "recipients: [{id: n, kinds: [social-network, advertising-network], data: [e], domains: [net.example]}]\n"
    )
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes, today=TODAY)
    assert document["dataDisclosed"][0]["recipients"] == [{"category": "social-network"}]
    by_path = {n.path: n.message for n in notes if n.code == "PM404"}
    assert "'advertising-network' left out" in by_path["$.recipients[0].kinds"]
    assert "host names" in by_path["$.recipients[0].domains"]


def test_what_tilt_cannot_hold_of_format_1_1_is_reported_with_its_reason() -> None:
    policy = pm.loads(
        f"{_HEAD_1_1}controllers: [{{id: a, name: Acme}}]\n"
        "data_subjects: [{id: v, term: visitor}]\n"
        "data_categories: [{id: e, term: email-address, subjects: [v], identifiability: pseudonymised}]\n"
        "legal_bases: [{id: c, basis: A6-1-f, conditional: true, condition: where applicable}]\n"
        "processing: [{id: p, operations: [collect], data: [e], by: [a], role: processor, exceptions: as described}]\n"
        "prohibitions: [{operations: [train-models]}]\n"
        "rights: [{kind: access, voluntary: true, jurisdictions: [US-CA], response_business_days: 30}]\n"
        "transfers: [{origins: [EU], destinations: [US], destination_regions: [WORLD], other_destinations: true}]\n"
        "recourse: [{name: JAMS, kind: arbitration}]\n"
    )
    notes: list[pm.Problem] = []
    pm.to_tilt(policy, notes=notes, today=TODAY)
    by_path = {n.path: n.message for n in notes if n.code == "PM404"}
    expected = {
        "$.data_subjects[0]": "no data subjects",
        "$.data_categories[0].subjects": "whose data",
        "$.data_categories[0].identifiability": "identifies people",
        "$.legal_bases[0].conditional": "only conditionally",
        "$.legal_bases[0].condition": "no conditions",
        "$.processing[0].operations": "no processing operations",
        "$.processing[0].by": "who carries out",
        "$.processing[0].role": "role of the controller",
        "$.processing[0].exceptions": "no exceptions",
        "$.prohibitions[0]": "what is not done",
        "$.rights[0].voluntary": "voluntarily",
        "$.rights[0].jurisdictions": "where people have them",
        "$.rights[0].response_business_days": "time to respond",
        "$.transfers[0].origins": "destination country only",
        "$.transfers[0].destination_regions": "not a region",
        "$.transfers[0].other_destinations": "other countries",
        "$.recourse[0]": "independent recourse",
    }
    for path, reason in expected.items():
        assert reason in by_path[path], (path, by_path.get(path))


# --- what TILT holds, written back ------------------------------------------------------------------

_HEAD = "privacymodel: 1.1.0\ndocument: {title: T}\n"


def test_labels_are_written_where_they_read_back_as_their_terms() -> None:
    policy = pm.loads(
        f"{_HEAD}controllers: [{{id: a, name: Acme, division: Bikes}}]\n"
        "data_categories: [{id: e, term: email-address, label: E-Mail-Adresse}, {id: k, term: x-kundennummer, label: Kundennummer}]\n"
        "purposes: [{id: p, term: advertising, label: Newsletter, description: Monthly.}]\n"
        "recipients: [{id: r, name: Pay Ltd, division: Payments, kind: payment-processor, label: Zahlungsdienstleister,\n"
        "  address: {lines: [1 Main Street], locality: Dublin, country: IE}, data: [e]}]\n"
        "processing: [{id: x, data: [e, k], purposes: [p]}]\n"
    )
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes, today=TODAY)
    assert document["controller"]["division"] == "Bikes"
    email, number = document["dataDisclosed"]
    assert (email["category"], number["category"]) == ("E-Mail-Adresse", "Kundennummer")
    # "Newsletter" reads as direct marketing, not advertising: the term is written and the label reported.
    assert email["purposes"] == [{"purpose": "advertising", "description": "Monthly."}]
    assert "$.purposes[0].label" in {n.path for n in notes if n.code == "PM404"}
    assert email["recipients"] == [
        {
            "name": "Pay Ltd",
            "division": "Payments",
            "address": "1 Main Street, Dublin",
            "country": "IE",
            "category": "Zahlungsdienstleister",
        }
    ]
    if TILT_SCHEMA is not None:
        assert tilt_errors(document) == []
    back = pm.from_tilt(document)
    assert back.data_categories is not None
    assert [(c.term, c.label) for c in back.data_categories] == [
        (pm.DataCategoryTerm.EMAIL_ADDRESS, "E-Mail-Adresse"),
        (pm.CustomTerm("x-kundennummer"), "Kundennummer"),
    ]
    assert without_meta(pm.to_tilt(back, today=TODAY)) == without_meta(document)


@pytest.mark.parametrize(
    ("basis", "law", "reference"),
    [
        ("x-bdsg-26-1", "x-bdsg", "BDSG-26-1"),
        ("x-uwg-7-3", "x-uwg", "UWG-7-3"),
        ("x-bgb", "x-bgb", "BGB"),
        ("x-dsgvo-28", "gdpr", "DSGVO-28"),
        ("x-gdpr-99-1-a", "gdpr", "GDPR-99-1-a"),
    ],
)
def test_custom_bases_that_keep_a_provision_are_written_as_their_reference(basis: str, law: str, reference: str) -> None:
    policy = pm.loads(
        f"{_HEAD}controllers: [{{id: a, name: Acme}}]\ndata_categories: [{{id: e, term: email-address}}]\n"
        f"legal_bases: [{{id: b, basis: {basis}, law: {law}, data: [e], description: Employment.}}]\n"
    )
    document = pm.to_tilt(policy, today=TODAY)
    assert document["dataDisclosed"][0]["legalBases"] == [{"reference": reference, "description": "Employment."}]
    back = pm.from_tilt(document)
    assert back.legal_bases is not None
    assert (str(back.legal_bases[0].basis), str(back.legal_bases[0].law)) == (basis, law)


def test_retention_writes_each_criterion_apart_and_the_laws_that_fit_tilts_pattern() -> None:
    policy = pm.loads(
        f"{_HEAD}controllers: [{{id: a, name: Acme}}]\ndata_categories: [{{id: e, term: email-address}}]\n"
        'retention: [{id: r, period: P10Y, criteria: "Invoices.\\nTax records.", required_by: [HGB-257, § 147 AO]}]\n'
    )
    notes: list[pm.Problem] = []
    (storage,) = pm.to_tilt(policy, notes=notes, today=TODAY)["dataDisclosed"][0]["storage"]
    assert storage["purposeConditional"] == ["Invoices.", "Tax records."]
    assert storage["legalBasisConditional"] == ["HGB-257"]
    assert "$.retention[0].required_by" in {n.path for n in notes if n.code == "PM404"}


def _leaves(value: Any, path: str = "$") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, f"{path}[{index}]")]
    return [(path, value)]


# A document in the shapes the public corpus writes: several bases in one reference, countries as names, access in
# accessAndDataPortability, a portability said not to be available, mechanisms with their descriptions, national laws.
_CORPUS_LIKE = {
    "meta": {"name": "shop", "language": "de", "url": "https://shop.example/datenschutz"},
    "controller": {"name": "Shop GmbH", "division": "Online", "address": "Hauptstraße 1, Hamburg", "country": "Deutschland"},
    "dataDisclosed": [
        {
            "_id": "name",
            "category": "Vorname, Nachname",
            "purposes": [{"purpose": "Vertragsabschluss", "description": "Zur Abwicklung Ihrer Bestellung."}],
            "legalBases": [
                {"reference": "Artikel 6 Absatz 1 Buchstabe b) DSGVO und Artikel 6 Absatz 1 Buchstabe c) DSGVO"},
                {"reference": "§ 7 Absatz 3 UWG", "description": "Werbung an Bestandskunden."},
            ],
            "legitimateInterests": [{"exists": False}],
            "recipients": [
                {"name": "Pay S.A.", "address": "1 Rue X, L-2449", "country": "Luxemburg", "category": "Zahlungsdienstleister"}
            ],
            "storage": [
                {
                    "temporal": [{"description": "Rechnungen", "ttl": "P10Y"}],
                    "purposeConditional": ["Handelsrechtliche Pflichten", "Steuerrecht"],
                    "legalBasisConditional": ["HGB-257"],
                    "aggregationFunction": "max",
                }
            ],
            "nonDisclosure": {
                "legalRequirement": False,
                "contractualRegulation": True,
                "obligationToProvide": True,
                "consequences": "Keine Lieferung.",
            },
        }
    ],
    "thirdCountryTransfers": [
        {
            "country": "USA",
            "adequacyDecision": {"available": False},
            "standardDataProtectionClause": {"available": True, "description": "https://ec.europa.eu/scc"},
        }
    ],
    "accessAndDataPortability": {
        "available": True,
        "description": "Recht auf Auskunft (Art. 15 DSGVO)",
        "email": "privacy@shop.example",
    },
    "rightToDataPortability": {"available": False},
    "rightToComplain": {
        "available": True,
        "description": "Beschwerde",
        "supervisoryAuthority": {"name": "HmbBfDI", "country": "DE"},
    },
    "automatedDecisionMaking": {"inUse": False},
    "changesOfPurpose": [{"description": "Neue Auswertungen ab 2027.", "affectedDataCategories": ["Vorname, Nachname"]}],
}


def test_a_document_as_the_corpus_writes_them_keeps_every_value_or_reports_it() -> None:
    """Every value of the document is in the policy, or noted at its path (or a parent's); written back, every value
    TILT holds is there again, or was noted as read as meant."""
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(_CORPUS_LIKE, notes=notes)
    texts = [v for _, v in _leaves(pm.unstructure(policy)) if isinstance(v, str)]
    back = pm.to_tilt(policy, today=TODAY)
    if TILT_SCHEMA is not None:
        assert tilt_errors(back) == []
    written = [v for _, v in _leaves(back)]
    noted_paths = {n.path for n in notes}
    silent = []
    for path, value in _leaves(_CORPUS_LIKE):
        covered = any(path == p or path.startswith((f"{p}.", f"{p}[")) for p in noted_paths)
        if isinstance(value, bool) or path.startswith("$.meta") or covered or value == "max":
            continue  # booleans are checked by meaning below; "max" is the one aggregation, each period kept
        if not any(value in text for text in texts) or value not in written:
            silent.append(path)
    assert silent == []
    assert {str(r.kind) for r in policy.rights or ()} == {"access", "complaint"}
    assert back["rightToDataPortability"] == {}
    assert back["thirdCountryTransfers"] == [
        {"country": "US", "standardDataProtectionClause": {"available": True, "description": "https://ec.europa.eu/scc"}}
    ]
    references = [b["reference"] for b in back["dataDisclosed"][0]["legalBases"]]
    assert references == ["GDPR-6-1-b", "GDPR-6-1-c", "UWG-7-3"]
