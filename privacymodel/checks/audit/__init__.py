"""Auditing a policy against what a law requires it to disclose.

Each law is a rule set: a tuple of rule functions registered in :data:`LAWS`
under the law's name, one module per law (:mod:`.gdpr`, :mod:`.ccpa`,
:mod:`.coppa`). A rule reads the policy and returns one or more
:class:`Finding` objects; adding a law, or a rule to a law, touches nothing
else. :func:`audit` runs one law's rules and then applies what the policy says of the law itself
(:func:`as_the_policy_says`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from privacymodel.checks.audit import ccpa, coppa, gdpr
from privacymodel.checks.audit.finding import STATUSES, Finding, Rule, Status
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm
from privacymodel.problems import format_path

__all__ = ["LAWS", "STATUSES", "Finding", "Status", "as_the_policy_says", "audit"]

LAWS: Final[dict[str, tuple[Rule, ...]]] = {
    LawTerm.GDPR.value: gdpr.RULES,
    LawTerm.CCPA.value: ccpa.RULES,
    LawTerm.COPPA.value: coppa.RULES,
}
"""Rule sets by law name: add a law by adding an entry."""


def audit(policy: PrivacyPolicy, law: str = "gdpr") -> tuple[Finding, ...]:
    """Check ``policy`` against the disclosures ``law`` requires (``gdpr``, ``ccpa`` or ``coppa``)."""
    try:
        rules = LAWS[law]
    except KeyError:
        raise ValueError(f"unknown law {law!r}; expected one of: {', '.join(LAWS)}") from None
    return as_the_policy_says(policy, law, (finding for rule in rules for finding in rule(policy)))


NOT_APPLYING: Final = "the policy states the law does not apply"
"""Why every item of a law the policy says does not apply is not applicable."""


def as_the_policy_says(policy: PrivacyPolicy, law: str, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """``findings`` on ``law``, amended by what the policy says of the law and of the rights it grants.

    * Where the policy cites the law and says it does not apply (``applies: false`` in ``laws``, and no
      citation of the same law saying it does), every item is not applicable, for that reason, with the
      citation as evidence.
    * Where it sends readers to a separate notice for the law (``separate_notice_url``), the items are judged
      as usual, and the message of each missing or unclear one names that notice, where the disclosure may be.
    * An item present only through rights the controller grants voluntarily (``voluntary: true``) says so.
    """
    cited = [(i, ref) for i, ref in enumerate(policy.laws or ()) if ref.law == law]
    if any(ref.applies is False for _, ref in cited) and not any(ref.applies for _, ref in cited):
        evidence = tuple(format_path(("laws", i, "applies")) for i, ref in cited if ref.applies is False)
        return tuple(
            attrs.evolve(finding, status="not-applicable", message=NOT_APPLYING, evidence=evidence) for finding in findings
        )
    notices = list(dict.fromkeys(ref.separate_notice_url for _, ref in cited if ref.separate_notice_url))
    voluntary = {format_path(("rights", i)) for i, right in enumerate(policy.rights or ()) if right.voluntary}
    return tuple(_amended(finding, notices, voluntary) for finding in findings)


def _amended(finding: Finding, notices: list[str], voluntary: set[str]) -> Finding:
    """``finding`` with its message naming the law's separate notices (when missing or unclear) or saying that the
    rights that make it present are granted voluntarily."""
    if notices and finding.status in ("missing", "unclear"):
        where = " and ".join(notices)
        return attrs.evolve(
            finding, message=f"{finding.message}; the policy sends readers to a separate notice for this law: {where}"
        )
    if finding.status == "present" and finding.evidence and set(finding.evidence) <= voluntary:
        return attrs.evolve(finding, message=f"{finding.message}, granted voluntarily (not under a law the policy cites)")
    return finding
