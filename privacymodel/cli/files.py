"""Finding policy files under the paths given, and reading them and standard input within the input limit.

Folders are searched as :mod:`privacymodel.codec.files` searches them (regular files only, links out of the folder
refused). A path named on the command line is read whatever it is (``<(command)`` and ``/dev/stdin`` are named pipes),
opened without waiting for a writer: a named pipe that no program writes to reads as empty after a short grace period
instead of blocking forever. Every read stops one byte past the input limit, so input over it is refused (PM011)
without being read whole.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Final

from attrs import frozen

from privacymodel.codec.files import SUFFIXES, find, read_path, unreadable
from privacymodel.codec.text import read_within_limit
from privacymodel.problems import PolicyError, Problem

__all__ = [
    "STDIN",
    "SUFFIXES",
    "PolicyFile",
    "expand",
    "read_file",
    "read_source",
    "read_stdin",
    "unreadable",
]

STDIN: Final = "<stdin>"
"""The name problems in standard input are reported under."""


@frozen(kw_only=True)
class PolicyFile:
    """A file to check: its ``path`` (``-`` for standard input), whether it was ``named`` on the command line or found
    in a folder, and the problem that ``refused`` it when it was found but must not be read."""

    path: str
    named: bool = True
    refused: Problem | None = None

    @property
    def name(self) -> str:
        """The name its problems are reported under."""
        return STDIN if self.path == "-" else self.path


def expand(paths: Iterable[str]) -> Iterator[PolicyFile]:
    """``paths`` with each folder replaced by the policy files under it (sorted, hidden folders skipped).

    Links to folders are not followed; a file found that must not be read comes with the problem that says why.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield PolicyFile(path=path)
            continue
        for found, refused in find(path):
            yield PolicyFile(path=found, named=False, refused=refused)


def read_file(file: PolicyFile) -> bytes:
    """The bytes of ``file`` (standard input for ``-``), up to the input limit.

    Raises :class:`PolicyError` (PM011 over the limit; PM001 for a file found in a folder that is not a regular file
    when opened) or :class:`OSError`.
    """
    if file.refused is not None:
        raise PolicyError([file.refused])
    if file.path == "-":
        return read_stdin()
    return read_path(file.path, named=file.named)


def read_stdin() -> bytes:
    """Standard input, up to the input limit; :class:`PolicyError` (PM011) past it, :class:`OSError` if it is closed."""
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return read_within_limit(sys.stdin.buffer, STDIN, "standard input")


def read_source(path: str) -> bytes:
    """The bytes of the file ``path`` named on the command line (standard input for ``-``), as :func:`read_file`."""
    return read_file(PolicyFile(path=path))
