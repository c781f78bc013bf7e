"""What the format tests check of every output, whatever the policy says: Markdown that keeps its shape, JSON with
no NaN or Infinity, JSON-LD whose IRIs are valid, and HTML with no element a value brought in."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest

import privacymodel as pm
from privacymodel.formats.render.details import tables as detail_tables
from privacymodel.formats.render.grid import purpose_grid, recipient_grid
from privacymodel.formats.render.label import facts

RDF_WARNINGS = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
"""rdflib's own JSON-LD parser calls its deprecated ConjunctiveGraph; that is rdflib's business, not ours."""

# The sections of a rendered page: one h1, two h2 (the label and the details) and an h3 per grid and per table.
HEADINGS = {"h1": 1, "h2": 2, "h3": 13}


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(text: str) -> Any:
    """``text`` read as JSON that has no NaN, Infinity or -Infinity (which JSON does not have)."""
    return json.loads(text, parse_constant=_refuse)


def one_line(text: str) -> str:
    """``text`` as a Markdown reader shows it in a table cell: on one line, NUL replaced (CommonMark says so)."""
    return " ".join(text.split()).replace("\x00", "\ufffd")


def check_json(document: Any) -> str:
    """``document`` written as JSON (refusing NaN and Infinity) and read back strictly; the text written."""
    text = json.dumps(document, allow_nan=False, ensure_ascii=False)
    assert strict_json(text) == document
    return text


def check_json_ld(document: dict[str, Any]) -> Any:
    """The graph of a JSON-LD document, after checking that rdflib writes it as N-Triples (every IRI valid)."""
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(data=check_json(document), format="json-ld")
    graph.serialize(format="nt")
    for term in (t for triple in graph for t in triple):
        if isinstance(term, rdflib.URIRef):
            assert not set(str(term)) & set(' <>"{}|\\^`\n\r\t'), str(term)
    return graph


def _tables(tokens: list[Any]) -> list[list[int]]:
    """The cells of each body row of each table, table by table."""
    tables: list[list[int]] = []
    in_body = False
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            tables[-1].append(0)
        elif in_body and token.type == "td_open":
            tables[-1][-1] += 1
    return tables


def check_markdown(markdown: str, policy: pm.PrivacyPolicy) -> None:
    """The page has the shape of every page: its headings, one row per entry with a cell per column, code spans for
    cookie names showing them as written, and nothing a value could bring in (links, images, HTML, emphasis)."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(markdown)
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert {tag: headings.count(tag) for tag in set(headings)} == HEADINGS
    blocks = {"html_block", "code_block", "fence", "hr", "blockquote_open", "bullet_list_open", "ordered_list_open"}
    assert not [t.type for t in tokens if t.type in blocks]
    inline = [child for t in tokens if t.type == "inline" for child in t.children or ()]
    kinds = {child.type for child in inline}
    assert kinds <= {"text", "code_inline", "strong_open", "strong_close", "softbreak"}, kinds
    assert not [child for child in inline if child.type == "softbreak"]  # no value breaks a line
    questions = len(facts(policy))  # rows of the privacy label, each question in bold
    assert sum(child.type == "strong_open" for child in inline) == questions
    grids = [g for g in (purpose_grid(policy), recipient_grid(policy)) if g.rows and g.columns]
    tables = _tables(tokens)
    assert tables[0] == [2] * questions
    shapes = [[1 + len(g.columns)] * len(g.rows) for g in grids]
    shapes += [[len(t.headers)] * len(t.rows) for t in detail_tables(policy) if t.rows]
    assert tables[1:] == shapes
    named = [c.name or f"{c.name_prefix}…" for c in policy.cookies or () if c.name or c.name_prefix]
    assert [child.content for child in inline if child.type == "code_inline"] == [one_line(n) for n in named]


class _Checker(HTMLParser):
    """Collects the tags of a page and checks that every element is closed in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def check_html(page: str, policy: pm.PrivacyPolicy) -> None:
    """The page is well formed and has only the elements every page has: no value brought one in."""
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main", "section", "h2", "div"}
    allowed |= {"table", "tbody", "thead", "tr", "th", "td", "h3", "code", "span"}
    assert set(checker.tags) <= allowed
    assert checker.tags.count("h1") == 1
    named = sum(1 for c in policy.cookies or () if c.name or c.name_prefix)
    assert checker.tags.count("code") == named
