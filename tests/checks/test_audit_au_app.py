"""The Australian Privacy Principles' rule set: APP 1.4, 1.5 and 5.2, the date they apply from, and the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from privacymodel.checks.audit import LAWS, cited_laws
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2025, 1, 1)
CONTACT = "    contacts:\n      - email: privacy@acme.example\n"
ACCESS = "rights:\n  - kind: access\n    contacts: [mail]\n  - kind: rectification\n"
MAILBOX = "    contacts:\n      - id: mail\n        email: privacy@acme.example\n"
COMPLAINTS = "    contacts:\n      - email: complaints@acme.example\n        purposes: [complaints]\n"
SOURCES = "data_categories:\n  - id: d\n    term: name\n    sources: [provided]\n"


def findings(text: str, as_of: dt.date = DAY) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), "au-app", as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("identity", CONTACT, "present"),
        ("identity", "", "missing"),
        ("kinds", SOURCES, "present"),
        ("kinds", "", "missing"),
        ("collection", SOURCES + "security:\n  measures: [encryption]\n", "present"),
        ("collection", SOURCES + "retention:\n  - id: r\n    period: P1Y\n", "present"),
        ("collection", SOURCES, "unclear"),
        ("collection", "", "missing"),
        ("third-party-collection", "data_categories:\n  - id: d\n    term: name\n    sources: [third-party]\n", "present"),
        ("third-party-collection", "data_categories:\n  - id: d\n    term: name\n    sources: [unspecified]\n", "unclear"),
        ("third-party-collection", SOURCES, "not-applicable"),
        ("required-by-law", "provision_requirements:\n  - required: true\n    statutory: true\n", "present"),
        ("required-by-law", "", "not-applicable"),
        ("purposes", "purposes:\n  - id: p\n    term: marketing\n", "present"),
        ("purposes", "", "missing"),
        ("consequences", "provision_requirements:\n  - required: true\n    consequences: No account.\n", "present"),
        ("consequences", "provision_requirements:\n  - required: false\n", "present"),
        ("consequences", "provision_requirements:\n  - required: true\n", "unclear"),
        ("consequences", "", "missing"),
        ("disclosures", "recipients:\n  - id: r\n    kind: affiliate\n", "present"),
        ("disclosures", "recipients: []\n", "present"),
        ("disclosures", "", "missing"),
        ("access-correction", MAILBOX + ACCESS, "present"),
        ("access-correction", ACCESS.replace("    contacts: [mail]\n", ""), "unclear"),
        ("access-correction", "rights:\n  - kind: access\n    how: Email us.\n", "missing"),
        ("access-correction", "rights:\n  - kind: access\n    law: gdpr\n  - kind: rectification\n    law: gdpr\n", "missing"),
        ("access-correction", "", "missing"),
        ("complaints", COMPLAINTS + "recourse:\n  - kind: regulator\n    name: OAIC\n", "present"),
        ("complaints", COMPLAINTS, "unclear"),
        ("complaints", "rights:\n  - kind: complaint\n", "unclear"),
        ("complaints", "", "missing"),
        ("overseas", "transfers: []\n", "present"),
        ("overseas", "transfers:\n  - destinations: [US]\n", "present"),
        ("overseas", "", "missing"),
        ("countries", "transfers:\n  - destinations: [US, IN]\n", "present"),
        ("countries", "transfers:\n  - destinations: [US]\n    other_destinations: true\n", "unclear"),
        ("countries", "transfers:\n  - destination_regions: [WORLD]\n", "unclear"),
        ("countries", "transfers:\n  - destinations: [AU]\n", "not-applicable"),
        ("countries", "transfers: []\n", "not-applicable"),
        ("countries", "", "unclear"),
    ],
)
def test_app_items(item: str, text: str, expected: str) -> None:
    found = findings(text)[item]
    assert found.status == expected, found.message
    if expected == "present":
        assert found.evidence


def test_the_policy_is_available_where_it_is_published() -> None:
    published = pm.loads(
        MINIMAL.replace("  title: Example policy\n", "  title: Example policy\n  url: https://acme.example/privacy\n")
    )
    found = {f.item: f for f in pm.audit(published, "au-app", as_of=DAY)}["available"]
    assert (found.status, found.evidence) == ("present", ("$.document.url",))
    assert status("", "available") == "unclear"


def test_items_asked_by_app_1_4_and_app_5_cite_both() -> None:
    articles = {item.item: item.article for item in LAWS["au-app"].items}
    assert articles["purposes"] == "APP 1.4(c), APP 5.2(d)"
    assert articles["available"] == "APP 1.5"
    assert articles["identity"] == "APP 5.2(a)"


def test_the_principles_apply_from_2014_03_12() -> None:
    before = findings(CONTACT, dt.date(2014, 3, 11))
    assert {f.status for f in before.values()} == {"not-applicable"}
    assert before["identity"].message.startswith(
        "Schedule 1 of the Privacy Act 1988 (the Australian Privacy Principles) applies from 2014-03-12 (Privacy Amendment"
    )
    assert "the National Privacy Principles" in before["identity"].message
    assert status(CONTACT, "identity", dt.date(2014, 3, 12)) == "present"


def test_a_policy_cites_the_principles_through_the_privacy_act_or_a_right_in_australia() -> None:
    assert "au-app" in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: au-privacy-act\n"))
    assert "au-app" in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: access\n    jurisdictions: [AU]\n"))
    assert "au-app" not in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: gdpr\n"))


def test_a_law_said_not_to_apply_has_nothing_to_audit() -> None:
    found = findings("laws:\n  - law: au-privacy-act\n    applies: false\n")
    assert {f.status for f in found.values()} == {"not-applicable"}


# --- the seeds, each as of its own date --------------------------------------------------------------------------


def seed(name: str) -> dict[str, str]:
    return {f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name), "au-app")}


def test_every_seed_falls_after_the_principles_began() -> None:
    for name in ("customertimes-2020.yaml", "customers-ai-2023.yaml", "customer360-2014.yaml", "click-and-resolve.yaml"):
        assert "present" in seed(name).values(), name


def test_customertimes_2020_gives_access_and_correction_to_people_in_the_eu_only() -> None:
    found = seed("customertimes-2020.yaml")
    assert found["access-correction"] == "missing"
    assert found["overseas"] == "missing"
    assert found["identity"] == found["purposes"] == "present"


def test_customertimes_software_2022_gives_no_contact_and_says_nothing_of_access_or_complaints() -> None:
    found = seed("customertimes-software-2022.yaml")
    assert found["identity"] == found["access-correction"] == found["complaints"] == "missing"
    assert found["third-party-collection"] == "unclear"  # 'other sources', unnamed


def test_customers_ai_2023_sends_data_abroad_without_naming_countries() -> None:
    found = seed("customers-ai-2023.yaml")
    assert found["overseas"] == "present"
    assert found["countries"] == "unclear"
    assert found["access-correction"] == "missing"  # deletion only


def test_customer360_2014_answers_complaints_within_30_days_and_then_truste() -> None:
    found = seed("customer360-2014.yaml")
    assert found["complaints"] == "present"
    assert found["access-correction"] == "present"
    assert found["overseas"] == "present"
    assert found["countries"] == "unclear"  # the United States 'and other countries'
    assert found["available"] == "present"


def test_click_and_resolve_an_australian_company_says_nothing_of_complaints_or_overseas_disclosure() -> None:
    found = seed("click-and-resolve.yaml")
    assert found["identity"] == found["access-correction"] == "present"
    assert found["complaints"] == "missing"
    assert found["overseas"] == "missing"
    assert found["third-party-collection"] == "not-applicable"
