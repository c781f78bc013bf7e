"""Deterministic YAML writing: block style, keys in their given order, text that would read back as another type quoted.

:func:`dump_yaml` writes plain data; :func:`dump` writes a policy (its plain
form from :func:`~privacymodel.codec.converter.unstructure`).

The output is what yamllint's default rules accept: sequences indented under their key, two spaces a level, no
line over 80 characters but one holding a single word that cannot be broken (a long URL, on its own line), no
trailing spaces and no more than two blank lines together. Text is written plain where it reads back as the same
text, else in single quotes, else in double quotes with escapes; text of several lines is written as a literal
block (``|``) where every line fits. Long text is folded at single spaces, which YAML reads back as the spaces
they were.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any, Final

import yaml

from privacymodel.codec.converter import unstructure
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["WIDTH", "dump", "dump_yaml"]

WIDTH: Final = 80
"""The longest line written, but for a line holding one word that cannot be broken."""

_STEP: Final = 2
_STR_TAG: Final = "tag:yaml.org,2002:str"


class _DumpResolver(yaml.resolver.BaseResolver):
    """Plain scalars that YAML 1.2 core or 1.1 would read as something other than text are quoted.

    Timestamps are left out, so dates are written plain (YYYY-MM-DD); this
    library's reader takes them as text and the model parses them as dates.
    """


for _first, _resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        if _tag != "tag:yaml.org,2002:timestamp":
            _DumpResolver.add_implicit_resolver(_tag, _regexp, [_first] if _first else None)
_DumpResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_DumpResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)

_RESOLVE: Final[Any] = _DumpResolver().resolve
_ANALYSER: Final = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_FLOATS: Final = yaml.representer.SafeRepresenter()

# Double-quoted escapes, as PyYAML writes them; every other character outside the printable ranges is \x, \u or \U.
_ESCAPES: Final = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}
# Characters YAML 1.1 readers take as line breaks, which this library reads as text: never written raw.
_OTHER_BREAKS: Final = re.compile("[\x85\u2028\u2029]")
# A single space between two characters that are not spaces: where a line may be folded and read back the same.
_FOLD: Final = re.compile(r"(?<=[^ ]) (?=[^ ])")


def dump_yaml(data: dict[str, Any]) -> str:
    """Write plain data as block-style YAML, keys in their given order."""
    lines: list[str] = []
    _mapping(data, 0, lines, None)
    return "\n".join(lines) + "\n"


def dump(policy: PrivacyPolicy) -> str:
    """Write ``policy`` as YAML: deterministic, in field order, unset values left out.

    ``loads(dump(p)) == p`` for every valid policy.
    """
    return dump_yaml(unstructure(policy))


# --- collections --------------------------------------------------------------------------------------------


def _mapping(data: dict[Any, Any], indent: int, lines: list[str], first: str | None) -> None:
    """Write a block mapping with its keys at ``indent``; ``first`` starts its first line (an item's ``- ``)."""
    for key, value in data.items():
        head = (first if first is not None else " " * indent) + _key(key) + ":"
        first = None
        _value(head, value, indent, lines)


def _sequence(items: list[Any], indent: int, lines: list[str], first: str | None) -> None:
    """Write a block sequence with its dashes at ``indent``; ``first`` starts its first line."""
    for item in items:
        lead = (first if first is not None else " " * indent) + "-"
        first = None
        if isinstance(item, dict) and item:
            _mapping(item, indent + _STEP, lines, lead + " ")
        elif isinstance(item, (list, tuple)) and item:
            _sequence(list(item), indent + _STEP, lines, lead + " ")
        else:
            _value(lead, item, indent, lines)


def _value(head: str, value: Any, indent: int, lines: list[str]) -> None:
    """Write ``value`` after ``head`` (``key:`` or ``-``), whose line starts at ``indent``."""
    if isinstance(value, dict):
        if not value:
            lines.append(head + " {}")
            return
        lines.append(head)
        _mapping(value, indent + _STEP, lines, None)
    elif isinstance(value, (list, tuple)):
        if not value:
            lines.append(head + " []")
            return
        lines.append(head)
        _sequence(list(value), indent + _STEP, lines, None)
    elif isinstance(value, str):
        _text(head, value, indent + _STEP, lines)
    else:
        lines.append(f"{head} {_other(value)}")


def _other(value: Any) -> str:
    """A scalar that is not text: true, false, null, a whole number or a float."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return str(_FLOATS.represent_float(value).value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _key(key: Any) -> str:
    """A mapping key: plain where it reads back as the same text, else double-quoted on one line."""
    if not isinstance(key, str):
        return _other(key)
    if _style(key) == "plain":
        return key
    return '"' + "".join(_escaped(character) for character in key) + '"'


# --- text ---------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _style(text: str) -> str:
    """How ``text`` is written: ``plain``, ``single``, ``double`` or ``literal`` (the last only where it may be)."""
    analysis = _ANALYSER.analyze_scalar(text)
    if _OTHER_BREAKS.search(text):
        return "double"
    if (
        not analysis.empty
        and not analysis.multiline
        and analysis.allow_block_plain
        and _RESOLVE(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    ):
        return "plain"
    body = text[:-1] if text.endswith("\n") else text
    if "\n" in body and analysis.allow_block and text[0] not in " \n" and not body.endswith("\n") and "\n\n\n\n" not in text:
        return "literal"
    if analysis.allow_single_quoted and not analysis.multiline:
        return "single"
    return "double"


def _text(head: str, text: str, indent: int, lines: list[str]) -> None:
    """Write text after ``head``; lines after the first start at ``indent``."""
    style = _style(text)
    if style == "literal" and all(_fits(indent, line) for line in text.split("\n")):
        lines.append(head + (" |" if text.endswith("\n") else " |-"))
        lines.extend(" " * indent + line if line else "" for line in text.rstrip("\n").split("\n"))
        return
    if style in ("plain", "single"):
        written: list[str] = []
        _fold(head, _FOLD.split(text if style == "plain" else "'" + text.replace("'", "''") + "'"), indent, written)
        # A word that holds spaces (where several stand together) cannot stand alone: quote and wrap it.
        if not any(map(_overflows, written)):
            lines.extend(written)
            return
    _double(head, text, indent, lines)


def _fits(indent: int, line: str) -> bool:
    """Whether a line of a literal block fits, or is one word that no width would break."""
    return indent + len(line) <= WIDTH or " " not in line


def _overflows(line: str) -> bool:
    """Whether a line is too long: longer than the width and more than one word (after a sequence's ``- ``)."""
    content = line.lstrip(" ")
    return len(line) > WIDTH and " " in content.removeprefix("- ")


def _fold(head: str, words: list[str], indent: int, lines: list[str]) -> None:
    """Write words after ``head``, one space between them, starting a new line before a word that would not fit.

    The first word goes on a line of its own, under ``head``, when it does not fit after a key: a line holding
    only one long word is one no width can shorten.
    """
    line = f"{head} {words[0]}"
    if len(line) > WIDTH and head.endswith(":"):
        lines.append(head)
        line = " " * indent + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= WIDTH:
            line += " " + word
        else:
            lines.append(line)
            line = " " * indent + word
    lines.append(line)


def _double(head: str, text: str, indent: int, lines: list[str]) -> None:
    """Write text in double quotes after ``head``, within the width whatever it holds.

    Lines are folded at single spaces, as plain text is; a word too long for a line is cut between two characters
    with an escaped line break (a line ending in ``\\``, which adds nothing), and so is the text after each line
    break in it (written ``\\n``). A line never starts with a space, which YAML would drop: a space there is
    written ``\\x20``.
    """
    words = [[_escaped(character) for character in word] for word in _FOLD.split(text)]
    words[0].insert(0, '"')
    words[-1].append('"')
    pad = " " * indent
    line, placed = head, 0
    for number, word in enumerate(words):
        size = sum(map(len, word))
        if placed and len(line) + 1 + size > WIDTH and len(pad) + size <= WIDTH:
            lines.append(line)
            line, placed = pad, 0
        elif number == 0 and head.endswith(":") and len(line) + 1 + size > WIDTH and len(pad) + size <= WIDTH:
            lines.append(line)
            line = pad
        else:
            line += " "
        last = number == len(words) - 1
        for index, piece in enumerate(word):
            reserve = 0 if last and index == len(word) - 1 else 1
            if placed and len(line) + len(piece) + reserve > WIDTH:
                lines.append(line + "\\")
                line, placed = pad, 0
            line += "\\x20" if piece == " " and not placed else piece
            placed += 1
            if piece == "\\n" and index + 1 < len(word) and word[index + 1] != " ":
                lines.append(line + "\\")
                line, placed = pad, 0
    lines.append(line)


def _escaped(character: str) -> str:
    """A character as double-quoted YAML writes it: itself where printable, else an escape."""
    if character in _ESCAPES:
        return "\\" + _ESCAPES[character]
    if (
        "\x20" <= character <= "\x7e" or "\xa0" <= character <= "\ud7ff" or "\ue000" <= character <= "\ufffd"
    ) and character != "\ufeff":
        return character
    code = ord(character)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
