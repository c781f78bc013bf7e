"""The ground every vocabulary stands on: DPV namespaces, :class:`Vocabulary` and :class:`CustomTerm`.

Every vocabulary is a :class:`Vocabulary` enumeration whose members carry a
``description`` and, where the W3C Data Privacy Vocabulary (DPV 2.x) has a
matching concept, its ``iri``. Fields that accept an open vocabulary also take
a :class:`CustomTerm`: any text starting with ``x-`` (for example
``x-loyalty-points``), which validates and is reported as custom.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Final

__all__ = ["CUSTOM_TERM_PATTERN", "DPV", "EU_GDPR", "PD", "CustomTerm", "Vocabulary"]

# The DPV 2.x namespaces term IRIs are written in: core, personal data, and the GDPR extension.
DPV: Final = "https://w3id.org/dpv#"
PD: Final = "https://w3id.org/dpv/pd#"
EU_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"

CUSTOM_TERM_PATTERN: Final = "^x-[A-Za-z0-9][A-Za-z0-9._-]*$"
_CUSTOM_TERM_RE: Final = re.compile(CUSTOM_TERM_PATTERN)


class CustomTerm(str):
    """A term outside the controlled vocabulary, written with an ``x-`` prefix.

    ``CustomTerm("x-loyalty-points")`` is accepted wherever an open vocabulary
    is, and ``privacymodel validate`` reports it as a warning so that custom
    terms stay visible.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> CustomTerm:
        if not isinstance(value, str) or _CUSTOM_TERM_RE.search(value) is None:
            raise ValueError(f"a custom term must start with 'x-' followed by letters, digits, '.', '_' or '-'; got {value!r}")
        return super().__new__(cls, value)

    def __repr__(self) -> str:
        return f"CustomTerm({str(self)!r})"


class Vocabulary(str, Enum):
    """Base of every vocabulary: a text value, a description and a DPV IRI (or ``None``)."""

    _value_: str
    description: str
    iri: str | None

    def __new__(cls, value: str, description: str, iri: str | None = None) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        member.iri = iri
        return member

    def __str__(self) -> str:
        return self._value_
