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
duplicate keys, ``NaN``/``Infinity`` and lone surrogate escapes refused; whatever
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

from privacymodel.codec.text import MAX_INPUT_BYTES, too_large
from privacymodel.problems import Code, PolicyError, Problem, format_path, shown

__all__ = ["MAX_DEPTH", "Position", "Record", "locate", "parse", "resolve_plain"]

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

# YAML 1.2 core schema, for plain (unquoted) scalars.
_SPECIAL: Final[dict[str, Any]] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}  # fmt: skip
_INT_RE: Final = re.compile(r"[-+]?[0-9]+")
_OCT_RE: Final = re.compile(r"0o[0-7]+")
_HEX_RE: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE: Final = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF_RE: Final = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN_RE: Final = re.compile(r"\.(nan|NaN|NAN)")
_NUMERIC_START: Final = frozenset("0123456789+-.")
# The core schema's number forms, tried in this order (an integer also matches the float form).
_NUMBER_FORMS: Final[tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...]] = (
    (_INT_RE, int),
    (_FLOAT_RE, float),
    (_OCT_RE, lambda value: int(value[2:], 8)),
    (_HEX_RE, lambda value: int(value[2:], 16)),
    (_INF_RE, lambda value: float("-inf") if value[0] == "-" else float("inf")),
    (_NAN_RE, lambda _: float("nan")),
)

Position = tuple[int, int]
"""A 1-based (line, column)."""


class _LocatedError(Exception):
    """Raised inside the walker: a problem at a position."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column
        self.path: tuple[Any, ...] = ()


def resolve_plain(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema."""
    special = _SPECIAL.get(value, _SPECIAL)
    if special is not _SPECIAL:
        return special
    if value[0] not in _NUMERIC_START:
        return value
    for form, convert in _NUMBER_FORMS:
        if form.fullmatch(value):
            return convert(value)
    return value


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


Record = dict[tuple[Any, ...], tuple[int, int, str | None]]
"""Positions by path, as :func:`locate` returns them: ``(line, column, raw plain-scalar text or None)``."""


class _EnoughError(Exception):
    """Every position asked for has been found: the walk can stop."""


class _Recorder(dict[tuple[Any, ...], tuple[int, int, str | None]]):
    """Positions by path; with ``wanted``, stops the walk once all of those paths are found."""

    def __init__(self, wanted: set[tuple[Any, ...]] | None) -> None:
        super().__init__()
        self.remaining = set(wanted) if wanted is not None else None

    def put(self, path: tuple[Any, ...], position: tuple[int, int, str | None]) -> None:
        self[path] = position
        if self.remaining is not None:
            self.remaining.discard(path)
            if not self.remaining:
                raise _EnoughError


