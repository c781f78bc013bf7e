"""Reading a HAR 1.2 (or 1.1) file, as Chromium, Firefox, Playwright and mitmproxy write it, into observations.

Each entry is a request (its URL's host, its page); each ``Set-Cookie`` header of its response a cookie ``set``
(lifetime counted from the response's ``Date`` header, else the entry's ``startedDateTime``); the response's
``cookies`` list stands in where the response has no ``Set-Cookie`` header (a HAR written without headers); and each
cookie the request sends (its ``cookies`` list, else its ``Cookie`` header) a cookie ``sent``, which shows cookies a
script set. A ``Set-Cookie`` whose ``Domain`` does not cover the host that sent it is refused by every browser, and
so is left out, as is one that deletes a cookie (``Max-Age`` zero or less, an ``Expires`` in the past).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from privacymodel.formats.evidence.cookies import cookie_date, iso_time, parse_cookie_header, parse_set_cookie, seconds_left
from privacymodel.formats.evidence.hosts import covers, host_of, normal, site_of
from privacymodel.formats.evidence.observed import Fields, ObservedCookie, Path, Request
from privacymodel.problems import Code, PolicyError, Problem, format_path, kind_of, shown

__all__ = ["VERSIONS", "read_har"]

VERSIONS: Final = ("1.1", "1.2")
"""The HAR versions read."""

_LOG: Final[Path] = ("log",)


def read_har(data: dict[str, Any], fields: Fields) -> tuple[str | None, list[Request], list[ObservedCookie]]:
    """The site (the host of the first page), the requests and the cookies of HAR ``data``.

    Raises :class:`PolicyError` (PM503, PM502) when ``log`` is not a mapping or states no version read here.
    """
    log = data["log"]
    if type(log) is not dict:
        raise PolicyError([Problem(code=Code.CAPTURE_ITEM, message=f"'log' must be a mapping; got {kind_of(log)}", path="$.log")])
    version = log.get("version")
    if version not in VERSIONS:
        said = "states no version" if version is None else f"is version {shown(version)}"
        message = f"the HAR file {said}; versions {' and '.join(VERSIONS)} are read"
        raise PolicyError([Problem(code=Code.CAPTURE_VERSION, message=message, path=format_path((*_LOG, "version")))])
    first_page = None
    for here, page in fields.mappings(log, "pages", _LOG):
        first_page = fields.get(page, "id", here, str)
        break
    requests: list[Request] = []
    cookies: list[ObservedCookie] = []
    site = fallback = None
    for path, entry in fields.mappings(log, "entries", _LOG, required=True):
        request = _entry(entry, path, fields, cookies)
        if request is None:
            continue
        requests.append(request)
        fallback = fallback or request.host
        if site is None and first_page is not None and request.page == first_page:
            site = request.host
    site = site or fallback
    return (site_of(site) if site else None), requests, cookies


def _entry(entry: dict[str, Any], path: Path, fields: Fields, cookies: list[ObservedCookie]) -> Request | None:
    """The request of one entry, adding the cookies it shows to ``cookies``; None where it contacts no host."""
    request = fields.get(entry, "request", path, dict, required=True)
    if request is None:
        return None
    url = fields.get(request, "url", (*path, "request"), str, required=True)
    if url is None:
        return None
    url_path = (*path, "request", "url")
    try:
        host = host_of(url)
    except ValueError:
        fields.wrong(url_path, f"the URL {shown(url)} cannot be read")
        return None
    if host is None:
        return None
    page = fields.get(entry, "pageref", path, str)
    started = fields.get(entry, "startedDateTime", path, str)
    when = iso_time(started) if started is not None else None
    if started is not None and when is None:
        fields.wrong((*path, "startedDateTime"), f"'startedDateTime' must be an ISO 8601 date and time; got {shown(started)}")
    _sent(request, (*path, "request"), host, fields, cookies)
    response = fields.get(entry, "response", path, dict)
    if response is not None:
        _set(response, (*path, "response"), host, when, fields, cookies)
    return Request(host=host, url=url, page=page, where=url_path)


Headers = list[tuple[Path, str, str]]
"""A request's or response's headers: each one's path, its name in lower case and its value."""


