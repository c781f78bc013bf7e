"""What the tables are made from: policy files (or folders of them) and policies given as objects, each with its id.

A file is read as ``privacymodel validate`` reads it: a valid policy with its warnings, or, for a file that is
not a valid policy, every problem found in it. Only regular files are read: a pipe or device is reported (PM001),
never waited on. A policy's id is its file's path relative to the root
(the current folder unless one is given), with ``/`` between folders; a policy given as an object keeps the
name it was given with.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TypeAlias

from attrs import frozen

from privacymodel.checks.consistency import check
from privacymodel.checks.validate import read_policy
from privacymodel.codec.files import SUFFIXES, find, read_path, unreadable
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import PolicyError, Problem

__all__ = ["SUFFIXES", "Entry", "Source", "Sources", "entries", "expand", "policy_id", "read_bytes", "read_file"]

Source: TypeAlias = "str | os.PathLike[str] | tuple[str, PrivacyPolicy] | Entry"
"""A file or folder, a policy with its name, or a source already read."""

Sources: TypeAlias = "Iterable[Source] | Mapping[str, PrivacyPolicy] | str | os.PathLike[str]"
"""What the tables are made from: sources, a mapping of names to policies, or one file or folder."""


@frozen
class Entry:
    """One source, read: its policy id, its file (None for a given policy), the policy (None when it is not a valid
    policy) and the problems found in it."""

    policy_id: str
    file: str | None
    policy: PrivacyPolicy | None
    problems: tuple[Problem, ...]


def expand(path: str, root: str | None = None) -> Iterator[str | Entry]:
    """``path``, or the policy files under it when it is a folder (sorted, hidden folders skipped).

    A file found in a folder that must not be read (a pipe or device, a symbolic link that leads outside the folder)
    is not read: it comes as an :class:`Entry` (its policy id relative to ``root``) with the problem (PM001) that says so.
    """
    if not os.path.isdir(path):
        yield path
        return
    for found, refused in find(path):
        yield found if refused is None else Entry(policy_id(found, root), found, None, (refused,))


def policy_id(path: str, root: str | None = None) -> str:
    """The id of the policy in the file ``path``: its path relative to ``root`` (default: the current folder)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root) if root is not None else os.getcwd())
    return relative.replace(os.sep, "/")


def read_file(path: str, root: str | None = None) -> Entry:
    """Read the policy file ``path``: the policy and its warnings, or every problem that keeps it from being one."""
    ident = policy_id(path, root)
    try:
        data = read_path(path, named=False)
    except PolicyError as error:
        return Entry(ident, path, None, error.problems)
    except OSError as error:
        return Entry(ident, path, None, (unreadable(path, f"cannot read the file: {error.strerror or error}"),))
    return read_bytes(data, path, ident)


def read_bytes(data: bytes | str, file: str, ident: str) -> Entry:
    """Read policy text (``file`` names it in problems, ``ident`` is its policy id), as :func:`read_file` reads a file."""
    # One parse gives the policy and every problem, located, as validate reports them.
    policy, problems = read_policy(data, file=file)
    valid = policy is not None and all(problem.severity != "error" for problem in problems)
    return Entry(ident, file, policy if valid else None, tuple(problems))


def entries(sources: Sources, root: str | None = None) -> Iterator[Entry]:
    """Every source read, in order: folders expanded, files read, given policies checked."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    items: Iterable[Source] = sources.items() if isinstance(sources, Mapping) else sources
    for source in items:
        if isinstance(source, Entry):
            yield source
        elif isinstance(source, tuple):
            name, policy = source
            if not isinstance(policy, PrivacyPolicy):
                raise TypeError(f"expected a (name, PrivacyPolicy) pair; got a {type(policy).__name__} for {name!r}")
            yield Entry(name, None, policy, tuple(check(policy)))
        else:
            for path in expand(os.fspath(source), root):
                yield path if isinstance(path, Entry) else read_file(path, root)
