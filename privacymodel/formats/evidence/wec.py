"""Reading the EDPS Website Evidence Collector's ``inspection.json`` into observations.

Its ``cookies`` are the browser's cookies at the end of the visit (``stored``), each with its domain, its expiry (a
Unix time, ``-1`` for a session cookie, or a date) and a ``log`` naming where it was set from (the URL of the
response that set it, or the page whose script did) and when; its ``hosts.requests`` list the hosts contacted, and
its ``beacons`` the tracking requests, by URL. The site is the host of ``uri_ins``, the page inspected.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Final

from privacymodel.formats.evidence.cookies import cookie_date, iso_time
from privacymodel.formats.evidence.hosts import host_of, normal, site_of
from privacymodel.formats.evidence.observed import Fields, ObservedCookie, Path, Request
from privacymodel.problems import shown

__all__ = ["read_wec"]

_ROOT: Final[Path] = ()
_LATEST: Final = 253402300799.0
"""The last second of the year 9999, as a Unix time: a later expiry is read as that."""


def read_wec(data: dict[str, Any], fields: Fields) -> tuple[str | None, list[Request], list[ObservedCookie]]:
    """The site (the host of ``uri_ins``), the requests and the cookies of the Website Evidence Collector's output."""
    page = fields.get(data, "uri_ins", _ROOT, str)
    site = _host(page, ("uri_ins",), fields) if page else None
    started = fields.get(data, "start_time", _ROOT, str)
    start = iso_time(started) if started else None
    requests: list[Request] = []
    hosts = fields.get(data, "hosts", _ROOT, dict)
    listed = fields.get(hosts, "requests", ("hosts",), dict) if hosts is not None else None
    for party in ("firstParty", "thirdParty"):
        names = fields.get(listed, party, ("hosts", "requests"), list) if listed is not None else None
        for index, name in enumerate(names or ()):
            here: Path = ("hosts", "requests", party, index)
            if type(name) is not str or not normal(name):
                fields.wrong(here, f"a host must be text; got {shown(name)}")
                continue
            requests.append(Request(host=normal(name), page=page, where=here))
    for here, beacon in fields.mappings(data, "beacons", _ROOT):
        url = fields.get(beacon, "url", here, str, required=True)
        host = _host(url, (*here, "url"), fields) if url else None
        if host is not None:
            requests.append(Request(host=host, url=url, page=page, where=(*here, "url")))
    cookies = [cookie for here, item in fields.mappings(data, "cookies", _ROOT) if (cookie := _cookie(item, here, start, fields))]
    return (site_of(site) if site else None), requests, cookies


def _host(url: str | None, path: Path, fields: Fields) -> str | None:
    """The host of ``url``, noting a problem where the URL cannot be read."""
    if url is None:
        return None
    try:
        return host_of(url)
    except ValueError:
        fields.wrong(path, f"the URL {shown(url)} cannot be read")
        return None


def _cookie(item: dict[str, Any], here: Path, start: datetime | None, fields: Fields) -> ObservedCookie | None:
    """One cookie of the list; None where it has no name or domain."""
    name = fields.get(item, "name", here, str, required=True)
    domain = fields.get(item, "domain", here, str, required=True)
    value = fields.get(item, "value", here, str)
    if not name or not domain or not normal(domain):
        return None
    log = fields.get(item, "log", here, dict)
    set_at, host = start, None
    if log is not None:
        stamp = fields.get(log, "timestamp", (*here, "log"), str)
        set_at = (iso_time(stamp) if stamp else None) or start
        frames = fields.get(log, "stack", (*here, "log"), list)
        origin = frames[0].get("fileName") if frames and type(frames[0]) is dict else None
        if fields.get(log, "type", (*here, "log"), str) != "Cookie.HTTP":
            origin = fields.get(log, "location", (*here, "log"), str) or origin  # a script on the page set it
        if type(origin) is str:
            host = _host(origin, (*here, "log"), fields)
    return ObservedCookie(
        name=name,
        value_length=len(value or ""),
        domain=normal(domain),
        host=host or normal(domain),
        seen="stored",
        lifetime=_lifetime(item, here, set_at, fields),
        where=here,
    )


def _lifetime(item: dict[str, Any], here: Path, set_at: datetime | None, fields: Fields) -> float | None:
    """How long the cookie lasts from when it was set, in seconds; None for a session cookie or one with no time to
    count from."""
    if fields.get(item, "session", here, bool):
        return None
    expires = fields.get(item, "expires", here, (int, float, str))
    if expires is None or (not isinstance(expires, str) and expires < 0):
        return None  # -1: a session cookie
    if isinstance(expires, str):
        when = iso_time(expires) or cookie_date(expires)
        if when is None:
            fields.wrong((*here, "expires"), f"'expires' must be a Unix time or a date; got {shown(expires)}")
            return None
    else:
        when = datetime.fromtimestamp(min(float(expires), _LATEST), tz=timezone.utc)
    return None if set_at is None else (when - set_at).total_seconds()
