"""Placing problems in their source: file, line and column from each problem's JSON path.

Problems are found on plain data and carry only a path such as
``$.controllers[0].name``; :func:`place` reads the text again (stopping once
every wanted path is found) and adds where each one stands.
"""

from __future__ import annotations

from typing import Any

import attrs

from privacymodel.codec.yaml_read import Record, locate
from privacymodel.problems import Code, Problem

__all__ = ["place"]


def place(problems: list[Problem], text: str | None, file: str | None) -> list[Problem]:
    """Add file, line and column to problems whose paths can be found in ``text``; sort by position."""
    paths = [_parse_path(problem.path) for problem in problems]
    wanted = {
        (*parts, "<key>") if problem.code == Code.UNKNOWN_KEY else parts for parts, problem in zip(paths, problems, strict=True)
    }
    record: Record = locate(text, wanted) if text is not None else {}
    placed = []
    for problem, parts in zip(problems, paths, strict=True):
        position = _position_of(record, parts, key=problem.code == Code.UNKNOWN_KEY)
        line, column = position if position else (None, None)
        message = problem.message
        if problem.code == Code.WRONG_TYPE:
            raw = record.get(parts, (0, 0, None))[2]
            if raw is not None and "quote" in message:
                message = message.replace("(quote the value to keep it as text)", f"(quote it to keep it as text: '{raw}')")
        placed.append(attrs.evolve(problem, file=file, line=line, column=column, message=message))
    placed.sort(key=lambda p: (p.line or 0, p.column or 0, p.code))
    return placed


def _position_of(record: Record, parts: tuple[Any, ...], *, key: bool) -> tuple[int, int] | None:
    """The position of the value at ``parts`` (of its key, with ``key``), else of its nearest ancestor."""
    entry = record.get((*parts, "<key>")) if key else None
    probe = parts
    while entry is None:
        entry = record.get(probe)
        if not probe:
            break
        probe = probe[:-1]
    return (entry[0], entry[1]) if entry is not None else None


def _parse_path(path: str) -> tuple[Any, ...]:
    """Invert :func:`~privacymodel.problems.format_path`."""
    parts: list[Any] = []
    i = 1
    while i < len(path):
        if path[i] == ".":
            j = i + 1
            while j < len(path) and path[j] not in ".[":
                j += 1
            parts.append(path[i + 1 : j])
            i = j
        elif path.startswith("['", i):
            j = i + 2
            chars = []
            while path[j] != "'":
                if path[j] == "\\":
                    j += 1
                chars.append(path[j])
                j += 1
            parts.append("".join(chars))
            i = j + 2
        else:
            j = path.index("]", i)
            parts.append(int(path[i + 1 : j]))
            i = j + 1
    return tuple(parts)
