"""Reading TILT: documents as people write them, every value carried over with its meaning or reported."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.tilt import read_duration, read_legal_bases, read_legal_basis
from privacymodel.strategies import policies
from tests.formats.test_tilt import TILT_DIR, needs_tilt


def tilt(**parts: Any) -> dict[str, Any]:
    """A small TILT document with one data item, changed by ``parts`` (``item`` changes the item)."""
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


def read(document: dict[str, Any]) -> tuple[pm.PrivacyPolicy, list[pm.Problem]]:
    """The policy read from ``document`` (checked to be valid) and the notes on reading it."""
    notes: list[pm.Problem] = []
    policy = pm.from_tilt(document, notes=notes)
    assert [p for p in pm.check(policy) if p.severity == "error"] == []
    return policy, notes


def noted(notes: list[pm.Problem], path: str) -> list[str]:
    """The codes of the notes at ``path``."""
    return [n.code for n in notes if n.path == path]


@needs_tilt
def test_tilts_example_document_imports_cleanly() -> None:
    data = json.loads((TILT_DIR / "tilt.json").read_text(encoding="utf-8"))
    policy, notes = read(data)
    assert pm.loads(pm.dump(policy)) == policy
    assert policy.controllers[0].name == "Green Company AG"
    assert policy.controllers[0].division == "Product line e-mobility"
    assert policy.controllers[0].address == pm.PostalAddress(lines=("Wolfsburger Ring 2, 38440 Berlin",), country="DE")
    assert policy.dpo is not None
    assert policy.dpo.contacts is not None
    assert policy.dpo.contacts[0].email == "contact@greencompany.de"
    assert policy.data_categories is not None
    assert [(str(c.term), c.label) for c in policy.data_categories] == [
        ("email-address", "E-mail address"),
        ("x-creditworthiness", "Creditworthiness"),
    ]
    assert policy.data_categories[1].sources == (pm.DataSource.THIRD_PARTY,)
    assert policy.legal_bases is not None
    assert [(str(b.basis), str(b.law)) for b in policy.legal_bases] == [("x-gdpr-99-1-a", "gdpr"), ("x-bdsg-42-5", "x-bdsg")]
    assert policy.recipients is not None
    yellow = policy.recipients[0]
    assert (yellow.name, yellow.division, yellow.label) == (
        "Yellow Company AG",
        "Product line e-mobility",
        "Marketing content provider",
    )
    assert yellow.address == pm.PostalAddress(lines=("Triana 123, 9999 Seville",), country="ES")
    assert policy.retention is not None
    assert [r.period for r in policy.retention] == ["P3Y6M4DT12H30M5S", "P3Y6M4DT12H30M17S"]
    assert policy.retention[0].required_by == ("SGB-100-42",)
    assert policy.transfers is not None
    assert [(t.destinations, t.mechanisms, t.remedies) for t in policy.transfers] == [
        (("ES",), (pm.TransferMechanism.ADEQUACY,), None),
        (("ES",), (pm.TransferMechanism.SCC_COMMISSION,), None),
        (("ES",), (pm.TransferMechanism.APPROPRIATE_SAFEGUARDS,), None),
        (("ES",), None, True),
    ]
    assert policy.transfers[0].description == "An adequacy decision was made on the 23rd April 2020 by..."
    assert policy.supervisory_authority is not None
    assert policy.supervisory_authority.name == "Commissioner for Data Protection"
    rights = {str(r.kind): r for r in policy.rights or ()}
    # accessAndDataPortability describes access ("Data access is possible through..."); portability is said not available.
    assert set(rights) == {"access", "rectification", "erasure", "withdraw-consent", "complaint"}
    assert rights["access"].fee == "0 EUR"
    # "Email adress" and "Credit score" name no category of the document: reported, the change kept.
    assert policy.purpose_changes == (
        pm.PurposeChange(
            description="Due to technical requirements...",
            date=dt.date(2020, 8, 20),
            new_version_url="https://greencomp.de/privacypolicy/2",
        ),
    )
    codes = {(n.code, n.path) for n in notes}
    assert ("PM403", "$.dataDisclosed[0].storage[0].temporal[1].ttl") in codes  # the start date before P3Y...
    assert ("PM402", "$.rightToDataPortability") in codes  # available: false
    assert ("PM402", "$.changesOfPurpose[0].affectedDataCategories[0]") in codes  # "Email adress" names no category


# --- legal bases ----------------------------------------------------------------------------------

_FOUR_BASES = (
    "Artikel 6 Absatz 1 Buchstabe a), Artikel 6 Absatz 1 Buchstabe b), Artikel 6 Absatz 1 Buchstabe c) DSGVO sowie "
    "Artikel 6 Absatz 1 Buchstabe f) DSGVO"
)


@pytest.mark.parametrize(
    ("reference", "bases", "noted_as"),
    [
        ("GDPR-6-1-a", [("A6-1-a", "gdpr")], None),
        ("DSGVO-6-1-b", [("A6-1-b", "gdpr")], None),
        ("GDPR-9-2-a", [("A9-2-a", "gdpr")], None),
        ("GDPR-6-1a", [("A6-1-a", "gdpr")], "PM403"),
        ("Art. 6(1)(f) GDPR", [("A6-1-f", "gdpr")], "PM403"),
        ("Artikel 6 Absatz 1 Buchstabe b DSGVO", [("A6-1-b", "gdpr")], "PM403"),
        ("Art. 6 Abs. 1 lit. c DS-GVO", [("A6-1-c", "gdpr")], "PM403"),
        ("Art. 6 Abs. 1 S. 1 lit. f DSGVO", [("A6-1-f", "gdpr")], "PM403"),
        ("Art. 6 Abs. 1 UAbs. 1 lit. f", [("A6-1-f", "gdpr")], "PM403"),
        ("Art. 6 I lit. f", [("A6-1-f", "gdpr")], "PM403"),
        ("Art. 6 Abs 1a DSGVO", [("A6-1-a", "gdpr")], "PM403"),
        ("Art. 6 (1) a", [("A6-1-a", "gdpr")], "PM403"),
        ("Abschnitt 6.1.f der DSGVO", [("A6-1-f", "gdpr")], "PM403"),
        ("article 6, paragraphe 1, point e) du RGPD", [("A6-1-e", "gdpr")], "PM403"),
        ("artículo 6.1.a) RGPD", [("A6-1-a", "gdpr")], "PM403"),
        ("Article 9(2)(j) of the GDPR", [("A9-2-j", "gdpr")], "PM403"),
        ("Einwilligung", [("consent", None)], "PM403"),
        ("Einverständnis", [("consent", None)], "PM403"),
        ("legitimate interest under the GDPR", [("A6-1-f", "gdpr")], "PM403"),
        ("BDSG-26-1", [("x-bdsg-26-1", "x-bdsg")], "PM403"),
        ("§ 7 Absatz 3 UWG", [("x-uwg-7-3", "x-uwg")], "PM403"),
        ("GDPR-99-1-a", [("x-gdpr-99-1-a", "gdpr")], "PM403"),
        ("DSGVO-28", [("x-dsgvo-28", "gdpr")], "PM403"),
        ("BGB", [("x-bgb", "x-bgb")], "PM403"),
        (_FOUR_BASES, [("A6-1-a", "gdpr"), ("A6-1-b", "gdpr"), ("A6-1-c", "gdpr"), ("A6-1-f", "gdpr")], "PM403"),
        ("Art. 6 Abs. 1 S. 1 lit. a, b DSGVO", [("A6-1-a", "gdpr"), ("A6-1-b", "gdpr")], "PM403"),
        ("Art. 6 Abs. 1 lit. b DSGVO und Art. 6 Abs. 1 lit. f DSGVO", [("A6-1-b", "gdpr"), ("A6-1-f", "gdpr")], "PM403"),
    ],
)
def test_legal_bases_are_recognised_as_written(reference: str, bases: list[tuple[str, str | None]], noted_as: str | None) -> None:
    policy, notes = read(tilt(item={"legalBases": [{"reference": reference, "description": "As stated."}]}))
    assert policy.legal_bases is not None
    assert [(str(b.basis), None if b.law is None else str(b.law)) for b in policy.legal_bases] == bases
    assert {b.description for b in policy.legal_bases} == {"As stated."}  # each basis keeps the entry's description
    assert noted(notes, "$.dataDisclosed[0].legalBases[0]") == ([noted_as] if noted_as else [])


def test_a_law_named_alone_reads_the_description_for_the_basis() -> None:
    policy, notes = read(tilt(item={"legalBases": [{"reference": "EU-DSGVO", "description": "Durchführung eines Vertrags"}]}))
    assert policy.legal_bases is not None
    assert [(str(b.basis), str(b.law)) for b in policy.legal_bases] == [("A6-1-b", "gdpr")]
    (note,) = [n for n in notes if n.path == "$.dataDisclosed[0].legalBases[0]"]
    assert "'EU-DSGVO' with its description" in note.message


def test_an_unrecognised_legal_basis_is_kept_as_a_custom_term_with_its_text() -> None:
    policy, notes = read(tilt(item={"legalBases": [{"reference": "Hausrecht"}]}))
    assert policy.legal_bases is not None
    assert (str(policy.legal_bases[0].basis), policy.legal_bases[0].description) == ("x-hausrecht", "Hausrecht")
    assert [n.code for n in notes if n.path.startswith("$.dataDisclosed")] == ["PM403"]


def test_read_legal_basis_gives_the_first_basis_or_the_law_alone() -> None:
    assert read_legal_basis("CCPA") == (None, "ccpa", None)
    assert read_legal_basis("GDPR-6-1-a") == ("A6-1-a", "gdpr", None)
    assert read_legal_bases("Art. 5 TTDSG") == ([], None, None)  # an article of another law is no GDPR basis


def test_a_description_naming_a_basis_does_not_override_the_article() -> None:
    policy, _ = read(tilt(item={"legalBases": [{"reference": "GDPR-6-1-a", "description": "consent"}]}))
    assert policy.legal_bases is not None
    assert str(policy.legal_bases[0].basis) == "A6-1-a"


def test_legitimate_interests_take_the_legitimate_interests_basis_or_add_one_noted() -> None:
    interests = [{"exists": True, "reasoning": "Fraud prevention."}, {"exists": True, "reasoning": "Statistics."}]
    bases = [{"reference": "GDPR-6-1-f"}]
    policy, notes = read(tilt(item={"legalBases": bases, "legitimateInterests": interests}))
    assert policy.legal_bases is not None
    assert [(str(b.basis), b.legitimate_interests) for b in policy.legal_bases] == [
        ("A6-1-f", "Fraud prevention."),
        ("A6-1-f", "Statistics."),
    ]
    assert noted(notes, "$.dataDisclosed[0].legitimateInterests[0]") == []
    assert noted(notes, "$.dataDisclosed[0].legitimateInterests[1]") == ["PM403"]  # no basis listed is it


# --- durations and storage ------------------------------------------------------------------------


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
    policy, notes = read(tilt(item={"storage": storage}))
    assert policy.retention is not None
    assert policy.retention[0].period == period
    assert noted(notes, "$.dataDisclosed[0].storage[0].temporal[0].ttl") == (["PM403"] if note else [])


def test_storage_keeps_its_conditions_one_by_one_and_the_laws_requiring_it() -> None:
    storage = [
        {
            "temporal": "P7D",  # a duration where a list of periods belongs
            "purposeConditional": ["Until the order is complete.", "Invoices: as tax law says."],
            "legalBasisConditional": ["HGB-257", "AO-147"],
            "aggregationFunction": "min",
        }
    ]
    policy, notes = read(tilt(item={"storage": storage}))
    assert policy.retention is not None
    (kept,) = policy.retention
    assert (kept.period, kept.required_by) == ("P7D", ("HGB-257", "AO-147"))
    assert kept.criteria == "Until the order is complete.\nInvoices: as tax law says."
    assert noted(notes, "$.dataDisclosed[0].storage[0].temporal") == ["PM403"]
    assert noted(notes, "$.dataDisclosed[0].storage[0].aggregationFunction") == ["PM402"]


def test_an_unreadable_duration_is_kept_as_criteria() -> None:
    policy, notes = read(tilt(item={"storage": [{"temporal": [{"description": "", "ttl": "two years"}]}]}))
    assert policy.retention is not None
    assert (policy.retention[0].period, policy.retention[0].criteria) == (None, "two years")
    assert any(n.code == "PM403" and "two years" in n.message for n in notes)


# --- terms, labels and recipients -----------------------------------------------------------------


def test_text_matching_no_term_becomes_a_custom_term_and_keeps_its_words_as_the_label() -> None:
    item = {
        "category": "Kundennummer",
        "purposes": [{"purpose": "Bonitätsprüfung", "description": "Wir prüfen Ihre Bonität."}],
        "recipients": [{"category": "Inkassounternehmen"}],
    }
    policy, _ = read(tilt(item=item))
    assert policy.data_categories is not None
    assert policy.purposes is not None
    assert policy.recipients is not None
    assert (str(policy.data_categories[0].term), policy.data_categories[0].label) == ("x-kundennummer", "Kundennummer")
    purpose = policy.purposes[0]
    assert (str(purpose.term), purpose.label, purpose.description) == (
        "x-bonitaetspruefung",
        "Bonitätsprüfung",
        "Wir prüfen Ihre Bonität.",
    )
    assert (str(policy.recipients[0].kind), policy.recipients[0].label) == ("x-inkassounternehmen", "Inkassounternehmen")


def test_known_words_become_vocabulary_terms_with_the_words_as_label() -> None:
    item = {"category": "E-Mail-Adresse", "purposes": [{"purpose": "Newsletter"}], "recipients": [{"category": "Dienstleister"}]}
    policy, _ = read(tilt(item=item))
    assert policy.data_categories is not None
    assert policy.purposes is not None
    assert policy.recipients is not None
    assert (policy.data_categories[0].term, policy.data_categories[0].label) == (
        pm.DataCategoryTerm.EMAIL_ADDRESS,
        "E-Mail-Adresse",
    )
    assert policy.purposes[0].term is pm.PurposeTerm.DIRECT_MARKETING
    assert policy.recipients[0].kind is pm.RecipientKind.SERVICE_PROVIDER


def test_recipients_keep_their_division_address_and_country_and_report_their_representative() -> None:
    recipient = {
        "name": "PayPal",
        "division": "Payments",
        "address": "22-24 Boulevard Royal, L-2449",
        "country": "Luxembourg",
        "category": "Zahlungsabwicklung",
        "representative": {"name": "Jane Doe", "email": "jane@paypal.example"},
    }
    policy, notes = read(tilt(item={"recipients": [recipient]}))
    assert policy.recipients is not None
    (found,) = policy.recipients
    assert (found.name, found.division, found.label) == ("PayPal", "Payments", "Zahlungsabwicklung")
    assert found.address == pm.PostalAddress(lines=("22-24 Boulevard Royal, L-2449",), country="LU")
    assert noted(notes, "$.dataDisclosed[0].recipients[0].country") == ["PM403"]  # the name read as a code
    assert noted(notes, "$.dataDisclosed[0].recipients[0].representative") == ["PM402"]


# --- placeholders, wrong types, TILT 2 and anything JSON holds --------------------------------


def test_placeholders_mean_not_stated() -> None:
    document = tilt(
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
    policy, notes = read(document)
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


def test_wrong_types_and_unknown_keys_are_reported_not_dropped_silently() -> None:
    document = tilt(item={"category": 42, "colour": "blue"}, extra={"a": 1})
    _, notes = read(document)
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


def test_tilt_2_category_lists_link_every_category() -> None:
    policy, _ = read(tilt(item={"category": ["E-mail address", "Name"]}))
    assert policy.processing is not None
    assert policy.data_categories is not None
    assert [str(c.term) for c in policy.data_categories] == ["email-address", "name"]
    assert policy.processing[0].data == tuple(c.id for c in policy.data_categories)


def test_sources_attach_to_the_category_with_the_same_text() -> None:
    sources = [{"_id": "other-id", "dataCategory": "E-mail address", "sources": [{"publiclyAvailable": True}]}]
    policy, _ = read(tilt(sources=sources))
    assert policy.data_categories is not None
    (category,) = policy.data_categories
    assert category.sources == (pm.DataSource.PUBLIC,)


def test_tilt_2_fields_are_read_or_reported() -> None:
    document = tilt(
        meta={"name": "Acme", "url": ["https://acme.example/privacy", "https://acme.example/datenschutz"]},
        controller={"name": "Acme GmbH", "sector": "H"},
        item={"recipients": [{"name": "Cloud Ltd", "category": "hosting", "domain": "cloud.example"}]},
        sources=[{"_id": "s", "dataCategory": "E-mail address", "sources": [{"publiclyAvailable": False, "origin": "observed"}]}],
    )
    policy, notes = read(document)
    assert policy.document.url == "https://acme.example/privacy"
    assert policy.data_categories is not None
    assert policy.data_categories[0].sources == (pm.DataSource.THIRD_PARTY, pm.DataSource.OBSERVED)
    lost = {n.path for n in notes if n.code == "PM402"}
    assert {"$.meta.url", "$.controller.sector", "$.dataDisclosed[0].recipients[0].domain"} <= lost
