"""``privacymodel audit``: check policies against what a law requires them to disclose, as of a day."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import Final

from privacymodel.checks.audit import ALL, LAWS, audit, audit_date, cited_laws
from privacymodel.checks.validate import loads
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, emit, policy_files, use_color
from privacymodel.cli.escape import quoted
from privacymodel.cli.files import PolicyFile, read_file, unreadable
from privacymodel.cli.reporters import AUDIT_REPORTERS, AuditResult
from privacymodel.problems import PolicyError

__all__ = ["day", "run"]


_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def day(text: str) -> dt.date:
    """The ``--as-of`` value: a date written YYYY-MM-DD."""
    try:
        if _DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {quoted(text)}")


def _audit_file(file: PolicyFile, law: str, as_of: dt.date | None) -> list[AuditResult]:
    """The findings for ``file``, one result per law audited, or the problems that stop it being audited."""
    name = file.name
    try:
        policy = loads(read_file(file), file=name)
    except PolicyError as error:
        return [AuditResult(file=name, findings=(), problems=error.problems, law=law)]
    except OSError as error:
        problem = unreadable(name, f"cannot read the file: {error.strerror or error}")
        return [AuditResult(file=name, findings=(), problems=(problem,), law=law)]
    when = audit_date(policy, as_of)
    laws = cited_laws(policy) if law == ALL else (law,)
    if not laws:
        others = list(dict.fromkeys(str(ref.law) for ref in policy.laws or ()))
        cites = f" (it cites {', '.join(others)})" if others else ""
        note = f"the policy cites no law the audit covers{cites}; the audit covers {', '.join(LAWS)}: name one with --law"
        return [AuditResult(file=name, findings=(), law=ALL, as_of=when, note=note)]
    return [AuditResult(file=name, findings=audit(policy, each, when.date), law=each, as_of=when) for each in laws]


def run(args: argparse.Namespace) -> int:
    """Audit each file and print the report; 1 if a required item is missing (or unclear) or a file cannot be read."""
    results = [result for file in policy_files(args.paths) for result in _audit_file(file, args.law, args.as_of)]
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    emit(AUDIT_REPORTERS[args.format](results, color=color, law=args.law))
    failing = {"missing"} | ({"unclear"} if args.fail_on == "unclear" else set())
    bad = any(r.problems or any(f.status in failing for f in r.findings) for r in results)
    return EXIT_INVALID if bad else EXIT_OK
