"""Reporters: turn validation, audit and diff results into text, JSON or GitHub annotations.

Every string that comes from a file (its name, values quoted in messages) is escaped here (see
:mod:`privacymodel.cli.escape`) so that control characters and ANSI sequences never reach a terminal raw and a
crafted value cannot start a workflow command of its own. The validation reporters take the results one at a time
and print each file's lines as soon as they have it; only counts are kept for the summary.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs
from attrs import define, frozen

from privacymodel.cli.escape import json_name, line_start, safe
from privacymodel.problems import Problem

if TYPE_CHECKING:  # the audit and the diff are imported by their reporters only when they run
    from privacymodel.checks.audit import AuditDate, Finding
    from privacymodel.checks.diff import Change

__all__ = [
    "AUDIT_REPORTERS",
    "DIFF_REPORTERS",
    "REPORTERS",
    "AuditReporter",
    "AuditResult",
    "Counts",
    "DiffReporter",
    "DiffResult",
    "FileResult",
    "Reporter",
    "safe",
    "summary_counts",
]

JSON_FORMAT_VERSION: Final = 1
_SPOOL_BYTES: Final = 4 * 1024 * 1024
"""The JSON report of the files is kept in memory up to this size, and in a temporary file past it."""


@frozen(kw_only=True)
class FileResult:
    """The problems found in one file."""

    file: str
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        """Whether the file has no error (warnings allowed)."""
        return not any(problem.severity == "error" for problem in self.problems)


@define
class Counts:
    """What the summary counts, added up one result at a time."""

    files: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, result: FileResult) -> FileResult:
        """Count ``result`` in and return it."""
        self.files += 1
        self.valid += result.valid
        self.errors += sum(1 for p in result.problems if p.severity == "error")
        self.warnings += sum(1 for p in result.problems if p.severity == "warning")
        return result

    def as_dict(self) -> dict[str, int]:
        """Counts for the summary: files, valid, invalid, errors, warnings."""
        return {
            "files": self.files,
            "valid": self.valid,
            "invalid": self.files - self.valid,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def summary_counts(results: Iterable[FileResult]) -> dict[str, int]:
    """Counts for the summary: files, valid, invalid, errors, warnings."""
    counts = Counts()
    for result in results:
        counts.add(result)
    return counts.as_dict()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _location(problem: Problem, file: str) -> str:
    return line_start(problem.location if problem.file else attrs.evolve(problem, file=file).location)


def _json(document: Any) -> str:
    """``document`` as indented ASCII JSON; ``#`` before ``[`` written ``\\u0023`` so no line holds ``##[``."""
    return json.dumps(document, indent=2, ensure_ascii=True, allow_nan=False).replace("##[", "#\\u0023[")


def render_text(results: Iterable[FileResult], *, color: bool, quiet: bool) -> Iterator[str]:
    """``FILE:LINE:COL: CODE message (path)`` per problem, then a summary line unless ``quiet``."""
    red, yellow, bold, dim, green, reset = (
        ("\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[2m", "\x1b[32m", "\x1b[0m") if color else ("",) * 6
    )
    counts = Counts()
    for result in map(counts.add, results):
        for problem in result.problems:
            code = f"{red}{problem.code}{reset}" if problem.severity == "error" else f"{yellow}{problem.code} warning:{reset}"
            yield (
                f"{bold}{_location(problem, result.file)}{reset}: {code} {safe(problem.message)} "
                f"{dim}({safe(problem.path)}){reset}"
            )
    if quiet:
        return
    head = f"{_plural(counts.files, 'file')} checked"
    invalid = counts.files - counts.valid
    if invalid:
        tail = f"{red}{invalid} invalid{reset}, {counts.valid} valid ({_plural(counts.errors, 'error')}"
    else:
        tail = f"{green}all valid{reset} ("
        tail += "no errors" if not counts.warnings else ""
    if counts.warnings:
        tail += (", " if invalid else "") + _plural(counts.warnings, "warning")
    yield f"{head}: {tail})"


class Reporter(Protocol):
    """Prints validation results, taken one at a time: lines for standard output, in colour if ``color``, without a
    summary if ``quiet``."""

    def __call__(self, results: Iterable[FileResult], *, color: bool, quiet: bool) -> Iterator[str]: ...


