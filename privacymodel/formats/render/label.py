"""The short lines of the label: one answer each to what people ask of a policy first.

Is data sold, are you tracked, how long is it kept, how do you delete it, what else can you do and how, who
receives it and in which countries, who is responsible and what about children. Each answer is a few words
in everyday language; a stated negative is :class:`~privacymodel.formats.render.words.No`, shown unlike
"not stated".
"""

from __future__ import annotations

from typing import Final

from privacymodel.formats.render.grid import Grid, own_prohibitions, purpose_grid, recipient_groups, recipient_label
from privacymodel.formats.render.words import (
    ERASURE,
    NOT_STATED,
    No,
    channels,
    clause,
    contact_points,
    doers,
    holders,
    join,
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
from privacymodel.model.policy import PrivacyPolicy, Right
from privacymodel.model.vocab import CustomTerm

__all__ = ["Fact", "facts"]

Fact = tuple[str, str]
"""A question of the label and its answer (plain text, :class:`No` or :data:`NOT_STATED`)."""

_FIRST_CONTACTS: Final = ("privacy", "rights-requests", "general")


def _yes_no(value: bool | None, yes: str = "Yes", no: str = "No") -> str:
    return NOT_STATED if value is None else yes if value else No(no)


def _responsible(policy: PrivacyPolicy) -> str:
    """The controllers by name, and the first way to reach them about privacy."""
    names = listing(p.name or clause(p.description or "", lower=False) for p in policy.controllers)
    contacts = [c for p in policy.controllers for c in p.contacts or ()]
    ranked = sorted(contacts, key=lambda c: min((_FIRST_CONTACTS.index(str(x)) for x in c.purposes or () if str(x) in _FIRST_CONTACTS), default=9))  # fmt: skip
    return f"{names}: {channels(ranked[:1])}" if ranked else names


def _sold(policy: PrivacyPolicy) -> str:
    """Sold or not (and whether a denial covers money only), shared for others' own use or not, and the exceptions."""
    sale = policy.sale_of_data
    if sale is None or (sale.sold is None and sale.shared is None):
        return NOT_STATED
    if sale.sold is False and sale.for_money_only:
        sold = "Not for money; other exchanges of value are not ruled out"
    else:
        sold = "Not stated whether sold" if sale.sold is None else "Yes" if sale.sold else "No"
    parts = [sold]
    if sale.shared is not None:
        parts.append("shared with others for their own use" if sale.shared else "not shared with others for their own use")
    parts += [clause(text) for text in (sale.condition, sale.exceptions) if text]
    text = "; ".join(parts)
    denied = sale.sold is False and not sale.for_money_only and sale.shared is not True and not sale.exceptions
    return No(text) if denied else text


def _tracking(policy: PrivacyPolicy) -> str:
    """Trackers, those run by others (by name), whether they follow people across sites, and Do Not Track."""
    parts = []
    cookies = policy.cookies
    if cookies is not None:
        names = {r.id: recipient_label(r) for r in policy.recipients or ()}
        others = [c for c in cookies if c.provider or str(c.party) == "third-party"]
        named = [names.get(c.provider or "", "") for c in others]
        who = listing([*named, "others" if not all(named) else ""])
        n = len(cookies)
        parts.append("no cookies or other trackers" if not n else f"{n} cookie{'s' if n != 1 else ''} and other trackers")
        if others:
            parts[-1] += f", {'all' if len(others) == n else len(others)} run by others" + (f": {who}" if any(named) else "")
    across = _across_sites(policy)
    if across is not None:
        parts.append(f"followed across other sites: {'yes' if across else 'no'}")
    dnt = policy.do_not_track.honoured if policy.do_not_track else None
    if dnt is not None:
        parts.append(f"Do Not Track signals {'honoured' if dnt else 'ignored'}")
    if not parts:
        return NOT_STATED
    text = "; ".join(parts)
    return No(text) if cookies == () and across is not True else text


_ACROSS: Final = frozenset({"track-across-sites", "track-third-party"})


def _across_sites(policy: PrivacyPolicy) -> bool | None:
    """Whether people are followed across other sites: by a cross-site tracker, a tracking statement or the
    browsing history of other sites collected; no where every tracker is said not to, or the policy rules it out."""
    cookies = policy.cookies or ()
    processing = policy.processing or ()
    if any(c.cross_site for c in cookies) or any(_ACROSS & {str(o) for o in p.operations or ()} for p in processing):
        return True
    if any(str(d.term) == "browser-history" for d in policy.data_categories or ()):
        return True
    ruled_out = any(_ACROSS & {str(o) for o in p.operations or ()} or "track" in {str(o) for o in p.operations or ()}
                    for p in own_prohibitions(policy) if not p.data)  # fmt: skip
    if ruled_out or (cookies and all(c.cross_site is False for c in cookies)):
        return False
    return None


_FEW: Final = 3
"""How many kinds of data a short answer names before it counts the rest; the grids and the details show all."""


def _few(labels: list[str]) -> str:
    """Kinds of data in a short answer: all of them, or the first few and how many more ('and 12 other kinds of data')."""
    labels = list(dict.fromkeys(labels))
    if len(labels) <= _FEW + 1:
        return listing(labels)
    return f"{', '.join(labels[:_FEW])} and {len(labels) - _FEW} other kinds of data"


def _kept(policy: PrivacyPolicy) -> str:
    """How long data is kept, one line per set of data: the statements on the same data said together."""
    if not policy.retention:
        return NOT_STATED
    names = {d.id: term(d.term, d.description) for d in policy.data_categories or ()}
    by_data: dict[tuple[str, ...], list[str]] = {}
    for statement in policy.retention:
        by_data.setdefault(statement.data or (), []).append(retention(statement))
    lines = []
    for data, words in by_data.items():
        said = listing(words, "or")
        lines.append(f"{_few([names.get(i, i) for i in data])}: {said}" if data else said)
    return join(lines)


def _how(right: Right, policy: PrivacyPolicy, *, law: bool = True) -> str:
    """How to use a right ('GDPR: email ... or write to ...'), how soon the answer comes and what it costs."""
    ways = right_ways(right, contact_points(policy))
    parts = [ways if ways != NOT_STATED else "how is not stated"]
    if right.response_time or right.response_business_days is not None:
        parts.append(f"answer within {response_time(right)}")
    if right.fee:
        parts.append(f"fee: {clause(right.fee)}")
    return (f"{term(right.law)}: " if right.law and law else "") + "; ".join(parts)


def _delete(policy: PrivacyPolicy) -> str:
    """How to have one's data deleted; who may ask first where the rights to it differ in who has them."""
    rights = [r for r in policy.rights or () if str(r.kind) in ERASURE]
    if not rights:
        return NOT_STATED
    who = [holders(r, subjects_of(policy)) for r in rights]
    if len(set(who)) == 1:
        return join(_how(r, policy) for r in rights)
    ways = (f"{_first_up(w)}: {_how(r, policy, law=False)}" if w else _how(r, policy) for w, r in zip(who, rights, strict=True))
    return join(ways, sep=". ")


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rights(policy: PrivacyPolicy) -> str:
    """Every other right by the law it comes from, the ways to use them, then the choices people have."""
    rights = policy.rights
    if rights is None and policy.choices is None:
        return NOT_STATED
    others = [r for r in rights or () if str(r.kind) not in ERASURE]
    by_law: dict[str, list[str]] = {}
    for r in others:
        by_law.setdefault(holders(r, subjects_of(policy)), []).append(right_label(r))
    parts = [_first_up(f"{who}: {listing(labels)}" if who else listing(labels)) for who, labels in by_law.items()]
    contacts = contact_points(policy)
    ways = {i: None for r in others for i in r.contacts or () if i in contacts}
    if ways:
        erasure = {i: None for r in rights or () if str(r.kind) in ERASURE for i in r.contacts or () if i in contacts}
        parts.append("How: as for deleting" if ways.keys() <= erasure.keys() else f"How: {channels(contacts[i] for i in ways)}")
    choices = listing(
        term(c.kind, c.description) if isinstance(c.kind, CustomTerm) else clause(c.kind.description)
        for c in policy.choices or ()
    )
    if choices:
        parts.append(f"Choices: {choices}")
    return join(parts, sep=". ") if parts else No("no rights stated")


def _recipients(policy: PrivacyPolicy) -> str:
    recipients = policy.recipients
    if recipients is None:
        return NOT_STATED
    if not recipients:
        return No("no one")
    groups: dict[str, list[str]] = {}
    for r in recipients:
        for group in recipient_groups(r):
            groups.setdefault(group, []).append(recipient_label(r, group))
    return join(f"{group}: {listing(names)}" for group, names in groups.items())


def _countries(policy: PrivacyPolicy) -> str:
    transfers = policy.transfers
    if transfers is None:
        return NOT_STATED
    if not transfers:
        return No("stays in the country where it is collected")
    return join(transfer_words(t) for t in transfers)


def _subjects(policy: PrivacyPolicy) -> str:
    subjects = policy.data_subjects
    if not subjects:
        return NOT_STATED
    return _first_up(listing(term(s.term, s.description) for s in subjects))


def _not_done(policy: PrivacyPolicy) -> str:
    prohibitions = policy.prohibitions
    if not prohibitions:
        return NOT_STATED
    names = doers(policy)
    return No(_first_up(join((prohibition_words(p, names) for p in prohibitions), sep="; ")))


def _children(policy: PrivacyPolicy) -> str:
    children = policy.children
    if children is None:
        return NOT_STATED
    under = children.minimum_age if children.minimum_age is not None else children.age
    of = f" under {under}" if under is not None else ""
    parts = []
    if children.minimum_age is not None:
        parts.append(f"not for children under {children.minimum_age}")
    if children.directed_at_children is not None:
        parts.append(f"{'' if children.directed_at_children else 'not '}directed at children{of}")
    if children.knowingly_collects is not None:
        parts.append(
            f"{'knowingly collects' if children.knowingly_collects else 'does not knowingly collect'} data of children{of}"
        )
    if not parts:
        return NOT_STATED
    text = _first_up("; ".join(parts))
    return No(text) if children.directed_at_children is not True and children.knowingly_collects is not True else text


_PROMOTION: Final = ("Marketing", "Advertising")


def _with_choice(labels: list[str], choice: str) -> str:
    """Kinds of data and the choice people have over their use: 'name (opt-in)', 'name and email address, all opt-out'."""
    if not choice:
        return _few(labels)
    return f"{labels[0]} ({choice})" if len(labels) == 1 else f"{_few(labels)}, all {choice}"


def _promotion(grid: Grid) -> str:
    """The data the grid shows used for marketing and for advertising, by the choice people have, and whether
    the use of other data is not stated."""
    parts = []
    for column in _PROMOTION:
        if column not in grid.columns:
            continue
        index = grid.columns.index(column)
        by_choice: dict[str, list[str]] = {}
        for label, cells in grid.rows:
            if cells[index].state in ("collected", "shared"):
                by_choice.setdefault(cells[index].choice or "", []).append(label)
        if not by_choice:
            parts.append(f"{column}: which data is not stated")
            continue
        used = "; ".join(_with_choice(labels, choice) for choice, labels in by_choice.items())
        silent = any(cells[index].state == NOT_STATED for _, cells in grid.rows)
        parts.append(f"{column}: {used}" + ("; other data not stated" if silent else ""))
    return join(parts, sep=". ")


def facts(policy: PrivacyPolicy) -> list[Fact]:
    """The short lines of the label, most asked first."""
    return [
        ("Is your data sold", _sold(policy)),
        ("Used for marketing or ads", _promotion(purpose_grid(policy))),
        ("Are you tracked", _tracking(policy)),
        ("How long it is kept", _kept(policy)),
        ("How to delete your data", _delete(policy)),
        ("What else you can do", _rights(policy)),
        ("Who receives it", _recipients(policy)),
        ("Countries it goes to", _countries(policy)),
        ("What they say they do not do", _not_done(policy)),
        ("Who is responsible", _responsible(policy)),
        ("Whose data", _subjects(policy)),
        ("Children", _children(policy)),
    ]
