"""The closest valid value of a named format to one written another way: a country as a name or a common code
(``United States``, ``USA``, ``UK``), a region (``European Union``, ``California``), a date (``13/08/2020``,
``August 13, 2020``), a duration (``30 days``, ``P72H``), a language (``en_US``, ``English``), an email address
after ``mailto:``, a URL without its scheme, a host name with one, an id with spaces.

Nothing here guesses where the value could mean two things but says both (a date that reads as 3 August or 8 March).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Final

from privacymodel.model.formats import COUNTRY_CODES, FORMATS, REGION_GROUPS
from privacymodel.model.hints.names import country_code, fold, language_tag, region_code, subdivision_code

__all__ = ["LONGEST", "format_hint", "quoted"]

LONGEST: Final = 200
"""Values longer than this get no suggestion: no valid value is that long, and reading them would cost time."""


def quoted(values: Iterable[str]) -> str:
    """'did you mean 'a'?' or 'did you mean 'a' or 'b'?'."""
    return "did you mean " + " or ".join(repr(v) for v in dict.fromkeys(values)) + "?"


# --- formats ------------------------------------------------------------------------------------------------


def format_hint(name: str, value: str) -> str | None:
    """'did you mean ...?' for ``value``, not of the format ``name``, where it is written another way; else None.

    Every value suggested has the format.
    """
    suggest = _FORMAT_SUGGESTIONS.get(name)
    if suggest is None or len(value) > LONGEST:
        return None
    fmt = FORMATS[name]
    found = [candidate for candidate in suggest(value.strip()) if candidate != value and fmt.check(candidate)]
    return quoted(found) if found else None


def _country(value: str) -> list[str]:
    """A country code in capitals, or the code of a country named or written with another code."""
    if value.upper() in COUNTRY_CODES:
        return [value.upper()]
    code = country_code(fold(value))
    return [code] if code else []


def _region(value: str) -> list[str]:
    """A region in capitals (``eu``, ``us-ca``), or the code of a place named: a country, a region, a state (both
    where a name is both, as Georgia is)."""
    words = fold(value)
    found = [value.upper()] if value.upper() in REGION_GROUPS else []
    found += [code for code in (region_code(words), *_country(value), subdivision_code(words)) if code]
    parts = re.split(r"[-_ ]+", value.strip().upper(), maxsplit=1)
    if len(parts) == 2 and parts[0] in COUNTRY_CODES:
        found.append(f"{parts[0]}-{parts[1]}")
    return found


_MONTHS: Final = (
    {
        name: number
        for number, names in enumerate(
            (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun")),
            start=1,
        )
        for name in names
    }
    | {
        name: number
        for number, names in enumerate(
            (("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct")), start=7
        )
        for name in names
    }
    | {"november": 11, "nov": 11, "december": 12, "dec": 12}
)


def _date(value: str) -> list[str]:
    """The dates ``value`` can be: Y-M-D in any separators, D.M.Y or M/D/Y (both where both exist), or with the
    month's name ('August 13, 2020', '13 Aug 2020'), or a date and time."""
    readings: list[tuple[int, int, int]] = []
    numbers = re.fullmatch(r"(\d{1,4})[-/. ](\d{1,2})[-/. ](\d{1,4})(?:[T ].*)?", value)
    if numbers is not None:
        first, second, third = (int(part) for part in numbers.groups())
        if len(numbers[1]) == 4:
            readings.append((first, second, third))
        elif len(numbers[3]) == 4:
            readings += [(third, second, first), (third, first, second)]
    words = fold(value).split()
    if len(words) == 3 and all(word.isdigit() or word in _MONTHS for word in words):
        month = next((_MONTHS[word] for word in words if word in _MONTHS), None)
        digits = [int(word) for word in words if word.isdigit()]
        if month is not None and len(digits) == 2:
            year, day = (digits[1], digits[0]) if digits[1] > 31 else (digits[0], digits[1])
            readings.append((year, month, day))
    return [written for written in map(_iso_date, readings) if written is not None]


