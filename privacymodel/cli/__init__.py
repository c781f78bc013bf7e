"""The ``privacymodel`` command: the argument parser, one handler per command, and the reporters that print results.

Only this layer prints, reads arguments or picks an exit status; nothing below it imports it.
"""

from privacymodel.cli.main import main

__all__ = ["main"]
