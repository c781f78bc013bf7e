"""Strict, safe reading of policy text (YAML 1.2 core schema or JSON) into plain data.

Reading walks libyaml's event stream with an explicit stack and builds plain
data (dict, list, str, int, float, bool, None) directly, so that:

* only ``true``/``false`` are booleans (``NO``, ``yes`` and ``on`` stay text);
* a duplicate key, an alias, a tag other than ``!!str``/``!!map``/``!!seq``, a
  key that is not text, nesting deeper than :data:`MAX_DEPTH`, an empty
  stream, several documents, or a top level that is not a mapping is an error
  located at the offending event;
* aliases are refused when they are met, so nothing is ever expanded;
* nothing in the input can construct a Python object.

Text that starts with ``{`` is first read by :func:`json.loads`, much faster, with
duplicate keys, ``NaN``/``Infinity``, numbers out of range and lone surrogate escapes refused; whatever
it refuses, or nests deeper than :data:`MAX_DEPTH`, is read again by the walker,
which locates the problem.

Positions are not kept on the happy path: :func:`locate` re-reads the text and
maps JSON paths to line and column only when a problem needs them.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from typing import Any, Final

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from privacymodel.codec.scalars import real_number, resolve_plain, whole_number
from privacymodel.codec.text import MAX_INPUT_BYTES, position_of, too_large
from privacymodel.problems import Code, PolicyError, Problem, format_path, shown

__all__ = ["MAX_DEPTH", "Outline", "Position", "Record", "locate", "locate_block", "parse", "resolve_plain"]

MAX_DEPTH: Final = 64
"""The deepest nesting of mappings and sequences accepted; deeper input is refused with PM007."""

_STR_TAG: Final = "tag:yaml.org,2002:str"
_COLLECTION_TAGS: Final = {MappingStartEvent: "tag:yaml.org,2002:map", SequenceStartEvent: "tag:yaml.org,2002:seq"}

try:  # libyaml's C parser when PyYAML was built with it
    from yaml._yaml import CParser as _Parser

    _C_PARSER = True
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    from yaml.parser import Parser as _PyParserBase
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParserBase):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParserBase.__init__(self)

    _C_PARSER = False

Position = tuple[int, int]
"""A 1-based (line, column)."""


class _LocatedError(Exception):
    """Raised inside the walker: a problem at a position."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column
        self.path: tuple[Any, ...] = ()

    def problem(self, file: str | None) -> Problem:
        return Problem(
            code=self.code, message=self.message, path=format_path(self.path), file=file, line=self.line, column=self.column
        )


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


Record = dict[tuple[Any, ...], tuple[int, int, str | None]]
"""Positions by path, as :func:`locate` returns them: ``(line, column, raw plain-scalar text or None)``."""


class _EnoughError(Exception):
    """Every position asked for has been found: the walk can stop."""


class _Recorder(dict[tuple[Any, ...], tuple[int, int, str | None]]):
    """Positions by path; with ``wanted``, keeps only those paths and their ancestors (where a path not
    found is placed) and stops the walk once all of the wanted are found."""

    def __init__(self, wanted: set[tuple[Any, ...]] | None) -> None:
        super().__init__()
        self.remaining = set(wanted) if wanted is not None else None
        self.keep: set[tuple[Any, ...]] | None = None
        if wanted is not None:
            self.keep = {path[:end] for path in wanted for end in range(len(path) + 1)}
        self.dead = 0  # how deep the walk is inside a collection holding nothing wanted (0: not inside one)

    def put(self, path: tuple[Any, ...], position: tuple[int, int, str | None]) -> None:
        self[path] = position
        if self.remaining is not None:
            self.remaining.discard(path)
            if not self.remaining:
                raise _EnoughError


Outline = list[tuple[str | int, Any]]
"""Where a YAML document's top level starts, noted on the one read of it: ``("", event)`` for the top-level mapping,
then ``(key, event)`` for each of its keys and ``(index, event)`` for each mapping in a list that is a top-level
value, in order (``event.start_mark`` gives ``.index``, ``.line`` and ``.column``)."""


