"""The grids of the label: each kind of data the policy names, against what it is used for and who receives it.

A row is a kind of data (categories with the same term share a row); a column is a group of purposes
(service, analytics, marketing, advertising ...) or of recipients (service providers, advertisers ...).
A cell says what the policy links: ``collected`` (the data is used for a purpose of the column),
``shared`` (a recipient gets it), each with ``opt-in`` (only on consent) or ``opt-out`` (unless people opt
out) where the policy says so; ``no`` where the policy says it is not done; ``not stated`` otherwise.

The links are the policy's own: processing statements, legal bases, recipients, cookies, retention
statements and transfers that name both the data and the purpose (or recipient). A legal basis of consent
for a purpose makes its cells ``opt-in``; a cookie with an opt-out, the right to stop marketing or an
unsubscribe link (marketing), an industry opt-out (advertising) and the right to opt out of sale (selling)
make theirs ``opt-out``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Literal

from attrs import frozen

from privacymodel.formats.render.words import KIND_WORDS, NOT_STATED, term
from privacymodel.model.policy import DataCategory, PrivacyPolicy, Prohibition, Recipient
from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = [
    "PURPOSE_GROUPS",
    "RECIPIENT_GROUPS",
    "Cell",
    "Grid",
    "Received",
    "own_prohibitions",
    "purpose_grid",
    "purpose_group",
    "received",
    "recipient_grid",
    "recipient_groups",
    "recipient_label",
]

State = Literal["collected", "shared", "no", "not stated"]
Choice = Literal["opt-in", "opt-out"]

# Purposes grouped as app stores' data labels group them; a term not listed (a custom one) is "other".
PURPOSE_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "Service": (
        "service-provision", "requested-service-provision", "account-management", "identity-authentication",
        "customer-care", "customer-management", "customer-relationship-management", "communication-management",
        "payment-management", "fulfilment-of-contractual-obligation", "establish-contractual-agreement",
        "rights-fulfilment", "record-management", "vendor-management", "credit-checking",
    ),
    "Analytics": (
        "service-optimisation", "service-usage-analytics", "service-monitoring", "improve-existing-products-and-services",
        "optimise-user-interface", "research-and-development", "commercial-research", "staff-training", "training",
    ),
    "Personalisation": ("service-personalisation", "personalisation", "provide-product-recommendations"),
    "Marketing": ("marketing", "direct-marketing", "social-media-marketing", "public-relations"),
    "Advertising": ("advertising", "personalised-advertising", "targeted-advertising"),
    "Security, law": (
        "enforce-security", "fraud-prevention-and-detection", "misuse-prevention-and-detection", "legal-compliance",
        "dispute-management", "protection-of-rights", "age-verification",
    ),
    "Selling": ("sell-data-to-third-parties", "sell-insights-from-data"),
    "Other": (),
}  # fmt: skip
SELLING: Final = "Selling"

# Recipients grouped by kind; a kind not listed (a custom one) gets a column of its own.
RECIPIENT_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "Service providers": (
        "service-provider", "payment-processor", "hosting-provider", "communication-provider", "content-provider",
    ),
    "Analytics": ("analytics-provider",),
    "Marketing, ads": ("marketing-provider", "advertiser", "advertising-network"),
    "Social networks": ("social-network",),
    "Group companies": ("affiliate",),
    "Partners": ("business-partner", "customer", "other-organisation"),
    "Authorities": ("public-authority",),
    "Buyers": ("acquirer",),
    "Third parties": ("third-party",),
    "The public": ("public",),
}  # fmt: skip
NAMED_ONLY: Final = "Others named"

_BY_PURPOSE: Final = {t: group for group, terms in PURPOSE_GROUPS.items() for t in terms}
_BY_KIND: Final = {t: group for group, terms in RECIPIENT_GROUPS.items() for t in terms}
_CONSENT: Final = frozenset(
    {
        "A6-1-a",
        "A6-1-a-explicit-consent",
        "A6-1-a-non-explicit-consent",
        "A9-2-a",
        "consent",
        "express-consent",
        "explicit-consent",
    }
)
_OPT_OUT_BASES: Final = frozenset({"opt-out-consent"})
# Operations on data: those that give it to others, and selling; a prohibition of any other is one of use.
_SHARING: Final = frozenset({"share", "disclose", "transfer", "sell"})
_SELL: Final = "sell"
# Rights and choices that let people opt out of a whole group of purposes.
_GROUP_OPT_OUTS: Final = {
    "Marketing": ({"marketing-opt-out"}, {"unsubscribe"}),
    "Advertising": (set(), {"industry-opt-out"}),
    SELLING: ({"opt-out-of-sale"}, set()),
}


@frozen
class Cell:
    """What the policy says of one kind of data for one column."""

    state: State
    choice: Choice | None = None

    @property
    def words(self) -> str:
        """The cell in words: 'collected', 'shared, opt-out', 'no', 'not stated'."""
        return f"{self.state}, {self.choice}" if self.choice else self.state


@frozen
class Grid:
    """A grid of the label: a row per kind of data, a column per group, and who or what each column holds."""

    title: str
    corner: str
    empty: str
    """What the grid says in place of its table when there are no columns (or no rows)."""
    columns: tuple[str, ...]
    members: tuple[str, ...]
    """What each column holds, in words: its purposes or its recipients."""
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]


@frozen
class _Link:
    data: str
    purpose: str | None
    recipient: str | None
    choice: Choice | None = None


def _is(value: object, terms: frozenset[str]) -> bool:
    return str(value) in terms


def _basis_choice(basis: object) -> Choice | None:
    return "opt-in" if _is(basis, _CONSENT) else "opt-out" if _is(basis, _OPT_OUT_BASES) else None


def _choice(policy: PrivacyPolicy, ids: tuple[str, ...] | None) -> Choice | None:
    """The choice the legal bases ``ids`` give, when they all give the same one (a conditional basis gives none)."""
    bases = {b.id: b for b in policy.legal_bases or ()}
    named = [_basis_choice(bases[i].basis) if not bases[i].conditional else None for i in ids or () if i in bases]
    return named[0] if named and len(set(named)) == 1 else None


def _links(policy: PrivacyPolicy) -> Iterator[_Link]:  # noqa: PLR0912 - one short loop per kind of statement
    """Every (data, purpose, recipient) the policy's statements tie together, with the choice each gives.

    A purpose of ``None`` with a recipient is data given to it for no stated purpose; ``SELLING`` stands for a
    processing statement that sells data whatever its purposes. A recipient of ``""`` is one not named.
    """
    recipients = {r.id for r in policy.recipients or ()}
    choice: Choice | None
    for p in policy.processing or ():
        choice = _choice(policy, p.legal_bases)
        operations = {str(o) for o in p.operations or ()}
        given: list[str | None] = [*(p.recipients or ()), *(i for i in p.by or () if i in recipients)]
        if not given:
            given = [""] if operations & _SHARING else [None]
        purposes: list[str | None] = [*(p.purposes or ()), *([SELLING] if _SELL in operations else [])] or [None]
        for d in p.data or ():
            for purpose in purposes:
                for recipient in given:
                    yield _Link(d, purpose, recipient, choice)
    for b in policy.legal_bases or ():
        for d in b.data or ():
            for purpose in b.purposes or ():
                yield _Link(d, purpose, None, None if b.conditional else _basis_choice(b.basis))
    for r in policy.recipients or ():
        for d in r.data or ():
            for purpose in r.purposes or (None,):
                yield _Link(d, purpose, r.id)
    for c in policy.cookies or ():
        choice = _choice(policy, c.legal_bases) or ("opt-out" if c.opt_out or c.opt_out_url else None)
        shared: str | None = c.provider or ("" if str(c.party) == "third-party" else None)
        for d in c.data or ():
            for purpose in c.purposes or (None,):
                yield _Link(d, purpose, shared, choice)
    for t in policy.retention or ():
        for d in t.data or ():
            for purpose in t.purposes or ():
                yield _Link(d, purpose, None)
    for transfer in policy.transfers or ():
        for d in transfer.data or ():
            for recipient in transfer.recipients or ():
                yield _Link(d, None, recipient)


@frozen
class _No:
    """What a prohibition rules out, as the grids see it: data terms (None: any) for purpose or recipient columns."""

    data: frozenset[str] | None
    purposes: frozenset[str]
    recipients: frozenset[str] | None
    """The recipient columns it rules out sharing with (None: every one); empty where it rules out no sharing."""


def own_prohibitions(policy: PrivacyPolicy) -> list[Prohibition]:
    """The prohibitions of the controllers: those that name no one else (a recipient's own promise empties no cell)."""
    controllers = {party.id for party in policy.controllers}
    return [p for p in policy.prohibitions or () if p.by is None or set(p.by) <= controllers]


def _prohibitions(policy: PrivacyPolicy) -> list[_No]:
    """What the policy says is not done, by the columns it empties: uses for purposes, sharing, selling."""
    found = []
    for p in own_prohibitions(policy):
        operations = {str(o) for o in p.operations or ()}
        data = frozenset(str(t) for t in p.data) if p.data else None
        uses = not operations or bool(operations - _SHARING)
        purposes = frozenset(purpose_group(t) for t in p.purposes or ()) if uses and not p.recipient_kinds else frozenset()
        if _SELL in operations and not p.recipient_kinds:
            purposes |= {SELLING}
        sharing = bool(operations & (_SHARING - {_SELL})) or (not operations and bool(p.recipient_kinds))
        kinds = frozenset(g for k in p.recipient_kinds or () for g in _kind_groups(k)) if p.recipient_kinds else None
        found.append(_No(data, purposes, kinds if sharing and not p.purposes else frozenset()))
    return found


def _purpose_choices(policy: PrivacyPolicy) -> dict[str, Choice]:
    """Purposes whose every use the policy puts on consent (a legal basis naming the purpose and no data)."""
    choices: dict[str, Choice] = {}
    for b in policy.legal_bases or ():
        if not b.data and (_is(b.basis, _CONSENT) or _is(b.basis, _OPT_OUT_BASES)):
            for purpose in b.purposes or ():
                choices[purpose] = "opt-in" if _is(b.basis, _CONSENT) else "opt-out"
    return choices


def _group_opt_outs(policy: PrivacyPolicy) -> set[str]:
    rights = {str(r.kind) for r in policy.rights or ()}
    choices = {str(c.kind) for c in policy.choices or ()}
    return {group for group, (r, c) in _GROUP_OPT_OUTS.items() if rights & r or choices & c}


def _rows(policy: PrivacyPolicy) -> dict[str, list[DataCategory]]:
    """The data categories by the words their row shows, in the order the policy lists them."""
    rows: dict[str, list[DataCategory]] = {}
    for d in policy.data_categories or ():
        rows.setdefault(term(d.term, d.description), []).append(d)
    return rows


def _ruled_out(rules: list[_No], terms: set[str], column: str, *, sharing: bool) -> bool:
    """Whether a prohibition rules out the cell of a row (its data terms) in ``column``."""
    for rule in rules:
        if rule.data is not None and not terms & rule.data:
            continue
        if sharing and (rule.recipients is None or column in rule.recipients):
            return True
        if not sharing and column in rule.purposes:
            return True
    return False


def _cell(links: list[_Link], group_opt_out: bool, no: bool) -> Cell:
    """The cell for the links that fall in it: shared over collected; opt-in only if every link is on consent."""
    if not links:
        return Cell("no") if no else Cell(NOT_STATED)
    state: State = "shared" if any(link.recipient is not None for link in links) else "collected"
    if all(link.choice == "opt-in" for link in links):
        return Cell(state, "opt-in")
    if group_opt_out or any(link.choice == "opt-out" for link in links):
        return Cell(state, "opt-out")
    return Cell(state)


def purpose_group(value: Vocabulary | CustomTerm) -> str:
    """The column of the purpose grid a purpose term falls in."""
    return _BY_PURPOSE.get(str(value), "Other")


def _sold(policy: PrivacyPolicy) -> bool | None:
    """Whether data is sold, as the grid shows it: a denial that covers selling for money only is no denial."""
    sale = policy.sale_of_data
    if sale is None or (sale.sold is False and sale.for_money_only):
        return None
    return sale.sold


def purpose_grid(policy: PrivacyPolicy) -> Grid:
    """Each kind of data against each group of purposes the policy names (and selling, where it says whether)."""
    purposes: dict[str, str] = {p.id: purpose_group(p.term) for p in policy.purposes or ()}
    purposes[SELLING] = SELLING
    sold = _sold(policy)
    rules = _prohibitions(policy)
    links = [
        _Link(k.data, k.purpose, k.recipient, k.choice or choices.get(k.purpose))
        for choices in [_purpose_choices(policy)]
        for k in _links(policy)
        if k.purpose in purposes
    ]
    shown = {purposes[p.id] for p in policy.purposes or ()} | {g for rule in rules for g in rule.purposes}
    if sold is not None or any(k.purpose == SELLING for k in links):
        shown.add(SELLING)
    columns = [g for g in PURPOSE_GROUPS if g in shown]
    members = {g: sorted({term(p.term, p.description) for p in policy.purposes or () if purposes[p.id] == g}) for g in columns}
    if SELLING in columns and not members[SELLING]:
        members[SELLING] = ["selling data"]
    opt_outs = _group_opt_outs(policy)
    rows = []
    for label, categories in _rows(policy).items():
        ids = {d.id for d in categories}
        terms = {str(d.term) for d in categories}
        cells = tuple(
            _cell(
                [k for k in links if k.data in ids and k.purpose is not None and purposes[k.purpose] == g],
                g in opt_outs,
                no=(g == SELLING and sold is False) or _ruled_out(rules, terms, g, sharing=False),
            )
            for g in columns
        )
        rows.append((label, cells))
    return Grid(
        title="What your data is used for",
        corner="Data",
        empty="The policy names no kinds of data." if not policy.data_categories else "The policy names no purposes.",
        columns=tuple(columns),
        members=tuple(", ".join(members[g]) for g in columns),
        rows=tuple(rows),
    )


def _kind_groups(kind: Vocabulary | CustomTerm) -> list[str]:
    return [_BY_KIND.get(str(kind), term(kind))] if isinstance(kind, Vocabulary) else [term(kind)]


def recipient_groups(recipient: Recipient) -> list[str]:
    """The columns of the recipient grid a recipient falls in: by its kinds, or 'Others named'."""
    kinds = [*([recipient.kind] if recipient.kind else []), *(recipient.kinds or ())]
    groups = [g for kind in kinds for g in _kind_groups(kind)]
    return list(dict.fromkeys(groups)) or [NAMED_ONLY]


@frozen
class Received:
    """What the policy links to one recipient: the data it gets and why (ids, each once, in the policy's order)."""

    data: tuple[str, ...]
    purposes: tuple[str, ...]


def received(policy: PrivacyPolicy) -> dict[str, Received]:
    """What each recipient gets, by recipient id, from every statement that links data or purposes to it.

    Its own entry's ``data`` and ``purposes``; processing statements that name it among their ``recipients``
    or in ``by`` (what it is given, or does itself); the cookies it provides; the transfers that name it.
    """
    data: dict[str, list[str]] = {r.id: list(r.data or ()) for r in policy.recipients or ()}
    purposes: dict[str, list[str]] = {r.id: list(r.purposes or ()) for r in policy.recipients or ()}
    linked: list[tuple[tuple[str, ...], tuple[str, ...] | None, tuple[str, ...] | None]] = [
        *(((*(p.recipients or ()), *(p.by or ())), p.data, p.purposes) for p in policy.processing or ()),
        *(((c.provider,), c.data, c.purposes) for c in policy.cookies or () if c.provider),
        *((t.recipients or (), t.data, None) for t in policy.transfers or ()),
    ]
    for ids, given, why in linked:
        for i in ids:
            if i in data:  # `by` may name a controller
                data[i] += given or ()
                purposes[i] += why or ()
    return {i: Received(tuple(dict.fromkeys(data[i])), tuple(dict.fromkeys(purposes[i]))) for i in data}


def recipient_label(recipient: Recipient, group: str | None = None) -> str:
    """A recipient's name, else the policy's own word for its kind, else its kind in words ('advertisers'): the
    first kind, or the first that falls in column ``group`` (a partner that is also a group company is 'group
    companies' there)."""
    kinds = [*([recipient.kind] if recipient.kind else []), *(recipient.kinds or ())]
    in_group = [k for k in kinds if group in _kind_groups(k)]
    kind = in_group[0] if in_group else kinds[0] if kinds else None
    if recipient.name or recipient.label or kind is None:
        return recipient.name or recipient.label or NOT_STATED
    return KIND_WORDS.get(str(kind), term(kind)) if isinstance(kind, Vocabulary) else term(kind, recipient.description)


def recipient_grid(policy: PrivacyPolicy) -> Grid:
    """Each kind of data against each group of recipients the policy names."""
    groups = {r.id: recipient_groups(r) for r in policy.recipients or ()}
    rules = _prohibitions(policy)
    order = [*RECIPIENT_GROUPS, NAMED_ONLY]
    named = {g for gs in groups.values() for g in gs} | {g for rule in rules for g in rule.recipients or ()}
    columns = sorted(named, key=lambda g: (order.index(g) if g in order else len(RECIPIENT_GROUPS), g))
    members = {g: [recipient_label(r, g) for r in policy.recipients or () if g in groups[r.id]] for g in columns}
    links = [k for k in _links(policy) if k.recipient in groups]
    rows = []
    for label, categories in _rows(policy).items():
        ids = {d.id for d in categories}
        terms = {str(d.term) for d in categories}
        cells = tuple(
            _cell(
                [k for k in links if k.data in ids and k.recipient is not None and g in groups[k.recipient]],
                False,
                no=_ruled_out(rules, terms, g, sharing=True),
            )
            for g in columns
        )
        rows.append((label, cells))
    return Grid(
        title="Who receives your data",
        corner="Data",
        empty="The policy names no kinds of data." if not policy.data_categories else "The policy names no recipients.",
        columns=tuple(columns),
        members=tuple(", ".join(dict.fromkeys(members[g])) for g in columns),
        rows=tuple(rows),
    )
