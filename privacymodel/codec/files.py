"""Finding policy files under a folder and reading a file within the input limit, safely.

A folder is searched for regular files only: a named pipe, socket or device found in it is reported (PM001) and never
opened, and so is a symbolic link that leads outside the folder or round in a loop. Hidden folders are skipped. Files
come in a stable order (each folder's files sorted, then its sub-folders, sorted) and one at a time: a folder's names
are held as one string while its files are read, so a folder of 10,000 files costs little more memory than one of
1,000. Every read stops one byte past the input limit, so input over it is refused (PM011) without being read whole.
"""

from __future__ import annotations

import errno
import os
import select
import stat
from collections.abc import Iterator
from typing import Final

from privacymodel.codec.text import read_within_limit
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["PIPE_GRACE_SECONDS", "SUFFIXES", "find", "not_regular", "read_path", "unreadable"]

SUFFIXES: Final = (".yaml", ".yml", ".json")
"""The files a folder is searched for."""

PIPE_GRACE_SECONDS: Final = 1.0
"""How long a named pipe named by the user is given for a writer to start before it is read as it stands."""

_KINDS: Final = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def find(folder: str, suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[tuple[str, Problem | None]]:
    """Each file under ``folder`` whose name ends with one of ``suffixes``, with the problem that refuses it (None
    where it may be read), in the order the module docstring gives. Links to folders are not followed."""
    top = os.path.realpath(folder)
    for path in _walk(folder, suffixes):
        yield path, _refusal(path, top)


def _walk(folder: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    try:
        entries = os.scandir(folder)
    except OSError:
        return  # a folder that cannot be listed holds nothing to read, as os.walk has it
    files: list[str] = []
    folders: list[str] = []
    with entries:
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not entry.name.startswith(".") and not entry.is_symlink():
                    folders.append(entry.name)
            elif entry.name.endswith(suffixes):
                files.append(entry.name)
    # The names, sorted, as one string: a list of 10,000 strings costs several times the memory.
    names = "\0".join(sorted(files))
    subfolders = "\0".join(sorted(folders))
    del files, folders
    for name in _split(names):
        yield os.path.join(folder, name)
    for name in _split(subfolders):
        yield from _walk(os.path.join(folder, name), suffixes)


def _split(names: str) -> Iterator[str]:
    """The names joined with NUL (which no file name holds), one at a time."""
    start = 0
    while start < len(names):
        end = names.find("\0", start)
        end = len(names) if end < 0 else end
        yield names[start:end]
        start = end + 1


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
    return not_regular(path, info.st_mode)


def not_regular(path: str, mode: int) -> Problem | None:
    """The PM001 problem for a file found in a folder that is not a regular file (a pipe, a device); None if it is."""
    if stat.S_ISREG(mode):
        return None
    kind = next((kind for test, kind in _KINDS if test(mode)), "a special file")
    return unreadable(path, f"not read: {kind}, not a regular file")


def unreadable(name: str, message: str) -> Problem:
    """The PM001 problem for the file ``name``."""
    return Problem(code=Code.UNREADABLE, message=message, file=name)


def read_path(path: str, *, named: bool) -> bytes:
    """The bytes of the file ``path``, up to one past the input limit, never waiting forever.

    A file the user ``named`` is read whatever it is (``<(command)`` and ``/dev/stdin`` are named pipes), a pipe after
    a short grace for its writer; a file found in a folder must still be a regular file when opened (PM001). Raises
    :class:`PolicyError` (PM001, PM011) or :class:`OSError`.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        refused = None if named else not_regular(path, mode)  # it may have changed since the search
        if refused is not None:
            raise PolicyError([refused])
        if stat.S_ISFIFO(mode):
            select.select([fd], [], [], PIPE_GRACE_SECONDS)  # wait a little for a writer that starts late
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        return read_within_limit(handle, path)