def _walk(text: str, record: _Recorder | None, outline: Outline | None = None) -> Any:
    """Build plain data from ``text``; with ``record``, also map each path to its position.

    ``record`` maps a path tuple to ``(line, column, raw)`` for values, where
    ``raw`` is the source text of a plain scalar that did not resolve to text;
    a key's own position is stored under ``path + ("<key>",)``.
    """
    text, restore = _protect(text)
    parser = _Parser(text)
    try:
        get_event = parser.get_event
        get_event()  # StreamStartEvent
        if type(get_event()) is StreamEndEvent:
            raise _LocatedError(Code.EMPTY, "the document is empty: a policy is a mapping of keys", 1, 1)
        stack: list[list[Any]] = []  # frames: [container, pending key or _NO_KEY]
        try:
            root = _build(get_event, stack, record, restore, outline)
        except _LocatedError as exc:
            exc.path = () if exc.code == Code.TOO_DEEP else tuple(_stack_path(stack))
            raise
        get_event()  # DocumentEndEvent
        event = get_event()
        if type(event) is DocumentStartEvent:
            raise _LocatedError(
                Code.SEVERAL_DOCUMENTS, "a second document: a policy file holds one document", *_position(event.start_mark)
            )
        if type(root) is not dict:
            raise _LocatedError(Code.NOT_A_MAPPING, f"the top level must be a mapping of keys; got {_kind(root)}", 1, 1)
        return root
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text) from None
    finally:
        if _C_PARSER:
            parser.dispose()


# libyaml reads U+2028, U+2029 and U+0085 as line breaks, as YAML 1.1 did; in YAML 1.2 they are ordinary
# characters. Each is read as a stand-in of the same length in characters (a private-use character the text
# neither holds nor can write with an escape), so positions hold, and put back in every value read.
_YAML11_BREAKS: Final = "\u2028\u2029\x85"
_PRIVATE_USE: Final = re.compile("[\ue000-\uf8ff]")
_ESCAPE: Final = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def _protect(text: str) -> tuple[str, dict[int, str] | None]:
    """``text`` with its YAML 1.1 line breaks replaced by stand-ins, and the table that puts them back (None if none)."""
    present = [char for char in _YAML11_BREAKS if char in text]
    if not present:
        return text, None
    taken = {ord(match.group()) for match in _PRIVATE_USE.finditer(text)}
    if "\\" in text:
        taken.update(int(match.group(1) or match.group(2), 16) for match in _ESCAPE.finditer(text))
    free = (code for code in range(0xE000, 0xF900) if code not in taken)
    stand_ins = dict(zip(present, free, strict=False))  # shorter when no stand-in is left (below)
    if len(stand_ins) < len(present):  # pragma: no cover - every private-use character is in the text
        return text, None
    for char, code in stand_ins.items():
        text = text.replace(char, chr(code))
    return text, {code: char for char, code in stand_ins.items()}


def _reader_error(exc: yaml.reader.ReaderError, text: str) -> _LocatedError:
    """A character YAML does not allow (a control character, say), located by line and column in ``text``."""
    position = exc.position
    if _C_PARSER:  # libyaml counts bytes of the UTF-8 encoding
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "replace"))
    char = exc.character
    shown_char = f"#x{char:04x}" if isinstance(char, int) else repr(char)
    return _LocatedError(Code.SYNTAX, f"the character {shown_char} is not allowed in YAML", *position_of(text, position))


def _stack_path(stack: list[list[Any]]) -> list[Any]:
    parts: list[Any] = []
    for container, key in stack:
        if type(container) is dict:
            if key is not _NO_KEY:
                parts.append(key)
        else:
            parts.append(len(container))
    return parts


