"""What every fuzz target checks: refusals are PolicyError with known codes, and every output of a valid policy
is made without an exception and, where it is JSON, is strict JSON (no NaN, no Infinity)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import privacymodel as pm
from tests.fuzz.inputs import TODAY

T = TypeVar("T")

SEVERITIES = {"error", "warning"}
STATUSES = {"present", "missing", "not-applicable", "unclear", "referred"}


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(document: Any) -> Any:
    """``document`` written as JSON refusing NaN and Infinity, and read back strictly; equal to what was written."""
    text = json.dumps(document, allow_nan=False, ensure_ascii=False)
    back = json.loads(text, parse_constant=_refuse)
    assert back == document
    return back


def known_problems(problems: Iterable[pm.Problem]) -> list[pm.Problem]:
    """``problems`` as a list, after checking each is a Problem with a known code, a severity and a message."""
    problems = list(problems)
    for problem in problems:
        assert isinstance(problem, pm.Problem), problem
        assert problem.code in pm.CODES, problem
        assert problem.severity in SEVERITIES, problem
        assert isinstance(problem.message, str), problem
        assert problem.message, problem
    return problems


def outcome(call: Callable[[], T]) -> T | None:
    """What ``call`` returns, or None if it raised PolicyError with at least one problem, each with a known code."""
    try:
        return call()
    except pm.PolicyError as error:
        problems = error.problems
    assert known_problems(problems), "PolicyError without problems"
    return None


def exercise(policy: pm.PrivacyPolicy, other: pm.PrivacyPolicy) -> None:
    """Every output of ``policy``: the pages, TILT (read back too), DPV, each law's audit, diffs and the YAML dump."""
    for fmt in ("md", "html"):
        page = pm.render(policy, fmt)
        assert isinstance(page, str)
        assert page
    notes: list[pm.Problem] = []
    tilt = strict_json(pm.to_tilt(policy, notes=notes, today=TODAY))
    pm.from_tilt(tilt, notes=notes)
    strict_json(pm.to_dpv(policy, notes=notes))
    known_problems(notes)
    for law in pm.LAWS:
        audited(policy, law)
    assert pm.diff(policy, policy) == ()
    changes(other, policy)
    strict_json(pm.unstructure(policy))
    written = pm.dump(policy)
    assert pm.loads(written) == policy, f"dump does not read back as the same policy: {written[:2000]!r}"


def audited(policy: pm.PrivacyPolicy, law: str) -> None:
    """The audit of ``policy`` under ``law``: findings of that law, each with a known status."""
    findings = pm.audit(policy, law)
    assert isinstance(findings, tuple)
    for finding in findings:
        assert isinstance(finding, pm.Finding)
        assert finding.law == law
        assert finding.status in STATUSES


def changes(old: pm.PrivacyPolicy, new: pm.PrivacyPolicy) -> None:
    """The diff both ways: changes only, and none at all from a policy to itself."""
    for found in (pm.diff(old, new), pm.diff(new, old)):
        assert isinstance(found, tuple)
        assert all(isinstance(change, pm.Change) for change in found)


def read(text: str | bytes, other: pm.PrivacyPolicy, name: str = "fuzzed.yaml") -> None:
    """``loads`` gives a policy, whose every output is made, or PolicyError with known codes."""
    policy = outcome(lambda: pm.loads(text, file=name))
    if policy is not None:
        exercise(policy, other)


def validated(text: str | bytes, name: str = "fuzzed.yaml") -> None:
    """``validate_text`` gives known problems placed in the file; errors exactly when ``loads`` refuses the text."""
    problems = known_problems(pm.validate_text(text, file=name))
    for problem in problems:
        assert problem.file == name, problem
        assert problem.line is None or (problem.line >= 1 and problem.column is not None and problem.column >= 1), problem
    refused = outcome(lambda: pm.loads(text, file=name)) is None
    assert refused == any(problem.severity == "error" for problem in problems)


def read_tilt(document: Any, other: pm.PrivacyPolicy) -> None:
    """``from_tilt`` gives a policy, whose every output is made, or PolicyError with known codes; notes are known."""
    notes: list[pm.Problem] = []
    policy = outcome(lambda: pm.from_tilt(document, notes=notes))
    known_problems(notes)
    if policy is not None:
        exercise(policy, other)


def built(plain: Any, other: pm.PrivacyPolicy) -> None:
    """``structure`` gives a policy, whose every output is made, or PolicyError with known codes."""
    policy = outcome(lambda: pm.structure(plain))
    if policy is not None:
        exercise(policy, other)
