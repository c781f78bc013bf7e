"""What several commands share: exit statuses, reading input, writing output and printing problems.

A command that cannot go on raises :class:`CommandError` with its exit status and what to say; ``main`` prints it.
Everything written to standard output goes through :func:`emit` or :func:`write_output`, so a closed pipe or a full
disk ends the command with one line on standard error (:class:`OutputError`) rather than a traceback.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, TextIO

from privacymodel.checks.validate import loads
from privacymodel.cli.escape import line_start, quoted, safe
from privacymodel.cli.files import STDIN, PolicyFile, expand, read_source
from privacymodel.codec.locate import place
from privacymodel.codec.text import decode
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError, Problem

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "Handler",
    "OutputError",
    "discard",
    "emit",
    "flush_stdout",
    "load_policy",
    "policy_files",
    "print_problems",
    "read_input",
    "report_notes",
    "require_exists",
    "use_color",
    "whole_number",
    "write_output",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

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


class OutputError(CommandError):
    """Standard output cannot be written (a closed pipe, a full disk, an encoding that cannot hold the text): exit 2."""

    def __init__(self, error: OSError | UnicodeEncodeError) -> None:
        if isinstance(error, UnicodeEncodeError):
            reason = f"its encoding ({error.encoding}) cannot hold {error.object[error.start : error.end]!r}"
        else:
            reason = error.strerror or str(error)
        super().__init__(EXIT_USAGE, f"cannot write to standard output: {reason}")


def policy_files(paths: Sequence[str]) -> Iterator[PolicyFile]:
    """The files named or found under ``paths``, each once, found as they are asked for; a usage error (raised at
    once) if a path does not exist or no file is found.

    Nothing is kept of a file once it is given but, where several paths are given, its path, to give it once.
    """
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    if missing:
        raise CommandError(EXIT_USAGE, *(f"no such file or directory: {quoted(path)}" for path in missing))
    found = expand(paths)
    first = next(found, None)
    if first is None:
        raise CommandError(EXIT_USAGE, "no *.yaml, *.yml or *.json files under the paths given")
    return _once(itertools.chain([first], found), several=len(paths) > 1)


def _once(files: Iterator[PolicyFile], *, several: bool) -> Iterator[PolicyFile]:
    """``files`` without repeats: one folder gives each file once, so only several paths need the paths seen."""
    if not several:
        yield from files
        return
    seen: set[str] = set()
    for file in files:
        if file.path not in seen:
            seen.add(file.path)
            yield file


def require_exists(path: str) -> None:
    """A usage error unless ``path`` is ``-`` (standard input) or exists."""
    if path != "-" and not os.path.exists(path):
        raise CommandError(EXIT_USAGE, f"no such file or directory: {quoted(path)}")


def whole_number(text: str) -> int:
    """An option's value that is a whole number, 0 or more (``--jobs``, ``--max-problems``); a usage error otherwise."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected 0 or more")
    return value


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour output to ``stream``: ``always``, ``never``, or ``auto`` (a terminal and NO_COLOR unset)."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def print_problems(problems: Iterable[Problem]) -> None:
    """Problems on standard error, one per line, for the commands whose output is not a report of them."""
    for problem in problems:
        print(f"{line_start(problem.location)}: {problem.code} {safe(problem.message)} ({safe(problem.path)})", file=sys.stderr)


def read_input(path: str) -> tuple[str, str]:
    """The text of ``path`` (standard input for ``-``) and the name to report it under."""
    require_exists(path)
    name = STDIN if path == "-" else path
    try:
        return decode(read_source(path), name), name
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_INVALID) from None
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot read {quoted(path)}: {error.strerror or error}") from None


def load_policy(path: str) -> tuple[PrivacyPolicy, str, str]:
    """The policy in ``path`` (standard input for ``-``), its text and the name to report it under."""
    text, name = read_input(path)
    try:
        return loads(text, file=name), text, name
    except PolicyError as error:
        print_problems(error.problems)
        raise CommandError(EXIT_INVALID) from None


def emit(lines: Iterable[str], *, flush: bool = False) -> None:
    """Print ``lines`` on standard output, each sent at once if ``flush``; :class:`OutputError` if it cannot be written."""
    for line in lines:
        _print(line, flush=flush)


def _print(line: str, *, flush: bool) -> None:
    try:
        print(line)
        if flush:
            sys.stdout.flush()
    except (OSError, UnicodeEncodeError) as error:
        raise _unwritable(error) from None


def write_output(text: str, out: Path | None) -> None:
    """Write ``text`` to the file ``out``, or to standard output when it is None."""
    if out is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except (OSError, UnicodeEncodeError) as error:
            raise _unwritable(error) from None
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot write {quoted(str(out))}: {error.strerror or error}") from None


def flush_stdout() -> None:
    """Send what is left of standard output; :class:`OutputError` if it cannot be written."""
    try:
        sys.stdout.flush()
    except OSError as error:
        raise _unwritable(error) from None


def _unwritable(error: OSError | UnicodeEncodeError) -> OutputError:
    if isinstance(error, OSError):
        discard(sys.stdout)
    return OutputError(error)


def discard(stream: TextIO | None) -> None:
    """Point ``stream`` (standard output or error) at the null device, so what it still holds is dropped at exit
    instead of failing a second time."""
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):  # not a file (captured output): nothing is flushed at exit
        return
    if fd < 0:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def report_notes(notes: list[Problem], text: str, name: str, *, quiet: bool, strict: bool) -> int:
    """Report conversion notes on standard error (unless ``quiet``), located in ``text``; the exit status they lead to."""
    if notes and not quiet:
        print_problems(place(notes, text, name))
    return EXIT_INVALID if notes and strict else EXIT_OK
