"""The CCPA's rule set: the notice at collection, and the consumer rights with a way to exercise them.

The CCPA is operative from 2020-01-01 (:data:`~.facts.CCPA_OPERATIVE`); the CPRA's amendments, from
2023-01-01 (:data:`~.facts.CPRA_OPERATIVE`), add the right to correct, the right to limit the use of sensitive
personal information, retention periods, and 'sharing' beside selling. A policy cites the law as ``ccpa`` or
``cpra``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Final

from privacymodel.checks.audit.facts import CALOPPA_EFFECTIVE, CCPA_OPERATIVE, CPRA_OPERATIVE
from privacymodel.checks.audit.finding import Finding, Item, Rule, count, listed, paths, stated
from privacymodel.checks.audit.ruleset import RuleSet, covers
from privacymodel.checks.audit.shared import advertising_disclosures, retention, rights_for, sensitive_data
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import ContactPurpose, LawTerm, RightKind, equivalent_rights
from privacymodel.problems import format_path

__all__ = ["ITEMS", "RULES", "RULE_SET"]

LAW: Final = LawTerm.CCPA.value
CCPA_LAWS: Final = frozenset({LawTerm.CCPA, LawTerm.CPRA})
TERRITORY: Final = frozenset({"US-CA"})
_NOTICE: Final = "Cal. Civ. Code § 1798.100(a)(1) (before 2023: § 1798.100(b))"
_SALE: Final = "Cal. Civ. Code § 1798.140"

CATEGORIES: Final = Item(LAW, "categories", "Categories of personal information collected", _NOTICE)
PURPOSES: Final = Item(LAW, "purposes", "Purposes of collection and use", _NOTICE)
SOLD_OR_SHARED: Final = Item(LAW, "sold-or-shared", "Whether personal information is sold or shared", f"{_NOTICE}, § 1798.120")
RETENTION: Final = Item(LAW, "retention", "How long each category is kept", "Cal. Civ. Code § 1798.100(a)(3)", CPRA_OPERATIVE)
RIGHT_KNOW: Final = Item(LAW, "right-know", "Right to know", "Cal. Civ. Code § 1798.110")
RIGHT_DELETE: Final = Item(LAW, "right-delete", "Right to delete", "Cal. Civ. Code § 1798.105")
RIGHT_CORRECT: Final = Item(LAW, "right-correct", "Right to correct", "Cal. Civ. Code § 1798.106", CPRA_OPERATIVE)
RIGHT_OPT_OUT: Final = Item(LAW, "right-opt-out", "Right to opt out of sale or sharing", "Cal. Civ. Code § 1798.120, § 1798.135")
RIGHT_LIMIT: Final = Item(
    LAW, "right-limit", "Right to limit the use of sensitive personal information", "Cal. Civ. Code § 1798.121", CPRA_OPERATIVE
)
RIGHT_NON_DISCRIMINATION: Final = Item(
    LAW, "right-non-discrimination", "Right to non-discrimination", "Cal. Civ. Code § 1798.125"
)
REQUESTS: Final = Item(LAW, "requests", "How to submit requests", "Cal. Civ. Code § 1798.130(a)(1)")

ITEMS: Final = (
    CATEGORIES,
    PURPOSES,
    SOLD_OR_SHARED,
    RETENTION,
    RIGHT_KNOW,
    RIGHT_DELETE,
    RIGHT_CORRECT,
    RIGHT_OPT_OUT,
    RIGHT_LIMIT,
    RIGHT_NON_DISCRIMINATION,
    REQUESTS,
)
"""Every CCPA item, in the order reports list them."""


def _rights(policy: PrivacyPolicy, kind: RightKind) -> tuple[str, ...]:
    """Paths of the rights of ``kind`` (or the same right by another name) that Californians have."""
    return rights_for(policy, {kind}, CCPA_LAWS, functools.partial(covers, TERRITORY))


def ccpa_notice(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """The categories collected and the purposes."""
    yield CATEGORIES.disclosed(
        paths("data_categories", policy.data_categories),
        count(len(policy.data_categories or ()), "data category"),
        "no categories are stated",
    )
    yield PURPOSES.disclosed(paths("purposes", policy.purposes), "purposes are stated", "no purposes are stated")


def ccpa_retention(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """How long data is kept (owed from 2023-01-01; 'as long as necessary' alone is unclear)."""
    yield retention(
        RETENTION, policy, "the time each category is kept, or the criteria that set it, is needed (§ 1798.100(a)(3))"
    )


def _not_sold(policy: PrivacyPolicy, as_of: dt.date) -> bool:
    """Whether the policy states, without qualification, that data is not sold (nor, from 2023, shared)."""
    sale = policy.sale_of_data
    if sale is None or sale.sold is not False or sale.for_money_only or advertising_disclosures(policy):
        return False
    return as_of < CPRA_OPERATIVE.date or sale.shared is False


def ccpa_sold_or_shared(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether personal information is sold (and, from 2023, shared for cross-context behavioural advertising)."""
    cpra = as_of >= CPRA_OPERATIVE.date
    verb = "sold or shared" if cpra else "sold"
    sale = policy.sale_of_data
    disclosed = advertising_disclosures(policy)
    which = (
        f"; it gives data to advertisers or lets third parties track people across sites ({listed(disclosed)}), "
        f"which can be a sale{' or sharing' if cpra else ''} ({_SALE})"
        if disclosed
        else ""
    )
    if sale is None or sale.sold is None:
        yield SOLD_OR_SHARED.missing(f"the policy does not say whether personal information is {verb}{which}", disclosed)
        return
    evidence = ["$.sale_of_data.sold", *(["$.sale_of_data.shared"] if sale.shared is not None else [])]
    if sale.sold is False and sale.for_money_only:
        yield SOLD_OR_SHARED.unclear(
            f"the policy says data is not sold for money, but a sale includes other valuable consideration ({_SALE})",
            evidence,
        )
    elif sale.sold is False and sale.shared is not True and disclosed:
        yield SOLD_OR_SHARED.unclear(f"the policy says data is not sold{which}", [*evidence, *disclosed])
    elif cpra and sale.shared is None:
        yield SOLD_OR_SHARED.unclear(
            f"whether data is sold is stated, but not whether it is shared for cross-context behavioural advertising, "
            f"which is owed from {CPRA_OPERATIVE.cite()}",
            evidence,
        )
    else:
        yield SOLD_OR_SHARED.present(f"whether data is {verb} is stated", evidence)


