"""The CCPA's and COPPA's rule sets on small hand-built policies: every item's cases, the CPRA's duties by date,
selling and sharing, rights by content, the channel for requests, and what COPPA asks of a general-audience
service."""

from __future__ import annotations

import datetime as dt

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL

CPRA = dt.date(2023, 6, 1)
CCPA_ONLY = dt.date(2021, 6, 1)


def findings(text: str, law: str = "ccpa", as_of: dt.date = CPRA) -> dict[str, pm.Finding]:
    return {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), law, as_of=as_of)}


def status(text: str, item: str, law: str = "ccpa", as_of: dt.date = CPRA) -> str:
    return findings(text, law, as_of)[item].status


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("categories", "data_categories:\n  - id: d\n    term: name\n", "present"),
        ("categories", "", "missing"),
        ("sold-or-shared", "sale_of_data:\n  sold: false\n  shared: false\n", "present"),
        ("sold-or-shared", "sale_of_data:\n  sold: false\n", "unclear"),
        ("sold-or-shared", "", "missing"),
        ("retention", "retention:\n  - id: r\n    period: P1Y\n", "present"),
        ("retention", "retention:\n  - id: r\n    as_long_as_necessary: true\n", "unclear"),
        ("right-know", "rights:\n  - kind: know\n    law: ccpa\n", "present"),
        ("right-know", "rights:\n  - kind: know\n    law: gdpr\n", "missing"),
        ("right-opt-out", "rights:\n  - kind: opt-out-of-sale\n", "present"),
        ("right-opt-out", "", "missing"),
        ("right-non-discrimination", "", "missing"),
        ("requests", "    contacts:\n      - email: a@acme.example\n        purposes: [rights-requests]\n", "present"),
        ("requests", "    contacts:\n      - email: a@acme.example\n", "missing"),
    ],
)
def test_ccpa_items(item: str, text: str, expected: str) -> None:
    assert status(text, item) == expected


# --- the CPRA's duties by date ----------------------------------------------------------------------------------


def test_before_the_cpra_only_selling_is_asked_about() -> None:
    text = "sale_of_data:\n  sold: false\n"
    before = findings(text, as_of=CCPA_ONLY)["sold-or-shared"]
    assert (before.status, before.message) == ("present", "whether data is sold is stated")
    after = findings(text)["sold-or-shared"]
    assert after.status == "unclear"
    assert after.message == (
        "whether data is sold is stated, but not whether it is shared for cross-context behavioural advertising, which "
        "is owed from 2023-01-01 (California Proposition 24 (2020), § 31(a))"
    )


def test_not_selling_for_money_is_unclear() -> None:
    found = findings("sale_of_data:\n  sold: false\n  shared: false\n  for_money_only: true\n")["sold-or-shared"]
    assert found.status == "unclear"
    assert "a sale includes other valuable consideration (Cal. Civ. Code § 1798.140)" in found.message


ADVERTISING = "recipients:\n  - id: ads\n    kind: advertising-network\n"


def test_not_selling_while_giving_data_to_advertisers_is_unclear() -> None:
    found = findings(ADVERTISING + "sale_of_data:\n  sold: false\n  shared: false\n")["sold-or-shared"]
    assert (found.status, found.evidence) == ("unclear", ("$.sale_of_data.sold", "$.sale_of_data.shared", "$.recipients[0]"))
    assert status(ADVERTISING + "sale_of_data:\n  sold: false\n  shared: true\n", "sold-or-shared") == "present"


def test_silence_on_selling_names_what_can_be_a_sale() -> None:
    cookie = "cookies:\n  - name: ids\n    party: third-party\n    cross_site: true\n"
    found = findings(cookie, as_of=CCPA_ONLY)["sold-or-shared"]
    assert (found.status, found.evidence) == ("missing", ("$.cookies[0]",))
    assert found.message == (
        "the policy does not say whether personal information is sold; it gives data to advertisers or lets third "
        "parties track people across sites ($.cookies[0]), which can be a sale (Cal. Civ. Code § 1798.140)"
    )
    assert status("cookies:\n  - name: ids\n    party: first-party\n    cross_site: true\n", "sold-or-shared") == "missing"


