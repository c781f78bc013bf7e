"""COPPA's rule set: whether a service is directed at children, and what it then owes parents.

The COPPA Rule applies from 2000-04-21 (:data:`~.facts.COPPA_RULE_EFFECTIVE`). Its duties to parents bind an
operator of a service directed at children under 13, and one with actual knowledge that it collects their data;
a general-audience service that says it does not knowingly collect children's data owes nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from privacymodel.checks.audit.facts import COPPA_RULE_EFFECTIVE
from privacymodel.checks.audit.finding import Finding, Item, Rule, listed, paths
from privacymodel.checks.audit.ruleset import RuleSet
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RightKind
from privacymodel.problems import format_path

__all__ = ["ITEMS", "RULES", "RULE_SET"]

LAW: Final = LawTerm.COPPA.value

AUDIENCE: Final = Item(LAW, "audience", "Whether the service is directed at children under 13", "16 CFR § 312.2")
PARENTAL_RIGHTS: Final = Item(
    LAW, "parental-rights", "Parents' rights to review, delete and stop collection", "16 CFR § 312.4(d)(3)"
)
COLLECTION: Final = Item(
    LAW, "collection", "What information is collected from children and how it is used", "16 CFR § 312.4(d)(2)"
)
KNOWLEDGE: Final = Item(
    LAW, "knowledge", "Whether children's data is knowingly collected, and what is done if it is found", "16 CFR § 312.3"
)
ITEMS: Final = (AUDIENCE, PARENTAL_RIGHTS, COLLECTION, KNOWLEDGE)
"""Every COPPA item, in the order reports list them."""

_PARENTAL: Final = frozenset({RightKind.PARENTAL_REVIEW, RightKind.PARENTAL_DELETION, RightKind.PARENTAL_STOP_COLLECTION})
_GENERAL_AUDIENCE: Final = (
    "the policy states it does not knowingly collect children's data, and does not say the service is directed at "
    "them; COPPA asks nothing more of a general-audience service without actual knowledge (16 CFR § 312.3)"
)


def _directed(policy: PrivacyPolicy) -> bool | None:
    """Whether the service is stated to be directed at children (None: not stated)."""
    return None if policy.children is None else policy.children.directed_at_children


def _knowingly(policy: PrivacyPolicy) -> bool | None:
    """Whether the controller states it knowingly collects children's data (None: not stated)."""
    return None if policy.children is None else policy.children.knowingly_collects


def _owed(policy: PrivacyPolicy) -> bool:
    """Whether the duties to parents bind: the service is directed at children, or knowingly collects their data."""
    return bool(_directed(policy) or _knowingly(policy))


def _not_owed(policy: PrivacyPolicy, item: Item) -> Finding:
    """``item`` for a service not stated to be bound: not applicable where the policy says why, else unclear."""
    if _directed(policy) is False:
        return item.not_applicable("the service is not directed at children")
    if _knowingly(policy) is False:
        return item.not_applicable(_GENERAL_AUDIENCE)
    return item.unclear("whether the service is directed at children is not stated")


def coppa_audience(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether the service is directed at children (a general-audience service need not say)."""
    directed = _directed(policy)
    if directed is not None:
        yield AUDIENCE.present(
            f"the service is stated {'' if directed else 'not '}to be directed at children", ["$.children.directed_at_children"]
        )
    elif _knowingly(policy) is False:
        yield AUDIENCE.not_applicable(_GENERAL_AUDIENCE)
    else:
        yield AUDIENCE.missing("the policy does not say whether the service is directed at children")


def coppa_parental_rights(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Parents' rights, owed by a service directed at children or knowingly collecting their data."""
    if not _owed(policy):
        yield _not_owed(policy, PARENTAL_RIGHTS)
        return
    parental = [format_path(("rights", i)) for i, right in enumerate(policy.rights or ()) if right.kind in _PARENTAL]
    yield PARENTAL_RIGHTS.disclosed(parental, "parents' rights are stated", "parents' rights are not stated")


def coppa_collection(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """What a service bound by COPPA collects from children."""
    if not _owed(policy):
        yield _not_owed(policy, COLLECTION)
        return
    categories = paths("data_categories", policy.data_categories)
    yield COLLECTION.disclosed(categories, "data categories are stated", "no data categories are stated")


def coppa_knowledge(policy: PrivacyPolicy, as_of: dt.date) -> Iterator[Finding]:
    """Whether a service not directed at children knowingly collects their data, and what it does if it finds some."""
    if _directed(policy):
        yield KNOWLEDGE.not_applicable("the service is directed at children")
        return
    children = policy.children
    if children is not None and (children.knowingly_collects is not None or children.if_collected is not None):
        yield KNOWLEDGE.present("the policy says what it does with children's data", ["$.children"])
    elif parental := [format_path(("rights", i)) for i, r in enumerate(policy.rights or ()) if r.kind in _PARENTAL]:
        yield KNOWLEDGE.unclear(
            f"the policy does not say whether it knowingly collects children's data, yet offers parents rights over "
            f"it ({listed(parental)}), so it may hold some",
            parental,
        )
    else:
        yield KNOWLEDGE.missing(
            "the policy does not say whether it knowingly collects children's data or what it does if it finds some"
        )


RULES: Final[tuple[Rule, ...]] = (coppa_audience, coppa_parental_rights, coppa_collection, coppa_knowledge)
"""COPPA's rules, in the order their findings are reported."""

RULE_SET: Final = RuleSet(
    law=LAW,
    name="the COPPA Rule",
    applies_from=COPPA_RULE_EFFECTIVE,
    items=ITEMS,
    rules=RULES,
    territory=frozenset({"US"}),
)
"""COPPA: the notice a service directed at children under 13 owes, for children in the United States."""
