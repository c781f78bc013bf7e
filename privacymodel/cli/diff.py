"""``privacymodel diff``: compare two versions of a policy by meaning."""

from __future__ import annotations

import argparse
import sys

from privacymodel.checks.diff import diff, summary
from privacymodel.checks.validate import load
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, print_problems, require_exists, use_color
from privacymodel.cli.reporters import DIFF_REPORTERS, DiffResult
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError

__all__ = ["run"]


def _load(path: str) -> PrivacyPolicy:
    """The policy in ``path``; a usage error (after its problems) if it is missing, unreadable or not valid."""
    require_exists(path)
    try:
        return load(path)
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_USAGE, f"{path!r} is not a valid policy") from None
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot read {path!r}: {error.strerror or error}") from None


def run(args: argparse.Namespace) -> int:
    """Print what changed between the two policies; 1 if anything did."""
    old = _load(args.old)
    new = _load(args.new)
    changes = diff(old, new)
    result = DiffResult(old=args.old, new=args.new, changes=changes, summary=summary(changes, old, new))
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    for line in DIFF_REPORTERS[args.format](result, color=color):
        print(line)
    return EXIT_INVALID if changes else EXIT_OK
