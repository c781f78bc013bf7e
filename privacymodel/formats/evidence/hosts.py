"""Hosts and domains without the network: the host of a URL, whether a domain covers a host, and first or third party.

There is no public-suffix list here (reading one would need the network or a file to keep current), so a site is
matched by its host name alone: a host is the site's own when it is the site, a subdomain of it, or a domain above it
(``example.com`` for the site ``www.example.com``). ``shop.example.com`` is therefore another party than
``www.example.com`` unless the site is given as ``example.com``, which covers both; the default site drops a leading
``www.`` for that reason.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

__all__ = ["NETWORK_SCHEMES", "covers", "host_of", "normal", "same_site", "site_of"]

NETWORK_SCHEMES: Final = frozenset(("http", "https", "ws", "wss"))
"""The URL schemes that contact a host; ``data:``, ``blob:``, ``about:`` and the like contact none."""


def host_of(url: str) -> str | None:
    """The host a URL contacts, in lower case without a trailing dot; None for a URL that contacts none.

    Raises ValueError for a URL that cannot be read (a bad port, an unclosed ``[``).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in NETWORK_SCHEMES:
        return None
    _ = parts.port  # reading the port checks it
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError("no host")
    return host


def normal(domain: str) -> str:
    """A cookie's or a declaration's domain as it is compared: lower case, without leading or trailing dots."""
    return domain.strip().strip(".").lower()


def covers(domain: str, host: str) -> bool:
    """Whether ``domain`` covers ``host``: the same name, or ``host`` is a subdomain of it (compared in lower case)."""
    domain, host = normal(domain), normal(host)
    return bool(domain) and (host == domain or host.endswith("." + domain))


def same_site(host: str, site: str) -> bool:
    """Whether ``host`` (a request's host or a cookie's domain) is the site's own: either covers the other."""
    return covers(site, host) or covers(host, site)


def site_of(host: str) -> str:
    """The site a page's host stands for: the host without a leading ``www.``."""
    host = normal(host)
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host
