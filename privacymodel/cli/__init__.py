"""The ``privacymodel`` command: the argument parser, one module per command, and the reporters that print results.

Only this layer prints, reads arguments or picks an exit status; nothing below it imports it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from privacymodel.cli.common import EXIT_INVALID, CommandError, Handler
from privacymodel.cli.parser import build_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CommandError as error:
        for message in error.messages:
            print(f"privacymodel {args.command}: error: {message}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say.
        sys.stderr.close()
        return EXIT_INVALID
