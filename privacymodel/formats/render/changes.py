"""What changed between two versions of a policy, written for the people it affects, as Markdown or HTML.

Fed by :func:`privacymodel.diff`: changes that take something from people (data now sold, a right removed,
data kept longer, data going to someone new) come first, each with the old and the new value side by side;
every other change follows by topic. Values are in everyday words (:mod:`.words`): periods as "2 years",
terms without codes, items by what they are ("delete your data (GDPR)", "cookie _ga (Google Analytics)").
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from typing import Any, Final, Literal

from privacymodel.checks.diff import Change, summary
from privacymodel.formats.render.grid import received, recipient_label
from privacymodel.formats.render.html import CSS
from privacymodel.formats.render.markdown import md_text
from privacymodel.formats.render.symbols import title_line
from privacymodel.formats.render.words import (
    NOT_STATED,
    clause,
    contact_points,
    date,
    doers,
    duration,
    lifetime,
    listing,
    prohibition_words,
    retention,
    right_label,
    right_ways,
    term,
)
from privacymodel.model.policy import (
    Choice,
    ContactPoint,
    Cookie,
    DataCategory,
    DataSubject,
    LawReference,
    LegalBasis,
    Party,
    PrivacyPolicy,
    Processing,
    Prohibition,
    Purpose,
    Recipient,
    Recourse,
    Retention,
    Right,
    Transfer,
)
from privacymodel.model.vocab import Vocabulary

__all__ = ["change_report"]

_ABSENT: Final = "not in this version"
# Why a change takes something from people, in their words, most serious first.
_REASONS: Final = {
    "data is now sold": "Your data is now sold",
    "the statement on selling now covers selling for money only": "The promise not to sell now covers selling for money only",
    "the statement on selling now has exceptions": "The statement on selling now has exceptions",
    "the statement on selling now holds only under a condition": "The statement on selling now holds only under a condition",
    "something the policy said was not done is no longer ruled out": "Something they said they do not do is no longer ruled out",
    "a prohibition is now qualified": "Something they said they do not do is now qualified",
    "data is kept longer": "Your data is kept longer",
    "a right was removed": "You lose a right",
    "a choice was removed": "You lose a choice",
    "a means of recourse was removed": "You lose a place to complain",
    "requests are answered more slowly": "Your requests are answered more slowly",
    "Do Not Track is no longer honoured": "Do Not Track signals are no longer honoured",
    "a tracker now follows people across sites": "A tracker now follows you across sites",
    "data is now more identifiable": "Your data now identifies you more",
    "more is done with the data": "More is done with your data",
    "a new recipient": "Your data goes to someone new",
    "a new purpose": "Your data is used for something new",
    "more data is collected": "More data is collected",
    "data about a new kind of person": "Data about more kinds of people is collected",
    "a new tracker": "A new tracker follows you",
    "a new international transfer": "Your data goes to another country",
    "data may now go to countries the policy does not name": "Your data may now go to countries not named",
    "a security measure is now said not to be taken": "A security measure is now said not to be taken",
    "using the service is now said to mean accepting the policy": "Using the service now counts as accepting the policy",
    "continuing to use the service now means accepting changes": "Using the service now counts as accepting changes",
    "material changes no longer need people's consent": "Big changes no longer need your consent",
    "less notice is given of changes": "You get less notice of changes",
    "the policy now says a law does not apply": "The policy now says a law does not apply",
    "a way to reach the controller was removed": "One way to reach them is gone",
}
_WEAKER: Final = re.compile(r"consent is weaker: (\S+) became (\S+)")
_TOPICS: Final = {
    "document": "The policy itself",
    "parties": "Who is responsible",
    "data": "Data collected",
    "purposes": "What data is used for",
    "legal-bases": "Legal bases",
    "processing": "What is done with which data",
    "recipients": "Who receives your data",
    "cookies": "Cookies and trackers",
    "retention": "How long data is kept",
    "rights": "Your rights",
    "transfers": "Countries data goes to",
    "subjects": "Whose data",
    "recourse": "Where to complain",
    "prohibitions": "What they say they do not do",
    "other": "Other statements",
}
_FIELDS: Final = {
    "period": "how long it is kept",
    "until": "kept until",
    "response_time": "answer within",
    "lifetime": "how long it lasts",
}
_DURATIONS: Final = frozenset({"period", "response_time", "after", "advance_notice_period"})
_DATES: Final = frozenset({"effective_date", "last_updated", "retrieved_on"})
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOUNS: Final = {
    "controllers": "controller", "contacts": "contact", "data_categories": "data", "provision_requirements": "provision requirement",
    "purposes": "purpose", "legal_bases": "legal basis", "processing": "processing statement", "recipients": "recipient",
    "cookies": "tracker", "retention": "retention statement", "rights": "right", "transfers": "transfer",
    "certifications": "certification", "choices": "choice", "laws": "law", "roles": "role",
    "data_subjects": "kind of person", "prohibitions": "statement of what is not done", "recourse": "place to complain",
}  # fmt: skip
_STEP: Final = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")

Row = tuple[str, str, str]
"""What changed, the value before, the value after."""


def _walk(policy: PrivacyPolicy, path: str) -> tuple[object | None, str, list[str]]:
    """The deepest item of a list that ``path`` goes through in ``policy``, the list's name, and the fields after it."""
    node: Any = policy
    item: object | None = None
    collection = ""
    fields: list[str] = []
    for name, index in _STEP.findall(path):
        if index:
            node = node[int(index)] if isinstance(node, tuple) and int(index) < len(node) else None
            item, collection, fields = node, fields[-1] if fields else "", []
        else:
            node = getattr(node, name, None) if node is not None else None
            fields.append(name)
    return item, collection, fields


