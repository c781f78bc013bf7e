"""IRIs for linked data: a URI as a policy writes it, made a valid IRI (RFC 3987), or refused.

A policy's ``uri`` format asks only for a scheme and no white space, so a web
address may hold characters an IRI cannot (``<``, ``>``, ``"``, ``{``, ``}``,
``|``, ``\\``, ``^``, the backtick, control characters, a second ``#``, a ``%``
starting no escape). :func:`to_iri`
percent-encodes each of them as UTF-8, as RFC 3987 maps an IRI to a URI, and
keeps everything else as written; what is still not an IRI after that (a port
that is not a number, a host in brackets that is not an IP address) is
refused.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

__all__ = ["iri_part", "to_iri"]

# RFC 3987 section 2.2: the characters outside ASCII an IRI may hold (ucschar), and those only its query may (iprivate).
_UCSCHAR: Final = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
    "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
    "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
_UNRESERVED: Final = f"A-Za-z0-9\\-._~{_UCSCHAR}"
_SUB_DELIMS: Final = "!$&'()*+,;="
_PCT: Final = "%[0-9A-Fa-f]{2}"
_IPCHAR: Final = f"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_IP_LITERAL: Final = rf"\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~{_SUB_DELIMS}:]+)\]"
_AUTHORITY: Final = (
    rf"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # user information
    rf"(?P<host>{_IP_LITERAL}|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"
    r"(?::[0-9]*)?"  # port
)
_IRI: Final = re.compile(
    r"[A-Za-z][A-Za-z0-9+\-.]*:"  # scheme
    rf"(?://{_AUTHORITY}(?:/{_IPCHAR}*)*|/?(?:{_IPCHAR}+(?:/{_IPCHAR}*)*)?)"  # authority and path, or path
    rf"(?:\?(?:{_IPCHAR}|[/?])*)?"  # query (private-use characters are encoded before this check)
    rf"(?:#(?:{_IPCHAR}|[/?])*)?"  # fragment
)

# What is never in an IRI: ASCII outside its grammar, controls, characters outside ucschar, and the
# bidirectional formatting characters RFC 3987 section 4.1 forbids.
_NEVER: Final = re.compile(
    rf"[^A-Za-z0-9\-._~{_SUB_DELIMS}:@/?#\[\]%{_UCSCHAR}]|[\u200e\u200f\u202a-\u202e\u2066-\u2069]|%(?![0-9A-Fa-f]{{2}})"
)
_AUTHORITY_START: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*://[^/?#]*")


def _encode(match: re.Match[str]) -> str:
    """The character matched, percent-encoded as UTF-8 (a lone surrogate as its UTF-8 form too)."""
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


def iri_part(text: str) -> str:
    """``text`` made fit to end an IRI's fragment (a node's name under a base ending in ``#``): every character
    a fragment cannot hold percent-encoded, ``#``, ``[`` and ``]`` among them."""
    return _NEVER.sub(_encode, text).replace("#", "%23").replace("[", "%5B").replace("]", "%5D")


def to_iri(uri: str) -> str | None:
    """``uri`` as a valid IRI: characters an IRI cannot hold percent-encoded; None if it is not one even so."""
    encoded = _NEVER.sub(_encode, uri)
    # Brackets belong only around an IP address in the authority; a second '#' is part of the fragment.
    authority = _AUTHORITY_START.match(encoded)
    start = authority.end() if authority else 0
    head, rest = encoded[:start], encoded[start:].replace("[", "%5B").replace("]", "%5D")
    fragment = rest.find("#")
    if fragment >= 0:
        rest = rest[: fragment + 1] + rest[fragment + 1 :].replace("#", "%23")
    iri = head + rest
    match = _IRI.fullmatch(iri)
    if match is None:
        return None
    host = match.group("host") or ""
    if host.startswith("[") and not host.startswith("[v"):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return None
    return iri
