"""COPPA's rule set: whether a service is directed at children, and what it then owes parents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from privacymodel.checks.audit.finding import Finding, Item, Rule, paths, rights_at
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RightKind

__all__ = ["RULES"]

LAW: Final = LawTerm.COPPA.value

AUDIENCE: Final = Item(LAW, "audience", "Whether the service is directed at children under 13", "16 CFR § 312.2")
PARENTAL_RIGHTS: Final = Item(
    LAW, "parental-rights", "Parents' rights to review, delete and stop collection", "16 CFR § 312.4(d)(3)"
)
COLLECTION: Final = Item(
    LAW, "collection", "What information is collected from children and how it is used", "16 CFR § 312.4(d)(2)"
)
# A service directed at children collects their data by design; any other says what it does if it finds some.
KNOWLEDGE_DIRECTED: Final = Item(LAW, "knowledge", "Whether children's data is knowingly collected", "16 CFR § 312.3")
KNOWLEDGE: Final = Item(
    LAW, "knowledge", "Whether children's data is knowingly collected, and what is done if it is found", "16 CFR § 312.3"
)


def _directed(policy: PrivacyPolicy) -> bool | None:
    """Whether the service is stated to be directed at children (None: not stated)."""
    return None if policy.children is None else policy.children.directed_at_children


def _not_directed(policy: PrivacyPolicy, item: Item) -> Finding:
    """``item`` for a service not stated to be directed at children: not applicable, or unclear when nothing is said."""
    if _directed(policy) is False:
        return item.not_applicable("the service is not directed at children")
    return item.unclear("whether the service is directed at children is not stated")


def coppa_audience(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Whether the service is directed at children."""
    directed = _directed(policy)
    if directed is None:
        yield AUDIENCE.missing("the policy does not say whether the service is directed at children")
    else:
        yield AUDIENCE.present(
            f"the service is stated {'' if directed else 'not '}to be directed at children", ["$.children.directed_at_children"]
        )


def coppa_parental_rights(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Parents' rights, owed by a service directed at children."""
    if not _directed(policy):
        yield _not_directed(policy, PARENTAL_RIGHTS)
        return
    parental = rights_at(policy, {RightKind.PARENTAL_REVIEW, RightKind.PARENTAL_DELETION, RightKind.PARENTAL_STOP_COLLECTION})
    yield PARENTAL_RIGHTS.disclosed(parental, "parents' rights are stated", "parents' rights are not stated")


def coppa_collection(policy: PrivacyPolicy) -> Iterable[Finding]:
    """What a service directed at children collects from them."""
    if not _directed(policy):
        yield _not_directed(policy, COLLECTION)
        return
    categories = paths("data_categories", policy.data_categories)
    yield COLLECTION.disclosed(categories, "data categories are stated", "no data categories are stated")


def coppa_knowledge(policy: PrivacyPolicy) -> Iterable[Finding]:
    """Whether a service not directed at children knowingly collects their data, and what it does if it finds some."""
    if _directed(policy):
        yield KNOWLEDGE_DIRECTED.not_applicable("the service is directed at children")
        return
    children = policy.children
    said = children is not None and (children.knowingly_collects is not None or children.if_collected is not None)
    yield KNOWLEDGE.disclosed(
        ["$.children"] if said else [],
        "the policy says what it does with children's data",
        "the policy does not say whether it knowingly collects children's data or what it does if it finds some",
    )


RULES: Final[tuple[Rule, ...]] = (coppa_audience, coppa_parental_rights, coppa_collection, coppa_knowledge)
"""COPPA's rules, in the order their findings are reported."""
