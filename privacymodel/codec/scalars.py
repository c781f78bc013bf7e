"""Plain scalars by the YAML 1.2 core schema, with every number bounded.

:func:`resolve_plain` turns an unquoted scalar into null, a boolean, a number or text. Whole numbers, in
decimal, ``0o`` octal or ``0x`` hexadecimal, lie within :data:`~privacymodel.model.fields.MAX_WHOLE_NUMBER`
of zero, and a float must be finite unless written as ``.inf``: a number beyond that raises ValueError
saying so, without converting a long run of digits (so no number costs time, or meets Python's 4,300-digit
limit on converting text to int). The JSON reader holds its numbers to the same bounds with
:func:`whole_number` and :func:`real_number`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, Final

from privacymodel.model.fields import MAX_WHOLE_NUMBER

__all__ = ["real_number", "resolve_plain", "whole_number"]

_SPECIAL: Final[dict[str, Any]] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}  # fmt: skip
_INT_RE: Final = re.compile(r"[-+]?[0-9]+")
_OCT_RE: Final = re.compile(r"0o[0-7]+")
_HEX_RE: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE: Final = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF_RE: Final = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN_RE: Final = re.compile(r"\.(nan|NaN|NAN)")
_NUMERIC_START: Final = frozenset("0123456789+-.")
_MAX_DIGITS: Final = 20
"""More significant digits than this, in any base, is beyond the bound without converting them."""


def _shown_number(text: str) -> str:
    """A number's source text for a message: as written, or its start and length when long."""
    return text if len(text) <= 24 else f"{text[:16]}... ({len(text)} characters)"


def whole_number(text: str, base: int = 10) -> int:
    """The whole number ``text`` (with a sign, or after ``0o``/``0x``) in ``base``; ValueError beyond the bound."""
    digits = (text[2:] if base != 10 else text.lstrip("+-")).lstrip("0")
    if len(digits) <= _MAX_DIGITS:
        number = int(digits or "0", base)
        if number <= MAX_WHOLE_NUMBER:
            return -number if text[0] == "-" else number
    raise ValueError(
        f"the number {_shown_number(text)} is out of range: whole numbers go from -{MAX_WHOLE_NUMBER} "
        f"to {MAX_WHOLE_NUMBER}; quote it if it is text"
    )


def real_number(text: str) -> float:
    """The floating-point number ``text``; ValueError if it is too large for one (it would be infinite)."""
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"the number {_shown_number(text)} is too large to hold; quote it if it is text")
    return number


# The core schema's number forms, tried in this order (an integer also matches the float form).
_NUMBER_FORMS: Final[tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...]] = (
    (_INT_RE, whole_number),
    (_FLOAT_RE, real_number),
    (_OCT_RE, lambda value: whole_number(value, 8)),
    (_HEX_RE, lambda value: whole_number(value, 16)),
    (_INF_RE, lambda value: float("-inf") if value[0] == "-" else float("inf")),
    (_NAN_RE, lambda _: float("nan")),
)


def resolve_plain(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema; ValueError for a number beyond the bounds."""
    special = _SPECIAL.get(value, _SPECIAL)
    if special is not _SPECIAL:
        return special
    if value[0] not in _NUMERIC_START:
        return value
    for form, convert in _NUMBER_FORMS:
        if form.fullmatch(value):
            return convert(value)
    return value
