"""The CCPA's rule set: the notice at collection, and the consumer rights with a way to exercise them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from privacymodel.checks.audit.finding import Finding, Item, Rule, count, paths, rights_at, stated
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import ContactPurpose, LawTerm, RightKind
from privacymodel.problems import format_path

__all__ = ["RULES"]

LAW: Final = LawTerm.CCPA.value
_NOTICE: Final = "Cal. Civ. Code § 1798.100(a)(1)"

CATEGORIES: Final = Item(LAW, "categories", "Categories of personal information collected", _NOTICE)
PURPOSES: Final = Item(LAW, "purposes", "Purposes of collection and use", _NOTICE)
SOLD_OR_SHARED: Final = Item(LAW, "sold-or-shared", "Whether personal information is sold or shared", f"{_NOTICE}, § 1798.120")
RETENTION: Final = Item(LAW, "retention", "How long each category is kept", "Cal. Civ. Code § 1798.100(a)(3)")
CONSUMER_RIGHTS: Final = (
    (Item(LAW, "right-know", "Right to know", "Cal. Civ. Code § 1798.110"), {RightKind.KNOW}),
    (Item(LAW, "right-delete", "Right to delete", "Cal. Civ. Code § 1798.105"), {RightKind.DELETE}),
    (Item(LAW, "right-correct", "Right to correct", "Cal. Civ. Code § 1798.106"), {RightKind.CORRECT}),
    (
        Item(LAW, "right-opt-out", "Right to opt out of sale or sharing", "Cal. Civ. Code § 1798.120"),
        {RightKind.OPT_OUT_OF_SALE},
    ),
    (
        Item(LAW, "right-non-discrimination", "Right to non-discrimination", "Cal. Civ. Code § 1798.125"),
        {RightKind.NON_DISCRIMINATION},
    ),
)
REQUESTS: Final = Item(LAW, "requests", "How to submit requests", "Cal. Civ. Code § 1798.130(a)(1)")


def ccpa_notice(policy: PrivacyPolicy) -> Iterable[Finding]:
    """The categories collected, the purposes, whether data is sold or shared, and how long it is kept."""
    yield CATEGORIES.disclosed(
        paths("data_categories", policy.data_categories),
        count(len(policy.data_categories or ()), "data category"),
        "no categories are stated",
    )
    yield PURPOSES.disclosed(paths("purposes", policy.purposes), "purposes are stated", "no purposes are stated")
    sold = ("$.sale_of_data.sold",) if policy.sale_of_data is not None and policy.sale_of_data.sold is not None else ()
    yield SOLD_OR_SHARED.disclosed(
        sold, "whether data is sold is stated", "the policy does not say whether personal information is sold or shared"
    )
    yield RETENTION.disclosed(paths("retention", policy.retention), "retention is stated", "retention is not stated")


def ccpa_rights(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Each consumer right (under the CCPA or CPRA, or under no law named), and how to submit requests."""
    for item, kinds in CONSUMER_RIGHTS:
        found = rights_at(policy, kinds, {LawTerm.CCPA, LawTerm.CPRA})
        yield item.disclosed(found, stated(item.title, True), stated(item.title, False))
    channels = [
        format_path(("rights", i, "contacts"))
        for i, right in enumerate(policy.rights or ())
        if right.contacts and right.law in (LawTerm.CCPA, LawTerm.CPRA)
    ] + [
        format_path(("controllers", i, "contacts", j))
        for i, party in enumerate(policy.controllers)
        for j, contact in enumerate(party.contacts or ())
        if contact.purposes and ContactPurpose.RIGHTS_REQUESTS in contact.purposes
    ]
    if channels:
        yield REQUESTS.present("a way to submit requests is stated", channels)
    else:
        yield REQUESTS.missing("no way to submit requests is stated")


RULES: Final[tuple[Rule, ...]] = (ccpa_notice, ccpa_rights)
"""The CCPA's rules, in the order their findings are reported."""
