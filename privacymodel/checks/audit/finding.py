"""What the audit reports: :class:`Finding`, the :class:`Item` of a law that builds it, and helpers the laws share.

A law's rules declare each disclosure item once, as an :class:`Item` (law, item id, title, article), and
report on it through the item's ``present``, ``missing``, ``unclear`` and ``not_applicable`` methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, Literal

from attrs import frozen

from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RightKind
from privacymodel.problems import format_path

__all__ = ["STATUSES", "Finding", "Item", "Rule", "Status", "count", "paths", "rights_at", "stated"]

Status = Literal["present", "missing", "not-applicable", "unclear"]
STATUSES: Final[tuple[Status, ...]] = ("missing", "unclear", "present", "not-applicable")
"""Every status, in the order reports list them."""


@frozen(kw_only=True)
class Finding:
    """One disclosure item of a law and whether the policy makes it.

    ``status`` is ``present`` (``evidence`` lists the JSON paths that satisfy
    it), ``missing``, ``not-applicable`` (``message`` says why) or ``unclear``.
    """

    law: str
    item: str
    title: str
    article: str
    status: Status
    message: str
    evidence: tuple[str, ...] = ()


Rule = Callable[[PrivacyPolicy], Iterable[Finding]]
"""A rule reads a policy and reports on one or more items."""


@frozen
class Item:
    """One disclosure a law requires: its law, item id, title and article, and the findings about it."""

    law: str
    item: str
    title: str
    article: str

    def finding(self, status: Status, message: str, evidence: Iterable[str] = ()) -> Finding:
        """The finding on this item with ``status``."""
        return Finding(
            law=self.law,
            item=self.item,
            title=self.title,
            article=self.article,
            status=status,
            message=message,
            evidence=tuple(evidence),
        )

    def present(self, message: str, evidence: Iterable[str]) -> Finding:
        """The policy makes the disclosure; ``evidence`` is where."""
        return self.finding("present", message, evidence)

    def missing(self, message: str, evidence: Iterable[str] = ()) -> Finding:
        """The policy does not make the disclosure."""
        return self.finding("missing", message, evidence)

    def unclear(self, message: str, evidence: Iterable[str] = ()) -> Finding:
        """The policy says something, but not enough to tell."""
        return self.finding("unclear", message, evidence)

    def not_applicable(self, message: str) -> Finding:
        """The disclosure is not owed; ``message`` says why."""
        return self.finding("not-applicable", message)

    def disclosed(self, evidence: Sequence[str], present: str, missing: str) -> Finding:
        """Present with ``evidence`` when there is any, else missing."""
        return self.present(present, evidence) if evidence else self.missing(missing)


def paths(name: str, items: Sequence[object] | None, field: str | None = None) -> tuple[str, ...]:
    """The JSON paths of the items of the collection ``name`` (of their ``field``, if given)."""
    return tuple(format_path((name, i, field) if field else (name, i)) for i in range(len(items or ())))


def rights_at(policy: PrivacyPolicy, kinds: set[RightKind], laws: set[LawTerm] | None = None) -> tuple[str, ...]:
    """Paths of the rights of these kinds (from these laws, or stated without a law)."""
    return tuple(
        format_path(("rights", i))
        for i, right in enumerate(policy.rights or ())
        if right.kind in kinds and (laws is None or right.law is None or right.law in laws)
    )


def stated(title: str, is_stated: bool) -> str:
    """'Right of access' -> 'the right of access is stated' (or 'is not stated')."""
    return f"the {title[0].lower()}{title[1:]} is {'' if is_stated else 'not '}stated"


def count(n: int, noun: str) -> str:
    """'1 purpose is stated', '2 data categories are stated'."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural} {'is' if n == 1 else 'are'} stated"
