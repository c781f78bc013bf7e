"""Problems, their stable codes, and the library's exception."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, Literal

from attrs import frozen

__all__ = ["CODES", "PolicyError", "Problem", "Severity", "format_path", "kind_of", "shown"]

Severity = Literal["error", "warning"]

CODES: Final[dict[str, str]] = {
    # Reading the file.
    "PM001": "the file cannot be read",
    "PM002": "the input is not valid UTF-8 text",
    "PM003": "YAML or JSON syntax error",
    "PM004": "duplicate key in a mapping",
    "PM005": "anchors and aliases are not supported",
    "PM006": "a tag that is not allowed",
    "PM007": "nesting deeper than the limit",
    "PM008": "the document is empty",
    "PM009": "more than one document in the file",
    "PM010": "the top level is not a mapping",
    "PM011": "the input is larger than the limit",
    "PM012": "a mapping key that is not text",
    # The shape of the policy.
    "PM101": "unknown key",
    "PM102": "missing required key",
    "PM103": "wrong type",
    "PM104": "invalid value (format, pattern or range)",
    "PM105": "term not in the vocabulary",
    "PM106": "null is not a value; omit the key instead",
    "PM107": "too few items",
    "PM108": "unsupported format version",
    "PM109": "at least one of several keys is required",
    # Consistency between parts.
    "PM201": "duplicate id",
    "PM202": "reference to an id that is not declared",
    "PM203": "last-updated date before the effective date",
    "PM204": "a cookie's provider is not a declared recipient",
    # Warnings.
    "PM301": "consent is a legal basis but the right to withdraw consent is not stated",
    "PM302": "a right is declared that applies under none of the legal bases used",
    "PM303": "a custom vocabulary term",
    # Other formats (import and export).
    "PM401": "not a TILT document",
    "PM402": "a TILT field that cannot be carried over",
    "PM403": "a TILT value read as meant rather than as written",
    "PM404": "a policy field the export format cannot hold",
    "PM405": "a placeholder written for a field TILT requires and the policy does not state",
}


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


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters; repr escapes control characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "..." + text[-1]


def kind_of(value: object) -> str:
    """What ``value`` is, for a message: ``null``, ``the boolean true``, ``the text 'x'``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {shown(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
