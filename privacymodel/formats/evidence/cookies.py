"""Cookies as HTTP writes them: ``Set-Cookie`` and ``Cookie`` headers, cookie and capture dates, and lifetimes.

``Set-Cookie`` is read as browsers read it (RFC 6265, section 5.2): the name and value before the first ``;``, then
the ``Domain``, ``Path``, ``Max-Age`` and ``Expires`` attributes, the last of each winning; ``Max-Age`` wins over
``Expires``. A header with no ``=`` in its first part, or an empty name, sets nothing. Expiry dates are read with the
algorithm of section 5.1.1, which takes every date format servers send; a date it cannot read is ignored, as
browsers ignore it, and the cookie is then a session cookie. Values are never kept: only their length.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Final

from attrs import frozen

from privacymodel.formats.evidence.hosts import normal

__all__ = [
    "SetCookie",
    "cookie_date",
    "declared_seconds",
    "in_words",
    "iso_time",
    "parse_cookie_header",
    "parse_set_cookie",
    "seconds_left",
]


@frozen(kw_only=True)
class SetCookie:
    """One ``Set-Cookie`` header: the cookie's ``name``, the length of its value, its ``Domain`` (None: the host
    that set it, alone), ``Path``, ``Max-Age`` in seconds and ``Expires``."""

    name: str
    value_length: int
    domain: str | None = None
    path: str | None = None
    max_age: int | None = None
    expires: datetime | None = None


_MAX_AGE: Final = re.compile(r"-?[0-9]+")


def parse_set_cookie(text: str) -> SetCookie | None:
    """The cookie a ``Set-Cookie`` header value sets; None where it sets none (no ``=``, or no name)."""
    pair, *attributes = text.split(";")
    if "=" not in pair:
        return None
    name, value = (part.strip(" \t") for part in pair.split("=", 1))
    if not name:
        return None
    domain = path = None
    max_age: int | None = None
    expires: datetime | None = None
    for attribute in attributes:
        key, _, raw = attribute.partition("=")
        key, raw = key.strip(" \t").lower(), raw.strip(" \t")
        if key == "domain" and normal(raw):
            domain = normal(raw)
        elif key == "path":
            path = raw or None
        elif key == "max-age" and _MAX_AGE.fullmatch(raw):
            max_age = max(-(10**12), min(int(raw[:14]), 10**12))  # far past any date a browser keeps
        elif key == "expires":
            expires = cookie_date(raw) or expires
    return SetCookie(name=name, value_length=len(value), domain=domain, path=path, max_age=max_age, expires=expires)


def parse_cookie_header(text: str) -> list[tuple[str, int]]:
    """The cookies a ``Cookie`` request header sends: each one's name and the length of its value."""
    found = []
    for pair in text.split(";"):
        name, equals, value = pair.partition("=")
        name = name.strip(" \t")
        if equals and name:
            found.append((name, len(value.strip(" \t"))))
    return found


_DELIMITER: Final = re.compile(r"[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+")
_TIME: Final = re.compile(r"([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[^0-9].*)?$", re.DOTALL)
_DAY: Final = re.compile(r"([0-9]{1,2})(?:[^0-9].*)?$", re.DOTALL)
_YEAR: Final = re.compile(r"([0-9]{2,4})(?:[^0-9].*)?$", re.DOTALL)
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def cookie_date(text: str) -> datetime | None:
    """A cookie date (``Wed, 21 Oct 2015 07:28:00 GMT``, ``Thu, 01-Jan-70 00:00:01 GMT``...) in UTC, read as RFC 6265
    section 5.1.1 says; None for text it does not accept."""
    time = day = month = year = None
    for token in _DELIMITER.split(text[:200]):
        if not token:
            continue
        if time is None and (match := _TIME.match(token)):
            time = tuple(int(group) for group in match.groups())
        elif day is None and (match := _DAY.match(token)):
            day = int(match.group(1))
        elif month is None and token[:3].lower() in _MONTHS:
            month = _MONTHS.index(token[:3].lower()) + 1
        elif year is None and (match := _YEAR.match(token)):
            year = int(match.group(1))
    if time is None or day is None or month is None or year is None:
        return None
    if 70 <= year <= 99:
        year += 1900
    elif year <= 69:
        year += 2000
    hour, minute, second = time
    if year < 1601 or hour > 23 or minute > 59 or second > 59:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:  # a day the month does not have
        return None


_ISO: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?"
    r"(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?"
)


def iso_time(text: str) -> datetime | None:
    """An ISO 8601 date and time (``2024-05-30T12:53:45.153Z``, ``...+02:00``) in UTC; one with no offset is read as
    UTC. None for text that is not one."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, _, sign, off_hours, off_minutes = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=timezone.utc,
        )
        if sign:
            offset = timedelta(hours=int(off_hours), minutes=int(off_minutes))
            moment -= offset if sign == "+" else -offset
    except (ValueError, OverflowError):
        return None
    return moment


def seconds_left(max_age: int | None, expires: datetime | None, reference: datetime | None) -> float | None:
    """How long a cookie lasts from ``reference`` (when it was set), in seconds: ``Max-Age`` if given, else
    ``Expires`` less ``reference``; None for a session cookie (or an ``Expires`` with no time to count from).

    Zero or less means the header deletes the cookie.
    """
    if max_age is not None:
        return float(max_age)
    if expires is None or reference is None:
        return None
    return (expires - reference).total_seconds()


_DURATION: Final = re.compile(
    r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?"
)
_DAY_SECONDS: Final = 86400
_LONGEST: Final = (366 * _DAY_SECONDS, 31 * _DAY_SECONDS, 7 * _DAY_SECONDS, _DAY_SECONDS, 3600, 60, 1)
"""Each part of a duration at its longest, in seconds: a year of 366 days, a month of 31."""


def declared_seconds(duration: str) -> float | None:
    """The longest an ISO 8601 duration (``P13M``, ``PT30M``) can last, in seconds (a year as 366 days, a month as
    31), so that a cookie set for "one year" from any date fits "P1Y"; None for text that is not a duration."""
    match = _DURATION.fullmatch(duration)
    if match is None or not any(match.groups()):
        return None
    return float(sum(int(group or 0) * seconds for group, seconds in zip(match.groups(), _LONGEST, strict=True)))


def in_words(seconds: float) -> str:
    """A lifetime in words: ``400 days``, ``1.5 days``, ``2 hours``, ``30 minutes``, ``1 second``."""
    for size, unit in ((_DAY_SECONDS, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds / size
            shown = f"{count:.0f}" if abs(count - round(count)) < 0.05 or count >= 100 else f"{count:.1f}"
            return f"{shown} {unit}{'' if shown == '1' else 's'}"
    shown = f"{seconds:.0f}"
    return f"{shown} second{'' if shown == '1' else 's'}"
