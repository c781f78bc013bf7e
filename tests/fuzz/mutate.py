"""Mutations for the fuzz inputs: bytes edited in ranges, and parsed trees changed and written back as text.

Byte mutations insert, delete, flip, duplicate or replace ranges and splice in tokens chosen to break a reader.
Tree mutations drop, duplicate, retype, swap, inflate, misspell or add keys and values, and :func:`written`
writes the tree back as YAML or JSON; a value may be a :class:`~tests.fuzz.tokens.Raw` token, written into the
text as is (``age: 0xfff…``), which no dumper would write.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import yaml
from hypothesis import strategies as st

from tests.fuzz.tokens import BYTE_TOKENS, PERIODS, RAW_TOKENS, TEXT_TOKENS, WILD_VALUES, Raw

Draw = Callable[[st.SearchStrategy[Any]], Any]
T = TypeVar("T")


# --- byte level --------------------------------------------------------------------------------------------


@st.composite
def byte_edits(draw: Draw, seed: bytes) -> bytes:
    """``seed`` with one to eight ranges inserted, deleted, flipped, duplicated or replaced by hostile tokens."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        length = draw(st.integers(0, 64) | st.integers(0, 4096))
        kind = draw(st.sampled_from(["insert", "replace", "delete", "flip", "duplicate", "line"]))
        token = draw(picked(BYTE_TOKENS))
        if kind == "insert":
            data[at:at] = token
        elif kind == "replace":
            data[at : at + length] = token
        elif kind == "delete":
            del data[at : at + length]
        elif kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "duplicate":
            data[at:at] = data[at : at + length] * draw(st.integers(1, 3))
        elif kind == "line":  # a token in place of a line's value, where a key expects one
            end = data.find(b"\n", at)
            start = data.rfind(b": ", 0, end if end >= 0 else len(data))
            if start >= 0:
                data[start + 2 : end if end >= 0 else len(data)] = token
    return bytes(data)


# --- structure level ---------------------------------------------------------------------------------------


def paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every node of ``data``, the root included."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*path, index))
    return found


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def picked(items: Sequence[T]) -> st.SearchStrategy[T]:
    """One of ``items``, drawn by index: ``sampled_from`` would show the whole (large) list in its description."""

    def item(index: int) -> T:
        return items[index]

    return st.integers(0, len(items) - 1).map(item)