def _file_entry(result: FileResult) -> dict[str, Any]:
    return {
        "file": json_name(result.file),
        "valid": result.valid,
        "problems": [
            {
                "code": p.code,
                "severity": p.severity,
                "message": p.message,
                "path": p.path,
                "line": p.line,
                "column": p.column,
            }
            for p in result.problems
        ],
    }


def render_json(results: Iterable[FileResult], *, color: bool = False, quiet: bool = False) -> Iterator[str]:
    """One JSON document (ASCII only, so always valid to any reader); its shape is documented in the README.

    The summary comes before the files in the document, so each file's entry is written to a spool (memory, then a
    temporary file past a few MiB) as it comes, and the document is printed, line by line, once every file is in.
    """
    counts = Counts()
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="ascii", newline="\n") as spool:
        for result in map(counts.add, results):
            entry = _json(_file_entry(result)).replace("\n", "\n    ")
            spool.write(f",\n    {entry}" if counts.files > 1 else f"    {entry}")
        head = {"version": JSON_FORMAT_VERSION, "valid": counts.valid == counts.files, "summary": counts.as_dict(), "files": []}
        text = _json(head)
        if not counts.files:
            yield text
            return
        yield text.removesuffix("[]\n}") + "["
        spool.seek(0)
        yield from (line.removesuffix("\n") for line in spool)
        yield "  ]\n}"


def _escape_data(text: str) -> str:
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace("::", "%3A%3A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Iterable[FileResult], *, color: bool = False, quiet: bool = False) -> Iterator[str]:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=CODE::message``."""
    counts = Counts()
    for result in map(counts.add, results):
        for problem in result.problems:
            props = [f"file={_escape_property(problem.file or result.file)}"]
            if problem.line is not None:
                props.append(f"line={problem.line}")
                if problem.column is not None:
                    props.append(f"col={problem.column}")
            props.append(f"title={_escape_property(problem.code)}")
            message = _escape_data(f"{problem.code} {problem.message} ({problem.path})")
            yield f"::{problem.severity} {','.join(props)}::{message}"
    yield (
        f"privacymodel: {_plural(counts.files, 'file')} checked, {counts.files - counts.valid} invalid, "
        f"{_plural(counts.errors, 'error')}, {_plural(counts.warnings, 'warning')}"
    )


REPORTERS: Final[dict[str, Reporter]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}


# --- audit reports -----------------------------------------------------------


@frozen(kw_only=True)
class AuditResult:
    """The findings for one file under one law, or the problems that stopped it being audited.

    ``law`` is the law audited (the reporter's ``law`` when unset); ``as_of`` the day the policy was judged on
    and why (unset when it could not be read); ``note`` a line to print instead of findings ('the policy cites
    no law the audit covers').
    """

    file: str
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
    law: str | None = None
    as_of: AuditDate | None = None
    note: str | None = None


class AuditReporter(Protocol):
    """Prints audit results against ``law``: lines for standard output, in colour if ``color``."""

    def __call__(self, results: Sequence[AuditResult], *, color: bool, law: str) -> Iterator[str]: ...


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    from privacymodel.checks.audit import STATUSES  # noqa: PLC0415 - validating imports no part of the audit

    return {status: sum(1 for f in findings if f.status == status) for status in STATUSES}


def render_audit_text(results: Sequence[AuditResult], *, color: bool, law: str) -> Iterator[str]:
    """A readable report per file and law: the day judged on, then missing items first, then unclear,
    referred, present and not applicable."""
    red, yellow, cyan, green, dim, bold, reset = (
        ("\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m") if color else ("",) * 7
    )
    from privacymodel.checks.audit import STATUSES  # noqa: PLC0415 - validating imports no part of the audit

    colours = {"missing": red, "unclear": yellow, "referred": cyan, "present": green, "not-applicable": dim}
    for index, result in enumerate(results):
        if index:
            yield ""
        when = f", as of {result.as_of}" if result.as_of is not None else ""
        yield f"{bold}{line_start(result.file)}{reset} ({(result.law or law).upper()}){when}"
        for problem in result.problems:
            yield f"  {red}cannot audit{reset}: {_location(problem, result.file)}: {problem.code} {safe(problem.message)}"
        if result.note:
            yield f"  {safe(result.note)}"
        for finding in sorted(result.findings, key=lambda f: STATUSES.index(f.status)):
            status = f"{colours[finding.status]}{finding.status:<14}{reset}"
            yield f"  {status} {finding.article:<30} {safe(finding.title)}: {safe(finding.message)}"
            if finding.evidence and finding.status != "not-applicable":
                yield f"  {'':14} {'':30} {dim}{safe(', '.join(finding.evidence[:4]))}{' ...' if len(finding.evidence) > 4 else ''}{reset}"
        yield "  " + ", ".join(f"{n} {status}" for status, n in _counts(result.findings).items())


def render_audit_json(results: Sequence[AuditResult], *, color: bool = False, law: str) -> Iterator[str]:
    """One JSON document (ASCII only); its shape is documented in the README."""
    document = {
        "version": JSON_FORMAT_VERSION,
        "law": law,
        "files": [
            {
                "file": json_name(result.file),
                "law": result.law or law,
                "as_of": None if result.as_of is None else {"date": result.as_of.date.isoformat(), "reason": result.as_of.reason},
                "note": result.note,
                "problems": [
                    {"code": p.code, "message": p.message, "path": p.path, "line": p.line, "column": p.column}
                    for p in result.problems
                ],
                "findings": [
                    {
                        "law": f.law,
                        "item": f.item,
                        "title": f.title,
                        "article": f.article,
                        "status": f.status,
                        "message": f.message,
                        "evidence": list(f.evidence),
                    }
                    for f in result.findings
                ],
                "summary": _counts(result.findings),
            }
            for result in results
        ],
    }
    yield _json(document)


AUDIT_REPORTERS: Final[dict[str, AuditReporter]] = {"text": render_audit_text, "json": render_audit_json}


# --- diff reports ------------------------------------------------------------


@frozen(kw_only=True)
class DiffResult:
    """The changes between the policies in the files ``old`` and ``new``, and their one-line ``summary``."""

    old: str
    new: str
    changes: tuple[Change, ...]
    summary: str


class DiffReporter(Protocol):
    """Prints a diff: lines for standard output, in colour if ``color``."""

    def __call__(self, result: DiffResult, *, color: bool) -> Iterator[str]: ...


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False) if not isinstance(value, str) else value
    return safe(text if len(text) <= 100 else text[:97] + "...")


