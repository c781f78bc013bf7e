"""``privacymodel audit``: check policies against what a law requires them to disclose."""

from __future__ import annotations

import argparse
import sys

from privacymodel.checks.audit import audit
from privacymodel.checks.validate import load, loads
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, STDIN, policy_files, use_color
from privacymodel.cli.reporters import AUDIT_REPORTERS, AuditResult
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["run"]


def _audit_file(path: str, law: str) -> AuditResult:
    """The findings for ``path`` (standard input for ``-``), or the problems that stop it being audited."""
    name = STDIN if path == "-" else path
    source = sys.stdin.buffer.read() if path == "-" else None
    try:
        policy = loads(source, file=name) if source is not None else load(path)
    except PolicyError as error:
        return AuditResult(file=name, findings=(), problems=error.problems)
    except OSError as error:
        problem = Problem(code=Code.UNREADABLE, message=f"cannot read the file: {error.strerror or error}", file=name)
        return AuditResult(file=name, findings=(), problems=(problem,))
    return AuditResult(file=name, findings=audit(policy, law))


def run(args: argparse.Namespace) -> int:
    """Audit each file and print the report; 1 if a required item is missing (or unclear) or a file cannot be read."""
    results = [_audit_file(path, args.law) for path in policy_files(args.paths)]
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    for line in AUDIT_REPORTERS[args.format](results, color=color, law=args.law):
        print(line)
    failing = {"missing"} | ({"unclear"} if args.fail_on == "unclear" else set())
    bad = any(r.problems or any(f.status in failing for f in r.findings) for r in results)
    return EXIT_INVALID if bad else EXIT_OK