def _headers(holder: dict[str, Any], path: Path, fields: Fields) -> Headers:
    """The headers of a request or response."""
    found = []
    for here, header in fields.mappings(holder, "headers", path):
        name = fields.get(header, "name", here, str, required=True)
        value = fields.get(header, "value", here, str, required=True)
        if name is not None and value is not None:
            found.append((here, name.lower(), value))
    return found


def _lines(headers: Headers, name: str) -> list[tuple[Path, str]]:
    """The values of the headers called ``name``, each with its path; a value of several lines (as some tools join
    repeated headers) gives one per line."""
    return [(here, line) for here, key, value in headers if key == name for line in value.split("\n") if line.strip()]


def _sent(request: dict[str, Any], path: Path, host: str, fields: Fields, cookies: list[ObservedCookie]) -> None:
    """The cookies a request sends: its ``cookies`` list, else its ``Cookie`` headers."""
    listed = list(fields.mappings(request, "cookies", path))
    for here, cookie in listed:
        name = fields.get(cookie, "name", here, str, required=True)
        value = fields.get(cookie, "value", here, str)
        if name:
            cookies.append(
                ObservedCookie(name=name, value_length=len(value or ""), domain=host, host=host, seen="sent", where=here)
            )
    if listed:
        return
    for here, line in _lines(_headers(request, path, fields), "cookie"):
        for name, length in parse_cookie_header(line):
            cookies.append(ObservedCookie(name=name, value_length=length, domain=host, host=host, seen="sent", where=here))


def _set(
    response: dict[str, Any], path: Path, host: str, started: datetime | None, fields: Fields, cookies: list[ObservedCookie]
) -> None:
    """The cookies a response sets: its ``Set-Cookie`` headers, else its ``cookies`` list."""
    every = _headers(response, path, fields)
    headers = _lines(every, "set-cookie")
    if not headers and not response.get("cookies"):
        return
    dates = _lines(every, "date")
    reference = (cookie_date(dates[0][1]) if dates else None) or started
    for here, line in headers:
        parsed = parse_set_cookie(line)
        if parsed is None or (parsed.domain is not None and not covers(parsed.domain, host)):
            continue
        lifetime = seconds_left(parsed.max_age, parsed.expires, reference)
        if lifetime is not None and lifetime <= 0:
            continue
        domain = parsed.domain or host
        cookies.append(
            ObservedCookie(
                name=parsed.name,
                value_length=parsed.value_length,
                domain=domain,
                host=host,
                seen="set",
                lifetime=lifetime,
                where=here,
            )
        )
    if headers:
        return
    for here, cookie in fields.mappings(response, "cookies", path):
        _listed(cookie, here, host, reference, fields, cookies)


def _listed(
    cookie: dict[str, Any], here: Path, host: str, reference: datetime | None, fields: Fields, cookies: list[ObservedCookie]
) -> None:
    """A cookie of a response's ``cookies`` list (``expires`` an ISO 8601 or cookie date, or null for a session)."""
    name = fields.get(cookie, "name", here, str, required=True)
    if not name:
        return
    value = fields.get(cookie, "value", here, str)
    domain = fields.get(cookie, "domain", here, str)
    expires_text = fields.get(cookie, "expires", here, str)
    expires = None
    if expires_text:
        expires = iso_time(expires_text) or cookie_date(expires_text)
        if expires is None:
            fields.wrong((*here, "expires"), f"'expires' must be a date; got {shown(expires_text)}")
    lifetime = seconds_left(None, expires, reference)
    if (lifetime is not None and lifetime <= 0) or (domain and normal(domain) and not covers(domain, host)):
        return
    kept_for = normal(domain) if domain and normal(domain) else host
    cookies.append(
        ObservedCookie(
            name=name,
            value_length=len(value or ""),
            domain=kept_for,
            host=host,
            seen="set",
            lifetime=lifetime,
            where=here,
        )
    )
