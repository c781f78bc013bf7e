"""What holds for the UK GDPR, LGPD, APP, VCDPA and CPA rule sets on any policy: every item reported once with a
valid status, nothing judged before the law applies, and a right stated with no law and no place counting for
every one of them."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.checks.audit import LAWS, STATUSES
from privacymodel.checks.audit.facts import FACTS
from tests.conftest import MINIMAL

OURS = ("uk-gdpr", "lgpd", "au-app", "vcdpa", "cpa")
DAYS = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))
# The GDPR's consistency items, reported once for each thing to say, or not at all.
OPTIONAL = {"consistency-rights", "consistency-processor"}

# Statements a policy may make, by top-level key; a drawn policy makes some of them.
PARTS = {
    "dpo": ["dpo:\n  name: Ana\n  contacts:\n    - email: dpo@acme.example\n", "dpo:\n  name: Ana\n"],
    "representative": ["representative:\n  id: rep\n  name: Rep Ltd\n  address:\n    country: GB\n"],
    "data_categories": [
        "data_categories:\n  - id: d\n    term: name\n    sources: [third-party]\n",
        "data_categories:\n  - id: d\n    term: health\n    sources: [unspecified]\n",
    ],
    "provision_requirements": ["provision_requirements:\n  - required: false\n", "provision_requirements:\n  - required: true\n"],
    "purposes": ["purposes:\n  - id: p\n    term: targeted-advertising\n", "purposes:\n  - id: p\n    term: customer-care\n"],
    "legal_bases": [
        "legal_bases:\n  - id: b\n    basis: consent\n",
        "legal_bases:\n  - id: b\n    basis: A6-1-c\n",
        "legal_bases:\n  - id: b\n    basis: implied-consent\n",
    ],
    "recipients": [
        "recipients: []\n",
        "recipients:\n  - id: r\n    kind: advertising-network\n",
        "recipients:\n  - id: r\n    kind: hosting-provider\n    role: processor\n",
    ],
    "retention": ["retention:\n  - id: k\n    period: P1Y\n", "retention:\n  - id: k\n    as_long_as_necessary: true\n"],
    "transfers": [
        "transfers: []\n",
        "transfers:\n  - destinations: [US]\n    mechanisms: [standard-contractual-clauses]\n",
        "transfers:\n  - other_destinations: true\n    mechanisms: [consent]\n",
    ],
    "recourse": ["recourse:\n  - kind: supervisory-authority\n", "recourse:\n  - kind: regulator\n    after: P30D\n"],
    "sale_of_data": ["sale_of_data:\n  sold: false\n", "sale_of_data:\n  sold: false\n  for_money_only: true\n"],
    "automated_decision_making": ["automated_decision_making:\n  used: true\n"],
    "do_not_track": ["do_not_track:\n  honoured: false\n"],
    "laws": ["laws:\n  - law: lgpd\n    applies: false\n", "laws:\n  - law: uk-gdpr\n"],
}
KINDS = ["access", "rectification", "erasure", "portability", "withdraw-consent", "complaint", "opt-out-of-sale"]
PLACES = [None, "[GB]", "[BR]", "[AU]", "[US-VA]", "[US-CO]", "[EU]"]
LAW_TERMS = [None, "gdpr", "uk-gdpr", "lgpd", "ccpa", "vcdpa", "cpa"]
CONTACTS = ["", "    contacts:\n      - email: privacy@acme.example\n        purposes: [rights-requests]\n"]


@st.composite
def drawn_policies(draw: st.DrawFn) -> pm.PrivacyPolicy:
    text = MINIMAL + draw(st.sampled_from(CONTACTS))
    for options in PARTS.values():
        text += draw(st.sampled_from(["", *options]))
    rights = draw(st.lists(st.tuples(*(st.sampled_from(pool) for pool in (KINDS, LAW_TERMS, PLACES))), max_size=3))
    if rights:
        text += "rights:\n" + "".join(
            f"  - kind: {kind}\n" + (f"    law: {law}\n" if law else "") + (f"    jurisdictions: {where}\n" if where else "")
            for kind, law, where in rights
        )
    return pm.loads(text)


@pytest.mark.parametrize("law", OURS)
@given(policy=drawn_policies(), day=DAYS)
def test_every_item_is_reported_once_and_nothing_before_the_law_applies(law: str, policy: pm.PrivacyPolicy, day: dt.date) -> None:
    rule_set = LAWS[law]
    found = pm.audit(policy, law, as_of=day)
    items = [f.item for f in found if f.item not in OPTIONAL]
    assert len(items) == len(set(items))
    declared = {item.item for item in rule_set.items}
    assert set(items) == declared - OPTIONAL
    assert {f.item for f in found} <= declared
    assert all(f.status in STATUSES and f.law == law for f in found)
    assert all(f.evidence for f in found if f.status == "present")
    if day < rule_set.applies_from.date:
        assert {f.status for f in found} == {"not-applicable"}


@given(policy=drawn_policies())
def test_a_right_stated_with_no_law_and_no_place_counts_for_every_law(policy: pm.PrivacyPolicy) -> None:
    plain = attrs.evolve(policy, rights=(pm.Right(kind=pm.RightKind.ACCESS),))
    for law in ("uk-gdpr", "lgpd", "vcdpa", "cpa"):
        found = {f.item: f for f in pm.audit(plain, law, as_of=dt.date(2025, 1, 1))}["right-access"]
        said_not_to_apply = found.message == "the policy states the law does not apply"
        assert found.status == "present" or said_not_to_apply, (law, found)


def test_the_facts_these_laws_add_name_their_source() -> None:
    assert FACTS
    for fact in FACTS:
        assert fact.source
        assert fact.event
        assert fact.cite().startswith(fact.date.isoformat())