def render_diff_text(result: DiffResult, *, color: bool) -> Iterator[str]:
    """The summary, then changes that reduce what people are told or can do, then every change by topic."""
    from privacymodel.checks.diff import TOPICS  # noqa: PLC0415 - validating imports no part of the diff

    red, green, yellow, bold, reset = ("\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[0m") if color else ("",) * 5
    signs = {"added": f"{green}+{reset}", "removed": f"{red}-{reset}", "changed": f"{yellow}~{reset}"}

    def line(change: Change) -> str:
        if change.kind == "changed":
            return f"  {signs['changed']} {safe(change.item)}: {safe(change.path)}: {_short(change.old)} → {_short(change.new)}"
        if not change.path.endswith("]"):  # a field of a matched item, not the item itself
            value = change.new if change.kind == "added" else change.old
            return f"  {signs[change.kind]} {safe(change.item)}: {safe(change.path)} {change.kind}: {_short(value)}"
        return f"  {signs[change.kind]} {safe(change.item)} ({safe(change.path)})"

    changes = result.changes
    yield safe(result.summary)
    flagged = [c for c in changes if c.reduces]
    if flagged:
        yield ""
        yield f"{bold}Reduces what people are told or can do{reset}"
        for change in flagged:
            yield f"{line(change)}: {safe(change.reason or '')}"
    for topic in TOPICS:
        group = [c for c in changes if c.topic == topic]
        if group:
            yield ""
            yield f"{bold}{topic}{reset}"
            yield from (line(change) for change in group)


def render_diff_json(result: DiffResult, *, color: bool = False) -> Iterator[str]:
    """One JSON document (ASCII only); its shape is documented in the README."""
    document = {
        "version": JSON_FORMAT_VERSION,
        "old": json_name(result.old),
        "new": json_name(result.new),
        "same": not result.changes,
        "summary": result.summary,
        "changes": [
            {
                "topic": c.topic,
                "kind": c.kind,
                "item": c.item,
                "path": c.path,
                "old": c.old,
                "new": c.new,
                "reduces": c.reduces,
                "reason": c.reason,
            }
            for c in result.changes
        ],
    }
    yield _json(document)


DIFF_REPORTERS: Final[dict[str, DiffReporter]] = {"text": render_diff_text, "json": render_diff_json}
