"""Finding policy files under the paths given, and reading them and standard input within the input limit.

A folder is searched for regular files only: a named pipe, socket or device found in it is reported (PM001) and never
opened, and so is a symbolic link that leads outside the folder or round in a loop. A path named on the command line is
read whatever it is (``<(command)`` and ``/dev/stdin`` are named pipes), opened without waiting for a writer: a named
pipe that no program writes to reads as empty after a short grace period instead of blocking forever. Every read stops
one byte past the input limit, so input over it is refused (PM011) without being read whole.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import Final

from attrs import frozen

from privacymodel.codec.text import read_within_limit
from privacymodel.problems import Code, PolicyError, Problem

__all__ = [
    "PIPE_GRACE_SECONDS",
    "STDIN",
    "SUFFIXES",
    "PolicyFile",
    "expand",
    "read_file",
    "read_source",
    "read_stdin",
    "unreadable",
]

SUFFIXES: Final = (".yaml", ".yml", ".json")
STDIN: Final = "<stdin>"
"""The name problems in standard input are reported under."""

PIPE_GRACE_SECONDS: Final = 1.0
"""How long a named pipe given on the command line is given for a writer to start before it is read as it stands."""

_KINDS: Final = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


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
        top = os.path.realpath(path)
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    found = os.path.join(root, name)
                    yield PolicyFile(path=found, named=False, refused=_refusal(found, top))


def _refusal(path: str, top: str) -> Problem | None:
    """Why the file ``path``, found under the folder whose real path is ``top``, must not be read; None if it may be."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return unreadable(path, "not read: a symbolic link in a loop")
        return None  # gone, or a link to nothing: reading it says so
    if os.path.islink(path) and os.path.commonpath([top, os.path.realpath(path)]) != top:
        return unreadable(path, "not read: a symbolic link that leads outside the folder searched")
    return _not_regular(path, info.st_mode)


def _not_regular(path: str, mode: int) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((kind for test, kind in _KINDS if test(mode)), "a special file")
    return unreadable(path, f"not read: {kind}, not a regular file")


def unreadable(name: str, message: str) -> Problem:
    """The PM001 problem for the file ``name``."""
    return Problem(code=Code.UNREADABLE, message=message, file=name)


def read_file(file: PolicyFile) -> bytes:
    """The bytes of ``file`` (standard input for ``-``), up to the input limit.

    Raises :class:`PolicyError` (PM011 over the limit; PM001 for a file found in a folder that is not a regular file
    when opened) or :class:`OSError`.
    """
    if file.refused is not None:
        raise PolicyError([file.refused])
    if file.path == "-":
        return read_stdin()
    fd = os.open(file.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        refused = None if file.named else _not_regular(file.path, mode)  # it may have changed since the search
        if refused is not None:
            raise PolicyError([refused])
        if stat.S_ISFIFO(mode):
            select.select([fd], [], [], PIPE_GRACE_SECONDS)  # wait a little for a writer that starts late
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        return read_within_limit(handle, file.path)


def read_stdin() -> bytes:
    """Standard input, up to the input limit; :class:`PolicyError` (PM011) past it, :class:`OSError` if it is closed."""
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return read_within_limit(sys.stdin.buffer, STDIN, "standard input")


def read_source(path: str) -> bytes:
    """The bytes of the file ``path`` named on the command line (standard input for ``-``), as :func:`read_file`."""
    return read_file(PolicyFile(path=path))