# The reader's hot path: one loop over every event, kept whole because a function call per event costs time.
def _build(  # noqa: PLR0912, PLR0915
    get_event: Callable[[], Any],
    stack: list[list[Any]],
    record: _Recorder | None,
    restore: dict[int, str] | None,
    outline: Outline | None,
) -> Any:
    """Consume the events of one document's root node and return it as plain data.

    ``stack`` holds a frame per open mapping or sequence, ``[container, pending key or _NO_KEY]``,
    so that an error can name the path it is at; a nested node is a new frame, not a recursive call.
    With ``outline``, where the top-level mapping and its keys start is noted there.
    """
    path: list[Any] = []  # kept only when recording
    while True:
        event = get_event()
        cls = type(event)
        if cls is ScalarEvent:
            tag = event.tag
            if tag is not None and tag != "!":
                if tag != _STR_TAG:
                    raise _LocatedError(Code.TAG, f"the tag {shown(tag)} is not allowed", *_position(event.start_mark))
                value: Any = event.value
            elif event.implicit[0] and tag is None:  # the non-specific tag "!" makes a scalar text
                try:
                    value = resolve_plain(event.value)
                except ValueError as exc:  # a number beyond the bound: the message says which
                    raise _LocatedError(Code.INVALID_VALUE, str(exc), *_position(event.start_mark)) from None
            else:
                value = event.value
            if restore is not None and type(value) is str:
                value = value.translate(restore)  # U+2028, U+2029 and U+0085 back in place of their stand-ins
            if event.anchor is not None:
                _anchor_error(event)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.anchor is not None:
                _anchor_error(event)
            if event.tag is not None and event.tag != "!" and event.tag != _COLLECTION_TAGS[cls]:
                raise _LocatedError(Code.TAG, f"the tag {shown(event.tag)} is not allowed", *_position(event.start_mark))
            if stack and type(stack[-1][0]) is dict and stack[-1][1] is _NO_KEY:
                raise _LocatedError(
                    Code.KEY_NOT_TEXT, "a mapping key must be text, not a mapping or sequence", *_position(event.start_mark)
                )
            if len(stack) >= MAX_DEPTH:
                raise _LocatedError(Code.TOO_DEEP, f"nesting is deeper than {MAX_DEPTH} levels", *_position(event.start_mark))
            if record is not None:
                if record.dead:
                    record.dead += 1
                else:
                    _record(record, stack, path, event, None)
            elif outline is not None and len(stack) < 3:  # the top level, and the items of its lists
                if not stack:
                    outline.append(("", event))
                elif len(stack) == 2 and cls is MappingStartEvent and type(stack[1][0]) is list:
                    outline.append((len(stack[1][0]), event))
            stack.append([{} if cls is MappingStartEvent else [], _NO_KEY])
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            value = stack.pop()[0]
            if record is not None and stack:
                if record.dead:
                    record.dead -= 1
                else:
                    path.pop()
        elif cls is AliasEvent:
            raise _LocatedError(
                Code.ALIAS, "aliases (*name) are not supported: write the value out", *_position(event.start_mark)
            )
        else:  # pragma: no cover - libyaml emits no other event inside a document
            raise _LocatedError(Code.SYNTAX, f"unexpected {cls.__name__}", *_position(event.start_mark))

        if not stack:
            if record is not None and cls is ScalarEvent:
                _record(record, stack, path, event, value)
            return value
        frame = stack[-1]
        container = frame[0]
        if type(container) is dict:
            key = frame[1]
            if key is _NO_KEY:
                if type(value) is not str:
                    raise _LocatedError(
                        Code.KEY_NOT_TEXT,
                        f"a mapping key must be text; got {shown(value)} (quote it)",
                        *_position(event.start_mark),
                    )
                if value in container:
                    raise _LocatedError(Code.DUPLICATE_KEY, f"duplicate key {shown(value)}", *_position(event.start_mark))
                frame[1] = value
                if outline is not None and len(stack) == 1:
                    outline.append((value, event))
                if record is not None and not record.dead:
                    key_path = (*path, value, "<key>")
                    if record.keep is None or key_path in record.keep:
                        record.put(key_path, (*_position(event.start_mark), None))
                continue
            if record is not None:
                if cls is ScalarEvent and not record.dead:
                    _record(record, stack, path, event, value)
                value = None  # only positions are wanted: holding the values would hold a second copy of the data
            container[key] = value
            frame[1] = _NO_KEY
        else:
            if record is not None:
                if cls is ScalarEvent and not record.dead:
                    _record(record, stack, path, event, value)
                value = None
            container.append(value)


_NO_KEY: Final = object()
"""The pending key of a mapping frame before its next key is read."""


def _anchor_error(event: Any) -> None:
    raise _LocatedError(
        Code.ALIAS, "anchors (&name) and aliases are not supported: write the value out", *_position(event.start_mark)
    )


def _record(
    record: _Recorder,
    stack: list[list[Any]],
    path: list[Any],
    event: Any,
    value: Any,
) -> None:
    """Record the position of the value starting at ``event``; push its path part if it is a collection."""
    if stack:
        frame = stack[-1]
        part = frame[1] if type(frame[0]) is dict else len(frame[0])
        here = (*path, part)
    else:
        part, here = None, ()
    if record.keep is not None and here not in record.keep:
        if type(event) is not ScalarEvent and stack:
            record.dead = 1  # nothing wanted inside it: its events are skipped until it ends
        return
    if type(event) is not ScalarEvent and stack:
        path.append(part)
    raw = event.value if type(event) is ScalarEvent and event.implicit[0] and type(value) is not str else None
    record.put(here, (*_position(event.start_mark), raw))


