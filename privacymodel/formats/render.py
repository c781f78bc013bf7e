"""Readable summaries of a policy: a 'privacy label' first, then the details, as Markdown or HTML.

What the policy does not state is shown as "not stated", never guessed. HTML output is one self-contained
file: inline CSS, no scripts, fonts, images or links to fetch, every value escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Final, Literal

from privacymodel.model.policy import ContactPoint, Party, PrivacyPolicy, Retention
from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = ["NOT_STATED", "render"]

NOT_STATED: Final = "not stated"

Format = Literal["md", "html"]


class Code(str):
    """A cell value shown as code (a cookie name): backticks in Markdown, <code> in HTML."""

    __slots__ = ()


Table = tuple[str, Sequence[str], list[list[str]]]


def _term(term: Vocabulary | CustomTerm | None) -> str:
    if term is None:
        return NOT_STATED
    return str(term).replace("-", " ") if isinstance(term, Vocabulary) else f"{term} (custom)"


def _yes_no(value: bool | None, yes: str = "yes", no: str = "no") -> str:
    return NOT_STATED if value is None else (yes if value else no)


def _contact(contact: ContactPoint) -> str:
    channel = _channel(contact)
    purposes = ", ".join(_term(p) for p in contact.purposes or ())
    return f"{channel} ({purposes})" if purposes else channel


def _clause(text: str) -> str:
    """Text to continue a sentence: 'Information collected.' -> 'information collected'."""
    text = text.strip().rstrip(".")
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _channel(contact: ContactPoint) -> str:
    return contact.email or contact.phone or contact.url or (contact.address.one_line() if contact.address else "")


def _party(party: Party) -> str:
    text = party.name
    if party.aliases:
        text += f" (also {', '.join(party.aliases)})"
    if party.roles:
        text += ": " + "; ".join(_term(r.role) + (f" for {_clause(r.scope)}" if r.scope else "") for r in party.roles)
    return text


def _join(items: Iterable[str], empty: str = NOT_STATED) -> str:
    values = list(dict.fromkeys(i for i in items if i))
    return "; ".join(values) if values else empty


def _retention(statement: Retention) -> str:
    parts = []
    if statement.period:
        parts.append(statement.period)
    if statement.as_long_as_necessary:
        parts.append("as long as necessary")
    if statement.until:
        parts.append(f"until {_clause(statement.until)}")
    if statement.legal_requirement:
        parts.append("longer where the law requires")
    return ", ".join(parts) or _clause(statement.criteria or statement.description or "")


def _label(policy: PrivacyPolicy) -> list[tuple[str, str]]:
    contacts = [_contact(c) for party in policy.controllers for c in party.contacts or ()]
    if policy.dpo:
        contacts += [f"data protection officer: {_contact(c)}" for c in policy.dpo.contacts or ()]
    sources = sorted({_term(s) for d in policy.data_categories or () for s in d.sources or ()})
    data = _join(_term(d.term) for d in policy.data_categories or ()) if policy.data_categories is not None else NOT_STATED
    if sources and policy.data_categories:
        data += f" (how: {', '.join(sources)})"
    retention = policy.retention
    kept = NOT_STATED if retention is None else _join(_retention(r) for r in retention)
    transfers = policy.transfers
    if transfers is None:
        where = NOT_STATED
    elif not transfers:
        where = "no international transfers"
    else:
        where = _join(
            f"{', '.join(t.destinations or ['unstated countries'])}"
            + (f" ({', '.join(_term(m) for m in t.mechanisms)})" if t.mechanisms else "")
            for t in transfers
        )
    rights = policy.rights
    rights_text = (
        NOT_STATED if rights is None else _join((_term(r.kind) + (f" ({r.law})" if r.law else "") for r in rights), "none")
    )
    if rights:
        how = {h for r in rights for h in ([r.how] if r.how else [])}
        ids = {c for r in rights for c in r.contacts or ()}
        reach = [_channel(c) for party in policy.controllers for c in party.contacts or () if c.id in ids]
        if reach or how:
            rights_text += f". How: {_join([*reach, *sorted(how)])}"
    children = policy.children
    return [
        ("Who is responsible", _join(_party(p) for p in policy.controllers)),
        ("How to reach them", _join(contacts)),
        ("What data is collected", data),
        ("Why", _join(_term(p.term) for p in policy.purposes or ()) if policy.purposes is not None else NOT_STATED),
        (
            "Who receives it",
            _join((r.name or _term(r.kind)) for r in policy.recipients) if policy.recipients is not None else NOT_STATED,
        ),
        ("How long it is kept", kept),
        ("Where it goes", where),
        ("Your rights", rights_text),
        ("Is it sold", _yes_no(policy.sale_of_data.sold if policy.sale_of_data else None)),
        ("Is Do Not Track honoured", _yes_no(policy.do_not_track.honoured if policy.do_not_track else None)),
        ("Minimum age", str(children.minimum_age) if children and children.minimum_age is not None else NOT_STATED),
    ]


def _tables(policy: PrivacyPolicy) -> list[Table]:
    recipient_names = {r.id: r.name or _term(r.kind) for r in policy.recipients or ()}
    bases_for: dict[str, list[str]] = {}
    for basis in policy.legal_bases or ():
        for purpose in basis.purposes or ():
            bases_for.setdefault(purpose, []).append(str(basis.basis))
    contacts = {c.id: _contact(c) for party in policy.controllers for c in party.contacts or () if c.id}
    tables: list[Table] = [
        ("Data categories", ("category", "description", "how it is obtained", "special category"),
         [[_term(d.term), d.description or "", ", ".join(_term(s) for s in d.sources or ()) or NOT_STATED, _yes_no(d.special_category)]
          for d in policy.data_categories or ()]),
        ("Purposes", ("purpose", "description", "legal bases"),
         [[_term(p.term), p.description or "", ", ".join(bases_for.get(p.id, [])) or NOT_STATED] for p in policy.purposes or ()]),
        ("Legal bases", ("basis", "law", "description", "legitimate interests"),
         [[str(b.basis), str(b.law) if b.law else NOT_STATED, b.description or "", b.legitimate_interests or ""] for b in policy.legal_bases or ()]),
        ("Recipients", ("recipient", "kind", "role", "description"),
         [[r.name or "", _term(r.kind) if r.kind else "", _term(r.role) if r.role else NOT_STATED, r.description or ""] for r in policy.recipients or ()]),
        ("Cookies and trackers", ("name", "provider", "party", "lifetime", "category", "technology"),
         [[Code(c.name) if c.name else Code(f"{c.name_prefix}…") if c.name_prefix else (c.description or ""), recipient_names.get(c.provider or "", NOT_STATED),
           _term(c.party) if c.party else NOT_STATED, c.lifetime or NOT_STATED, _term(c.category) if c.category else NOT_STATED,
           _term(c.technology) if c.technology else NOT_STATED] for c in policy.cookies or ()]),
        ("Retention", ("period", "until", "criteria"),
         [[r.period or ("as long as necessary" if r.as_long_as_necessary else NOT_STATED), r.until or "", r.criteria or r.description or ""]
          for r in policy.retention or ()]),
        ("International transfers", ("destinations", "mechanisms", "description"),
         [[", ".join(t.destinations or ()) or NOT_STATED, ", ".join(_term(m) for m in t.mechanisms or ()) or NOT_STATED, t.description or ""]
          for t in policy.transfers or ()]),
        ("Rights", ("right", "law", "who", "how to use it", "limits"),
         [[_term(r.kind), str(r.law) if r.law else NOT_STATED, r.applies_to or "", _join([*(contacts.get(i, i) for i in r.contacts or ()), r.how or ""]),
           r.limits or ""] for r in policy.rights or ()]),
    ]  # fmt: skip
    return tables


_MD_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>#|!])")


def _md(text: str) -> str:
    if isinstance(text, Code) and "`" not in text:
        return f"`{text}`"
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown(policy: PrivacyPolicy) -> str:
    doc = policy.document
    date = doc.last_updated or doc.effective_date
    out = [
        f"# {_md(doc.title)}",
        "",
        f"Date: {date or NOT_STATED}" + (f" · {_md(doc.url)}" if doc.url else ""),
        "",
        "## Privacy label",
        "",
    ]
    out += ["| | |", "|---|---|"]
    out += [f"| **{question}** | {_md(answer)} |" for question, answer in _label(policy)]
    out += ["", "## Details"]
    for title, headers, rows in _tables(policy):
        out += ["", f"### {title}", ""]
        if not rows:
            out.append(NOT_STATED)
            continue
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "---|" * len(headers))
        out += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


_CSS: Final = """
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #6b6b6b; padding: .4rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.label { table-layout: fixed; } .label td { overflow-wrap: anywhere; }
thead th { background: #e8e8e8; }
.label th { width: 14rem; background: #f3f3f3; }
.missing { font-style: italic; }
.missing::before { content: "— "; }
@media (max-width: 40rem) { .label th { width: 32%; } th, td { padding: .3rem; } }
@media print { body { max-width: none; } .scroll { overflow: visible; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _cell(text: str, tag: str = "td", scope: str | None = None) -> str:
    attrs = f' scope="{scope}"' if scope else ""
    if text == NOT_STATED:
        return f'<{tag}{attrs} class="missing">{NOT_STATED}</{tag}>'
    if isinstance(text, Code):
        return f"<{tag}{attrs}><code>{html.escape(text)}</code></{tag}>"
    return f"<{tag}{attrs}>{html.escape(text)}</{tag}>"


def _html(policy: PrivacyPolicy) -> str:
    doc = policy.document
    date = doc.last_updated or doc.effective_date
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(doc.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(doc.title)}: privacy summary</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(doc.title)}</h1>",
        f"<p>Date: {esc(str(date)) if date else NOT_STATED}{' · ' + esc(doc.url) if doc.url else ''}</p>",
        "</header>",
        "<main>",
        '<section aria-labelledby="label">',
        '<h2 id="label">Privacy label</h2>',
        '<div class="scroll"><table class="label" aria-labelledby="label"><tbody>',
    ]
    out += [f"<tr>{_cell(question, 'th', 'row')}{_cell(answer)}</tr>" for question, answer in _label(policy)]
    out += ["</tbody></table></div>", "</section>", '<section aria-labelledby="details">', '<h2 id="details">Details</h2>']
    for index, (title, headers, rows) in enumerate(_tables(policy)):
        out.append(f'<h3 id="t{index}">{esc(title)}</h3>')
        if not rows:
            out.append(f'<p class="missing">{NOT_STATED}</p>')
            continue
        out.append(f'<div class="scroll"><table aria-labelledby="t{index}"><thead><tr>')
        out.append("".join(_cell(h, "th", "col") for h in headers))
        out.append("</tr></thead><tbody>")
        out += ["<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in rows]
        out.append("</tbody></table></div>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render(policy: PrivacyPolicy, format: Format = "md") -> str:
    """Render ``policy`` as a one-page summary: ``md`` (Markdown for GitHub) or ``html`` (self-contained)."""
    if format == "md":
        return _markdown(policy)
    if format == "html":
        return _html(policy)
    raise ValueError(f"unknown format {format!r}; expected 'md' or 'html'")