def _walk(text: str, record: _Recorder | None) -> Any:
    """Build plain data from ``text``; with ``record``, also map each path to its position.

    ``record`` maps a path tuple to ``(line, column, raw)`` for values, where
    ``raw`` is the source text of a plain scalar that did not resolve to text;
    a key's own position is stored under ``path + ("<key>",)``.
    """
    parser = _Parser(text)
    try:
        get_event = parser.get_event
        get_event()  # StreamStartEvent
        if type(get_event()) is StreamEndEvent:
            raise _LocatedError(Code.EMPTY, "the document is empty: a policy is a mapping of keys", 1, 1)
        stack: list[list[Any]] = []  # frames: [container, pending key or _NO_KEY]
        try:
            root = _build(get_event, stack, record)
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
    finally:
        if _C_PARSER:
            parser.dispose()


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
def _build(get_event: Callable[[], Any], stack: list[list[Any]], record: _Recorder | None) -> Any:  # noqa: PLR0912, PLR0915
    """Consume the events of one document's root node and return it as plain data.

    ``stack`` holds a frame per open mapping or sequence, ``[container, pending key or _NO_KEY]``,
    so that an error can name the path it is at; a nested node is a new frame, not a recursive call.
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
            elif event.implicit[0]:
                try:
                    value = resolve_plain(event.value)
                except ValueError:
                    raise _LocatedError(
                        Code.INVALID_VALUE, "a number with too many digits; quote it if it is text", *_position(event.start_mark)
                    ) from None
            else:
                value = event.value
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
                _record(record, stack, path, event, None)
            stack.append([{} if cls is MappingStartEvent else [], _NO_KEY])
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            value = stack.pop()[0]
            if record is not None and stack:
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
                if record is not None:
                    key_path = (*path, value, "<key>")
                    record.put(key_path, (*_position(event.start_mark), None))
                continue
            if record is not None and cls is ScalarEvent:
                _record(record, stack, path, event, value)
            container[key] = value
            frame[1] = _NO_KEY
        else:
            if record is not None and cls is ScalarEvent:
                _record(record, stack, path, event, value)
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
    raw = event.value if type(event) is ScalarEvent and event.implicit[0] and type(value) is not str else None
    if type(event) is not ScalarEvent and stack:
        path.append(part)
    record.put(here, (*_position(event.start_mark), raw))


def _kind(value: Any) -> str:
    """The kind of a top level that is not a mapping, for PM010: by kind alone, where ``kind_of`` also shows the value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a sequence"
    return "a mapping"


# A \\u escape of a surrogate that is not half of a pair: json.loads would let it into a str.
_LONE_SURROGATE_ESCAPE: Final = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


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


def parse(text: str, file: str | None = None) -> dict[str, Any]:
    """Parse policy text (YAML or JSON) into plain data, or raise :class:`PolicyError`."""
    if len(text) > MAX_INPUT_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise PolicyError([too_large(len(text.encode("utf-8", "surrogatepass")), file)])
    stripped = text.lstrip(" \t\r\n")
    if stripped.startswith("{") and _LONE_SURROGATE_ESCAPE.search(text) is None:
        try:
            data = json.loads(text, object_pairs_hook=_json_pairs, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            pass  # read it again as YAML, which locates the problem
        else:
            if type(data) is dict and _depth_within(data, MAX_DEPTH):
                return data
    try:
        result: dict[str, Any] = _walk(text, None)
    except _LocatedError as exc:
        raise PolicyError(
            [
                Problem(
                    code=exc.code,
                    message=exc.message,
                    path=format_path(exc.path),
                    file=file,
                    line=exc.line,
                    column=exc.column,
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise PolicyError([_syntax_problem(exc, file)]) from None
    except yaml.reader.ReaderError as exc:
        raise PolicyError([_reader_problem(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other libyaml failures
        raise PolicyError([Problem(code=Code.SYNTAX, message=str(exc), file=file, line=1, column=1)]) from None
    return result


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str | None) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(part for part in (exc.context, exc.problem) if part) or "syntax error"
    line, column = _position(mark) if mark is not None else (1, 1)
    return Problem(code=Code.SYNTAX, message=message, file=file, line=line, column=column)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str | None) -> Problem:
    position = exc.position
    if _C_PARSER:  # libyaml counts bytes of the UTF-8 encoding
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "replace"))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character
    shown = f"#x{char:04x}" if isinstance(char, int) else repr(char)
    return Problem(code=Code.SYNTAX, message=f"the character {shown} is not allowed in YAML", file=file, line=line, column=column)


def locate(text: str, wanted: set[tuple[Any, ...]] | None = None) -> Record:
    """Map paths in ``text`` to ``(line, column, raw plain-scalar text or None)``; empty if unreadable.

    With ``wanted``, reading stops as soon as all of those paths have been found (their ancestors come
    before them); a key's own position is asked for as ``path + ("<key>",)``.
    """
    record = _Recorder(wanted)
    with contextlib.suppress(_LocatedError, _EnoughError, yaml.YAMLError):
        _walk(text, record)
    return dict(record)