def _describe(item: object, policy: PrivacyPolicy) -> str:  # noqa: PLR0911, PLR0912 - one line per kind of item
    """An item by what it is: 'delete your data (GDPR)', 'cookie _ga (Google Analytics)', 'Google Analytics'."""
    if isinstance(item, (DataCategory, Purpose, DataSubject)):
        return term(item.term, item.description)
    if isinstance(item, Prohibition):
        return prohibition_words(item, doers(policy))
    if isinstance(item, Recourse):
        return item.name or (term(item.kind) if item.kind else clause(item.description or "", lower=False))
    if isinstance(item, LawReference):
        return term(item.law, item.description) + (" (said not to apply)" if item.applies is False else "")
    if isinstance(item, Processing):
        return clause(item.description, lower=False) if item.description else "processing"

    if isinstance(item, Recipient):
        return recipient_label(item)
    if isinstance(item, Right):
        who = [term(item.law) if item.law else "", f"for {item.applies_to}" if item.applies_to else ""]
        return right_label(item) + (f" ({', '.join(w for w in who if w)})" if any(who) else "")
    if isinstance(item, Cookie):
        names = {r.id: recipient_label(r) for r in policy.recipients or ()}
        name = item.name or (
            f"{item.name_prefix}…" if item.name_prefix else term(item.technology) if item.technology else "tracker"
        )
        return f"{name} ({names[item.provider]})" if item.provider in names else name
    if isinstance(item, Retention):
        data = {d.id: term(d.term, d.description) for d in policy.data_categories or ()}
        return listing(data.get(i, i) for i in item.data or ()) or "all data"
    if isinstance(item, Transfer):
        return listing(item.destinations or ()) or "countries not named"
    if isinstance(item, LegalBasis):
        return term(item.basis)
    if isinstance(item, Choice):
        return clause(item.kind.description) if isinstance(item.kind, Vocabulary) else term(item.kind, item.description)
    if isinstance(item, ContactPoint):
        return item.email or item.phone or item.url or (item.address.one_line() if item.address else "contact")
    if isinstance(item, Party):
        return item.name or clause(item.description or "", lower=False)
    return ""


def _detail(item: object, policy: PrivacyPolicy) -> str:
    """An item added or removed, with what matters most about it: how to use a right, how long a cookie lasts."""
    text = _describe(item, policy)
    if isinstance(item, Right) and (item.contacts or item.how):
        return f"{text}: {right_ways(item, contact_points(policy))}"
    if isinstance(item, Cookie) and item.lifetime:
        return f"{text}, how long it lasts: {lifetime(item.lifetime)}"
    if isinstance(item, Retention):
        return f"{text}: {retention(item)}"
    if isinstance(item, Choice) and item.description:
        return f"{text}: {clause(item.description, lower=False)}"
    gets = received(policy).get(item.id) if isinstance(item, Recipient) else None
    if gets and gets.data:  # from its entry and from the statements that name it
        data = {d.id: term(d.term, d.description) for d in policy.data_categories or ()}
        return f"{text}, receives {listing(data.get(i, i) for i in gets.data)}"
    return text


def _words(field: str, value: Any) -> str:  # noqa: PLR0911 - one line per kind of value
    """A plain JSON value of ``field`` in words: periods as durations, terms without codes, lists joined."""
    if value is None:
        return NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return listing(_words(field, v) for v in value) or "none"
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_words(k, v)}" for k, v in value.items() if k not in ("id", "section"))
    text = str(value)
    if field in _DATES and _ISO_DATE.fullmatch(text):
        return date(dt.date.fromisoformat(text))
    if field in _DURATIONS:
        return duration(text)
    if field == "lifetime":
        return lifetime(text)
    if field in ("term", "kind", "basis", "law", "role", "category", "party", "technology", "purposes", "data", "sources"):
        return _term_words(text)
    return text


def _term_words(text: str) -> str:
    """A term's value in words, looked up in every vocabulary; text that is no term is shown as it is."""
    for vocabulary in Vocabulary.__subclasses__():
        for member in vocabulary:
            if member.value == text:
                return term(member)
    return text[2:].replace("-", " ") if text.startswith("x-") else text


