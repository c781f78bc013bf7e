"""Auditing a policy against what a law requires it to disclose, as of the day it is judged on.

:func:`audit` judges a policy under one law, or under every law it cites (``law="all"``, :func:`cited_laws`),
as of a day: the day asked for, else the policy's own date (``last_updated``, else ``effective_date``), else
today; :func:`audit_date` says which day and why. On that day:

* a law not yet in force has every item not applicable, the message naming the date it applies from and its
  source ("the GDPR applies from 2018-05-25 (Regulation (EU) 2016/679, Art. 99(2))");
* an item the law added later (the CPRA's duties inside the CCPA) is not applicable before its date;
* a rule whose answer depends on the day (a transfer mechanism valid only for a time) reads the day;
* then what the policy says of the law applies (:func:`as_the_policy_says`): a law it says does not apply,
  a separate notice it sends readers to (``referred``), rights it grants voluntarily.

Writing a rule set, one module per law (:mod:`.gdpr`, :mod:`.ccpa` and :mod:`.coppa` are worked examples):

1. Put every date the law needs in :mod:`.facts`, as a :class:`~.facts.Fact` with its source (a regulation
   and article, a decision, a court case). A rule never writes a date of its own.
2. Declare each disclosure item once, as an :class:`~.finding.Item`: ``Item(LAW, "retention", "How long data
   is kept", "§ 1798.100(a)(3)")``, with ``since=facts.CPRA_OPERATIVE`` for a duty the law added after it came
   to apply.
3. Write the rules: functions ``rule(policy, as_of) -> Iterable[Finding]`` reporting on the items through
   ``item.present(message, evidence)``, ``item.missing``, ``item.unclear`` and ``item.not_applicable``. A
   message says why, citing the article or fact that decides; evidence lists the JSON paths relied on. Reuse
   :mod:`.shared` (rights matched by content, retention, disclosures that can be a sale, sensitive data) so
   that one sentence of a policy counts the same for every law.
4. Build the :class:`~.ruleset.RuleSet`: ``RULE_SET = RuleSet(law=LAW, name="the ...", applies_from=facts.X,
   items=ITEMS, rules=RULES, territory=frozenset({...}))``, with ``cited_as`` for other terms a policy cites
   the law by and ``before`` for what applied before it.
5. Register it with one entry in :data:`LAWS`. The command's ``--law`` choices, ``--law all``, the tables'
   ``--audit`` and the README's audit tables follow :data:`LAWS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from privacymodel.checks.audit import au_app, ccpa, coppa, cpa, gdpr, lgpd, uk_gdpr, vcdpa
from privacymodel.checks.audit.facts import Fact
from privacymodel.checks.audit.finding import STATUSES, Finding, Item, Rule, Status
from privacymodel.checks.audit.ruleset import AuditDate, RuleSet, audit_date
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import format_path

__all__ = [
    "ALL",
    "LAWS",
    "STATUSES",
    "AuditDate",
    "Fact",
    "Finding",
    "Item",
    "Rule",
    "RuleSet",
    "Status",
    "as_the_policy_says",
    "audit",
    "audit_date",
    "cited_laws",
]

LAWS: Final[dict[str, RuleSet]] = {
    rule_set.law: rule_set
    for rule_set in (
        gdpr.RULE_SET,
        ccpa.RULE_SET,
        coppa.RULE_SET,
        uk_gdpr.RULE_SET,
        lgpd.RULE_SET,
        au_app.RULE_SET,
        vcdpa.RULE_SET,
        cpa.RULE_SET,
    )
}
"""Rule sets by law name, in the order reports list them: add a law by adding its rule set here."""

ALL: Final = "all"
"""The ``law`` that audits every law the policy cites."""


def audit(policy: PrivacyPolicy, law: str = "gdpr", as_of: dt.date | None = None) -> tuple[Finding, ...]:
    """Check ``policy`` against the disclosures ``law`` requires (a name in :data:`LAWS`, or ``all`` for every
    law the policy cites) as of the day ``as_of``, by default the policy's own date, else today
    (:func:`audit_date`)."""
    if law == ALL:
        return tuple(finding for name in cited_laws(policy) for finding in audit(policy, name, as_of))
    try:
        rule_set = LAWS[law]
    except KeyError:
        raise ValueError(f"unknown law {law!r}; expected one of: {', '.join([*LAWS, ALL])}") from None
    day = audit_date(policy, as_of).date
    if not rule_set.in_force(day):
        return rule_set.not_in_force(day)
    found = rule_set.judge((finding for rule in rule_set.rules for finding in rule(policy, day)), day)
    return as_the_policy_says(policy, law, found)


def cited_laws(policy: PrivacyPolicy) -> tuple[str, ...]:
    """The laws in :data:`LAWS` the policy cites, in that order: named in ``laws``, as the law of a right or a
    legal basis, or through a right's ``jurisdictions`` (a right for ``US-CA`` residents cites the CCPA)."""
    terms = {str(ref.law) for ref in policy.laws or ()}
    terms |= {str(right.law) for right in policy.rights or () if right.law is not None}
    terms |= {str(basis.law) for basis in policy.legal_bases or () if basis.law is not None}
    regions = {region for right in policy.rights or () for region in right.jurisdictions or ()}
    return tuple(
        name
        for name, rule_set in LAWS.items()
        if name in terms
        or {str(term) for term in rule_set.cited_as} & terms
        or any(rule_set.within(region) for region in regions)
    )