def ccpa_rights(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Each consumer right, matched by content (under the CCPA or CPRA, or under no law, for Californians)."""
    for item, kind in ((RIGHT_KNOW, RightKind.KNOW), (RIGHT_DELETE, RightKind.DELETE), (RIGHT_CORRECT, RightKind.CORRECT)):
        yield item.disclosed(_rights(policy, kind), stated(item.title, True), stated(item.title, False))
    opt_out = _rights(policy, RightKind.OPT_OUT_OF_SALE)
    if not opt_out and _not_sold(policy, as_of):
        yield RIGHT_OPT_OUT.not_applicable(
            "the policy states personal information is not sold"
            + (" or shared" if as_of >= CPRA_OPERATIVE.date else "")
            + ", so no notice of the right to opt out is owed (§ 1798.135)"
        )
    else:
        yield RIGHT_OPT_OUT.disclosed(opt_out, stated(RIGHT_OPT_OUT.title, True), stated(RIGHT_OPT_OUT.title, False))
    sensitive = sensitive_data(policy)
    limit = _rights(policy, RightKind.LIMIT_SENSITIVE)
    if limit:
        yield RIGHT_LIMIT.present(stated(RIGHT_LIMIT.title, True), limit)
    elif sensitive:
        yield RIGHT_LIMIT.unclear(
            f"sensitive personal information is collected ({listed(sensitive)}) and no right to limit its use is stated; "
            "it is owed unless the information is used only for the purposes the regulations allow (Cal. Code Regs. "
            "tit. 11, § 7027)",
            sensitive,
        )
    else:
        yield RIGHT_LIMIT.not_applicable("no sensitive personal information is stated to be collected")
    yield RIGHT_NON_DISCRIMINATION.disclosed(
        _rights(policy, RightKind.NON_DISCRIMINATION),
        stated(RIGHT_NON_DISCRIMINATION.title, True),
        stated(RIGHT_NON_DISCRIMINATION.title, False),
    )


_CONSUMER_RIGHTS: Final = frozenset().union(
    *(
        equivalent_rights(kind)
        for kind in (
            RightKind.KNOW,
            RightKind.DELETE,
            RightKind.CORRECT,
            RightKind.OPT_OUT_OF_SALE,
            RightKind.LIMIT_SENSITIVE,
            RightKind.NON_DISCRIMINATION,
        )
    )
)


def ccpa_requests(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """A way to submit requests: a contact given for consumer rights Californians have, or a contact for rights
    requests that is not kept for another law's rights."""
    rights = policy.rights or ()
    ours = {
        i for i, right in enumerate(rights) if right.kind in _CONSUMER_RIGHTS and (right.law is None or right.law in CCPA_LAWS)
    }
    other_law: dict[str, set[bool]] = {}
    for right in rights:
        for contact_id in right.contacts or ():
            other_law.setdefault(contact_id, set()).add(right.law is not None and right.law not in CCPA_LAWS)
    channels = [format_path(("rights", i, "contacts")) for i in sorted(ours) if rights[i].contacts]
    reserved: list[str] = []
    for i, party in enumerate(policy.controllers):
        for j, contact in enumerate(party.contacts or ()):
            if contact.purposes and ContactPurpose.RIGHTS_REQUESTS in contact.purposes:
                here = format_path(("controllers", i, "contacts", j))
                (reserved if other_law.get(contact.id or "") == {True} else channels).append(here)
    if channels:
        yield REQUESTS.present("a way to submit requests is stated", channels)
    elif reserved:
        yield REQUESTS.missing(
            f"the only contacts for requests ({listed(reserved)}) are given for rights under another law", reserved
        )
    else:
        yield REQUESTS.missing("no way to submit requests is stated")


RULES: Final[tuple[Rule, ...]] = (ccpa_notice, ccpa_sold_or_shared, ccpa_retention, ccpa_rights, ccpa_requests)
"""The CCPA's rules, in the order their findings are reported."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name="the CCPA",
    applies_from=CCPA_OPERATIVE,
    items=ITEMS,
    rules=RULES,
    territory=TERRITORY,
    cited_as=CCPA_LAWS,
    before=CALOPPA_EFFECTIVE,
)
"""The CCPA, as the CPRA amended it from 2023-01-01, for California residents."""
