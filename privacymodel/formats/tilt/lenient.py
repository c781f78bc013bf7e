"""Lenient access to TILT's loosely typed values, noting what cannot be read as a problem.

TILT documents are written by hand and by many tools: ``null``, ``""``, ``[]``
and ``{}`` stand for "not stated", a list may be written as its one item, and
numbers and booleans may come as text. :class:`LenientReader` reads a field
as the type expected where it can, and otherwise notes a PM402 warning (not
carried over) or a PM403 warning (read as meant, not as written).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from privacymodel.formats.tilt.common import UNKNOWN_COUNTRY
from privacymodel.formats.tilt.countries import read_country
from privacymodel.model.formats import FORMATS
from privacymodel.problems import Code, Problem, format_path, kind_of, shown

__all__ = ["LenientReader", "Path", "number_text", "placeholder"]

Path = tuple[str | int, ...]
"""Where a value is in the TILT document: its keys and list indexes."""


_HOST: Final = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/\S*)?$")
"""A web address written without its scheme (``otto.de``, ``www.example.com/privacy``)."""

_NUMBER_DIGITS: Final = 30
"""The most digits of a number read as text (a name or a telephone number written as a number)."""


def number_text(value: float) -> str | None:
    """A number written where text is expected, as its digits; None if it is not finite or too long to be text."""
    if isinstance(value, int):  # compared, never written out: a whole number may have any length
        return str(value) if abs(value) < 10**_NUMBER_DIGITS else None
    return str(value) if math.isfinite(value) else None


def placeholder(value: object) -> bool:
    """Whether ``value`` stands for "not stated": null, empty or blank text, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(placeholder(v) for v in value.values())
    if isinstance(value, list):
        return all(placeholder(v) for v in value)
    return False


class LenientReader:
    """Reads the fields of a TILT document (``data``) as typed values, collecting ``notes`` on what it cannot read."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.notes: list[Problem] = []

    def lost(self, path: Path, message: str) -> None:
        """Note that the value at ``path`` is not carried over (PM402)."""
        self.notes.append(Problem(code=Code.NOT_CARRIED_OVER, severity="warning", message=message, path=format_path(path)))

    def repaired(self, path: Path, message: str) -> None:
        """Note that the value at ``path`` is read as meant rather than as written (PM403)."""
        self.notes.append(Problem(code=Code.REINTERPRETED, severity="warning", message=message, path=format_path(path)))

    def mapping(self, obj: Mapping[str, Any], key: str, path: Path) -> dict[str, Any] | None:
        """``obj[key]`` if it is a mapping; None if it is a placeholder or (noted) anything else."""
        value = obj.get(key)
        if placeholder(value):
            return None
        if not isinstance(value, dict):
            self.lost((*path, key), f"expected a mapping; got {kind_of(value)}")
            return None
        return value

    def items(self, obj: Mapping[str, Any], key: str, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
        """The mappings listed in ``obj[key]`` with their paths (a mapping alone is a list of one); placeholders skipped."""
        value = obj.get(key)
        if placeholder(value):
            return
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list; got {kind_of(value)}")
            return
        for index, item in enumerate(value):
            if placeholder(item):
                continue
            if isinstance(item, dict):
                yield (*path, key, index), item
            else:
                self.lost((*path, key, index), f"expected a mapping; got {kind_of(item)}")

    def text(self, obj: Mapping[str, Any], key: str, path: Path, fmt: str = "text") -> str | None:
        """``obj[key]`` as text (a number as its digits) in the format ``fmt`` of the model's fields; else None."""
        value = obj.get(key)
        if placeholder(value):
            return None
        written = value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = number_text(value)
        if not isinstance(value, str):
            self.lost((*path, key), f"expected text; got {kind_of(written)}")
            return None
        if fmt != "text":
            value = value.strip()  # stray spaces around an address or a code are no part of it
        if not FORMATS[fmt].check(value):
            what = FORMATS[fmt].description.rstrip(".")
            self.lost((*path, key), f"{shown(value)} is not {what[0].lower()}{what[1:]}; left out")
            return None
        return value

    def texts(self, obj: Mapping[str, Any], key: str, path: Path) -> list[str]:
        """The texts listed in ``obj[key]`` (a text alone is a list of one); placeholders skipped."""
        value = obj.get(key)
        if placeholder(value):
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.lost((*path, key), f"expected a list of text; got {kind_of(value)}")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            elif not placeholder(item):
                self.lost((*path, key, index), f"expected text; got {kind_of(item)}")
        return out

    def boolean(self, obj: Mapping[str, Any], key: str, path: Path) -> bool | None:
        """``obj[key]`` as true or false (also written as the text true, false, yes or no); else None."""
        value = obj.get(key)
        if placeholder(value):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            self.repaired((*path, key), f"read the text {value!r} as a boolean")
            return value.strip().lower() in ("true", "yes")
        self.lost((*path, key), f"expected true or false; got {kind_of(value)}")
        return None

    def email(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        """``obj[key]`` as an email address; None for one under ``.invalid`` (a placeholder)."""
        value = self.text(obj, key, path, "email")
        return None if value is None or value.lower().endswith(".invalid") else value

    def country(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        """``obj[key]`` as a country code (a name read as its code, noted); None for the unknown country (a placeholder)."""
        value = obj.get(key)
        if isinstance(value, str) and value.strip().upper() == UNKNOWN_COUNTRY:
            return None
        if not isinstance(value, str) or placeholder(value):
            return self.text(obj, key, path, "country")
        code, note = read_country(value)
        if code is None:
            self.lost((*path, key), f"{shown(value)} is not a country code, nor names one country; left out")
        elif note:
            self.repaired((*path, key), note)
        return code

    def url(self, obj: Mapping[str, Any], key: str, path: Path) -> str | None:
        """``obj[key]`` as a web address; a host name alone (``otto.de``) is read as its ``https://`` address, noted."""
        value = obj.get(key)
        if isinstance(value, str) and _HOST.match(value.strip()) and not FORMATS["uri"].check(value.strip()):
            address = f"https://{value.strip()}"
            self.repaired((*path, key), f"read the host name {shown(value)} as the address {address!r}")
            return address
        return self.text(obj, key, path, "uri")

    def granted(self, body: Mapping[str, Any], path: Path, what: str) -> str | None:
        """Whether the right (or transfer mechanism) ``body`` is said to be available: its description if so (or
        ``""``), None if not. ``available: false`` is reported; a description with no ``available`` is read as available."""
        available = self.boolean(body, "available", path)
        description = self.text(body, "description", path)
        if available is False:
            stated = f" ({shown(description)})" if description else ""
            self.lost(
                path, f"{what} is said not to be available{stated}; privacymodel records what is available, so not carried over"
            )
            return None
        if available is None:
            if description is None:
                return None
            self.repaired(
                (*path, "available"), f"no 'available' is given; read as available, as the description describes {what}"
            )
        return description or ""

    def unknown_keys(self, obj: Mapping[str, Any], known: Iterable[str], path: Path) -> None:
        """Note every key of ``obj`` not in ``known`` that holds a value."""
        known = set(known)
        for key, value in obj.items():
            if key not in known and not placeholder(value):
                self.lost((*path, key), f"privacymodel has no field for {key!r}; not carried over")

    def fields(self, obj: Mapping[str, Any], names: Iterable[str], path: Path, why: str) -> None:
        """Note every field of ``names`` in ``obj`` that holds a value, as not carried over for the reason ``why``."""
        for name in names:
            if not placeholder(obj.get(name)):
                self.lost((*path, name), why)
