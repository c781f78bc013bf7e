"""What several commands share: exit statuses, finding policy files, reading input, writing output and printing problems.

A command that cannot go on raises :class:`CommandError` with its exit status and what to say; ``main`` prints it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, TextIO

from privacymodel.checks.validate import loads
from privacymodel.cli.reporters import safe
from privacymodel.codec.locate import place
from privacymodel.codec.text import decode, read_limited
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError, Problem

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "STDIN",
    "SUFFIXES",
    "CommandError",
    "Handler",
    "expand",
    "load_policy",
    "policy_files",
    "print_problems",
    "read_input",
    "report_notes",
    "require_exists",
    "use_color",
    "write_output",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

SUFFIXES: Final = (".yaml", ".yml", ".json")
STDIN: Final = "<stdin>"
"""The name problems in standard input are reported under."""

Handler = Callable[[argparse.Namespace], int]
"""A command: reads its parsed options, does its work and returns the exit status."""


class CommandError(Exception):
    """Stops a command with exit ``status``; ``main`` prints each of ``messages`` as ``privacymodel COMMAND: error: ...``.

    Problems found in a file are printed before raising; ``messages`` then says only what else there is to say.
    """

    def __init__(self, status: int, *messages: str) -> None:
        super().__init__(status, *messages)
        self.status = status
        self.messages = messages


def expand(paths: Iterable[str]) -> Iterator[str]:
    """``paths`` with each folder replaced by the policy files under it (sorted, hidden folders skipped)."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    yield os.path.join(root, name)


def policy_files(paths: Sequence[str]) -> list[str]:
    """The files named or found under ``paths``, each once; a usage error if a path does not exist or none is found."""
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    if missing:
        raise CommandError(EXIT_USAGE, *(f"no such file or directory: {path!r}" for path in missing))
    files = list(dict.fromkeys(expand(paths)))
    if not files:
        raise CommandError(EXIT_USAGE, "no *.yaml, *.yml or *.json files under the paths given")
    return files


def require_exists(path: str) -> None:
    """A usage error unless ``path`` is ``-`` (standard input) or exists."""
    if path != "-" and not os.path.exists(path):
        raise CommandError(EXIT_USAGE, f"no such file or directory: {path!r}")


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour output to ``stream``: ``always``, ``never``, or ``auto`` (a terminal and NO_COLOR unset)."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def print_problems(problems: Iterable[Problem]) -> None:
    """Problems on standard error, one per line, for the commands whose output is not a report of them."""
    for problem in problems:
        print(f"{safe(problem.location)}: {problem.code} {safe(problem.message)} ({safe(problem.path)})", file=sys.stderr)


def read_input(path: str) -> tuple[str, str]:
    """The text of ``path`` (standard input for ``-``) and the name to report it under."""
    require_exists(path)
    name = STDIN if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else read_limited(path)
        return decode(data, name), name
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_INVALID) from None
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot read {path!r}: {error.strerror or error}") from None


def load_policy(path: str) -> tuple[PrivacyPolicy, str, str]:
    """The policy in ``path`` (standard input for ``-``), its text and the name to report it under."""
    text, name = read_input(path)
    try:
        return loads(text, file=name), text, name
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_INVALID) from None


def write_output(text: str, out: Path | None) -> None:
    """Write ``text`` to the file ``out``, or to standard output when it is None."""
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot write {str(out)!r}: {error.strerror or error}") from None


def report_notes(notes: list[Problem], text: str, name: str, *, quiet: bool, strict: bool) -> int:
    """Report conversion notes on standard error (unless ``quiet``), located in ``text``; the exit status they lead to."""
    if notes and not quiet:
        print_problems(place(notes, text, name))
    return EXIT_INVALID if notes and strict else EXIT_OK
