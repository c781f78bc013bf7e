"""Findings summed up in words, and written as one self-contained HTML page.

The page has no scripts, fonts, images or anything to fetch; every value is escaped. It takes the label's style
sheet (:data:`privacymodel.formats.render.html.CSS`), so it reads on a phone and in print the same way.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

from privacymodel.formats.render.html import CSS
from privacymodel.problems import Code, Problem

__all__ = ["FINDINGS", "page", "summary"]

FINDINGS: Final = {
    Code.UNDECLARED_COOKIE: ("undeclared cookie", "undeclared cookies"),
    Code.COOKIE_PARTY: ("cookie set by another party than declared", "cookies set by another party than declared"),
    Code.COOKIE_LIFETIME: ("cookie lasting longer than declared", "cookies lasting longer than declared"),
    Code.UNDECLARED_HOST: ("undeclared third-party host", "undeclared third-party hosts"),
    Code.COOKIE_NOT_OBSERVED: ("declared cookie not observed", "declared cookies not observed"),
}
"""Each kind of finding in words, one and several."""


def summary(problems: Iterable[Problem]) -> str:
    """The findings counted by kind (``2 undeclared cookies, 1 undeclared third-party host``), then problems that
    stopped a file being read; ``nothing undeclared`` when there are none."""
    counts = Counter(problem.code for problem in problems)
    parts = [f"{counts[code]} {words[counts[code] != 1]}" for code, words in FINDINGS.items() if counts[code]]
    other = sum(count for code, count in counts.items() if code not in FINDINGS)
    if other:
        parts.append(f"{other} problem{'s' if other != 1 else ''} reading the files")
    return ", ".join(parts) if parts else "nothing undeclared: every cookie and host observed is declared"


_STYLE: Final = """
.findings td:first-child { white-space: nowrap; }
.error { font-weight: 700; }
"""


_HEAD: Final = (
    '<thead><tr><th scope="col">line:column</th><th scope="col">code</th>'
    '<th scope="col">finding</th><th scope="col">where</th></tr></thead>'
)
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(text: str) -> str:
    """``text`` escaped for HTML, control characters (and lone surrogates) written ``\\x1b``."""
    return html.escape(_CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text))


def _row(problem: Problem) -> str:
    where = html.escape(":".join(str(x) for x in (problem.line, problem.column) if x is not None) or "-")
    severity = "error" if problem.severity == "error" else "warning"
    return (
        f'<tr><td>{where}</td><td class="{severity}">{html.escape(problem.code)} {severity}</td>'
        f"<td>{_text(problem.message)}</td><td><code>{_text(problem.path)}</code></td></tr>"
    )


def page(results: Sequence[tuple[str, Sequence[Problem]]], title: str) -> str:
    """An HTML page of the findings: the summary, then a table per file (its line and column, the code, the finding
    and its JSON path) in the order given."""
    everything = [problem for _, problems in results for problem in problems]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f"<style>{CSS}{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="meta">{_text(summary(everything))}</p>',
    ]
    for file, problems in results:
        out.append(f"<h2><code>{_text(file)}</code></h2>")
        if not problems:
            out.append("<p>Nothing to report.</p>")
            continue
        out += [
            '<div class="wrap"><table class="findings">',
            _HEAD,
            "<tbody>",
            *map(_row, problems),
            "</tbody></table></div>",
        ]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
