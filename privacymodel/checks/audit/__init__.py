"""Auditing a policy against what a law requires it to disclose.

Each law is a rule set: a tuple of rule functions registered in :data:`LAWS`
under the law's name, one module per law (:mod:`.gdpr`, :mod:`.ccpa`,
:mod:`.coppa`). A rule reads the policy and returns one or more
:class:`Finding` objects; adding a law, or a rule to a law, touches nothing
else. :func:`audit` runs one law's rules.
"""

from __future__ import annotations

from typing import Final

from privacymodel.checks.audit import ccpa, coppa, gdpr
from privacymodel.checks.audit.finding import STATUSES, Finding, Rule, Status
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm

__all__ = ["LAWS", "STATUSES", "Finding", "Status", "audit"]

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
    return tuple(finding for rule in rules for finding in rule(policy))
