"""TILT's rights, transfers, parties and changes of purpose, read and written back: each value kept or reported."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import privacymodel as pm
from privacymodel.formats.tilt.countries import read_country
from tests.formats.test_tilt import TILT_SCHEMA, TODAY, tilt_errors, without_meta
from tests.formats.test_tilt_read import noted, read, tilt


def round_trip(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` read and written back (valid TILT, where TILT's schema is at hand)."""
    back = pm.to_tilt(read(document)[0], today=TODAY)
    if TILT_SCHEMA is not None:
        assert tilt_errors(back) == []
    return back


# --- rights ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "kind", "note"),
    [
        ("Sie haben das Recht, Auskunft über Ihre verarbeiteten Daten zu erhalten (Art. 15 DS-GVO).", "access", None),
        ("Recht auf Auskunft", "access", None),
        ("You may request a copy of your data.", "access", None),
        ("Recht auf Datenübertragbarkeit", "portability", "PM403"),
        ("You may receive your data in a machine-readable format.", "portability", "PM403"),
        ("Dir stehen die Rechte auf Auskunft, Berichtigung und Datenübertragbarkeit zu.", "access", "PM403"),
        ("Contact us.", "access", None),
    ],
)
def test_access_and_data_portability_is_the_right_of_access_unless_it_speaks_of_portability_only(
    description: str, kind: str, note: str | None
) -> None:
    document = tilt(accessAndDataPortability={"available": True, "description": description, "email": "dp@acme.example"})
    policy, notes = read(document)
    assert [(str(r.kind), r.description) for r in policy.rights or ()] == [(kind, description)]
    assert noted(notes, "$.accessAndDataPortability") == ([note] if note else [])
    back = round_trip(document)["accessAndDataPortability"]
    assert back["available"] is True
    assert back["email"] == "dp@acme.example"
    assert back["description"] == description


def test_a_right_said_not_to_be_available_is_reported_and_never_granted() -> None:
    document = tilt(
        accessAndDataPortability={
            "available": True,
            "description": "Recht auf Auskunft",
            "administrativeFee": {"amount": 0, "currency": "EUR"},
        },
        rightToDataPortability={"available": False},
        rightToWithdrawConsent={"available": False, "description": "Only where the law says so."},
    )
    policy, notes = read(document)
    rights = {str(r.kind): r for r in policy.rights or ()}
    assert set(rights) == {"access"}
    assert rights["access"].fee == "0 EUR"  # the fee for a copy (Art. 15(3))
    assert noted(notes, "$.rightToDataPortability") == ["PM402"]
    assert noted(notes, "$.rightToWithdrawConsent") == ["PM402"]
    back = round_trip(document)
    assert back["accessAndDataPortability"]["administrativeFee"] == {"amount": 0.0, "currency": "EUR"}
    assert back["rightToDataPortability"] == {}  # not granted: written as not stated, never as available


def test_a_described_right_with_no_available_is_read_as_available_and_noted() -> None:
    policy, notes = read(tilt(rightToWithdrawConsent={"description": "Withdraw at any time."}))
    assert [str(r.kind) for r in policy.rights or ()] == ["withdraw-consent"]
    assert noted(notes, "$.rightToWithdrawConsent.available") == ["PM403"]


def test_a_right_of_portability_alone_is_written_where_it_reads_back_as_portability() -> None:
    policy = pm.loads(
        "privacymodel: 1.1.0\ndocument: {title: T}\ncontrollers: [{id: a, name: Acme}]\n"
        "rights: [{kind: portability, law: gdpr, description: Ask us., fee: 5 EUR}]\n"
    )
    document = pm.to_tilt(policy, today=TODAY)
    assert document["accessAndDataPortability"] == {
        "available": True,
        "description": "portability: Ask us.",
        "administrativeFee": {"amount": 5.0, "currency": "EUR"},
    }
    back = pm.from_tilt(document)
    assert [(str(r.kind), r.description, r.fee) for r in back.rights or ()] == [("portability", "Ask us.", "5 EUR")]
    assert without_meta(pm.to_tilt(back, today=TODAY)) == without_meta(document)


def test_a_right_url_written_as_a_host_name_is_read_as_its_address() -> None:
    policy, notes = read(tilt(rightToInformation={"available": True, "description": "Auskunft", "url": "otto.de"}))
    assert policy.controllers[0].contacts is not None
    assert policy.controllers[0].contacts[0].url == "https://otto.de"
    assert noted(notes, "$.rightToInformation.url") == ["PM403"]


# --- transfers and countries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code", "note"),
    [
        ("US", "US", False),
        ("de", "DE", True),
        ("USA", "US", True),
        ("Deutschland", "DE", True),
        ("Irland", "IE", True),
        ("Luxembourg", "LU", True),
        ("Adobe Systems Software Ireland Limited, 4-6 Riverwalk, Dublin 24, Republic of Ireland", "IE", True),
        ("Qualtrics LLC (333 W. River Park Drive, Provo UT 84604, USA)", "US", True),
        ("Tealium Inc., 11095 Torreyana Road, San Diego, CA 92121", None, False),
        ("Germany or the United States", None, False),
    ],
)
def test_countries_are_read_as_codes_from_codes_names_and_addresses(written: str, code: str | None, note: bool) -> None:
    found, why = read_country(written)
    assert (found, why is not None) == (code, note)


