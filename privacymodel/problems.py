"""Problems, their stable codes, and the library's exception."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Literal

from attrs import frozen

__all__ = ["CODES", "Code", "PolicyError", "Problem", "Severity", "format_path", "kind_of", "shown"]

Severity = Literal["error", "warning"]


class Code:
    """The stable problem codes, by name: ``Code.UNKNOWN_KEY == "PM101"``.

    Codes never change meaning between releases; :data:`CODES` gives each one's description.
    """

    # Reading the file.
    UNREADABLE: Final = "PM001"
    NOT_UTF8: Final = "PM002"
    SYNTAX: Final = "PM003"
    DUPLICATE_KEY: Final = "PM004"
    ALIAS: Final = "PM005"
    TAG: Final = "PM006"
    TOO_DEEP: Final = "PM007"
    EMPTY: Final = "PM008"
    SEVERAL_DOCUMENTS: Final = "PM009"
    NOT_A_MAPPING: Final = "PM010"
    TOO_LARGE: Final = "PM011"
    KEY_NOT_TEXT: Final = "PM012"
    TOO_MANY_PROBLEMS: Final = "PM013"
    # The shape of the policy.
    UNKNOWN_KEY: Final = "PM101"
    MISSING_KEY: Final = "PM102"
    WRONG_TYPE: Final = "PM103"
    INVALID_VALUE: Final = "PM104"
    NOT_IN_VOCABULARY: Final = "PM105"
    NULL: Final = "PM106"
    TOO_FEW_ITEMS: Final = "PM107"
    UNSUPPORTED_VERSION: Final = "PM108"
    ONE_OF_REQUIRED: Final = "PM109"
    CONFLICTING_KEYS: Final = "PM110"
    # Consistency between parts.
    DUPLICATE_ID: Final = "PM201"
    UNDECLARED_ID: Final = "PM202"
    DATES_OUT_OF_ORDER: Final = "PM203"
    UNDECLARED_PROVIDER: Final = "PM204"
    # Warnings.
    NO_WITHDRAWAL: Final = "PM301"
    RIGHT_WITHOUT_BASIS: Final = "PM302"
    CUSTOM_TERM: Final = "PM303"
    UNTIED_DATA: Final = "PM304"
    BASIS_WITHOUT_PURPOSE: Final = "PM305"
    # Other formats (import and export).
    NOT_TILT: Final = "PM401"
    NOT_CARRIED_OVER: Final = "PM402"
    REINTERPRETED: Final = "PM403"
    NOT_EXPORTED: Final = "PM404"
    PLACEHOLDER: Final = "PM405"
    # A policy against what a website does (evidence).
    NOT_A_CAPTURE: Final = "PM501"
    CAPTURE_VERSION: Final = "PM502"
    CAPTURE_ITEM: Final = "PM503"
    UNDECLARED_COOKIE: Final = "PM511"
    COOKIE_PARTY: Final = "PM512"
    COOKIE_LIFETIME: Final = "PM513"
    UNDECLARED_HOST: Final = "PM514"
    COOKIE_NOT_OBSERVED: Final = "PM515"


CODES: Final[dict[str, str]] = {
    # Reading the file.
    Code.UNREADABLE: "the file cannot be read",
    Code.NOT_UTF8: "the input is not valid UTF-8 text",
    Code.SYNTAX: "YAML or JSON syntax error",
    Code.DUPLICATE_KEY: "duplicate key in a mapping",
    Code.ALIAS: "anchors and aliases are not supported",
    Code.TAG: "a tag that is not allowed",
    Code.TOO_DEEP: "nesting deeper than the limit",
    Code.EMPTY: "the document is empty",
    Code.SEVERAL_DOCUMENTS: "more than one document in the file",
    Code.NOT_A_MAPPING: "the top level is not a mapping",
    Code.TOO_LARGE: "the input is larger than the limit",
    Code.KEY_NOT_TEXT: "a mapping key that is not text",
    Code.TOO_MANY_PROBLEMS: "more problems than the limit for one file: the rest are counted by code",
    # The shape of the policy.
    Code.UNKNOWN_KEY: "unknown key",
    Code.MISSING_KEY: "missing required key",
    Code.WRONG_TYPE: "wrong type",
    Code.INVALID_VALUE: "invalid value (format, pattern or range)",
    Code.NOT_IN_VOCABULARY: "term not in the vocabulary",
    Code.NULL: "null is not a value; omit the key instead",
    Code.TOO_FEW_ITEMS: "too few items",
    Code.UNSUPPORTED_VERSION: "unsupported format version",
    Code.ONE_OF_REQUIRED: "at least one of several keys is required",
    Code.CONFLICTING_KEYS: "two keys of which at most one may be given",
    # Consistency between parts.
    Code.DUPLICATE_ID: "duplicate id",
    Code.UNDECLARED_ID: "reference to an id that is not declared",
    Code.DATES_OUT_OF_ORDER: "last-updated date before the effective date",
    Code.UNDECLARED_PROVIDER: "a cookie's provider is not a declared recipient",
    # Warnings.
    Code.NO_WITHDRAWAL: "consent is a legal basis but the right to withdraw consent is not stated",
    Code.RIGHT_WITHOUT_BASIS: "a right is declared that applies under none of the legal bases used",
    Code.CUSTOM_TERM: "a custom vocabulary term",
    Code.UNTIED_DATA: "a data category is tied to no purpose",
    Code.BASIS_WITHOUT_PURPOSE: "a legal basis names no purpose",
    # Other formats (import and export).
    Code.NOT_TILT: "not a TILT document",
    Code.NOT_CARRIED_OVER: "a TILT field that cannot be carried over",
    Code.REINTERPRETED: "a TILT value read as meant rather than as written",
    Code.NOT_EXPORTED: "a policy field the export format cannot hold",
    Code.PLACEHOLDER: "a placeholder written for a field TILT requires and the policy does not state",
    # A policy against what a website does (evidence).
    Code.NOT_A_CAPTURE: "not a capture: neither a HAR file nor the Website Evidence Collector's output",
    Code.CAPTURE_VERSION: "a HAR version that is not supported",
    Code.CAPTURE_ITEM: "an item of a capture that cannot be read (a wrong type or value)",
    Code.UNDECLARED_COOKIE: "a cookie observed that no declaration covers",
    Code.COOKIE_PARTY: "a cookie set by another party than the one declared",
    Code.COOKIE_LIFETIME: "a cookie that lasts longer than declared",
    Code.UNDECLARED_HOST: "a third-party host contacted that no recipient's domains cover",
    Code.COOKIE_NOT_OBSERVED: "a cookie declared that no capture shows",
}
"""Every problem code with a one-line description, in the order of the README's table."""


