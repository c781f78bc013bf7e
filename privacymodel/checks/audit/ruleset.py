"""What a law's rule set declares (:class:`RuleSet`), and the date a policy is judged on (:class:`AuditDate`).

A rule set names its law, the :class:`~privacymodel.checks.audit.facts.Fact` it applies from, its items (each
with its article, and with the date it is owed from when the law added it later), its rules, and its territory:
the regions whose people it protects, which decide whether a right stated for some places counts for it and
whether a policy cites it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from privacymodel.checks.audit.facts import Fact
from privacymodel.checks.audit.finding import Finding, Item, Rule
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm

__all__ = ["AuditDate", "RuleSet", "audit_date", "covers", "within"]


@frozen(kw_only=True)
class RuleSet:
    """A law the audit knows: what it requires a notice to disclose, from when, and where.

    ``law`` is the name findings and ``--law`` use (a :class:`~privacymodel.model.vocab.LawTerm` value);
    ``cited_as`` the law terms by which a policy cites it (the CCPA is cited as ``ccpa`` or ``cpra``);
    ``name`` how messages name it ('the GDPR'); ``applies_from`` the fact of its coming to apply;
    ``before`` what applied before it, which a message names: a fact (named only on days after its date), or
    words that follow 'when' ('no general data protection law applied'); ``items`` every item it reports on, in
    order (a rule reports only on these); ``rules`` the functions that judge them; ``territory`` the regions
    (countries, subdivisions such as ``US-CA``, ``EU``, ``EEA``) whose people it protects.
    """

    law: str
    name: str
    applies_from: Fact
    items: tuple[Item, ...]
    rules: tuple[Rule, ...]
    territory: frozenset[str]
    cited_as: frozenset[LawTerm] = frozenset()
    before: Fact | str | None = None
    _by_id: dict[str, Item] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Item] = {}
        for item in self.items:
            by_id.setdefault(item.item, item)
        object.__setattr__(self, "_by_id", by_id)

    def in_force(self, day: dt.date) -> bool:
        """Whether the law applies on ``day``."""
        return day >= self.applies_from.date

    def item(self, item_id: str) -> Item | None:
        """The item declared with ``item_id`` (the first, if several share it)."""
        return self._by_id.get(item_id)

    def not_in_force(self, day: dt.date) -> tuple[Finding, ...]:
        """Every item, not applicable on ``day`` because the law did not yet apply, with the date and its source."""
        reason = f"{self.name} applies from {self.applies_from.cite()}; the policy is judged as of {day.isoformat()}"
        if isinstance(self.before, str):
            reason += f", when {self.before}"
        elif self.before is not None and day >= self.before.date:
            reason += f"; {self.before.event} from {self.before.cite()}, which this audit does not cover"
        return tuple(item.not_applicable(reason) for item in self._by_id.values())

    def judge(self, findings: Iterable[Finding], day: dt.date) -> tuple[Finding, ...]:
        """``findings``, with each item the law added after ``day`` not applicable, naming the date it is owed from."""
        judged = []
        for finding in findings:
            item = self.item(finding.item)
            if item is not None and item.since is not None and not item.owed(day):
                finding = item.not_applicable(  # noqa: PLW2901 - the finding replaced by what is owed on the day
                    f"owed from {item.since.cite()}, when {item.since.event}; the policy is judged as of {day.isoformat()}"
                )
            judged.append(finding)
        return tuple(judged)

    def covers(self, region: str) -> bool:
        """Whether the law protects the people of ``region``, in part at least (:func:`covers`)."""
        return covers(self.territory, region)

    def within(self, region: str) -> bool:
        """Whether ``region`` lies inside the law's territory (:func:`within`)."""
        return within(self.territory, region)


def within(territory: frozenset[str], region: str) -> bool:
    """Whether ``region`` lies inside ``territory``, so that a policy naming it names the law: it is one of its
    places, or a part of one (``US-CA`` inside ``US``)."""
    return region in territory or ("-" in region and region.split("-", maxsplit=1)[0] in territory)


def covers(territory: frozenset[str], region: str) -> bool:
    """Whether a law of ``territory`` protects the people of ``region``, in part at least: ``WORLD`` is
    everywhere; a region inside the territory is covered (``DE`` for the GDPR), and so is a country holding a
    part of it (``US`` for the CCPA, whose territory is ``US-CA``)."""
    return region == "WORLD" or within(territory, region) or any(place.split("-")[0] == region for place in territory)


@frozen
class AuditDate:
    """The day a policy is judged on, and why that day: given, the policy's own date, or today."""

    date: dt.date
    reason: str

    def __str__(self) -> str:
        return f"{self.date.isoformat()}, {self.reason}"


def audit_date(policy: PrivacyPolicy, as_of: dt.date | None = None) -> AuditDate:
    """The day to judge ``policy`` on: ``as_of`` when given, else the policy's own date (``last_updated``, else
    ``effective_date``), else today."""
    document = policy.document
    if isinstance(as_of, dt.datetime):  # a datetime is a date, but does not compare with one
        as_of = as_of.date()
    if as_of is not None:
        return AuditDate(as_of, "the date asked for")
    if document.last_updated is not None:
        return AuditDate(document.last_updated, "the date the policy was last updated (document.last_updated)")
    if document.effective_date is not None:
        return AuditDate(document.effective_date, "the date the policy takes effect (document.effective_date)")
    return AuditDate(dt.date.today(), "today, as the policy states no date")
