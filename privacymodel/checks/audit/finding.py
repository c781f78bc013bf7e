"""What the audit reports: :class:`Finding`, the :class:`Item` of a law that builds it, and wording helpers.

A law's rules declare each disclosure item once, as an :class:`Item` (law, item id, title, article, and the
:class:`~privacymodel.checks.audit.facts.Fact` from which the item is owed, when the law added it later), and
report on it through the item's ``present``, ``missing``, ``unclear`` and ``not_applicable`` methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Final, Literal

from attrs import frozen

from privacymodel.checks.audit.facts import Fact
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import format_path

__all__ = ["STATUSES", "Finding", "Item", "Rule", "Status", "count", "listed", "paths", "stated"]

Status = Literal["present", "missing", "not-applicable", "unclear", "referred"]
STATUSES: Final[tuple[Status, ...]] = ("missing", "unclear", "referred", "present", "not-applicable")
"""Every status, in the order reports list them."""


@frozen(kw_only=True)
class Finding:
    """One disclosure item of a law and whether the policy makes it.

    ``status`` is ``present`` (``evidence`` lists the JSON paths that satisfy
    it), ``missing``, ``not-applicable`` (``message`` says why), ``unclear``, or
    ``referred``: not in the policy, which sends readers to a separate notice
    for the law (``message`` names it, ``evidence`` is where the policy says so).
    """

    law: str
    item: str
    title: str
    article: str
    status: Status
    message: str
    evidence: tuple[str, ...] = ()


Rule = Callable[[PrivacyPolicy, dt.date], Iterable[Finding]]
"""A rule reads a policy as of a date (the day it is judged on) and reports on one or more items."""


@frozen
class Item:
    """One disclosure a law requires: its law, item id, title and article, and the findings about it.

    ``since`` is set for a duty added to the law after it came to apply (the CPRA's right to correct): before
    that date the audit reports the item not applicable, whatever the rules found.
    """

    law: str
    item: str
    title: str
    article: str
    since: Fact | None = None

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

    def owed(self, day: dt.date) -> bool:
        """Whether the item is owed on ``day``: always, unless the law added it later (``since``)."""
        return self.since is None or day >= self.since.date


def paths(name: str, items: Sequence[object] | None, field: str | None = None) -> tuple[str, ...]:
    """The JSON paths of the items of the collection ``name`` (of their ``field``, if given)."""
    return tuple(format_path((name, i, field) if field else (name, i)) for i in range(len(items or ())))


def listed(evidence: Sequence[str], most: int = 3) -> str:
    """'$.a, $.b and 2 more': the first paths of ``evidence``, for a message."""
    shown = ", ".join(evidence[:most])
    return f"{shown} and {len(evidence) - most} more" if len(evidence) > most else shown


def stated(title: str, is_stated: bool) -> str:
    """'Right of access' -> 'the right of access is stated' (or 'is not stated')."""
    return f"the {title[0].lower()}{title[1:]} is {'' if is_stated else 'not '}stated"


def count(n: int, noun: str) -> str:
    """'1 purpose is stated', '2 data categories are stated'."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural} {'is' if n == 1 else 'are'} stated"
