"""The ``privacymodel`` command: the argument parser, one module per command, and the reporters that print results.

Only this layer prints, reads arguments or picks an exit status; nothing below it imports it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from privacymodel.cli.common import EXIT_USAGE, CommandError, Handler, OutputError, discard, flush_stdout
from privacymodel.cli.parser import build_parser, command_in

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status.

    What is written to standard output is sent before returning, so a closed pipe or a full disk is reported here
    (one line, exit 2) rather than by the interpreter at exit.
    """
    prog = "privacymodel"
    try:
        args = build_parser(command_in(sys.argv[1:] if argv is None else argv)).parse_args(argv)
        prog = f"privacymodel {args.command}"
        handler: Handler = args.handler
        status = handler(args)
        flush_stdout()
    except CommandError as error:
        _say(prog, error.messages)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # standard error went away too: there is no one left to tell
        discard(sys.stdout)
        discard(sys.stderr)
        return EXIT_USAGE
    except SystemExit:  # --help, --version and usage errors: argparse has printed what it had to say
        try:
            flush_stdout()
        except OutputError as error:
            _say(prog, error.messages)
            return error.status
        raise
    return status


def _say(prog: str, messages: Iterable[str]) -> None:
    """Each message on standard error as ``prog: error: message``; nothing if standard error cannot be written."""
    try:
        for message in messages:
            print(f"{prog}: error: {message}", file=sys.stderr)
        sys.stderr.flush()
    except OSError:
        discard(sys.stderr)
