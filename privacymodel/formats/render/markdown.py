"""The label and the details as Markdown (CommonMark with GitHub's tables).

Every value is shown as written and on one line (:func:`md_text`, and :func:`md_code` for cookie names): no text
of the policy can make a heading, link, image, list, emphasis, raw HTML or another table cell. The only markup
is the page's own: its headings, its tables and the questions of the label in bold.
"""

from __future__ import annotations

import re
from typing import Final

from privacymodel.formats.render.details import Table, tables
from privacymodel.formats.render.grid import Grid, purpose_grid, recipient_grid
from privacymodel.formats.render.label import facts
from privacymodel.formats.render.symbols import LEGEND, cell_text, mark, title_line
from privacymodel.formats.render.words import Code
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["markdown", "md_code", "md_text"]

# Every character Markdown (CommonMark and GitHub's tables and strikethrough) may read as markup; each is
# shown as itself when a backslash comes before it.
_MD_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>#|!&~])")
_BACKTICKS: Final = re.compile("`+")


def _one_line(text: str) -> str:
    """``text`` on one line: every run of white space (line breaks included) is one space."""
    return " ".join(text.split())


def md_text(text: str) -> str:
    """``text`` as Markdown that shows it as written, on one line: nothing in it is read as markup.

    Headings, lists, links, images, emphasis, code, raw HTML, entities and table cells all start
    with a character escaped here, and line breaks become spaces, so the text stays one inline run.
    """
    return _MD_SPECIAL.sub(r"\\\1", _one_line(text))


def md_code(text: str) -> str:
    """``text`` as a Markdown code span in a table cell, on one line.

    The fence is one backtick longer than the longest run of backticks inside, with a space
    inside each end when the text starts or ends with a backtick; a pipe is written ``\\|``,
    which GitHub's tables read as a pipe of the cell's text (inside code spans too).
    """
    content = _one_line(text).replace("|", "\\|")
    if not content:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(content)), default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _md(text: str) -> str:
    """A value: a code span for a :class:`Code`, escaped text with its mark ('✕ no', '? not stated') otherwise."""
    return md_code(text) if isinstance(text, Code) else md_text(mark(text) + text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _grid(grid: Grid) -> list[str]:
    out = ["", f"### {grid.title}", ""]
    if not grid.rows or not grid.columns:
        return [*out, md_text(grid.empty)]
    out += [md_text(LEGEND), "", _row([grid.corner, *(md_text(c) for c in grid.columns)]), "|---" * (len(grid.columns) + 1) + "|"]
    out += [_row([md_text(label), *(md_text(cell_text(cell)) for cell in cells)]) for label, cells in grid.rows]
    out += [
        "",
        md_text(
            " · ".join(f"{column}: {members}" for column, members in zip(grid.columns, grid.members, strict=False) if members)
        ),
    ]
    return out


def _table(table: Table) -> list[str]:
    out = ["", f"### {table.title}", ""]
    if not table.rows:
        return [*out, _md("not stated")]
    out += [_row(list(table.headers)), "|---" * len(table.headers) + "|"]
    return out + [_row([_md(cell) for cell in row]) for row in table.rows]


def markdown(policy: PrivacyPolicy) -> str:
    """The page as Markdown: the title, the label (short lines, then the grids), then the details."""
    out = [f"# {md_text(policy.document.title)}", "", md_text(title_line(policy.document)), "", "## Privacy label", ""]
    out += ["| | |", "|---|---|"]
    out += [f"| **{question}** | {_md(answer)} |" for question, answer in facts(policy)]
    out += _grid(purpose_grid(policy)) + _grid(recipient_grid(policy))
    out += ["", "## Details"]
    for table in tables(policy):
        out += _table(table)
    return "\n".join(out) + "\n"
