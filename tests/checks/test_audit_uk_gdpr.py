"""The UK GDPR's rule set: the GDPR's items for people in the UK, the rules that differ (rights, representative,
the Information Commissioner, transfers out of the UK by date), the date it applies from, and the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from privacymodel.checks.audit import LAWS, cited_laws
from privacymodel.checks.audit.gdpr_items import ITEMS as GDPR_ITEMS
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2025, 1, 1)
CONTACT = "    contacts:\n      - email: privacy@acme.example\n"


def findings(text: str, as_of: dt.date = DAY) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), "uk-gdpr", as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


def test_the_items_are_the_gdprs_under_the_uk_gdprs_name() -> None:
    items = LAWS["uk-gdpr"].items
    assert [item.item for item in items] == [item.item for item in GDPR_ITEMS]
    assert {item.law for item in items} == {"uk-gdpr"}
    assert [item.article for item in items] == [item.article for item in GDPR_ITEMS]
    representative = LAWS["uk-gdpr"].item("representative")
    assert representative is not None
    assert representative.title == "The controller's representative in the UK"


def test_it_applies_from_the_end_of_the_transition_period() -> None:
    before = findings(CONTACT, dt.date(2020, 12, 31))
    assert {f.status for f in before.values()} == {"not-applicable"}
    message = before["controller"].message
    assert message.startswith("the UK GDPR applies from 2021-01-01 (European Union (Withdrawal) Act 2018")
    assert "EU law applied in the United Kingdom: from 2018-05-25 (Data Protection Act 2018 (Commencement No. 1)" in message
    assert status(CONTACT, "controller", dt.date(2021, 1, 1)) == "present"


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("controller", CONTACT, "present"),
        ("controller", "", "missing"),
        ("dpo", "dpo:\n  contacts:\n    - email: dpo@acme.example\n", "present"),
        ("purposes", "purposes:\n  - id: p\n    term: marketing\n", "present"),
        ("legal-basis", "legal_bases:\n  - id: b\n    basis: A6-1-b\n", "present"),
        ("legal-basis", "", "missing"),
        ("recipients", "recipients: []\n", "present"),
        ("retention", "retention:\n  - id: r\n    as_long_as_necessary: true\n", "unclear"),
        ("requirement", "provision_requirements:\n  - required: false\n", "present"),
        ("data-categories", "data_categories:\n  - id: d\n    term: name\n    sources: [public]\n", "present"),
    ],
)
def test_the_gdprs_own_readings_count_for_the_uk(item: str, text: str, expected: str) -> None:
    found = findings(text)[item]
    assert (found.law, found.status) == ("uk-gdpr", expected)


def test_messages_name_the_uk_gdpr() -> None:
    found = findings("legal_bases:\n  - id: c\n    basis: implied-consent\n")
    assert "UK GDPR" in found["legal-basis"].message
    assert "GDPR" not in found["legal-basis"].message.replace("UK GDPR", "")


@pytest.mark.parametrize(
    ("right", "expected"),
    [
        ("kind: access\n", "present"),
        ("kind: access\n    law: uk-gdpr\n", "present"),
        ("kind: access\n    law: gdpr\n", "present"),
        ("kind: know\n    jurisdictions: [GB]\n", "present"),
        ("kind: access\n    jurisdictions: [GB-SCT]\n", "present"),
        ("kind: access\n    law: gdpr\n    jurisdictions: [EU]\n", "missing"),
        ("kind: access\n    law: ccpa\n", "missing"),
    ],
)
def test_rights_are_those_people_in_the_uk_have(right: str, expected: str) -> None:
    assert status(f"rights:\n  - {right}", "right-access") == expected


def test_a_right_no_basis_grants_is_not_applicable() -> None:
    assert status("legal_bases:\n  - id: lo\n    basis: A6-1-c\n", "right-portability") == "not-applicable"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("representative:\n  id: rep\n  name: Rep Ltd\n  address:\n    country: GB\n", "present"),
        ("representative:\n  id: rep\n  name: Rep GmbH\n  address:\n    country: DE\n", "unclear"),
        ("    address:\n      country: GB\n", "not-applicable"),
        ("    address:\n      country: US\n", "unclear"),
        ("    address:\n      country: US\nlaws:\n  - law: uk-gdpr\n", "missing"),
        ("    address:\n      country: US\nrights:\n  - kind: access\n    jurisdictions: [GB]\n", "missing"),
    ],
)
def test_a_representative_in_the_uk(text: str, expected: str) -> None:
    assert status(text, "representative") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rights:\n  - kind: complaint\n", "present"),
        ("recourse:\n  - kind: supervisory-authority\n", "present"),
        ("recourse:\n  - kind: supervisory-authority\n    name: Information Commissioner's Office\n", "present"),
        ("supervisory_authority:\n  id: sa\n  name: The ICO\n", "present"),
        ("recourse:\n  - kind: supervisory-authority\n    name: CNIL\n", "unclear"),
        ("rights:\n  - kind: complaint\n    jurisdictions: [EU]\n", "missing"),
        ("", "missing"),
    ],
)
def test_complaints_go_to_the_information_commissioner(text: str, expected: str) -> None:
    assert status(text, "complaint") == expected


@pytest.mark.parametrize(
    ("rights", "expected"),
    [
        ("  - kind: withdraw-consent\n    jurisdictions: [GB]\n", "present"),
        ("  - kind: withdraw-consent\n    jurisdictions: [EU]\n", "missing"),
        ("  - kind: marketing-opt-out\n", "unclear"),
    ],
)
def test_withdrawing_consent_is_owed_to_people_in_the_uk(rights: str, expected: str) -> None:
    assert status(f"legal_bases:\n  - id: c\n    basis: A6-1-a\nrights:\n{rights}", "withdraw-consent") == expected


def test_withdrawing_consent_where_none_is_relied_on_or_only_implied() -> None:
    assert status("legal_bases:\n  - id: b\n    basis: A6-1-b\n", "withdraw-consent") == "not-applicable"
    assert status("legal_bases:\n  - id: i\n    basis: implied-consent\n", "withdraw-consent") == "unclear"
    assert status("", "withdraw-consent") == "unclear"


def test_a_right_about_automated_decisions_counts_only_for_people_in_the_uk() -> None:
    assert status("rights:\n  - kind: automated-decision\n    jurisdictions: [GB]\n", "automated-decisions") == "unclear"
    assert status("rights:\n  - kind: automated-decision\n    jurisdictions: [EU]\n", "automated-decisions") == "missing"


def transfer(mechanism: str, extra: str = "") -> str:
    return f"transfers:\n  - destinations: [US]\n    mechanisms: [{mechanism}]\n{extra}"


@pytest.mark.parametrize(
    ("mechanism", "day", "expected"),
    [
        ("data-privacy-framework", dt.date(2023, 10, 11), "missing"),
        ("data-privacy-framework", dt.date(2023, 10, 12), "present"),
        ("privacy-shield", dt.date(2021, 6, 1), "missing"),
        ("binding-corporate-rules", dt.date(2021, 6, 1), "present"),
        ("consent", DAY, "unclear"),
        ("x-model-clauses", DAY, "unclear"),
    ],
)
def test_transfer_mechanisms_for_the_uk_by_date(mechanism: str, day: dt.date, expected: str) -> None:
    assert status(transfer(mechanism), "transfers", day) == expected


@pytest.mark.parametrize(
    ("day", "says"),
    [
        (dt.date(2021, 6, 1), "the earlier EU standard contractual clauses, as UK law kept them"),
        (dt.date(2022, 6, 1), "the IDTA and the Addendum are in force from 2022-03-21 (Data Protection Act 2018, s. 119A"),
        (dt.date(2023, 1, 1), "new contracts must use the IDTA or the EU's 2021 clauses with the UK Addendum from 2022-09-22"),
        (dt.date(2024, 3, 21), "contracts on the earlier clauses stopped giving safeguards on 2024-03-21"),
    ],
)
def test_standard_clauses_say_which_apply_that_day(day: dt.date, says: str) -> None:
    found = findings(transfer("standard-contractual-clauses"), day)["transfers"]
    assert found.status == "present"
    assert says in found.message


def test_only_transfers_out_of_the_uk_count() -> None:
    from_the_eu = "transfers:\n  - origins: [EU]\n    destinations: [US]\n"
    assert status(from_the_eu, "transfers") == "unclear"
    within = "transfers:\n  - destinations: [GB]\n"
    assert status(within, "transfers") == "unclear"
    assert status(transfer("adequacy-decision", "    origins: [GB]\n"), "transfers") == "present"
    assert "UK adequacy regulations" in findings(transfer("adequacy-decision"))["transfers"].message


def test_a_policy_cites_the_uk_gdpr_by_law_or_by_place() -> None:
    assert "uk-gdpr" in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: uk-gdpr\n"))
    assert "uk-gdpr" in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: access\n    jurisdictions: [GB]\n"))
    assert "uk-gdpr" not in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: access\n    jurisdictions: [EU]\n"))


# --- the seeds, each as of its own date --------------------------------------------------------------------------


def seed(name: str) -> dict[str, str]:
    return {f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name), "uk-gdpr")}


@pytest.mark.parametrize("name", ["customertimes-2020.yaml", "customer360-2014.yaml"])
def test_seeds_from_before_2021_are_judged_under_the_gdpr_not_this_law(name: str) -> None:
    assert set(seed(name).values()) == {"not-applicable"}


def test_customertimes_software_2022_states_no_contact_no_rights_and_no_complaint() -> None:
    found = seed("customertimes-software-2022.yaml")
    assert found["controller"] == "missing"
    assert found["right-access"] == found["right-erasure"] == found["complaint"] == "missing"
    assert found["purposes"] == "present"


def test_customers_ai_2023_grants_deletion_but_no_other_right_and_names_no_authority() -> None:
    found = seed("customers-ai-2023.yaml")
    assert found["right-erasure"] == "present"
    assert found["right-access"] == found["right-portability"] == "missing"
    assert found["complaint"] == "missing"
    assert found["transfers"] == "unclear"  # consent to the transfer, not stated to be explicit
    assert found["retention"] == "unclear"


def test_click_and_resolve_grants_the_rights_but_names_no_authority() -> None:
    found = seed("click-and-resolve.yaml")
    assert {found[f"right-{kind}"] for kind in ("access", "rectification", "erasure", "objection", "portability")} == {"present"}
    assert found["complaint"] == "missing"
    assert found["representative"] == "unclear"  # an Australian company: owed only if it targets people in the UK
    assert found["retention"] == "missing"
