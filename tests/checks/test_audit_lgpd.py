"""Brazil's LGPD rule set: Art. 9 (information on the processing), Art. 18 (rights), Art. 41 (the encarregado),
the date it is in force from, the date of its sanctions, and the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from privacymodel.checks.audit import cited_laws
from tests.conftest import MINIMAL, ROOT

DAY = dt.date(2025, 1, 1)
CONTACT = "    contacts:\n      - email: privacy@acme.example\n"
CONSENT = "legal_bases:\n  - id: c\n    basis: consent\n"


def findings(text: str, as_of: dt.date = DAY) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), "lgpd", as_of=as_of)}


def status(text: str, item: str, as_of: dt.date = DAY) -> str:
    return findings(text, as_of)[item].status


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("controller", CONTACT, "present"),
        ("controller", "", "missing"),
        ("purposes", "purposes:\n  - id: p\n    term: marketing\n", "present"),
        ("purposes", "", "missing"),
        ("form", "data_categories:\n  - id: d\n    term: name\n    sources: [provided]\n", "present"),
        ("form", "processing:\n  - id: s\n    operations: [collect]\n", "present"),
        ("form", "", "missing"),
        ("duration", "retention:\n  - id: r\n    period: P1Y\n", "present"),
        ("duration", "retention:\n  - id: r\n    as_long_as_necessary: true\n", "unclear"),
        ("duration", "", "missing"),
        ("sharing", "recipients: []\n", "present"),
        ("sharing", "", "missing"),
        ("responsibilities", "    roles:\n      - role: controller\n", "present"),
        ("responsibilities", "recipients:\n  - id: r\n    kind: hosting-provider\n    role: processor\n", "present"),
        ("responsibilities", "", "missing"),
        ("dpo", "dpo:\n  name: Ana Souza\n  contacts:\n    - email: dpo@acme.example\n", "present"),
        ("dpo", "dpo:\n  contacts:\n    - email: dpo@acme.example\n", "unclear"),
        ("dpo", "    contacts:\n      - email: dpo@acme.example\n", "unclear"),
        ("dpo", CONTACT, "missing"),
        ("right-access", "rights:\n  - kind: access\n", "present"),
        ("right-access", "rights:\n  - kind: know\n    law: lgpd\n", "present"),
        ("right-correction", "rights:\n  - kind: correct\n    jurisdictions: [BR]\n", "present"),
        ("right-deletion", "rights:\n  - kind: delete\n", "present"),
        ("right-deletion", "rights:\n  - kind: restriction\n", "present"),
        ("right-deletion", "rights:\n  - kind: erasure\n    law: gdpr\n", "missing"),
        ("right-portability", "rights:\n  - kind: portability\n    jurisdictions: [EU]\n", "missing"),
        ("right-sharing-information", "rights:\n  - kind: direct-marketing-disclosure\n", "present"),
        ("right-sharing-information", "rights:\n  - kind: access\n", "unclear"),
        ("right-sharing-information", "", "missing"),
        ("complaint", "recourse:\n  - kind: supervisory-authority\n", "present"),
        ("complaint", "rights:\n  - kind: complaint\n    law: lgpd\n", "present"),
        ("complaint", "", "missing"),
    ],
)
def test_lgpd_items(item: str, text: str, expected: str) -> None:
    found = findings(text)[item]
    assert found.status == expected, found.message
    if expected == "present":
        assert found.evidence


def test_sharing_asks_the_purpose_of_each_recipient() -> None:
    recipients = "recipients:\n  - id: a\n    kind: affiliate\n    purposes: [p]\n  - id: b\n    kind: advertiser\n"
    purposes = "purposes:\n  - id: p\n    term: marketing\n"
    found = findings(purposes + recipients)["sharing"]
    assert (found.status, found.evidence) == ("unclear", ("$.recipients[1]",))
    tied = purposes + recipients + "processing:\n  - id: s\n    purposes: [p]\n    recipients: [b]\n"
    assert status(tied, "sharing") == "present"


@pytest.mark.parametrize(
    ("text", "refuse", "revoke"),
    [
        ("legal_bases:\n  - id: k\n    basis: contract\n", "not-applicable", "not-applicable"),
        ("", "unclear", "unclear"),
        (CONSENT, "missing", "missing"),
        (CONSENT + "rights:\n  - kind: withdraw-consent\n", "missing", "present"),
        (CONSENT + "rights:\n  - kind: marketing-opt-out\n", "missing", "unclear"),
        (CONSENT + "provision_requirements:\n  - required: false\n", "present", "missing"),
        ("legal_bases:\n  - id: i\n    basis: implied-consent\n", "missing", "unclear"),
    ],
)
def test_consent_relied_on_asks_for_refusing_and_revoking_it(text: str, refuse: str, revoke: str) -> None:
    found = findings(text)
    assert (found["right-refuse-consent"].status, found["right-revoke-consent"].status) == (refuse, revoke)


def test_consent_under_another_law_is_not_the_lgpds() -> None:
    assert status("legal_bases:\n  - id: c\n    basis: consent\n    law: ccpa\n", "right-revoke-consent") == "not-applicable"


def test_it_is_in_force_from_2020_09_18() -> None:
    before = findings(CONTACT, dt.date(2020, 9, 17))
    assert {f.status for f in before.values()} == {"not-applicable"}
    assert before["controller"].message.startswith("the LGPD applies from 2020-09-18 (Lei nº 13.709/2018")
    assert status(CONTACT, "controller", dt.date(2020, 9, 18)) == "present"


def test_a_missing_item_before_the_sanctions_applied_says_so() -> None:
    sanctions = "the LGPD's administrative sanctions apply only from 2021-08-01 (Lei nº 13.709/2018, Art. 65, I-A"
    assert sanctions in findings("", dt.date(2021, 7, 31))["purposes"].message
    assert sanctions not in findings("", dt.date(2021, 8, 1))["purposes"].message
    assert sanctions not in findings(CONTACT, dt.date(2021, 7, 31))["controller"].message


def test_a_policy_cites_the_lgpd_by_law_or_by_place() -> None:
    assert "lgpd" in cited_laws(pm.loads(MINIMAL + "laws:\n  - law: lgpd\n"))
    assert "lgpd" in cited_laws(pm.loads(MINIMAL + "rights:\n  - kind: access\n    jurisdictions: [BR]\n"))
    assert "lgpd" not in cited_laws(pm.loads(MINIMAL))


# --- the seeds, each as of its own date --------------------------------------------------------------------------


def seed(name: str) -> dict[str, str]:
    return {f.item: f.status for f in pm.audit(pm.load(ROOT / "examples" / name), "lgpd")}


@pytest.mark.parametrize("name", ["customertimes-2020.yaml", "customer360-2014.yaml"])
def test_seeds_from_before_september_2020_are_not_judged(name: str) -> None:
    assert set(seed(name).values()) == {"not-applicable"}


def test_customertimes_software_2022_names_no_contact_no_officer_and_no_rights() -> None:
    found = seed("customertimes-software-2022.yaml")
    assert found["controller"] == found["dpo"] == found["duration"] == "missing"
    assert found["right-access"] == found["right-deletion"] == "missing"
    assert found["purposes"] == found["form"] == "present"


def test_customers_ai_2023_grants_deletion_and_keeps_data_as_long_as_necessary() -> None:
    found = seed("customers-ai-2023.yaml")
    assert found["right-deletion"] == "present"
    assert found["right-access"] == found["right-correction"] == "missing"
    assert found["duration"] == "unclear"
    assert found["sharing"] == "unclear"  # advertisers and ad networks, with no purpose given
    assert found["dpo"] == "missing"


def test_click_and_resolve_gives_a_dpo_mailbox_but_no_officer_and_no_retention() -> None:
    found = seed("click-and-resolve.yaml")
    assert found["dpo"] == "unclear"
    assert found["duration"] == "missing"
    assert {found[item] for item in ("right-access", "right-correction", "right-deletion", "right-portability")} == {"present"}
    assert found["right-sharing-information"] == "unclear"  # a copy of one's data, not a list of whom it went to
    assert found["right-revoke-consent"] == "unclear"  # express consent, withdrawn only by unsubscribing
    assert found["complaint"] == "missing"
