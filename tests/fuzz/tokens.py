"""Hostile tokens and values for the fuzz inputs: declaration tables, one entry per way to break a reader or a writer.

``RAW_TOKENS`` are scalars as written in YAML or JSON text (huge and non-decimal numbers, tags, anchors and
aliases, deep nesting); ``TEXT_TOKENS`` are strings to splice into text values (line separators, lone
surrogates, control characters, Markdown, HTML, workflow commands); ``BYTE_TOKENS`` are both as bytes plus byte
sequences that are not UTF-8 and YAML structure; ``WILD_VALUES`` hold every type, to put where another belongs.
"""

from __future__ import annotations

from typing import Any

RAW_TOKENS = [
    "0x" + "f" * 5000,
    "0o" + "7" * 5000,
    "0x" + "F" * 40,
    "0o17",
    "0b101",
    "9" * 5000,
    "-" + "9" * 5000,
    "1" + "0" * 400,
    "1e400",
    "-1e400",
    "1E+400",
    "-0",
    "0.1e-400",
    ".inf",
    "-.inf",
    ".nan",
    "NaN",
    "Infinity",
    "1_000",
    "+12",
    "13.0",
    "! 13",
    "!!str 13",
    "!!int 0xff",
    "!!float 1e400",
    "!!python/object:os.system",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGk=",
    "!!set {a}",
    "!custom x",
    "&a x",
    "*a",
    "&a [1, *a]",
    "<<: *a",
    "[" * 3000,
    "{" * 200,
    "~",
    "null",
    "yes",
    "2020-02-30",
    "2020-13-45T25:61:61Z",
    "P" + "9" * 400 + "Y",
    "P" + "1" * 5000 + "W",
    "P" + "9" * 309 + "D",
    "PT1S",
    "'\u2028'",
    '"\\ud800"',
    '"\\x85\\u2028\\r"',
    "::error file=x::y",
    "`a`",
    "|",
    "<img src=x onerror=alert(1)>",
]
"""Scalars as they would be written in the text (unquoted), placed where a dumper would have written a value."""

TEXT_TOKENS = [
    "\u2028",
    "\u2029",
    "\x85",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "\u202e",
    "\ud800",
    "\udfff",
    "\U0010fffd",
    "`",
    "```",
    "|",
    "\n# heading\n",
    "<img src=x onerror=alert(1)>",
    "<details><summary>",
    "[link](https://evil.example)",
    "![pixel](https://evil.example/p.png)",
    "&amp;<",
    "\n::error file=x::injected\n",
    "::stop-commands::x",
    "%0A",
    " #",
    ": ",
    "- ",
    "x" * 100_000,
    "9" * 5000,
    "9" * 400 + " EUR",
    "1e400 EUR",
    "0x" + "f" * 5000,
]
"""Characters and strings to splice into text values."""

BYTE_TOKENS = [token.encode() for token in RAW_TOKENS] + [token.encode("utf-8", "surrogatepass") for token in TEXT_TOKENS]
BYTE_TOKENS += [
    b"\x85",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\xc0\x80",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\r",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n---\n",
    b"%TAG ! tag:x,2000:\n---\n",
    b"? ",
    b"- ",
    b": ",
    b"\n  ",
    b"\n    - ",
    b"'",
    b'"',
    b"\\",
    b"#",
    b",",
    b"]",
    b"}",
    b"|\n",
    b">-\n",
    b"age: ",
    b"amount: ",
    b"period: ",
    b"lifetime: ",
    b"id: ",
    b"x-unknown: 1\n",
]

WILD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    13,
    2**63,
    10**400,
    10**4000,
    1.5,
    13.0,
    -0.0,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    "",
    " ",
    "x",
    "yes",
    "13",
    "null",
    "P1Y",
    "2020-02-30",
    "https://e.example/<a>?{b}|c",
    [],
    [None],
    ["a", "b"],
    {},
    {"x": 1},
    {"": None},
]
"""Values of every type JSON and YAML hold, to put where another type belongs."""


PERIODS = ["P" + "9" * 400 + "Y", "P" + "1" * 5000 + "W", "P" + "9" * 309 + "D", "P" + "9" * 20 + "M", "PT0S", "P0D"]
"""Periods the format accepts, with more digits than a float or an int conversion holds."""


class Raw:
    """A scalar written into the dumped text exactly as given."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r})"
