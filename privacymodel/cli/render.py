"""``privacymodel render``: the privacy label of a policy, then its details, as Markdown or HTML."""

from __future__ import annotations

import argparse

from privacymodel.cli.common import EXIT_OK, load_policy, write_output

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Write the page to standard output or ``--out``."""
    from privacymodel.formats.render import render  # noqa: PLC0415 - only this command needs the renderer

    policy, _, _ = load_policy(args.path)
    write_output(render(policy, args.format), args.out)
    return EXIT_OK
