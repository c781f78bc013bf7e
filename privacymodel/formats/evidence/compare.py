"""A policy's declarations against what captures show: each finding a problem placed at the item that shows it.

* PM511: a cookie observed that no declaration covers. A declaration covers a cookie when its ``name`` is the
  cookie's name or its ``name_prefix`` starts it, and, where it names a ``domain``, that domain covers the cookie's.
  Only declarations of HTTP cookies (or of no stated technology) count. A known tracker's platform and category
  are named (from the Open Cookie Database).
* PM512: a cookie declared ``first-party`` that another site sets (or is sent), or ``third-party`` that the site does.
* PM513: a cookie that lasts longer than its declared ``lifetime`` (a persistent cookie declared ``session``; a year
  counted as 366 days, a month as 31, with a minute's grace for the clocks).
* PM514: a third-party host contacted that no recipient's ``domains`` covers.
* PM515 (a warning, not a failure): a declared cookie that no capture shows.

Each cookie is reported once per capture (by name, and for a third-party one by its domain), at the first item that
shows it; each host once, at its first request. A cookie only seen sent in a request is left to the cookie that set
it, where the capture shows that too. Which cookies and hosts are the site's own: :mod:`.hosts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, repeat
from typing import Final

from privacymodel.codec.explain import MAX_PROBLEMS, cap
from privacymodel.codec.locate import place
from privacymodel.formats.evidence.cookies import declared_seconds, in_words
from privacymodel.formats.evidence.hosts import covers, same_site
from privacymodel.formats.evidence.observed import Capture, ObservedCookie, Path
from privacymodel.formats.evidence.trackers import known_trackers
from privacymodel.model.policy import Cookie, PrivacyPolicy
from privacymodel.model.vocab import TrackerTechnology
from privacymodel.problems import Code, Problem, format_path, shown

__all__ = ["GRACE_SECONDS", "check_capture", "covering", "declarations", "not_observed"]

GRACE_SECONDS: Final = 60.0
"""How much longer than declared a cookie may last before it is reported: the clocks of server and browser differ."""

Declaration = tuple[int, Cookie]
"""A cookie declaration and its index in the policy's ``cookies``."""

_VERBS: Final = {"set": "set by", "stored": "set by", "sent": "sent to"}


def declarations(policy: PrivacyPolicy) -> list[Declaration]:
    """The policy's declarations of HTTP cookies (or of no stated technology) that name a cookie or a prefix."""
    return [
        (index, cookie)
        for index, cookie in enumerate(policy.cookies or ())
        if cookie.technology in (None, TrackerTechnology.HTTP_COOKIE) and (cookie.name or cookie.name_prefix)
    ]


def _named(declaration: Cookie, name: str) -> bool:
    return declaration.name == name or bool(declaration.name_prefix and name.startswith(declaration.name_prefix))


def covering(declared: Iterable[Declaration], cookie: ObservedCookie) -> list[Declaration]:
    """The declarations that cover ``cookie``, the closest first: an exact name, then the longest prefix."""
    found = [
        (index, decl)
        for index, decl in declared
        if _named(decl, cookie.name) and (decl.domain is None or covers(decl.domain, cookie.domain))
    ]
    return sorted(found, key=lambda item: (item[1].name != cookie.name, -len(item[1].name_prefix or "")))


def check_capture(
    policy: PrivacyPolicy, capture: Capture, *, site: str | None = None, max_problems: int | None = MAX_PROBLEMS
) -> tuple[list[Problem], set[int]]:
    """The problems of one capture (what could not be read, then the findings), placed at their lines and columns, and
    the indices of the cookie declarations it shows. ``site`` overrides the capture's own (its first page's host)."""
    check = _Check(policy, site or capture.site)
    for cookie in sorted(capture.cookies, key=lambda cookie: cookie.seen == "sent"):  # cookies set before cookies sent
        check.cookie(cookie)
    for request in capture.requests:
        check.host(request.host, request.where)
    described = [*capture.problems, *check.findings]
    limit = len(described) if max_problems is None else min(max_problems, len(described))
    unread = repeat(Problem(code=Code.CAPTURE_ITEM, message=""), capture.more_problems)  # only counted
    problems = cap(chain(described, unread), limit)
    return place(problems, capture.text or None, capture.file), check.observed


def not_observed(policy: PrivacyPolicy, observed: set[int]) -> list[Problem]:
    """A PM515 warning for each cookie declaration (by its path in the policy) whose index is not in ``observed``."""
    problems = []
    for index, decl in declarations(policy):
        if index not in observed:
            what = f"cookie {shown(decl.name)} is" if decl.name else f"cookies named {shown(decl.name_prefix)}... are"
            problems.append(
                Problem(
                    code=Code.COOKIE_NOT_OBSERVED,
                    message=f"{what} declared but no capture shows {'it' if decl.name else 'one'}",
                    severity="warning",
                    path=format_path(("cookies", index)),
                )
            )
    return problems


