"""Known trackers: who uses a cookie name, and for what, from facts derived from the Open Cookie Database.

``data/trackers.json`` holds, per cookie, its name (or the prefix of its names), the platform that sets it, its
category (a :class:`~privacymodel.model.vocab.CookieCategory` term) and the host names it is known on; ``data/NOTICE``
says where the facts come from and how they were changed. The file is read once, on first use.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from importlib import resources
from typing import Final

from attrs import frozen

from privacymodel.formats.evidence.hosts import covers

__all__ = ["SOURCE", "TrackerFact", "Trackers", "known_trackers"]

SOURCE: Final = "Open Cookie Database"
"""Where the facts come from, as findings name it."""


@frozen(kw_only=True)
class TrackerFact:
    """What is known of one cookie name: ``name`` (a prefix of names when ``prefix``), the ``platform`` that sets
    it, its ``category`` and the ``domains`` it is known on (empty where the source names none)."""

    name: str
    prefix: bool
    platform: str
    category: str
    domains: tuple[str, ...]

    def describe(self) -> str:
        """``Facebook, marketing``: the platform and the category, as findings show them."""
        return f"{self.platform}, {self.category}"


class Trackers:
    """The facts, looked up by cookie name and by host."""

    def __init__(self, facts: list[TrackerFact]) -> None:
        self._exact: dict[str, list[TrackerFact]] = {}
        self._prefixes: list[TrackerFact] = []
        for fact in facts:
            if fact.prefix:
                self._prefixes.append(fact)
            else:
                self._exact.setdefault(fact.name, []).append(fact)
        self._prefixes.sort(key=lambda fact: -len(fact.name))  # the longest prefix first: it says most
        platforms: dict[str, Counter[str]] = {}
        for fact in facts:
            for domain in fact.domains:
                platforms.setdefault(domain, Counter())[fact.platform] += 1
        # The platform most of a domain's cookies name (the first met, in a tie).
        self._by_domain = {domain: counts.most_common(1)[0][0] for domain, counts in platforms.items()}

    def __len__(self) -> int:
        return sum(map(len, self._exact.values())) + len(self._prefixes)

    def for_cookie(self, name: str, domain: str, *, first_party: bool) -> TrackerFact | None:
        """The fact naming the cookie ``name`` set for ``domain``, or None.

        An exact name is preferred to a prefix (which must be shorter than the name). A first-party cookie is named by
        its name alone (a platform's script sets it on the site's own domain); a third-party one only where the fact
        names no domain or one that covers ``domain``, so a common name set by an unknown host is not given a
        platform it has nothing to do with.
        """
        candidates = self._exact.get(name, []) + [
            f for f in self._prefixes if len(name) > len(f.name) and name.startswith(f.name)
        ]
        fitting = [fact for fact in candidates if first_party or not fact.domains or any(covers(d, domain) for d in fact.domains)]
        on_domain = [fact for fact in fitting if any(covers(d, domain) for d in fact.domains)]
        best = on_domain or fitting
        return best[0] if best else None

    def for_host(self, host: str) -> str | None:
        """The platform known to use ``host`` (or a domain above it), or None."""
        parts = host.split(".")
        for start in range(len(parts) - 1):
            platform = self._by_domain.get(".".join(parts[start:]))
            if platform is not None:
                return platform
        return None


@functools.cache
def known_trackers() -> Trackers:
    """The facts shipped with the package, read on first use."""
    text = resources.files("privacymodel.formats.evidence").joinpath("data").joinpath("trackers.json").read_text(encoding="utf-8")
    rows = json.loads(text)["cookies"]
    return Trackers(
        [
            TrackerFact(name=name, prefix=prefix, platform=platform, category=category, domains=tuple(domains))
            for name, prefix, platform, category, domains in rows
        ]
    )
