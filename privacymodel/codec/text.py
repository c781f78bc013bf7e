"""Policy input as text: the input size limit, reading a file within it, and decoding bytes as UTF-8.

Every problem raised here is located at the start of the input (PM011, too
large) or at the first byte that is not UTF-8 (PM002).
"""

from __future__ import annotations

from typing import Final

from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["MAX_INPUT_BYTES", "decode", "read_limited", "too_large"]

MAX_INPUT_BYTES: Final = 64 * 1024 * 1024
"""The largest input accepted, in bytes (64 MiB); larger input is refused with PM011."""


def read_limited(name: str) -> bytes:
    """The bytes of the file ``name``; :class:`PolicyError` (PM011) if it is larger than the input limit."""
    with open(name, "rb") as handle:
        data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise PolicyError(
            [
                Problem(
                    code=Code.TOO_LARGE,
                    message=f"the file is larger than the limit of {MAX_INPUT_BYTES} bytes",
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
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
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


def too_large(size: int, file: str | None) -> Problem:
    """The PM011 problem for an input of ``size`` bytes, located at its start."""
    return Problem(
        code=Code.TOO_LARGE,
        message=f"the input is {size} bytes; the limit is {MAX_INPUT_BYTES} bytes",
        file=file,
        line=1,
        column=1,
    )