def _iso_date(reading: tuple[int, int, int]) -> str | None:
    """A year, month and day as YYYY-MM-DD, or None where there is no such day."""
    try:
        return dt.date(*reading).isoformat()
    except ValueError:
        return None


_UNITS: Final = {
    "y": "Y", "yr": "Y", "yrs": "Y", "year": "Y", "years": "Y",
    "mo": "M", "mos": "M", "month": "M", "months": "M",
    "w": "W", "wk": "W", "wks": "W", "week": "W", "weeks": "W",
    "d": "D", "day": "D", "days": "D",
    "h": "H", "hr": "H", "hrs": "H", "hour": "H", "hours": "H",
    "min": "MIN", "mins": "MIN", "minute": "MIN", "minutes": "MIN",
    "s": "S", "sec": "S", "secs": "S", "second": "S", "seconds": "S",
}  # fmt: skip
_DATE_PARTS: Final = ("Y", "M", "W", "D")
_TIME_PARTS: Final = ("H", "MIN", "S")


def _duration(value: str) -> list[str]:
    """An ISO 8601 duration for '30 days', '1 year and 6 months', '24h', 'p1y' or 'P72H' (a time without its T)."""
    text = value.upper()
    untimed = re.fullmatch(r"P((?:[0-9]+[YMWD])*)([0-9]+H(?:[0-9]+M)?(?:[0-9]+S)?|[0-9]+S)", text)
    if untimed is not None:
        return [f"P{untimed[1]}T{untimed[2]}"]
    if text != value and text.startswith("P"):
        return [text]
    parts = re.findall(r"(\d+)\s*([a-z]+)", value.lower())
    rest = re.sub(r"(\d+)\s*([a-z]+)|\band\b|[,\s]", "", value.lower())
    if not parts or rest:
        return []
    amounts: dict[str, int] = {}
    for number, unit in parts:
        part = _UNITS.get(unit)
        if part is None or part in amounts:
            return []
        amounts[part] = int(number)
    date = "".join(f"{amounts[p]}{p}" for p in _DATE_PARTS if p in amounts)
    time = "".join(f"{amounts[p]}{p[0]}" for p in _TIME_PARTS if p in amounts)
    return [f"P{date}" + (f"T{time}" if time else "")]


def _lifetime(value: str) -> list[str]:
    words = fold(value)
    if words in ("session", "session cookie", "end of session", "until the end of the session"):
        return ["session"]
    if words in ("persistent", "persistent cookie"):
        return ["persistent"]
    return _duration(value)


def _language(value: str) -> list[str]:
    named = language_tag(fold(value))
    if named is not None:
        return [named]
    parts = re.split(r"[-_]", value)
    if not parts[0].isalpha():
        return []
    rest = [part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part for part in parts[1:]]
    return ["-".join([parts[0].lower(), *rest])]


def _email(value: str) -> list[str]:
    return [re.sub(r"^(?:mailto:|email:|e-mail:)\s*", "", value.strip("<> "), flags=re.IGNORECASE)]


def _uri(value: str) -> list[str]:
    return [f"https://{value}"] if re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?", value) else []


def _hostname(value: str) -> list[str]:
    host = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", value).split("/")[0].split(":")[0]
    return [host.strip(".").lower()]


def _id(value: str) -> list[str]:
    written = re.sub(r"[^A-Za-z0-9_.-]+", "-", value).strip("-_.")
    return [written] if written else []


def _phone(value: str) -> list[str]:
    return [re.sub(r"^(?:tel|phone|telephone)\s*[:.]?\s*", "", value, flags=re.IGNORECASE)]


def _version(value: str) -> list[str]:
    return [f"{value}.0"] if re.fullmatch(r"1\.[01]", value) else []


_FORMAT_SUGGESTIONS: Final[dict[str, Callable[[str], list[str]]]] = {
    "country": _country,
    "region": _region,
    "date": _date,
    "duration": _duration,
    "lifetime": _lifetime,
    "language": _language,
    "email": _email,
    "uri": _uri,
    "hostname": _hostname,
    "id": _id,
    "phone": _phone,
    "version": _version,
}
