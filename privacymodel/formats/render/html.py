"""The label and the details as one self-contained HTML page.

Inline CSS only: no scripts, fonts, images or anything to fetch, and every value escaped. The page reads on a
360-pixel phone (the grids turn their column headers upright and show symbols, the detail tables become a card
per row), on a desktop and in print; no meaning rests on colour (each state has a symbol and words, which
screen readers read), text contrast is at least 4.5:1, headings nest in order and every table header has a scope.
"""

from __future__ import annotations

import html
from typing import Final

from privacymodel.formats.render.details import Table, tables
from privacymodel.formats.render.grid import Cell, Grid, purpose_grid, recipient_grid
from privacymodel.formats.render.label import facts
from privacymodel.formats.render.symbols import LEGEND, SYMBOLS, title_line
from privacymodel.formats.render.words import NOT_STATED, Code, No
from privacymodel.model.policy import PrivacyPolicy

__all__ = ["CSS", "page", "value"]

CSS: Final = """
:root { color: #1a1a1a; background: #fff; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 64rem; margin: 0 auto; padding: .75rem; }
h1 { font-size: 1.5rem; line-height: 1.2; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; border-bottom: 3px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
p { margin: .3rem 0; overflow-wrap: anywhere; }
.meta { color: #4a4a4a; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #767676; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e8e8e8; }
.facts { table-layout: fixed; }
.facts th { width: 11rem; background: #f2f2f2; }
.facts td { overflow-wrap: anywhere; }
.ns { font-style: italic; color: #4a4a4a; }
.no { font-weight: 700; }
.sym { display: inline-block; min-width: 1em; text-align: center; font-style: normal; }
.wrap { overflow-x: auto; }
.grid th { overflow-wrap: break-word; }
.grid th[scope=row] { width: 11rem; font-weight: 600; }
.grid td { text-align: center; white-space: nowrap; }
.grid td.not-stated .word, .pre { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); }
.grid td.collected { background: #dcebfb; }
.grid td.shared { background: #fde3c8; }
.grid td.no { background: #fff; }
.grid td.not-stated { background: #f2f2f2; color: #4a4a4a; font-style: italic; }
.opt { display: block; font-size: .8rem; font-style: normal; font-weight: 700; }
.legend { font-size: .9rem; }
.legend span { white-space: nowrap; margin-right: .6rem; }
.members { font-size: .9rem; }
.changes td { width: 40%; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
@media (max-width: 47.99rem) {
  body { padding: .5rem; }
  .facts, .facts tbody, .facts tr, .facts th, .facts td { display: block; width: auto; }
  .facts tr { border: 1px solid #767676; border-top: 0; }
  .facts tr:first-child { border-top: 1px solid #767676; }
  .facts th, .facts td { border: 0; padding: .15rem .4rem; }
  .facts th { background: #f2f2f2; font-size: .9rem; }
  th, td { padding: .25rem .3rem; }
  .grid { font-size: .85rem; }
  .grid th[scope=row] { width: 6.5rem; font-weight: 600; white-space: normal; }
  .grid thead th[scope=col] { vertical-align: bottom; padding: .3rem .1rem; }
  .grid thead th[scope=col] span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
  .grid td { padding: .2rem .1rem; }
  .grid .word, .grid .opt-pre { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); }
  .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); }
  .cards, .cards tbody, .cards tr, .cards th, .cards td { display: block; width: auto; }
  .cards tr { border: 1px solid #767676; margin: 0 0 .6rem; }
  .cards th, .cards td { border: 0; border-top: 1px solid #c4c4c4; overflow-wrap: anywhere; }
  .cards th { background: #e8e8e8; border-top: 0; }
  .cards td::before { content: attr(data-label) ": "; font-weight: 700; font-style: normal; color: #1a1a1a; }
}
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  .grid td.collected, .grid td.shared, .grid td.not-stated, thead th, .facts th { background: #fff; }
}
"""


