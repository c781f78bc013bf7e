"""What both page formats show alike: the marks of a cell and of an answer, the legend, and the date line.

Meaning never rests on colour alone: each state of a cell has its own symbol and its own words ("● collected",
"↗ shared", "✕ no", "? not stated"), and a stated negative reads unlike silence ("✕ No" against "? not stated").
"""

from __future__ import annotations

from typing import Final

from privacymodel.formats.render.grid import Cell
from privacymodel.formats.render.words import NOT_STATED, No, date
from privacymodel.model.policy import Document

__all__ = ["LEGEND", "SYMBOLS", "cell_text", "mark", "title_line"]

SYMBOLS: Final = {"collected": "●", "shared": "↗", "no": "✕", NOT_STATED: "?"}
"""The symbol of each state of a cell."""

LEGEND: Final = (
    "● collected: used for this · ↗ shared: given to others for this · opt-in: only if you agree · "
    "opt-out: unless you say no · ✕ no: the policy says it is not · ? not stated: the policy does not say"
)


def cell_text(cell: Cell) -> str:
    """A cell in symbols and words: '● collected', '↗ shared, opt-out', '? not stated'."""
    return f"{SYMBOLS[cell.state]} {cell.words}"


def mark(text: str) -> str:
    """The mark before an answer: '✕ ' before a stated negative, '? ' before 'not stated', nothing otherwise."""
    if isinstance(text, No):
        return "✕ "
    return "? " if text == NOT_STATED else ""


def title_line(document: Document) -> str:
    """The line under the title: the date of the policy and where it is published."""
    if document.last_updated:
        when = f"Last updated {date(document.last_updated)}"
    elif document.effective_date:
        when = f"In effect from {date(document.effective_date)}"
    else:
        when = "Date not stated"
    return f"{when} · {document.url}" if document.url else when
