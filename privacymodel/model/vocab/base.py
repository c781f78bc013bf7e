"""The ground every vocabulary stands on: DPV namespaces, :class:`Vocabulary` and :class:`CustomTerm`.

Every vocabulary is a :class:`Vocabulary` enumeration whose members carry a
``description`` and, where the W3C Data Privacy Vocabulary (DPV 2.3) has a
matching concept, its ``iri``. Fields that accept an open vocabulary also take
a :class:`CustomTerm`: any text starting with ``x-`` (for example
``x-loyalty-points``), which validates and is reported as custom.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Final

from privacymodel.model.formats import ecma_regex
from privacymodel.problems import shown

__all__ = ["CUSTOM_TERM_PATTERN", "DPV", "EU_GDPR", "PD", "CustomTerm", "Vocabulary", "closest_term"]

# The DPV 2.3 namespaces term IRIs are written in: core, personal data, and the GDPR extension.
DPV: Final = "https://w3id.org/dpv#"
PD: Final = "https://w3id.org/dpv/pd#"
EU_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"

CUSTOM_TERM_PATTERN: Final = "^x-[A-Za-z0-9][A-Za-z0-9._-]*$"
_CUSTOM_TERM_RE: Final = ecma_regex(CUSTOM_TERM_PATTERN)  # as JSON Schema reads it: no line break after the term


class CustomTerm(str):
    """A term outside the controlled vocabulary, written with an ``x-`` prefix.

    ``CustomTerm("x-loyalty-points")`` is accepted wherever an open vocabulary
    is, and ``privacymodel validate`` reports it as a warning so that custom
    terms stay visible.
    """

    __slots__ = ()

    def __new__(cls, value: str) -> CustomTerm:
        if not isinstance(value, str) or _CUSTOM_TERM_RE.search(value) is None:
            raise ValueError(
                f"a custom term must start with 'x-' followed by letters, digits, '.', '_' or '-'; got {shown(value)}"
            )
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


def _spelling(word: str) -> str:
    return word.lower().replace("_", "-").replace(" ", "-")


def closest_term(value: str, candidates: Sequence[str]) -> str | None:
    """The candidate closest to ``value``, or None when none is close enough to suggest.

    The same word written otherwise (in other case, with ``_`` or a space for ``-``: ``Third Party`` for
    ``third-party``) comes first; else the closest by :class:`difflib.SequenceMatcher` ratio at difflib's usual
    cutoff of 0.6, where a term is compared whole and by runs of its words (``emial`` is closest to
    ``email-address`` through ``email``).
    The model classes and the reader suggest terms and keys with it ("did you mean 'access'?").
    """
    longest = max(map(len, candidates), default=0)
    if len(value) <= longest:
        spelt = _spelling(value)
        for candidate in candidates:
            if _spelling(candidate) == spelt:
                return candidate
    # difflib's ratio is at most 2*min/(len(a)+len(b)): a word over 7/3 the longest candidate reaches no cutoff of 0.6.
    if len(value) * 3 > 7 * longest:
        return None
    matcher = difflib.SequenceMatcher(b=value, autojunk=False)
    best, best_score = None, (0.0, 0.0)
    for candidate in candidates:
        matcher.set_seq1(candidate)
        whole = top = matcher.ratio()
        for run in _runs(candidate):
            matcher.set_seq1(run)
            if matcher.real_quick_ratio() > top and matcher.quick_ratio() > top:
                top = max(top, matcher.ratio())
        # The closest run decides; between equals, the closer whole term ('consnet' is 'consent', not
        # 'explicit-consent'), then the earlier candidate.
        if top >= 0.6 and (top, whole) > best_score:
            best, best_score = candidate, (top, whole)
    return best


def _runs(term: str) -> Iterator[str]:
    """Each shorter run of ``term``'s words of four letters or more: ``service-usage-analytics`` gives
    ``service-usage``, ``usage-analytics``, ``service``, ``usage``, ``analytics`` (``a6`` says too little)."""
    words = term.split("-")
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            form = "-".join(words[start : start + size])
            if len(form) >= 4:
                yield form