def _fresh(data: Any) -> Any:
    """A copy of ``data`` that shares no list or dict with it, nor within itself (exports may share parts)."""
    if isinstance(data, dict):
        return {key: _fresh(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_fresh(value) for value in data]
    return data


def _wild(draw: Draw) -> Any:
    """A fresh copy of one of :data:`WILD_VALUES`, so that later changes leave the list alone."""
    return _fresh(draw(picked(WILD_VALUES)))


def _misspelt(draw: Draw, text: str) -> str:
    """``text`` with one character dropped, doubled or changed, two swapped, or its case changed."""
    if not text:
        return "x"
    at = draw(st.integers(0, len(text) - 1))
    how = draw(st.sampled_from(["drop", "double", "change", "swap", "case"]))
    if how == "drop":
        return text[:at] + text[at + 1 :]
    if how == "double":
        return text[:at] + text[at] + text[at:]
    if how == "change":
        return text[:at] + draw(st.sampled_from("aeiou-_ xZ")) + text[at + 1 :]
    if how == "swap" and at + 1 < len(text):
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    return text.swapcase()


def _hostile_leaf(draw: Draw, value: Any, *, gentle: bool = False) -> Any:
    """A value of the same kind as ``value`` (where it has one) that is hostile, huge or misspelt.

    ``gentle`` keeps to changes a valid policy may well survive: texts with hostile parts, huge texts and periods.
    """
    if isinstance(value, str):
        return _hostile_text(draw, value, gentle=gentle)
    if gentle:
        return value
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return draw(picked([10**400, -(10**4000), 2**64, -1, 0, value + 1, Raw("0x" + "f" * 5000)]))
    return _wild(draw)


def _hostile_text(draw: Draw, value: str, *, gentle: bool) -> Any:
    kinds = ["splice", "replace", "huge", "period"] + ([] if gentle else ["misspell", "raw"])
    how = draw(st.sampled_from(kinds))
    if how == "splice":
        at = draw(st.integers(0, len(value)))
        return value[:at] + draw(picked(TEXT_TOKENS)) + value[at:]
    changed = {
        "replace": lambda: draw(picked(TEXT_TOKENS)),
        "huge": lambda: (value or "x") * max(1, draw(st.sampled_from([1000, 100_000])) // max(1, len(value))),
        "period": lambda: draw(st.sampled_from(PERIODS)),
        "misspell": lambda: _misspelt(draw, value),
        "raw": lambda: Raw(draw(picked(RAW_TOKENS))),
    }
    return changed[how]()


KINDS = ("drop", "duplicate", "retype", "swap", "hostile", "unknown", "rename", "by-key")
GENTLE = ("drop", "hostile", "hostile", "by-key", "by-key")


def _by_key(draw: Draw, data: Any, *, gentle: bool) -> None:
    """Make the values of one key hostile wherever it holds a scalar (every ``lifetime``, every ``fee``, ...)."""
    places = [
        (parent, key)
        for path in paths(data)
        if isinstance(parent := _get(data, path), dict)
        for key, value in parent.items()
        if not isinstance(value, (dict, list))
    ]
    if not places:
        return
    key = draw(picked(sorted({str(key) for _, key in places})))
    for parent, name in places:
        if name == key and draw(st.booleans()):
            parent[name] = _hostile_leaf(draw, parent[name], gentle=gentle)


def _mutate_once(draw: Draw, data: Any, kinds: tuple[str, ...]) -> Any:
    """``data`` with one change of one of ``kinds`` at a drawn place; the root may be replaced."""
    how = draw(st.sampled_from(kinds))
    if how == "by-key":
        _by_key(draw, data, gentle=kinds == GENTLE)
        return data
    where = draw(picked(paths(data)))
    node = _get(data, where)
    parent = _get(data, where[:-1]) if where else None
    if not where:
        return _wild(draw) if how == "retype" else data
    last = where[-1]
    if how == "drop":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, _fresh(node))
    elif how == "retype":
        parent[last] = _wild(draw)
    elif how == "swap":
        other = draw(picked(paths(data)))
        if other and other[: len(where)] != where and where[: len(other)] != other:
            other_parent = _get(data, other[:-1])
            parent[last], other_parent[other[-1]] = other_parent[other[-1]], node
    elif how == "hostile":
        parent[last] = _hostile_leaf(draw, node, gentle=kinds == GENTLE)
    elif how in ("unknown", "rename") and isinstance(parent, dict):
        key = _misspelt(draw, str(last)) if draw(st.booleans()) else draw(st.sampled_from(["x-extra", "", "0", "id "]))
        if how == "rename":
            del parent[last]
        parent[key] = node if how == "rename" else _fresh(node)
    return data


@st.composite
def mutated_tree(draw: Draw, seeds: list[Any], kinds: tuple[str, ...] = KINDS) -> Any:
    """A copy of one of ``seeds`` (plain data) with one to six changes of ``kinds``."""
    data = _fresh(draw(picked(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        data = _mutate_once(draw, data, kinds)
    return data


def _placeholders(data: Any, raws: list[str]) -> Any:
    """``data`` with every :class:`Raw` replaced by a placeholder a dumper writes unquoted; ``raws`` gets their texts."""
    if isinstance(data, Raw):
        raws.append(data.text)
        return f"qzraw{len(raws) - 1}qz"
    if isinstance(data, dict):
        return {key: _placeholders(value, raws) for key, value in data.items()}
    if isinstance(data, list):
        return [_placeholders(value, raws) for value in data]
    return data


@st.composite
def written(draw: Draw, data: Any) -> str:
    """``data`` written as YAML or JSON in a drawn style, with its raw tokens put back in place."""
    raws: list[str] = []
    plain = _placeholders(data, raws)
    text = None
    if draw(st.booleans()):
        try:
            text = yaml.dump(
                plain,
                Dumper=yaml.CSafeDumper,
                allow_unicode=draw(st.booleans()),
                sort_keys=False,
                default_flow_style=draw(st.sampled_from([False, None, True])),
                width=draw(st.sampled_from([80, 10**9])),
            )
        except (yaml.YAMLError, UnicodeError):
            text = None
    if text is None:
        text = json.dumps(plain, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
        quote = '"'
    else:
        quote = ""
    for index, raw in enumerate(raws):
        text = text.replace(f"{quote}qzraw{index}qz{quote}", raw)
    return text
