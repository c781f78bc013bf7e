"""``privacymodel audit``: check policies against what a law requires them to disclose."""

from __future__ import annotations

import argparse
import sys

from privacymodel.checks.audit import audit
from privacymodel.checks.validate import loads
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, emit, policy_files, use_color
from privacymodel.cli.files import PolicyFile, read_file, unreadable
from privacymodel.cli.reporters import AUDIT_REPORTERS, AuditResult
from privacymodel.problems import PolicyError

__all__ = ["run"]


def _audit_file(file: PolicyFile, law: str) -> AuditResult:
    """The findings for ``file``, or the problems that stop it being audited."""
    name = file.name
    try:
        policy = loads(read_file(file), file=name)
    except PolicyError as error:
        return AuditResult(file=name, findings=(), problems=error.problems)
    except OSError as error:
        return AuditResult(
            file=name, findings=(), problems=(unreadable(name, f"cannot read the file: {error.strerror or error}"),)
        )
    return AuditResult(file=name, findings=audit(policy, law))


def run(args: argparse.Namespace) -> int:
    """Audit each file and print the report; 1 if a required item is missing (or unclear) or a file cannot be read."""
    results = [_audit_file(file, args.law) for file in policy_files(args.paths)]
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    emit(AUDIT_REPORTERS[args.format](results, color=color, law=args.law))
    failing = {"missing"} | ({"unclear"} if args.fail_on == "unclear" else set())
    bad = any(r.problems or any(f.status in failing for f in r.findings) for r in results)
    return EXIT_INVALID if bad else EXIT_OK