def _kind(value: Any) -> str:
    """The kind of a top level that is not a mapping, for PM010: by kind alone, where ``kind_of`` also shows the value."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else "a boolean"
    kinds = (((int, float), "a number"), (str, "text"), (list, "a sequence"))
    return next((name for types, name in kinds if isinstance(value, types)), "a mapping")


# A \\u escape of a surrogate that is not half of a pair: json.loads would let it into a str.
_LONE_SURROGATE_ESCAPE: Final = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_JSON_START: Final = re.compile(r"[ \t\r\n]*\{")  # text that may be JSON, matched in place (not copied)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _depth_within(data: Any, limit: int) -> bool:
    """Whether nested lists and dicts go no deeper than ``limit`` (JSON is read by json.loads, not the walker)."""
    level: list[Any] = [data]
    for _ in range(limit):
        level = [
            child for node in level for child in (node.values() if type(node) is dict else node) if type(child) in (dict, list)
        ]
        if not level:
            return True
    return False


def parse(text: str, file: str | None = None, outline: Outline | None = None) -> dict[str, Any]:
    """Parse policy text (YAML or JSON) into plain data, or raise :class:`PolicyError`.

    With ``outline``, YAML text read by the walker leaves where its top-level keys start there (JSON leaves none).
    """
    if len(text) > MAX_INPUT_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise PolicyError([too_large(len(text.encode("utf-8", "surrogatepass")), file)])
    if _JSON_START.match(text) and ("\\u" not in text or _LONE_SURROGATE_ESCAPE.search(text) is None):
        try:
            data = json.loads(
                text, object_pairs_hook=_json_pairs, parse_constant=_no_constant, parse_int=whole_number, parse_float=real_number
            )
        except (ValueError, RecursionError):
            pass  # read it again as YAML, which locates the problem
        else:
            if type(data) is dict and _depth_within(data, MAX_DEPTH):
                return data
    try:
        result: dict[str, Any] = _walk(text, None, outline)
    except _LocatedError as exc:
        raise PolicyError([exc.problem(file)]) from None
    except yaml.MarkedYAMLError as exc:
        raise PolicyError([_syntax_problem(exc, file, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other libyaml failures
        raise PolicyError([Problem(code=Code.SYNTAX, message=str(exc), file=file, line=1, column=1)]) from None
    return result


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str | None, text: str = "") -> Problem:
    """PM003 in the parser's words, with the character libyaml leaves out put back and a tab's remedy said."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem
    if problem == "found character that cannot start any token" and mark is not None and 0 <= mark.index < len(text):
        problem = f"found character {text[mark.index]!r} that cannot start any token"  # as PyYAML's own parser says
    message = " ".join(part for part in (exc.context, problem) if part) or "syntax error"
    if problem is not None and ("'\\t'" in problem or "tab character" in problem):
        message += " (indent with spaces: YAML does not allow tabs in indentation)"
    line, column = _position(mark) if mark is not None else (1, 1)
    return Problem(code=Code.SYNTAX, message=message, file=file, line=line, column=column)


def locate(text: str, wanted: set[tuple[Any, ...]] | None = None) -> Record:
    """Map paths in ``text`` to ``(line, column, raw plain-scalar text or None)``; empty if unreadable.

    With ``wanted``, only those paths and their ancestors are kept, collections holding none of them are
    passed over, and reading stops as soon as all of them have been found (their ancestors come before
    them); a key's own position is asked for as ``path + ("<key>",)``.
    """
    record = _Recorder(wanted)
    with contextlib.suppress(_LocatedError, _EnoughError, yaml.YAMLError):
        _walk(text, record)
    return dict(record)


def locate_block(block: str, wanted: set[tuple[Any, ...]]) -> Record | None:
    """:func:`locate` for part of a document read alone (a mapping, or a list); None if it cannot be read alone."""
    record = _Recorder(wanted)
    try:
        _walk(block, record)
    except _EnoughError:
        pass
    except _LocatedError as exc:
        if exc.code != Code.NOT_A_MAPPING:  # raised once the whole text is read: every position is recorded
            return None
    except yaml.YAMLError:
        return None
    return dict(record)
