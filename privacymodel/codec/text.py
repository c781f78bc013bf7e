"""Policy input as text: the input size limit, reading a file within it, decoding bytes as UTF-8, and lines.

Every problem raised here is located at the start of the input (PM011, too
large) or at the first byte that is not UTF-8 (PM002). :func:`position_of`
gives the line and column of a place in the text as YAML counts them: LF, CR
and CRLF each end a line, and columns count characters.
"""

from __future__ import annotations

from typing import BinaryIO, Final

from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["MAX_INPUT_BYTES", "decode", "position_of", "read_limited", "read_within_limit", "too_large"]

MAX_INPUT_BYTES: Final = 64 * 1024 * 1024
"""The largest input accepted, in bytes (64 MiB); larger input is refused with PM011."""


_BOM: Final = "\ufeff".encode()


def read_limited(name: str) -> bytes:
    """The bytes of the file ``name``; :class:`PolicyError` (PM011) if it is larger than the input limit."""
    with open(name, "rb") as handle:
        return read_within_limit(handle, name)


def read_within_limit(handle: BinaryIO, name: str, what: str = "the file") -> bytes:
    """The bytes of the open ``handle``, reading at most one byte past the input limit, never the whole of a
    larger input; :class:`PolicyError` (PM011, naming ``what`` was read) past the limit."""
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise PolicyError(
            [
                Problem(
                    code=Code.TOO_LARGE,
                    message=f"{what} is larger than the limit of {MAX_INPUT_BYTES} bytes",
                    file=name,
                    line=1,
                    column=1,
                )
            ]
        )
    return data


def decode(data: bytes | str, file: str | None = None) -> str:
    """Return ``data`` as text: bytes must be UTF-8 (a leading BOM is dropped)."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    if len(data) > MAX_INPUT_BYTES:
        raise PolicyError([too_large(len(data), file)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(_BOM) if data.startswith(_BOM) else 0)  # the decoder counts after a BOM
        # The bytes before the first bad one are UTF-8: the column counts their characters.
        before = data[:start].decode("utf-8-sig")
        line, column = position_of(before, len(before))
        raise PolicyError(
            [
                Problem(
                    code=Code.NOT_UTF8,
                    message=f"not valid UTF-8 text: byte 0x{data[start]:02x} at offset {start}",
                    file=file,
                    line=line,
                    column=column,
                )
            ]
        ) from None


def position_of(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``: LF, CR and CRLF each end a line (U+2028, U+2029 and
    U+0085 do not, in YAML 1.2), and the column counts characters."""
    index = min(index, len(text))
    breaks = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return breaks + 1, index - line_start + 1


def too_large(size: int, file: str | None) -> Problem:
    """The PM011 problem for an input of ``size`` bytes, located at its start."""
    return Problem(
        code=Code.TOO_LARGE,
        message=f"the input is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes",
        file=file,
        line=1,
        column=1,
    )