def value(text: str) -> str:
    """A value as HTML: escaped; a cookie name as code; 'not stated' and a stated negative each with its mark."""
    if isinstance(text, Code):
        return f"<code>{html.escape(text)}</code>"
    if isinstance(text, No):
        return f'<span class="no"><span class="sym" aria-hidden="true">✕</span> {html.escape(text)}</span>'
    if text == NOT_STATED:
        return f'<span class="ns"><span class="sym" aria-hidden="true">?</span> {NOT_STATED}</span>'
    return html.escape(text)


def _cell(cell: Cell) -> str:
    """A grid cell: its symbol (hidden from screen readers) and its words (hidden on narrow screens only)."""
    css = cell.state.replace(" ", "-")
    words = f'<span class="sym" aria-hidden="true">{SYMBOLS[cell.state]}</span> <span class="word">{cell.state}</span>'
    if cell.choice:
        words += f'<span class="opt"><span class="pre">, </span><span class="opt-pre">opt-</span>{cell.choice.removeprefix("opt-")}</span>'
    return f'<td class="{css}">{words}</td>'


def _grid(grid: Grid, index: int) -> list[str]:
    out = [f'<h3 id="g{index}">{html.escape(grid.title)}</h3>']
    if not grid.rows or not grid.columns:
        return [*out, f"<p>{html.escape(grid.empty)}</p>"]
    legend = "".join(f"<span>{html.escape(item)}</span> " for item in LEGEND.split(" · "))
    out += [f'<p class="legend">{legend.strip()}</p>', f'<div class="wrap"><table class="grid" aria-labelledby="g{index}">']
    heads = "".join(f'<th scope="col"><span>{html.escape(column)}</span></th>' for column in grid.columns)
    out.append(f'<thead><tr><th scope="col">{html.escape(grid.corner)}</th>{heads}</tr></thead><tbody>')
    out += [f'<tr><th scope="row">{html.escape(label)}</th>{"".join(_cell(c) for c in cells)}</tr>' for label, cells in grid.rows]
    out.append("</tbody></table></div>")
    members = " · ".join(f"{html.escape(c)}: {html.escape(m)}" for c, m in zip(grid.columns, grid.members, strict=False) if m)
    return [*out, f'<p class="members">{members}</p>']


def _table(table: Table, index: int) -> list[str]:
    out = [f'<h3 id="t{index}">{html.escape(table.title)}</h3>']
    if not table.rows:
        return [*out, f"<p>{value(NOT_STATED)}</p>"]
    out.append(f'<div class="wrap"><table class="cards" aria-labelledby="t{index}"><thead><tr>')
    out.append("".join(f'<th scope="col">{html.escape(h)}</th>' for h in table.headers) + "</tr></thead><tbody>")
    for row in table.rows:
        first, *rest = row
        cells = "".join(
            f'<td data-label="{html.escape(h)}">{value(c)}</td>' for h, c in zip(table.headers[1:], rest, strict=False)
        )
        out.append(f'<tr><th scope="row">{value(first)}</th>{cells}</tr>')
    out.append("</tbody></table></div>")
    return out


def page(policy: PrivacyPolicy) -> str:
    """The whole page: the title, the label (short lines, then the grids), then the details."""
    doc = policy.document
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(doc.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(doc.title)}: privacy label</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(doc.title)}</h1>",
        f'<p class="meta">{esc(title_line(doc))}</p>',
        "</header>",
        "<main>",
        '<section aria-labelledby="label">',
        '<h2 id="label">Privacy label</h2>',
        '<table class="facts" aria-labelledby="label"><tbody>',
    ]
    out += [f'<tr><th scope="row">{esc(q)}</th><td>{value(a)}</td></tr>' for q, a in facts(policy)]
    out.append("</tbody></table>")
    out += _grid(purpose_grid(policy), 0) + _grid(recipient_grid(policy), 1)
    out += ["</section>", '<section aria-labelledby="details">', '<h2 id="details">Details</h2>']
    for index, table in enumerate(tables(policy)):
        out += _table(table, index)
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
