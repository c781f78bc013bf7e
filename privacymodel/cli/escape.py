"""Escaping for everything the command prints that comes from a file: its name, and values quoted in messages.

Control, format and bidirectional characters are written as ``\\x1b`` or ``\\u202e``; a byte of a file name that is
not UTF-8 (which Python holds as a lone surrogate) as ``\\xff``, so no output ever holds a character an encoder
refuses. Nothing printed can start a GitHub Actions workflow command: the legacy form ``##[command]``, which the
runner finds anywhere in a line, is broken up wherever it occurs, and a line that would start with ``::`` (the
current form, after leading spaces) starts with ``./`` instead.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_name", "line_start", "quoted", "safe"]

_UNSAFE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]|##\[")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
_REPR_SURROGATE: Final = re.compile(r"(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])")
_LEGACY_COMMAND: Final = "##["


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    if text == _LEGACY_COMMAND:
        return "#\\x23["
    code = ord(text)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with control, format and bidirectional characters, non-UTF-8 bytes and ``##[`` escaped (``\\x1b``)."""
    return _UNSAFE.sub(_escape, text)


def line_start(text: str) -> str:
    """``text`` (escaped) made safe to start a line: ``./`` before it if it would start with ``::`` after spaces.

    Only a relative file name can start that way, and ``./`` before it names the same file.
    """
    shown = safe(text)
    return "./" + shown if shown.lstrip().startswith("::") else shown


def quoted(name: str) -> str:
    """``name`` in quotes as ``repr`` writes it, for messages; a byte that is not UTF-8 is written ``\\xff``."""
    return safe(_REPR_SURROGATE.sub(r"\1\\x\2", repr(name)))


def json_name(name: str) -> str:
    """A file name for JSON output: bytes that are not UTF-8 written ``\\xff`` (any other lone surrogate ``\\ud800``),
    so the document is valid Unicode."""
    return _SURROGATE.sub(_escape, name)
