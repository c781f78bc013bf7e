"""Reading a capture of a website visit: a HAR file or the EDPS Website Evidence Collector's ``inspection.json``.

A capture is untrusted input, read as policy files are: within the input size limit (PM011), as UTF-8 (PM002),
by the strict reader that refuses duplicate keys, ``NaN``, nesting deeper than the limit and the like (PM003-PM012),
each problem at its line and column. Then it must be one of the two kinds (PM501) and, for HAR, of a version read
here (PM502); an item of the wrong type is reported (PM503) and left out, and the rest is read.
"""

from __future__ import annotations

import os
from typing import Any

from privacymodel.codec.explain import MAX_PROBLEMS
from privacymodel.codec.locate import place
from privacymodel.codec.text import decode, position_of, read_limited
from privacymodel.codec.yaml_read import parse
from privacymodel.formats.evidence.har import read_har
from privacymodel.formats.evidence.observed import Capture, CaptureKind, Fields
from privacymodel.formats.evidence.wec import read_wec
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["kind_of_capture", "read_capture", "read_capture_file"]

PathLike = str | os.PathLike[str]


def kind_of_capture(data: dict[str, Any]) -> CaptureKind | None:
    """``har`` for data with a ``log`` (HAR), ``wec`` for data with ``uri_ins`` or ``cookies`` and ``hosts`` (the Website
    Evidence Collector's output), None for anything else."""
    if "log" in data:
        return "har"
    if "uri_ins" in data or ("cookies" in data and "hosts" in data):
        return "wec"
    return None


def read_capture(source: str | bytes, *, file: str | None = None, max_problems: int | None = MAX_PROBLEMS) -> Capture:
    """Read a capture from its text (str, or UTF-8 bytes); ``file`` names it in problems.

    Raises :class:`PolicyError`, each problem located, when the text is not a capture that can be read; an item that
    cannot be read is a problem in the capture's ``problems`` instead, and at most ``max_problems`` are described.
    """
    text = decode(source, file)
    if not text.isascii():
        _refuse_surrogates(text, file)
    data = parse(text, file)
    kind = kind_of_capture(data)
    if kind is None:
        message = (
            "not a capture: expected a HAR file (a mapping with 'log') or the Website Evidence Collector's "
            "inspection.json (with 'uri_ins' and 'cookies')"
        )
        raise PolicyError([Problem(code=Code.NOT_A_CAPTURE, message=message, file=file, line=1, column=1)])
    fields = Fields(max_problems)
    try:
        site, requests, cookies = (read_har if kind == "har" else read_wec)(data, fields)
    except PolicyError as error:
        raise PolicyError(place(list(error.problems), text, file)) from None
    return Capture(
        file=file,
        kind=kind,
        site=site,
        requests=tuple(requests),
        cookies=tuple(cookies),
        problems=tuple(fields.problems),
        more_problems=fields.more,
        text=text,
    )


def _refuse_surrogates(text: str, file: str | None) -> None:
    """PM002 at the first lone surrogate of ``text`` (a str can hold one; no UTF-8 text can)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line, column = position_of(text, error.start)
        message = f"not valid UTF-8 text: the lone surrogate U+{ord(text[error.start]):04X} at character {error.start}"
        raise PolicyError([Problem(code=Code.NOT_UTF8, message=message, file=file, line=line, column=column)]) from None


def read_capture_file(path: PathLike, *, max_problems: int | None = MAX_PROBLEMS) -> Capture:
    """Read the capture file ``path``, as :func:`read_capture`; a file that cannot be read raises PolicyError (PM001)."""
    name = os.fspath(path)
    try:
        data = read_limited(name)
    except OSError as error:
        raise PolicyError(
            [Problem(code=Code.UNREADABLE, message=f"cannot read the file: {error.strerror or error}", file=name)]
        ) from None
    return read_capture(data, file=name, max_problems=max_problems)