def test_no_opt_out_is_owed_where_data_is_said_not_to_be_sold() -> None:
    assert status("sale_of_data:\n  sold: false\n", "right-opt-out", as_of=CCPA_ONLY) == "not-applicable"
    assert status("sale_of_data:\n  sold: false\n", "right-opt-out") == "missing"  # sharing not ruled out
    assert status("sale_of_data:\n  sold: false\n  shared: false\n", "right-opt-out") == "not-applicable"
    assert status(ADVERTISING + "sale_of_data:\n  sold: false\n  shared: false\n", "right-opt-out") == "missing"


def test_the_right_to_limit_is_owed_where_sensitive_data_is_collected() -> None:
    health = "data_categories:\n  - id: h\n    term: health\n"
    found = findings(health)["right-limit"]
    assert (found.status, found.evidence) == ("unclear", ("$.data_categories[0]",))
    assert status(health + "rights:\n  - kind: limit-sensitive\n", "right-limit") == "present"
    assert status("data_categories:\n  - id: e\n    term: email-address\n", "right-limit") == "not-applicable"


# --- rights by content ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "expected"),
    [
        ("  - kind: erasure\n", "present"),  # one deletion sentence counts for every law
        ("  - kind: delete\n    jurisdictions: [US]\n", "present"),
        ("  - kind: delete\n    jurisdictions: [US-CA]\n", "present"),
        ("  - kind: erasure\n    jurisdictions: [EU]\n", "missing"),
        ("  - kind: erasure\n    law: gdpr\n", "missing"),
        ("  - kind: erasure\n    law: cpra\n", "present"),
    ],
)
def test_rights_are_matched_by_content_for_californians(right: str, expected: str) -> None:
    assert status("rights:\n" + right, "right-delete") == expected


def test_one_deletion_sentence_counts_the_same_for_the_gdpr_and_the_ccpa() -> None:
    text = "rights:\n  - kind: erasure\n"
    gdpr = {f.item: f for f in pm.audit(pm.loads(MINIMAL + text), "gdpr", as_of=CPRA)}
    assert (gdpr["right-erasure"].status, status(text, "right-delete")) == ("present", "present")


# --- the channel for requests -----------------------------------------------------------------------------------

RESERVED = (
    "    contacts:\n      - id: eu\n        email: eu@acme.example\n        purposes: [rights-requests]\n"
    "rights:\n  - kind: access\n    law: gdpr\n    contacts: [eu]\n"
)


def test_a_contact_kept_for_another_laws_rights_is_no_channel_for_requests() -> None:
    found = findings(RESERVED)["requests"]
    assert (found.status, found.evidence) == ("missing", ("$.controllers[0].contacts[0]",))
    assert found.message == "the only contacts for requests ($.controllers[0].contacts[0]) are given for rights under another law"
    shared = RESERVED + "  - kind: delete\n    contacts: [eu]\n"
    assert findings(shared)["requests"].evidence == ("$.rights[1].contacts", "$.controllers[0].contacts[0]")


# --- COPPA ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("audience", "children:\n  directed_at_children: false\n", "present"),
        ("audience", "children:\n  knowingly_collects: false\n", "not-applicable"),
        ("audience", "", "missing"),
        ("parental-rights", "children:\n  directed_at_children: true\nrights:\n  - kind: parental-review\n", "present"),
        ("parental-rights", "children:\n  directed_at_children: true\n", "missing"),
        ("parental-rights", "children:\n  directed_at_children: false\n  knowingly_collects: true\n", "missing"),
        ("parental-rights", "children:\n  directed_at_children: false\n", "not-applicable"),
        ("parental-rights", "children:\n  knowingly_collects: false\n", "not-applicable"),
        ("parental-rights", "", "unclear"),
        ("collection", "children:\n  knowingly_collects: true\ndata_categories:\n  - id: d\n    term: name\n", "present"),
        ("knowledge", "children:\n  directed_at_children: false\n  knowingly_collects: false\n", "present"),
        ("knowledge", "children:\n  directed_at_children: false\n", "missing"),
        ("knowledge", "rights:\n  - kind: parental-deletion\n", "unclear"),
        ("knowledge", "children:\n  directed_at_children: true\n", "not-applicable"),
    ],
)
def test_coppa_items(item: str, text: str, expected: str) -> None:
    assert status(text, item, "coppa") == expected


def test_a_general_audience_service_owes_no_statement_of_audience() -> None:
    found = findings("children:\n  knowingly_collects: false\n", "coppa")["audience"]
    assert found.message == (
        "the policy states it does not knowingly collect children's data, and does not say the service is directed at "
        "them; COPPA asks nothing more of a general-audience service without actual knowledge (16 CFR § 312.3)"
    )
