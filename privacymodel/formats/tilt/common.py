"""What writing and reading TILT share: its keys, the slots rights and transfers go in, and small helpers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, TypeVar

from privacymodel.model.vocab import LegalBasisTerm, RightKind, TransferMechanism

__all__ = [
    "ACCESS_SLOT",
    "NOT_STATED_EMAIL",
    "REMEDIES_SLOT",
    "RIGHT_SLOTS",
    "SLOT_DEFAULT_MECHANISM",
    "TILT_KEYS",
    "TRANSFER_SLOTS",
    "UNKNOWN_COUNTRY",
    "UNLINKED_ID",
    "is_legitimate_interests",
    "unique",
]

TILT_KEYS: Final = (
    "meta",
    "controller",
    "dataProtectionOfficer",
    "dataDisclosed",
    "thirdCountryTransfers",
    "accessAndDataPortability",
    "sources",
    "rightToInformation",
    "rightToRectificationOrDeletion",
    "rightToDataPortability",
    "rightToWithdrawConsent",
    "rightToComplain",
    "automatedDecisionMaking",
    "changesOfPurpose",
)
"""The top-level keys of a TILT document, in TILT's order (all required by its schema)."""

NOT_STATED_EMAIL: Final = "not-stated@not-stated.invalid"
"""Written where TILT requires an email address the policy does not state."""

UNKNOWN_COUNTRY: Final = "ZZ"
"""Written where TILT requires a country code the policy does not state."""

UNLINKED_ID: Final = "privacymodel-unlinked"
"""The ``_id`` of the ``dataDisclosed`` item holding statements linked to no data category."""

# TILT's rights, and the rights of the model each holds.
RIGHT_SLOTS: Final[dict[str, tuple[RightKind, ...]]] = {
    "rightToInformation": (RightKind.ACCESS,),
    "rightToRectificationOrDeletion": (RightKind.RECTIFICATION, RightKind.ERASURE),
    "rightToDataPortability": (RightKind.PORTABILITY,),
    "rightToWithdrawConsent": (RightKind.WITHDRAW_CONSENT,),
    "rightToComplain": (RightKind.COMPLAINT,),
}

ACCESS_SLOT: Final = "accessAndDataPortability"
"""TILT's "right to access and data portability", whose fee is the fee for a copy (GDPR Art. 15(3)): the right of
access, or the right to data portability where its description names portability and not access."""

REMEDIES_SLOT: Final = "presenceOfEnforceableRightsAndEffectiveRemedies"
"""The part of a TILT transfer saying enforceable rights and effective remedies are available (GDPR Art. 46(1))."""

# Transfer mechanisms by the TILT object that holds them.
TRANSFER_SLOTS: Final[dict[str, tuple[TransferMechanism, ...]]] = {
    "adequacyDecision": (
        TransferMechanism.ADEQUACY,
        TransferMechanism.SAFE_HARBOR,
        TransferMechanism.PRIVACY_SHIELD,
        TransferMechanism.DATA_PRIVACY_FRAMEWORK,
    ),
    "standardDataProtectionClause": (TransferMechanism.SCC_COMMISSION, TransferMechanism.SCC_SUPERVISORY_AUTHORITY),
    "appropriateGuarantees": (
        TransferMechanism.LEGAL_INSTRUMENT,
        TransferMechanism.BINDING_CORPORATE_RULES,
        TransferMechanism.CODE_OF_CONDUCT,
        TransferMechanism.CERTIFICATION,
        TransferMechanism.AD_HOC_CLAUSES,
        TransferMechanism.ADMINISTRATIVE_ARRANGEMENTS,
        TransferMechanism.APPROPRIATE_SAFEGUARDS,
    ),
}

SLOT_DEFAULT_MECHANISM: Final = {
    "adequacyDecision": TransferMechanism.ADEQUACY,
    "standardDataProtectionClause": TransferMechanism.SCC_COMMISSION,
    "appropriateGuarantees": TransferMechanism.APPROPRIATE_SAFEGUARDS,
}
"""The mechanism a TILT transfer slot stands for when its description names none."""

T = TypeVar("T")


def unique(values: Iterable[T]) -> list[T]:
    """``values`` in their order, each once."""
    return list(dict.fromkeys(values))


def is_legitimate_interests(basis: object) -> bool:
    """Whether ``basis`` is the GDPR's legitimate interests (Art. 6(1)(f)) or a refinement of it."""
    return isinstance(basis, LegalBasisTerm) and basis.value.startswith("A6-1-f")