def _row(change: Change, old: PrivacyPolicy, new: PrivacyPolicy) -> tuple[str, str, str, str]:
    """What changed (a heading for other sections, and the subject alone), the value before and the value after."""
    side = old if change.kind == "removed" else new
    item, collection, fields = _walk(side, change.path)
    if item is None and fields:  # a statement of its own: the document, children, sale of data ...
        fields = fields[1:]
    noun = _NOUNS.get(collection, collection.replace("_", " ")) if item is not None else change.item
    what = (_describe(item, side) if item is not None else "") or noun
    if not fields:  # a whole item added or removed
        value = _detail(item, side) if item is not None else _words("", change.old if change.kind == "removed" else change.new)
        before = value if change.kind == "removed" else _ABSENT
        after = value if change.kind == "added" else _ABSENT
        return f"{noun} {change.kind}"[:1].upper() + f"{noun} {change.kind}"[1:], "", before, after
    label = " ".join(_FIELDS.get(f, f.replace("_", " ")) for f in fields)
    subject = f"{what}: {label}"
    heading = subject[:1].upper() + subject[1:]
    return heading, subject if item is not None else "", _words(fields[-1], change.old), _words(fields[-1], change.new)


def _why(reason: str) -> str:
    """Why a change takes something from people, in their words."""
    weaker = _WEAKER.fullmatch(reason)
    if weaker:
        return f"Your consent counts for less: {_term_words(weaker[1])} became {_term_words(weaker[2])}"
    return _REASONS.get(reason, reason[:1].upper() + reason[1:])


def _ranked(changes: Sequence[Change]) -> list[Change]:
    order = list(_REASONS)
    flagged = [c for c in changes if c.reduces]
    return sorted(flagged, key=lambda c: order.index(c.reason) if c.reason in order else order.index("a right was removed"))


Format = Literal["md", "html"]


def change_report(old: PrivacyPolicy, new: PrivacyPolicy, changes: Sequence[Change], format: Format = "md") -> str:
    """What changed from ``old`` to ``new`` (``changes``, from :func:`privacymodel.diff`) as ``md`` or ``html``."""
    sections: list[tuple[str, list[Row]]] = []
    first = _ranked(changes)
    flagged = [(_why(c.reason or ""), _row(c, old, new)) for c in first]
    sections.append(
        ("What may affect you most", [(f"{why}: {row[1]}" if row[1] else why, row[2], row[3]) for why, row in flagged])
    )
    for topic in dict.fromkeys([*_TOPICS, *(c.topic for c in changes)]):
        rows = [(row[0], row[2], row[3]) for row in (_row(c, old, new) for c in changes if c.topic == topic and not c.reduces)]
        if rows:
            sections.append((_TOPICS.get(topic, topic.replace("-", " ").capitalize()), rows))
    title = f"What changed: {new.document.title}"
    lines = [f"From: {old.document.title}, {title_line(old.document)}", f"To: {new.document.title}, {title_line(new.document)}"]
    said = summary(tuple(changes), old, new)
    lines.append(said[:1].upper() + said[1:] if changes else "The two versions say the same.")
    if format == "md":
        return _markdown(title, lines, sections)
    if format == "html":
        return _html(title, lines, sections, new.document.language)
    raise ValueError(f"unknown format {format!r}; expected 'md' or 'html'")


_HEADERS: Final = ("what changed", "before", "after")


def _markdown(title: str, lines: list[str], sections: list[tuple[str, list[Row]]]) -> str:
    out = [f"# {md_text(title)}", ""]
    for line in lines:
        out += [md_text(line), ""]
    for index, (heading, rows) in enumerate(sections):
        out += [f"## {heading}", ""]
        if not rows:
            out += [md_text("Nothing: no change takes anything from the people the policy covers." if index == 0 else ""), ""]
            continue
        out += ["| " + " | ".join(_HEADERS) + " |", "|---|---|---|"]
        out += ["| " + " | ".join(md_text(cell) for cell in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


def _html(title: str, lines: list[str], sections: list[tuple[str, list[Row]]], language: str | None) -> str:
    esc = html.escape
    out = ["<!DOCTYPE html>", f'<html lang="{esc(language or "en")}">', "<head>", '<meta charset="utf-8">']
    out += ['<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{esc(title)}</title>"]
    out += [f"<style>{CSS}</style>", "</head>", "<body>", "<header>", f"<h1>{esc(title)}</h1>"]
    out += [f'<p class="meta">{esc(line)}</p>' for line in lines] + ["</header>", "<main>"]
    for index, (heading, rows) in enumerate(sections):
        out += [f'<section aria-labelledby="s{index}">', f'<h2 id="s{index}">{esc(heading)}</h2>']
        if not rows:
            out += ["<p>Nothing: no change takes anything from the people the policy covers.</p>", "</section>"]
            continue
        out.append(f'<div class="wrap"><table class="cards changes" aria-labelledby="s{index}"><thead><tr>')
        out.append("".join(f'<th scope="col">{h}</th>' for h in _HEADERS) + "</tr></thead><tbody>")
        for what, before, after in rows:
            cells = "".join(f'<td data-label="{h}">{esc(v)}</td>' for h, v in zip(_HEADERS[1:], (before, after), strict=False))
            out.append(f'<tr><th scope="row">{esc(what)}</th>{cells}</tr>')
        out += ["</tbody></table></div>", "</section>"]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
