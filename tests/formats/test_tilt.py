"""TILT in and out: schema-valid exports, stable round trips, and TILT documents as people write them."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

import privacymodel as pm
from privacymodel.formats.tilt import NOT_STATED_EMAIL, UNKNOWN_COUNTRY, UNLINKED_ID, read_duration, read_legal_basis
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


# --- reading -------------------------------------------------------------------------


@needs_tilt
def test_tilts_example_document_imports_cleanly() -> None:
    data = json.loads((TILT_DIR / "tilt.json").read_text(encoding="utf-8"))
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(data, notes=notes)
    assert [p for p in pm.check(policy) if p.severity == "error"] == []
    assert pm.loads(pm.dump(policy)) == policy
    assert policy.controllers[0].name == "Green Company AG"
    assert policy.controllers[0].address == pm.PostalAddress(lines=("Wolfsburger Ring 2, 38440 Berlin",), country="DE")
    assert policy.dpo is not None
    assert policy.dpo.contacts is not None
    assert policy.dpo.contacts[0].email == "contact@greencompany.de"
    assert policy.data_categories is not None
    assert [str(c.term) for c in policy.data_categories] == ["email-address", "x-creditworthiness"]
    assert policy.data_categories[1].sources == (pm.DataSource.THIRD_PARTY,)
    assert policy.legal_bases is not None
    assert [(str(b.basis), str(b.law)) for b in policy.legal_bases] == [("x-gdpr-99-1-a", "gdpr"), ("x-bdsg-42-5", "x-bdsg")]
    assert policy.retention is not None
    assert [r.period for r in policy.retention] == ["P3Y6M4DT12H30M5S", "P3Y6M4DT12H30M17S"]
    assert policy.transfers is not None
    assert policy.transfers[0].destinations == ("ES",)
    assert policy.supervisory_authority is not None
    assert policy.supervisory_authority.name == "Commissioner for Data Protection"
    kinds = {str(r.kind) for r in policy.rights or ()}
    assert kinds == {"access", "rectification", "erasure", "portability", "withdraw-consent", "complaint"}
    codes = {(n.code, n.path) for n in notes}
    assert ("PM403", "$.dataDisclosed[0].storage[0].temporal[1].ttl") in codes  # the start date before P3Y...
    assert ("PM402", "$.changesOfPurpose[0]") in codes
    assert ("PM402", "$.rightToDataPortability") in codes  # available: false with a description


def _tilt(**parts: Any) -> dict[str, Any]:
    """A small TILT document with one data item, changed by ``parts``."""
    item = {
        "_id": "item-1",
        "category": "E-mail address",
        "purposes": [{"purpose": "Marketing", "description": "Newsletter."}],
        "legalBases": [{"reference": "GDPR-6-1-a", "description": ""}],
        "legitimateInterests": [],
        "recipients": [],
        "storage": [],
        "nonDisclosure": {"legalRequirement": False, "contractualRegulation": False, "obligationToProvide": False},
    }
    item.update(parts.pop("item", {}))
    document: dict[str, Any] = {
        "meta": {"name": "Acme", "language": "en", "url": "https://acme.example/privacy"},
        "controller": {"name": "Acme GmbH", "address": "Street 1, Berlin", "country": "DE"},
        "dataDisclosed": [item],
    }
    document.update(parts)
    return document


def _import(document: dict[str, Any]) -> tuple[pm.PrivacyPolicy, list[pm.Problem]]:
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(document, notes=notes)
    assert [p for p in pm.check(policy) if p.severity == "error"] == []
    return policy, notes


@pytest.mark.parametrize(
    ("reference", "basis", "law", "noted"),
    [
        ("GDPR-6-1-a", "A6-1-a", "gdpr", False),
        ("DSGVO-6-1-b", "A6-1-b", "gdpr", False),
        ("GDPR-9-2-a", "A9-2-a", "gdpr", False),
        ("Art. 6(1)(f) GDPR", "A6-1-f", "gdpr", True),
        ("Artikel 6 Absatz 1 Buchstabe b DSGVO", "A6-1-b", "gdpr", True),
        ("Art. 6 Abs. 1 lit. c DS-GVO", "A6-1-c", "gdpr", True),
        ("Art. 6 Abs. 1 S. 1 lit. f DSGVO", "A6-1-f", "gdpr", True),
        ("article 6, paragraphe 1, point e) du RGPD", "A6-1-e", "gdpr", True),
        ("artículo 6.1.a) RGPD", "A6-1-a", "gdpr", True),
        ("Article 9(2)(j) of the GDPR", "A9-2-j", "gdpr", True),
        ("Einwilligung", "consent", None, True),
        ("legitimate interest under the GDPR", "A6-1-f", "gdpr", True),
        ("BDSG-26-1", "x-bdsg-26-1", "x-bdsg", True),
        ("GDPR-99-1-a", "x-gdpr-99-1-a", "gdpr", True),
    ],
)
def test_legal_bases_are_recognised_as_written(reference: str, basis: str, law: str | None, noted: bool) -> None:
    policy, notes = _import(_tilt(item={"legalBases": [{"reference": reference}]}))
    assert policy.legal_bases is not None
    (found,) = policy.legal_bases
    assert (str(found.basis), None if found.law is None else str(found.law)) == (basis, law)
    assert any(n.code == "PM403" and n.path == "$.dataDisclosed[0].legalBases[0]" for n in notes) is noted


def test_unrecognised_legal_basis_is_kept_as_custom_term_with_its_text() -> None:
    policy, notes = _import(_tilt(item={"legalBases": [{"reference": "Hausrecht"}]}))
    assert policy.legal_bases is not None
    assert str(policy.legal_bases[0].basis) == "x-hausrecht"
    assert policy.legal_bases[0].description == "Hausrecht"
    assert [n.code for n in notes if n.path.startswith("$.dataDisclosed")] == ["PM403"]


@pytest.mark.parametrize(
    ("ttl", "period", "note"),
    [
        ("P72H", "PT72H", "read 'P72H' as 'PT72H'"),
        ("P1D12H", "P1DT12H", "read 'P1D12H' as 'P1DT12H'"),
        ("p2y", "P2Y", "read 'p2y' as 'P2Y'"),
        ("P3DT", "P3D", "read 'P3DT' as 'P3D'"),
        ("P6M", "P6M", None),
        ("2020-08-09T18:31:42P3Y", "P3Y", "the start '2020-08-09T18:31:42' before the duration is left out"),
    ],
)
def test_durations_are_read_as_meant(ttl: str, period: str, note: str | None) -> None:
    assert read_duration(ttl) == (period, note)
    storage = [{"temporal": [{"description": "Backups", "ttl": ttl}], "aggregationFunction": "max"}]
    policy, notes = _import(_tilt(item={"storage": storage}))
    assert policy.retention is not None
    assert policy.retention[0].period == period
    ttl_notes = [n for n in notes if n.path == "$.dataDisclosed[0].storage[0].temporal[0].ttl"]
    assert [n.code for n in ttl_notes] == (["PM403"] if note else [])


def test_an_unreadable_duration_is_kept_as_criteria() -> None:
    storage = [{"temporal": [{"description": "", "ttl": "two years"}]}]
    policy, notes = _import(_tilt(item={"storage": storage}))
    assert policy.retention is not None
    assert (policy.retention[0].period, policy.retention[0].criteria) == (None, "two years")
    assert any(n.code == "PM403" and "two years" in n.message for n in notes)


def test_placeholders_mean_not_stated() -> None:
    document = _tilt(
        meta={"_id": None, "name": None, "created": "", "url": None, "language": None, "_hash": []},
        controller={"name": "Acme", "country": None, "address": "", "representative": {"name": None, "email": None}},
        dataProtectionOfficer={"name": None, "address": None, "country": [], "email": None},
        item={
            "purposes": [{"purpose": None, "description": None}],
            "legalBases": [{"reference": [], "description": []}],
            "legitimateInterests": [{"reasoning": [], "~exists": []}],
            "recipients": [{"name": [], "category": []}],
            "storage": [{"temporal": [], "purposeConditional": [], "aggregationFunction": []}],
            "nonDisclosure": {"consequences": None, "legalRequirement": None},
        },
        thirdCountryTransfers=[{"country": [], "adequacyDecision": []}],
        accessAndDataPortability={"available": None, "administrativeFee": {"amount": None, "currency": None}},
        rightToComplain={"available": None, "supervisoryAuthority": {"name": None}},
        automatedDecisionMaking={"inUse": None, "logicInvolved": None},
        changesOfPurpose=[{"description": [], "affectedDataCategories": []}],
    )
    policy, notes = _import(document)
    assert policy.controllers[0] == pm.Party(id="controller", name="Acme")
    assert policy.representative is None
    assert policy.dpo is None
    assert policy.rights is None
    assert policy.purposes is None
    assert policy.legal_bases is None
    assert policy.recipients is None
    assert policy.retention is None
    assert policy.transfers is None
    assert policy.automated_decision_making is None
    assert [n.code for n in notes] == ["PM403"]  # only: the title is the controller's name


def test_free_text_terms_become_custom_terms_and_keep_their_text() -> None:
    item = {
        "category": "Kundennummer",
        "purposes": [{"purpose": "Bonitätsprüfung", "description": None}],
        "recipients": [{"category": "Inkassounternehmen"}],
    }
    policy, _ = _import(_tilt(item=item))
    assert policy.data_categories is not None
    assert policy.purposes is not None
    assert policy.recipients is not None
    assert (str(policy.data_categories[0].term), policy.data_categories[0].description) == ("x-kundennummer", "Kundennummer")
    assert (str(policy.purposes[0].term), policy.purposes[0].description) == ("x-bonitaetspruefung", "Bonitätsprüfung")
    assert (str(policy.recipients[0].kind), policy.recipients[0].description) == ("x-inkassounternehmen", "Inkassounternehmen")


def test_known_words_become_vocabulary_terms() -> None:
    item = {"category": "E-Mail-Adresse", "purposes": [{"purpose": "Newsletter"}], "recipients": [{"category": "Dienstleister"}]}
    policy, _ = _import(_tilt(item=item))
    assert policy.data_categories is not None
    assert policy.purposes is not None
    assert policy.recipients is not None
    assert policy.data_categories[0].term is pm.DataCategoryTerm.EMAIL_ADDRESS
    assert policy.purposes[0].term is pm.PurposeTerm.DIRECT_MARKETING
    assert policy.recipients[0].kind is pm.RecipientKind.SERVICE_PROVIDER


def test_wrong_types_and_unknown_keys_are_reported_not_dropped_silently() -> None:
    document = _tilt(item={"category": 42, "colour": "blue"}, extra={"a": 1})
    _, notes = _import(document)
    paths = {n.path: n.code for n in notes}
    assert paths["$.extra"] == "PM402"
    assert paths["$.dataDisclosed[0].colour"] == "PM402"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"privacymodel": "1.0.0", "document": {"title": "T"}}, "it is a privacymodel policy already"),
        ({"name": "x"}, "not a TILT document"),
        ({"meta": {"name": None}, "controller": {"name": ""}}, "names no controller"),
    ],
)
def test_not_tilt_is_a_clear_error(document: dict[str, Any], message: str) -> None:
    with pytest.raises(pm.PolicyError) as caught:
        pm.from_tilt(document)
    (problem,) = caught.value.problems
    assert problem.code == "PM401"
    assert message in problem.message


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_TILT_VALUES = st.fixed_dictionaries(
    {},
    optional={
        "meta": st.dictionaries(st.sampled_from(["name", "url", "language", "created", "modified", "status"]), _JSON),
        "controller": st.dictionaries(st.sampled_from(["name", "address", "country", "division", "representative"]), _JSON),
        "dataProtectionOfficer": _JSON,
        "dataDisclosed": st.lists(
            st.dictionaries(
                st.sampled_from(["_id", "category", "purposes", "legalBases", "legitimateInterests", "recipients", "storage"]),
                _JSON,
            ),
            max_size=3,
        ),
        "thirdCountryTransfers": _JSON,
        "sources": _JSON,
        "rightToInformation": _JSON,
        "rightToComplain": _JSON,
        "accessAndDataPortability": _JSON,
        "automatedDecisionMaking": _JSON,
    },
)


@given(_TILT_VALUES)
def test_any_json_is_read_or_refused_never_a_crash(document: dict[str, Any]) -> None:
    try:
        policy = pm.from_tilt(document)
    except pm.PolicyError as error:
        refused = [p.code for p in error.problems]
    else:
        refused = []
        assert [p for p in pm.check(policy) if p.severity == "error"] == []
        assert pm.loads(pm.dump(policy)) == policy
    assert refused in ([], ["PM401"])


@given(policies(), st.data())
def test_exported_documents_with_parts_nulled_still_import(policy: pm.PrivacyPolicy, data: st.DataObject) -> None:
    """Exports with values blanked the way real TILT files blank them still read."""
    document = pm.to_tilt(policy)
    blanked = copy.deepcopy(document)
    for key in data.draw(st.lists(st.sampled_from(sorted(document)), max_size=4)):
        blanked[key] = data.draw(st.sampled_from([None, [], {}, ""]))
    if not any(blanked.get(k) for k in ("controller", "meta")):
        return
    try:
        pm.from_tilt(blanked)
    except pm.PolicyError as error:
        refused = [p.code for p in error.problems]
    else:
        refused = []
    assert refused in ([], ["PM401"])


def test_read_legal_basis_names_the_law_alone() -> None:
    assert read_legal_basis("CCPA") == (None, "ccpa", None)


def test_a_description_naming_a_basis_does_not_override_the_article() -> None:
    policy, _ = _import(_tilt(item={"legalBases": [{"reference": "GDPR-6-1-a", "description": "consent"}]}))
    assert policy.legal_bases is not None
    assert str(policy.legal_bases[0].basis) == "A6-1-a"


def test_tilt_2_category_lists_link_every_category() -> None:
    policy, _ = _import(_tilt(item={"category": ["E-mail address", "Name"]}))
    assert policy.processing is not None
    assert policy.data_categories is not None
    assert [str(c.term) for c in policy.data_categories] == ["email-address", "name"]
    assert policy.processing[0].data == tuple(c.id for c in policy.data_categories)


def test_sources_attach_to_the_category_with_the_same_text() -> None:
    sources = [{"_id": "other-id", "dataCategory": "E-mail address", "sources": [{"publiclyAvailable": True}]}]
    policy, _ = _import(_tilt(sources=sources))
    assert policy.data_categories is not None
    (category,) = policy.data_categories
    assert category.sources == (pm.DataSource.PUBLIC,)


def test_tilt_2_fields_are_read_or_reported() -> None:
    document = _tilt(
        meta={"name": "Acme", "url": ["https://acme.example/privacy", "https://acme.example/datenschutz"]},
        controller={"name": "Acme GmbH", "sector": "H"},
        item={"recipients": [{"name": "Cloud Ltd", "category": "hosting", "domain": "cloud.example"}]},
        sources=[{"_id": "s", "dataCategory": "E-mail address", "sources": [{"publiclyAvailable": False, "origin": "observed"}]}],
    )
    policy, notes = _import(document)
    assert policy.document.url == "https://acme.example/privacy"
    assert policy.data_categories is not None
    assert policy.data_categories[0].sources == (pm.DataSource.THIRD_PARTY, pm.DataSource.OBSERVED)
    lost = {n.path for n in notes if n.code == "PM402"}
    assert {"$.meta.url", "$.controller.sector", "$.dataDisclosed[0].recipients[0].domain"} <= lost


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
