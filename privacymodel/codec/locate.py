"""Placing problems in their source: file, line and column from each problem's JSON path.

Problems are found on plain data and carry only a path such as
``$.controllers[0].name``; :func:`place` reads the text again (stopping once
every wanted path is found) and adds where each one stands. JSON is read
again with the json module's own scanner, going into only the values on the
way to a wanted path, so placing costs no more than reading did. YAML whose
first read left an :data:`~privacymodel.codec.yaml_read.Outline` is read again
only in the top-level blocks that hold a wanted path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from privacymodel.codec.yaml_read import Outline, Record, locate, locate_block
from privacymodel.problems import Code, Problem

__all__ = ["place"]


def place(problems: list[Problem], text: str | None, file: str | None, outline: Outline | None = None) -> list[Problem]:
    """Add file, line and column to problems whose paths can be found in ``text``; sort by position.

    A problem that already has a line (one the reader found) keeps its position; the count of problems
    past the limit (PM013) stays last, at no position. ``outline`` is where the first read of YAML ``text``
    found its top-level keys: then only the blocks holding a problem are read again.
    """
    todo = [problem for problem in problems if problem.line is None and problem.code != Code.TOO_MANY_PROBLEMS]
    paths = [_parse_path(problem.path) for problem in todo]
    wanted = {
        (*parts, "<key>") if problem.code == Code.UNKNOWN_KEY else parts for parts, problem in zip(paths, todo, strict=True)
    }
    record: Record = {}
    if text is not None and wanted:
        found = _json_positions(text, wanted) if text.lstrip(" \t\r\n").startswith("{") else None
        if found is None and outline:
            found = _block_positions(text, wanted, outline)
        record = found if found is not None else locate(text, wanted)
    located = dict(zip(map(id, todo), paths, strict=True))
    placed: list[Problem] = []
    last: list[Problem] = []
    for problem in problems:
        parts = located.get(id(problem))
        if parts is None:
            (last if problem.code == Code.TOO_MANY_PROBLEMS else placed).append(attrs.evolve(problem, file=file))
            continue
        position = _position_of(record, parts, key=problem.code == Code.UNKNOWN_KEY)
        line, column = position if position else (None, None)
        message = problem.message
        if problem.code == Code.WRONG_TYPE:
            raw = record.get(parts, (0, 0, None))[2]
            if raw is not None and "quote" in message:
                message = message.replace("(quote the value to keep it as text)", f"(quote it to keep it as text: '{raw}')")
        placed.append(attrs.evolve(problem, file=file, line=line, column=column, message=message))
    placed.sort(key=lambda p: (p.line or 0, p.column or 0, p.code))
    return placed + last


def _block_positions(text: str, wanted: set[tuple[Any, ...]], outline: Outline) -> Record | None:
    """The positions :func:`~privacymodel.codec.yaml_read.locate` gives, reading again only the parts of the text
    that hold a wanted path; None where they cannot be read alone (the whole text is read again instead).

    A part runs from the start of the line of an outline entry (a top-level key, or an item of a list that is a
    top-level value) to the start of the line of the next one (for a key, the next key). It reads alone as the
    same YAML when the top level is a block mapping (not flow style) and each key starts its line (each item, after
    its ``-``); its lines are counted from its first. A key's part is read for its wanted paths, unless each is in
    an item of its list that reads alone: then only those items are read.
    """
    parts = _Parts(text, outline)
    if parts.root.flow_style or any(parts.before(entry) for entry in parts.keys.values()):
        return None  # a top level in flow style, or something before a top-level key on its line
    by_key: dict[Any, set[tuple[Any, ...]]] = {}
    for path in wanted:
        if path:
            by_key.setdefault(path[0], set()).add(path)
    record: Record = {(): (parts.root.start_mark.line + 1, parts.root.start_mark.column + 1, None)}
    for key, below in by_key.items():
        entry = parts.keys.get(key)
        if entry is None:
            continue  # not in the text: placed at the top level
        items = parts.items[entry]
        in_items = [(items.get(path[1], -1) if len(path) > 1 and type(path[1]) is int else -1, path) for path in below]
        reads: dict[int, tuple[tuple[Any, ...], set[tuple[Any, ...]]]] = {}  # entry -> prefix, paths in the part
        if all(item >= 0 and parts.before(item) == "-" for item, _ in in_items):
            for item, path in in_items:
                reads.setdefault(item, ((key, path[1]), set()))[1].add((0, *path[2:]))
        else:
            reads[entry] = ((key,), below)
        for part, (prefix, paths) in reads.items():
            found = locate_block(parts.text_of(part), paths)
            if found is None:
                return None
            skipped = parts.entries[part][1].start_mark.line  # the lines before the part
            record.update({(*prefix, *p[1:]): (line + skipped, col, raw) for p, (line, col, raw) in found.items() if p})
    return record


class _Parts:
    """The parts of YAML text its outline marks: where each starts and ends, and what stands before it on its line.

    A key's part reads as a mapping holding the key, so the key replaces itself in the paths found there; an item's
    part reads as a list of one item, ``0``, which the key and the item's index replace.
    """

    def __init__(self, text: str, outline: Outline) -> None:
        (_, self.root), *self.entries = outline
        self.text = text
        self.bom = 1 if text.startswith("\ufeff") else 0  # libyaml counts from after it
        self.keys: dict[Any, int] = {}  # each top-level key's entry
        self.items: dict[int, dict[int, int]] = {}  # a key's entry -> the entries of the items of its list, by index
        self.ends: dict[int, int] = {}  # a key's entry -> the next key's entry (or the number of entries)
        last = None
        for number, (part, _) in enumerate(self.entries):
            if isinstance(part, str):
                if last is not None:
                    self.ends[last] = number
                self.keys[part], self.items[number], last = number, {}, number
            elif last is not None:
                self.items[last][part] = number
        if last is not None:
            self.ends[last] = len(self.entries)

    def start(self, number: int) -> int:
        """Where the line of the entry ``number`` starts (the text's end past the last entry)."""
        if number >= len(self.entries):
            return len(self.text)
        mark = self.entries[number][1].start_mark
        return int(mark.index) + self.bom - int(mark.column)

    def before(self, number: int) -> str:
        """What stands before the entry ``number`` on its line, spaces left out."""
        mark = self.entries[number][1].start_mark
        return self.text[self.start(number) : mark.index + self.bom].strip(" ")

    def text_of(self, number: int) -> str:
        """The text of the part the entry ``number`` starts."""
        end = self.ends.get(number, number + 1)
        return self.text[self.start(number) : self.start(end)]


_SPACE: Final = re.compile(r"[ \t\n\r]*")
# The json module's C scanner: reads the JSON value at an index, returns it and the index where it ends.
_SCAN: Final[Callable[[str, int], tuple[Any, int]]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_STRING: Final[Callable[[str, int], tuple[str, int]]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _NotJSONError(Exception):
    """The text is not JSON where the walk went: it is read as YAML instead."""


class _FoundAllError(Exception):
    """Every wanted path has been found: the walk can stop."""


def _json_positions(text: str, wanted: set[tuple[Any, ...]]) -> Record | None:
    """The positions :func:`~privacymodel.codec.yaml_read.locate` gives, for JSON text; None if it is not JSON.

    Only the containers on the way to a wanted path are walked in Python; every other value is skipped by
    the json module's scanner, in C. The walk stops once every wanted path is found.
    """
    walk = _JSONWalk(text, wanted)
    try:
        walk.value(_skip(text, 0), ())
    except _FoundAllError:
        pass
    except (_NotJSONError, ValueError, IndexError, StopIteration, RecursionError):
        return None
    where = _lines_and_columns(text, [index for index, _ in walk.starts.values()])
    return {path: (*where[index], raw) for path, (index, raw) in walk.starts.items()}


class _JSONWalk:
    """Where the wanted values of a JSON text, and the containers on the way to them, start."""

    def __init__(self, text: str, wanted: set[tuple[Any, ...]]) -> None:
        self.text = text
        self.remaining = set(wanted)
        self.keep = {path[:end] for path in wanted for end in range(len(path) + 1)}
        self.starts: dict[tuple[Any, ...], tuple[int, str | None]] = {}

    def note(self, path: tuple[Any, ...], index: int, raw: str | None) -> None:
        self.starts[path] = (index, raw)
        self.remaining.discard(path)
        if not self.remaining:
            raise _FoundAllError

    # Recursive, but only along the wanted paths, which are no deeper than the nesting limit.
    def value(self, index: int, path: tuple[Any, ...]) -> int:
        """Note where the value at ``index`` (at ``path``) and the wanted values in it start; return where it ends."""
        text = self.text
        char = text[index]
        if char not in "{[":
            value, end = _SCAN(text, index)
            self.note(path, index, text[index:end] if type(value) is not str else None)
            return end
        self.note(path, index, None)
        index = _skip(text, index + 1)
        closing = "}" if char == "{" else "]"
        count = 0
        while text[index] != closing:
            if count:
                if text[index] != ",":
                    raise _NotJSONError
                index = _skip(text, index + 1)
            part: Any = count
            if char == "{":
                part, index = self.key(index, path)
            here = (*path, part)
            index = self.value(index, here) if here in self.keep else _SCAN(text, index)[1]
            index = _skip(text, index)
            count += 1
        return index + 1

    def key(self, index: int, path: tuple[Any, ...]) -> tuple[str, int]:
        """The key at ``index`` in the mapping at ``path`` (noted if wanted), and where its value starts."""
        text = self.text
        if text[index] != '"':
            raise _NotJSONError
        part, end = _STRING(text, index + 1)
        key = (*path, part, "<key>")
        if key in self.keep:
            self.note(key, index, None)
        index = _skip(text, end)
        if text[index] != ":":
            raise _NotJSONError
        return part, _skip(text, index + 1)


def _lines_and_columns(text: str, indices: list[int]) -> dict[int, tuple[int, int]]:
    """The line and column of each index, as :func:`~privacymodel.codec.text.position_of` counts them, reading
    the text once: each index is counted on from the one before."""
    out: dict[int, tuple[int, int]] = {}
    line, previous = 1, 0
    for index in sorted(set(indices)):
        line += text.count("\n", previous, index) + text.count("\r", previous, index) - text.count("\r\n", previous, index)
        line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
        out[index] = (line, index - line_start + 1)
        previous = index
    return out


def _skip(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not JSON white space."""
    match = _SPACE.match(text, index)
    return match.end() if match else index


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