@frozen(kw_only=True)
class Problem:
    """One problem found in a policy file.

    ``path`` is a JSON path in jsonschema's form (``$.cookies[3].name``);
    ``line`` and ``column`` are 1-based and ``None`` when unknown.
    """

    code: str
    message: str
    severity: Severity = "error"
    path: str = "$"
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """``file:line:column``, leaving out what is unknown ('' when nothing is)."""
        return ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)


class PolicyError(ValueError):
    """A policy could not be loaded; ``problems`` lists every problem found."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        if not self.problems:
            return "invalid policy"
        first = self.problems[0]
        where = first.location
        text = f"{where + ': ' if where else ''}{first.code} {first.message} (at {first.path})"
        more = len(self.problems) - 1
        return text + (f" and {more} more problem{'s' if more > 1 else ''}" if more else "")


_IDENT: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(parts: Sequence[str | int]) -> str:
    """Format path parts as a JSON path: ``("cookies", 3, "name")`` -> ``$.cookies[3].name``."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENT.match(part):
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out.append(f"['{escaped}']")
    return "".join(out)


_BIG_INT_BITS: Final = 1000
"""Whole numbers longer than this (about 300 digits) are shown by their length: writing out their digits is slow,
and Python refuses past 4,300 digits."""

_LOG10_2: Final = 0.30103
_CLOSING: Final[dict[type, str]] = {list: "]", tuple: ")", dict: "}"}


def _big_number(value: object) -> str | None:
    """``value`` as "whole number of about N digits" if it is one too long to write out (N counted from its bits)."""
    if isinstance(value, int) and value.bit_length() > _BIG_INT_BITS:
        return f"whole number of about {int(value.bit_length() * _LOG10_2) + 1} digits"
    return None


def _repr_parts(value: object) -> Iterator[str]:
    """``repr(value)`` in pieces, so a caller can stop once it has enough; huge whole numbers by their length."""
    big = _big_number(value)
    if big is not None:
        yield f"<{big}>"
    elif (type(value) is list or type(value) is tuple) and value:
        yield "[" if type(value) is list else "("
        for index, item in enumerate(value):
            yield ", " if index else ""
            yield from _repr_parts(item)
        yield "]" if type(value) is list else ",)" if len(value) == 1 else ")"
    elif type(value) is dict and value:
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield ", " if index else ""
            yield from _repr_parts(key)
            yield ": "
            yield from _repr_parts(item)
        yield "}"
    else:
        yield repr(value)


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters; repr escapes control characters.

    Any value can be shown, and quickly: lists and mappings are written only as far as the message shows
    them, and a whole number too long to write out is shown by its length.
    """
    text, size = [], 0
    for part in _repr_parts(value):
        text.append(part)
        size += len(part)
        if size > limit:
            break
    whole = "".join(text)
    if size <= limit:
        return whole
    # A list or mapping cut short still shows the bracket that closes it, as a cut repr would.
    return whole[: limit - 4] + "..." + _CLOSING.get(type(value), whole[-1])


def kind_of(value: object) -> str:
    """What ``value`` is, for a message: ``null``, ``the boolean true``, ``the text 'x'``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        big = _big_number(value)
        return f"a {big}" if big else f"the number {shown(value)}"
    if isinstance(value, str):
        return f"the text {shown(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
