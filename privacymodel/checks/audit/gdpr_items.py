"""The GDPR's disclosure items (Articles 13 and 14, each with its Art. 14 twin) and what its rules share.

The rules are in :mod:`.gdpr` (the parties, purposes, recipients, retention, rights and the rule set) and
:mod:`.gdpr_bases` (legal bases, consent and transfers).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from privacymodel.checks.audit.facts import EEA
from privacymodel.checks.audit.finding import Item
from privacymodel.checks.audit.ruleset import covers
from privacymodel.checks.audit.shared import rights_for
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import LawTerm, RightKind

__all__ = ["GDPR_LAWS", "ITEMS", "LAW", "TERRITORY", "gdpr_rights_for"]

LAW: Final = LawTerm.GDPR.value
GDPR_LAWS: Final = frozenset({LawTerm.GDPR, LawTerm.UK_GDPR})
"""The laws whose rights and bases count for the GDPR's items: the GDPR, and the UK GDPR, which keeps its text."""
TERRITORY: Final = frozenset({"EU", "EEA"}) | EEA
"""Where the GDPR protects people: the European Union and the EEA, and each of their countries."""

CONTROLLER: Final = Item(LAW, "controller", "Identity and contact details of the controller", "Art. 13(1)(a), Art. 14(1)(a)")
REPRESENTATIVE: Final = Item(LAW, "representative", "The controller's representative in the EU", "Art. 13(1)(a), Art. 14(1)(a)")
DPO: Final = Item(LAW, "dpo", "Contact details of the data protection officer", "Art. 13(1)(b), Art. 14(1)(b)")
PURPOSES: Final = Item(LAW, "purposes", "Purposes of the processing", "Art. 13(1)(c), Art. 14(1)(c)")
LEGAL_BASIS: Final = Item(LAW, "legal-basis", "Legal basis of the processing", "Art. 13(1)(c), Art. 14(1)(c)")
LEGITIMATE_INTERESTS: Final = Item(
    LAW, "legitimate-interests", "The legitimate interests pursued", "Art. 13(1)(d), Art. 14(2)(b)"
)
RECIPIENTS: Final = Item(LAW, "recipients", "Recipients or categories of recipients", "Art. 13(1)(e), Art. 14(1)(e)")
TRANSFERS: Final = Item(LAW, "transfers", "Transfers to third countries and their safeguards", "Art. 13(1)(f), Art. 14(1)(f)")
RETENTION: Final = Item(LAW, "retention", "Retention period, or the criteria that set it", "Art. 13(2)(a), Art. 14(2)(a)")
_RIGHTS_ARTICLE: Final = "Art. 13(2)(b), Art. 14(2)(c)"
DATA_SUBJECT_RIGHTS: Final = (
    (RightKind.ACCESS, Item(LAW, "right-access", "Right of access", _RIGHTS_ARTICLE)),
    (RightKind.RECTIFICATION, Item(LAW, "right-rectification", "Right to rectification", _RIGHTS_ARTICLE)),
    (RightKind.ERASURE, Item(LAW, "right-erasure", "Right to erasure", _RIGHTS_ARTICLE)),
    (RightKind.RESTRICTION, Item(LAW, "right-restriction", "Right to restriction of processing", _RIGHTS_ARTICLE)),
    (RightKind.OBJECTION, Item(LAW, "right-objection", "Right to object", _RIGHTS_ARTICLE)),
    (RightKind.PORTABILITY, Item(LAW, "right-portability", "Right to data portability", _RIGHTS_ARTICLE)),
)
WITHDRAW_CONSENT: Final = Item(LAW, "withdraw-consent", "Right to withdraw consent at any time", "Art. 13(2)(c), Art. 14(2)(d)")
COMPLAINT: Final = Item(
    LAW, "complaint", "Right to lodge a complaint with a supervisory authority", "Art. 13(2)(d), Art. 14(2)(e)"
)
REQUIREMENT: Final = Item(LAW, "requirement", "Whether providing data is a statutory or contractual requirement", "Art. 13(2)(e)")
AUTOMATED_DECISIONS: Final = Item(
    LAW, "automated-decisions", "Automated decision-making, including profiling", "Art. 13(2)(f), Art. 14(2)(g)"
)
DATA_CATEGORIES: Final = Item(LAW, "data-categories", "Categories of personal data (indirect collection)", "Art. 14(1)(d)")
SOURCES: Final = Item(LAW, "sources", "The source of the data (indirect collection)", "Art. 14(2)(f)")
CONSISTENCY_RIGHTS: Final = Item(LAW, "consistency-rights", "A right declared under no basis that grants it", "Art. 13(2)(b)")
CONSISTENCY_PROCESSOR: Final = Item(LAW, "consistency-processor", "A processor claiming controller duties", "Art. 28(3)(a)")

ITEMS: Final = (
    CONTROLLER,
    REPRESENTATIVE,
    DPO,
    PURPOSES,
    LEGAL_BASIS,
    LEGITIMATE_INTERESTS,
    RECIPIENTS,
    TRANSFERS,
    RETENTION,
    *(item for _, item in DATA_SUBJECT_RIGHTS),
    WITHDRAW_CONSENT,
    COMPLAINT,
    REQUIREMENT,
    AUTOMATED_DECISIONS,
    DATA_CATEGORIES,
    SOURCES,
    CONSISTENCY_RIGHTS,
    CONSISTENCY_PROCESSOR,
)
"""Every GDPR item, in the order reports list them."""


def gdpr_rights_for(policy: PrivacyPolicy, kinds: Iterable[RightKind]) -> tuple[str, ...]:
    """Paths of the rights of ``kinds`` (or the same rights by other names) that people in the EU have."""
    return rights_for(policy, kinds, GDPR_LAWS, functools.partial(covers, TERRITORY))
