"""The details under the label: a table each for data, purposes, legal bases, recipients, cookies, retention,
countries, rights, choices, what the policy says is not done and where to complain, every value in words
(:mod:`~privacymodel.formats.render.words`)."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from privacymodel.formats.render.grid import purpose_group, received, recipient_label
from privacymodel.formats.render.words import (
    NOT_STATED,
    Code,
    No,
    channels,
    clause,
    contact_points,
    doers,
    duration,
    holders,
    lifetime,
    listing,
    prohibition_words,
    response_time,
    retention,
    right_label,
    right_ways,
    subjects_of,
    term,
    transfer_words,
)
from privacymodel.model.policy import Cookie, PrivacyPolicy

__all__ = ["Table", "tables"]


@frozen
class Table:
    """A table of the details: its title, its column headers and a row per item (the first cell names the item)."""

    title: str
    headers: Sequence[str]
    rows: list[list[str]]


def _yes_no(value: bool | None) -> str:
    return NOT_STATED if value is None else "yes" if value else No("no")


def _text(value: str | None) -> str:
    return clause(value, lower=False) if value else NOT_STATED


def _names(ids: Sequence[str] | None, names: dict[str, str]) -> str:
    return listing(names.get(i, i) for i in ids or ()) or NOT_STATED


def _cookie_name(cookie: Cookie) -> str:
    if cookie.name:
        return Code(cookie.name)
    if cookie.name_prefix:
        return Code(f"{cookie.name_prefix}…")
    return f"unnamed {term(cookie.technology) if cookie.technology else 'tracker'}"


def _cookie_kind(cookie: Cookie) -> str:
    party = {"first-party": "set by the site", "third-party": "set by others"}.get(str(cookie.party), "")
    across = {True: "follows you across other sites", False: "does not follow you across other sites", None: ""}[
        cookie.cross_site
    ]
    kinds = [
        term(cookie.technology) if cookie.technology else "",
        party,
        term(cookie.category) if cookie.category else "",
        across,
    ]
    return ", ".join(k for k in kinds if k) or NOT_STATED


def _with_condition(text: str | None, condition: str | None) -> str:
    said = _text(text)
    return f"{said} (when: {clause(condition, lower=False)})" if condition else said


def tables(policy: PrivacyPolicy) -> list[Table]:
    """The tables of the details, in the order of the label; a table with no rows is shown as 'not stated'."""
    data = {d.id: term(d.term, d.description) for d in policy.data_categories or ()}
    purposes = {p.id: term(p.term, p.description) for p in policy.purposes or ()}
    recipients = {r.id: recipient_label(r) for r in policy.recipients or ()}
    gets = received(policy)
    bases_for: dict[str, list[str]] = {}
    for basis in policy.legal_bases or ():
        for purpose in basis.purposes or ():
            bases_for.setdefault(purpose, []).append(term(basis.basis))
    contacts = contact_points(policy)
    subjects = subjects_of(policy)
    return [
        Table("Data collected", ("data", "what the policy says", "how it is obtained", "special category"),
              [[data[d.id], _with_condition(d.description, d.condition), listing(term(s) for s in d.sources or ()) or NOT_STATED,
                _yes_no(d.special_category)] for d in policy.data_categories or ()]),
        Table("Purposes", ("purpose", "column in the label", "what the policy says", "legal basis"),
              [[term(p.term), purpose_group(p.term), _text(p.description), listing(bases_for.get(p.id, ())) or NOT_STATED]
               for p in policy.purposes or ()]),
        Table("Legal bases", ("basis", "law", "what the policy says", "purposes"),
              [[term(b.basis), term(b.law), _text(b.description or b.legitimate_interests), _names(b.purposes, purposes)]
               for b in policy.legal_bases or ()]),
        Table("Recipients", ("recipient", "kind", "what they receive", "why", "what the policy says"),
              [[recipients[r.id], listing(term(k) for k in (*([r.kind] if r.kind else []), *(r.kinds or ()))) or NOT_STATED,
                _names(gets[r.id].data, data), _names(gets[r.id].purposes, purposes),
                _text(r.description)] for r in policy.recipients or ()]),
        Table("Cookies and trackers", ("name", "provider", "purpose", "what it does", "how long it lasts", "kind"),
              [[_cookie_name(c), recipients.get(c.provider or "", NOT_STATED), _names(c.purposes, purposes),
                _text(c.description), lifetime(c.lifetime), _cookie_kind(c)] for c in policy.cookies or ()]),
        Table("How long data is kept", ("data", "how long", "what the policy says"),
              [[_names(r.data, data) if r.data else "all data", retention(r), _text(r.criteria or r.description)]
               for r in policy.retention or ()]),
        Table("Countries data goes to", ("countries", "safeguards", "what the policy says"),
              [[transfer_words(t).split(" (", 1)[0], listing(term(m) for m in t.mechanisms or ()) or NOT_STATED,
                _text(t.description)] for t in policy.transfers or ()]),
        Table("Your rights", ("right", "who has it", "how to use it", "answer within", "fee", "limits"),
              [[right_label(r), holders(r, subjects) or "anyone (no limit stated)", right_ways(r, contacts), response_time(r), _text(r.fee),
                _text(r.limits)] for r in policy.rights or ()]),
        Table("Your choices", ("choice", "where", "what the policy says"),
              [[term(c.kind), listing([c.url or "", channels(contacts[i] for i in c.contacts or () if i in contacts)]) or NOT_STATED,
                _text(c.description)] for c in policy.choices or ()]),
        Table("What the policy says is not done", ("statement", "what the policy says"),
              [[No(prohibition_words(p, doers(policy))), _text(p.description)] for p in policy.prohibitions or ()]),
        Table("Where to complain", ("who", "kind", "when", "cost", "where"),
              [[r.name or term(r.kind), term(r.kind) if r.kind else NOT_STATED,
                f"{duration(r.after)} after complaining to them" if r.after else NOT_STATED, _text(r.cost), r.url or NOT_STATED]
               for r in policy.recourse or ()]),
    ]  # fmt: skip
