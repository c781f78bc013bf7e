"""What the exports share: the id of a policy, and a retention statement's conditions in words."""

from __future__ import annotations

import uuid
from typing import Final

from privacymodel.model.policy import Document, Retention

__all__ = ["AS_LONG_AS_NECESSARY", "LEGAL_REQUIREMENT", "policy_uuid", "retention_conditions"]

AS_LONG_AS_NECESSARY: Final = "as long as necessary for the purposes"
"""The words for ``as_long_as_necessary`` (reading TILT recognises them)."""

LEGAL_REQUIREMENT: Final = "longer where the law requires"
"""The words for ``legal_requirement`` (reading TILT recognises them)."""


def policy_uuid(document: Document) -> uuid.UUID:
    """The UUID of a policy: derived from its URL, or from its title when it states none (UUID 5, URL namespace)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, document.url or f"urn:privacymodel:policy:{document.title}")


def retention_conditions(retention: Retention) -> list[str]:
    """The conditions of ``retention`` in words, in this order: the event kept until, as long as necessary,
    longer where the law requires, the criteria. The period and the description are not among them."""
    words = [
        f"until {retention.until}" if retention.until else None,
        AS_LONG_AS_NECESSARY if retention.as_long_as_necessary else None,
        LEGAL_REQUIREMENT if retention.legal_requirement else None,
        retention.criteria,
    ]
    return [word for word in words if word]
