"""``privacymodel diff``: compare two versions of a policy by meaning; a report for people as Markdown or HTML."""

from __future__ import annotations

import argparse
import sys

from privacymodel.checks.diff import diff, summary
from privacymodel.checks.validate import loads
from privacymodel.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    emit,
    print_problems,
    require_exists,
    use_color,
    write_output,
)
from privacymodel.cli.escape import quoted
from privacymodel.cli.files import STDIN, read_source
from privacymodel.cli.reporters import DIFF_REPORTERS, DiffResult
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError

__all__ = ["run"]


def _load(path: str) -> PrivacyPolicy:
    """The policy in ``path``; a usage error (after its problems) if it is missing, unreadable or not valid."""
    require_exists(path)
    try:
        return loads(read_source(path), file=STDIN if path == "-" else path)
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_USAGE, f"{quoted(path)} is not a valid policy") from None
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot read {quoted(path)}: {error.strerror or error}") from None


REPORT_FORMATS = ("html", "md")
"""The formats written for people (a change report page), beside the reporters' text and JSON."""


def run(args: argparse.Namespace) -> int:
    """Print what changed between the two policies; 1 if anything did."""
    old = _load(args.old)
    new = _load(args.new)
    changes = diff(old, new)
    if args.format in REPORT_FORMATS:
        from privacymodel.formats.render.changes import change_report  # noqa: PLC0415 - only these formats need it

        write_output(change_report(old, new, changes, args.format), None)
        return EXIT_INVALID if changes else EXIT_OK
    result = DiffResult(old=args.old, new=args.new, changes=changes, summary=summary(changes, old, new))
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    emit(DIFF_REPORTERS[args.format](result, color=color))
    return EXIT_INVALID if changes else EXIT_OK