class _Check:
    """The findings for one capture, each cookie and host reported once."""

    def __init__(self, policy: PrivacyPolicy, site: str | None) -> None:
        self.site = site
        self.declared = declarations(policy)
        self.domains = [domain for recipient in policy.recipients or () for domain in recipient.domains or ()]
        self.findings: list[Problem] = []
        self.observed: set[int] = set()
        self.done: set[tuple[str, ...]] = set()  # (kind of finding, name, domain) already reported
        self.set_on: dict[str, set[str]] = {}  # the domains each cookie name was set for

    def _once(self, *key: str) -> bool:
        """Whether ``key`` is met for the first time (and note it)."""
        if key in self.done:
            return False
        self.done.add(key)
        return True

    def _add(self, code: str, message: str, where: Path) -> None:
        self.findings.append(Problem(code=code, message=message, path=format_path(where)))

    def cookie(self, cookie: ObservedCookie) -> None:
        """Check one observed cookie against the declarations."""
        if cookie.seen == "sent":
            domains = self.set_on.get(cookie.name, set())
            labels = cookie.host.split(".")
            if any(".".join(labels[start:]) in domains for start in range(len(labels))):
                return  # the capture shows it being set (for the host or a domain above it), and it was checked there
        else:
            self.set_on.setdefault(cookie.name, set()).add(cookie.domain)
        first = None if self.site is None else same_site(cookie.domain, self.site)
        who = "" if first else cookie.domain  # the site's own cookies are one, whatever subdomain sets them
        found = covering(self.declared, cookie)
        self.observed.update(index for index, _ in found)
        if not found:
            if self._once("undeclared", cookie.name, who):
                self._undeclared(cookie, first)
            return
        index, decl = found[0]
        wrong_party = decl.party is not None and first is not None and (decl.party.value == "first-party") != first
        if wrong_party and decl.party is not None and self._once("party", cookie.name, who):
            self._wrong_party(cookie, index, decl.party.value)
        key = ("lifetime", cookie.name, who)
        message = None if key in self.done else self._longer(cookie, index, decl)
        if message is not None:  # else a later item may still show it lasting longer
            self.done.add(key)
            self._add(Code.COOKIE_LIFETIME, message, cookie.where)

    def _undeclared(self, cookie: ObservedCookie, first: bool | None) -> None:
        party = "" if first is None else "first-party " if first else "third-party "
        fact = known_trackers().for_cookie(cookie.name, cookie.domain, first_party=bool(first))
        known = f" ({fact.describe()})" if fact else ""
        message = f"undeclared {party}cookie {shown(cookie.name)}{known} {_VERBS[cookie.seen]} {cookie.host}"
        elsewhere = [decl.domain for _, decl in self.declared if _named(decl, cookie.name) and decl.domain]
        if elsewhere:
            message += f": the policy declares it only for {', '.join(dict.fromkeys(elsewhere))}"
        self._add(Code.UNDECLARED_COOKIE, message, cookie.where)

    def _wrong_party(self, cookie: ObservedCookie, index: int, party: str) -> None:
        where = format_path(("cookies", index))
        actual = f"another site than {self.site}" if party == "first-party" else "the site itself"
        message = (
            f"cookie {shown(cookie.name)} is declared {party} ({where}) but is {_VERBS[cookie.seen]} {cookie.host}, {actual}"
        )
        self._add(Code.COOKIE_PARTY, message, cookie.where)

    def _longer(self, cookie: ObservedCookie, index: int, decl: Cookie) -> str | None:
        """Why ``cookie`` lasts longer than ``decl`` says, or None if it does not (or it cannot be told)."""
        if cookie.seen == "sent" or cookie.lifetime is None or decl.lifetime in (None, "persistent"):
            return None
        lasts = f"cookie {shown(cookie.name)} {_VERBS[cookie.seen]} {cookie.host} lasts {in_words(cookie.lifetime)}"
        where = format_path(("cookies", index))
        if decl.lifetime == "session":
            return f"{lasts}; the policy declares a session cookie ({where})"
        limit = declared_seconds(decl.lifetime or "")
        if limit is None or cookie.lifetime <= limit + GRACE_SECONDS:
            return None
        return f"{lasts}; the policy declares {decl.lifetime}, at most {in_words(limit)} ({where})"

    def host(self, host: str, where: Path) -> None:
        """Check one contacted host against the recipients' domains."""
        if ("host", host) in self.done or self.site is None or same_site(host, self.site):
            return
        if any(covers(domain, host) for domain in self.domains):
            self.done.add(("host", host))  # covered: not looked at again
            return
        if self._once("host", host):
            platform = known_trackers().for_host(host)
            known = f" ({platform})" if platform else ""
            message = f"third-party host {host}{known} is contacted but no recipient's domains cover it"
            self._add(Code.UNDECLARED_HOST, message, where)
