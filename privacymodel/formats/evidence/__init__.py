"""A policy against what a website does: captures of a visit (HAR files, the EDPS Website Evidence Collector's
output) compared with the policy's cookie and recipient declarations.

:func:`evidence` reads each capture (:mod:`.capture`: untrusted input, read within the same limits as policy files),
compares it with the policy (:mod:`.compare`) and returns every finding as a :class:`~privacymodel.problems.Problem`
placed at the line and column of the request or cookie that shows it; :mod:`.trackers` names known trackers from
facts derived from the Open Cookie Database (``data/NOTICE``); :mod:`.report` sums findings up and writes them as HTML.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from privacymodel.codec.explain import MAX_PROBLEMS
from privacymodel.formats.evidence.capture import kind_of_capture, read_capture, read_capture_file
from privacymodel.formats.evidence.compare import check_capture, not_observed
from privacymodel.formats.evidence.observed import Capture, ObservedCookie, Request
from privacymodel.formats.evidence.trackers import TrackerFact, known_trackers
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError, Problem

__all__ = [
    "Capture",
    "ObservedCookie",
    "Request",
    "TrackerFact",
    "check_capture",
    "evidence",
    "kind_of_capture",
    "known_trackers",
    "not_observed",
    "read_capture",
    "read_capture_file",
]


def evidence(
    policy: PrivacyPolicy,
    captures: Iterable[str | os.PathLike[str] | Capture],
    *,
    site: str | None = None,
    max_problems: int | None = MAX_PROBLEMS,
) -> list[Problem]:
    """Every finding of ``policy`` against ``captures`` (capture files, or captures read with :func:`read_capture`).

    Each problem in a capture names its file, line and column: what could not be read (PM001-PM013, PM501-PM503: a
    capture that cannot be read gives only those), a cookie no declaration covers (PM511), one set by another party
    than declared (PM512) or lasting longer (PM513), a third-party host no recipient covers (PM514). Then a PM515
    warning, at the path of the declaration in the policy (no file), for each declared cookie no capture shows,
    where at least one capture could be read. ``site`` is the host whose cookies and requests are first party
    (default: each capture's first page, without ``www.``); at most ``max_problems`` are described per capture.
    """
    problems: list[Problem] = []
    observed: set[int] = set()
    read = False
    for source in captures:
        try:
            capture = source if isinstance(source, Capture) else read_capture_file(source, max_problems=max_problems)
        except PolicyError as error:
            problems += error.problems
            continue
        found, shown = check_capture(policy, capture, site=site, max_problems=max_problems)
        problems += found
        observed |= shown
        read = True
    return problems + not_observed(policy, observed) if read else problems