NOT_APPLYING: Final = "the policy states the law does not apply"
"""Why every item of a law the policy says does not apply is not applicable."""


def as_the_policy_says(policy: PrivacyPolicy, law: str, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """``findings`` on ``law``, amended by what the policy says of the law and of the rights it grants.

    * Where the policy cites the law and says it does not apply (``applies: false`` in ``laws``, and no
      citation of the same law saying it does), every item is not applicable, for that reason, with the
      citation as evidence; an item the rest of the policy leaves missing or unclear says what it would be.
    * Where it sends readers to a separate notice for the law (``separate_notice_url``), each missing item is
      ``referred``: the message names the notice, where the disclosure may be, and the evidence is the
      citation; an unclear item stays unclear and names the notice too.
    * An item present only through rights the controller grants voluntarily (``voluntary: true``) says so.
    """
    names = {law} | {str(term) for term in LAWS[law].cited_as} if law in LAWS else {law}
    cited = [(i, ref) for i, ref in enumerate(policy.laws or ()) if str(ref.law) in names]
    if any(ref.applies is False for _, ref in cited) and not any(ref.applies for _, ref in cited):
        evidence = tuple(format_path(("laws", i, "applies")) for i, ref in cited if ref.applies is False)
        return tuple(_not_applying(finding, evidence) for finding in findings)
    notices = {
        format_path(("laws", i, "separate_notice_url")): ref.separate_notice_url for i, ref in cited if ref.separate_notice_url
    }
    voluntary = {format_path(("rights", i)) for i, right in enumerate(policy.rights or ()) if right.voluntary}
    return tuple(_amended(finding, notices, voluntary) for finding in findings)


def _not_applying(finding: Finding, evidence: tuple[str, ...]) -> Finding:
    """``finding`` not applicable because the policy says the law does not apply; where the policy's other
    statements would leave the item missing or unclear, the message says so, for a reader to weigh the claim."""
    message = NOT_APPLYING
    if finding.status in ("missing", "unclear"):
        message += f"; without that statement the item would be {finding.status}: {finding.message}"
    return attrs.evolve(finding, status="not-applicable", message=message, evidence=evidence)


def _amended(finding: Finding, notices: dict[str, str], voluntary: set[str]) -> Finding:
    """``finding`` referred to the law's separate notices (when missing; named when unclear), or saying that the
    rights that make it present are granted voluntarily."""
    if notices and finding.status in ("missing", "unclear"):
        where = " and ".join(dict.fromkeys(notices.values()))
        message = f"{finding.message}; the policy sends readers to a separate notice for this law: {where}"
        if finding.status == "unclear":
            return attrs.evolve(finding, message=message)
        return attrs.evolve(finding, status="referred", message=message, evidence=tuple(notices))
    if finding.status == "present" and finding.evidence and set(finding.evidence) <= voluntary:
        return attrs.evolve(finding, message=f"{finding.message}, granted voluntarily (not under a law the policy cites)")
    return finding