def test_each_mechanism_of_a_transfer_is_a_statement_with_its_description_and_writes_back_alike() -> None:
    transfer = {
        "country": "USA",
        "adequacyDecision": {"available": False},
        "appropriateGuarantees": {"available": True, "description": "https://ec.europa.eu/model-contracts"},
        "standardDataProtectionClause": {"available": True, "description": "https://ec.europa.eu/scc"},
        "presenceOfEnforceableRightsAndEffectiveRemedies": {"available": True, "description": "Courts."},
    }
    document = tilt(thirdCountryTransfers=[transfer])
    policy, notes = read(document)
    assert [(t.destinations, t.mechanisms, t.remedies, t.description) for t in policy.transfers or ()] == [
        (("US",), (pm.TransferMechanism.SCC_COMMISSION,), None, "https://ec.europa.eu/scc"),
        (("US",), (pm.TransferMechanism.APPROPRIATE_SAFEGUARDS,), None, "https://ec.europa.eu/model-contracts"),
        (("US",), None, True, "Courts."),
    ]
    assert noted(notes, "$.thirdCountryTransfers[0].country") == ["PM403"]
    assert noted(notes, "$.thirdCountryTransfers[0].adequacyDecision") == ["PM402"]  # said not to be available
    (back,) = round_trip(document)["thirdCountryTransfers"]
    assert back == {"country": "US", **{k: v for k, v in transfer.items() if k not in ("country", "adequacyDecision")}}


def test_a_mechanism_that_is_not_the_slots_own_is_named_before_its_description() -> None:
    policy = pm.loads(
        "privacymodel: 1.1.0\ndocument: {title: T}\ncontrollers: [{id: a, name: Acme}]\n"
        "transfers:\n  - {destinations: [US], mechanisms: [privacy-shield], description: Certified in 2019.}\n"
        "  - {destinations: [US], mechanisms: [binding-corporate-rules, standard-contractual-clauses], description: Both.}\n"
    )
    notes: list[pm.Problem] = []
    document = pm.to_tilt(policy, notes=notes, today=TODAY)
    assert document["thirdCountryTransfers"] == [  # one TILT transfer for the country, its slots from both statements
        {
            "country": "US",
            "adequacyDecision": {"available": True, "description": "privacy-shield: Certified in 2019."},
            "standardDataProtectionClause": {"available": True, "description": "standard-contractual-clauses"},
            "appropriateGuarantees": {"available": True, "description": "binding-corporate-rules"},
        },
    ]
    assert "$.transfers[1].description" in {n.path for n in notes if n.code == "PM404"}  # two slots: which one?
    assert without_meta(pm.to_tilt(pm.from_tilt(document), today=TODAY)) == without_meta(document)


def test_a_country_that_cannot_be_read_is_reported() -> None:
    document = tilt(thirdCountryTransfers=[{"country": "Klarna Bank AB, Sveavägen 46, 111 34 Stockholm"}])
    policy, notes = read(document)
    assert policy.transfers is None
    assert noted(notes, "$.thirdCountryTransfers[0].country") == ["PM402"]


# --- parties and changes of purpose ---------------------------------------------------------------


def test_an_unnamed_representative_is_reported_with_every_key() -> None:
    representative = {"name": "", "email": "", "contact_form": "https://acme.example/contact"}
    policy, notes = read(tilt(controller={"name": "Acme", "division": "Bikes", "representative": representative}))
    assert policy.representative is None
    assert policy.controllers[0].division == "Bikes"
    assert noted(notes, "$.controller.representative.contact_form") == ["PM402"]


def test_changes_of_purpose_are_read_with_their_categories_and_written_back() -> None:
    change: dict[str, Any] = {
        "description": "From 2026 we analyse orders for recommendations.",
        "affectedDataCategories": ["E-mail address", "Shoe size"],
        "plannedDateOfChange": "2026-03-01T00:00:00",
        "urlOfNewVersion": "https://acme.example/privacy/2",
    }
    document = tilt(changesOfPurpose=[change])
    policy, notes = read(document)
    assert policy.data_categories is not None
    assert policy.purpose_changes == (
        pm.PurposeChange(
            description=change["description"],
            data=(policy.data_categories[0].id,),
            date=dt.date(2026, 3, 1),
            new_version_url="https://acme.example/privacy/2",
        ),
    )
    assert noted(notes, "$.changesOfPurpose[0].affectedDataCategories[1]") == ["PM402"]  # no category is "Shoe size"
    assert noted(notes, "$.changesOfPurpose[0].plannedDateOfChange") == ["PM403"]
    assert round_trip(document)["changesOfPurpose"] == [
        {**change, "affectedDataCategories": ["E-mail address"], "plannedDateOfChange": "2026-03-01"}
    ]
