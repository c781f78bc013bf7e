"""Consistency checks JSON Schema cannot express, and the warnings that go with them."""

from __future__ import annotations

import itertools
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from privacymodel.codec.suggest import reference_hints
from privacymodel.model.fields import Model, ref_targets
from privacymodel.model.policy import ContactPoint, Cookie, PrivacyPolicy
from privacymodel.model.vocab import CustomTerm, LegalBasisTerm, RightKind, closest_term
from privacymodel.problems import Code, Problem, format_path

__all__ = ["CONSENT_BASES", "RIGHTS_BY_BASIS", "applicable_rights", "bases_with_purposes", "check", "tied_data"]

# Which GDPR rights apply under which Art. 6(1) basis (DPV's legal-basis/rights mapping).
_ALWAYS: Final = {RightKind.ACCESS, RightKind.RECTIFICATION, RightKind.RESTRICTION, RightKind.COMPLAINT}
RIGHTS_BY_BASIS: Final[dict[LegalBasisTerm, frozenset[RightKind]]] = {
    LegalBasisTerm.A6_1_A: frozenset(
        _ALWAYS | {RightKind.ERASURE, RightKind.PORTABILITY, RightKind.AUTOMATED_DECISION, RightKind.WITHDRAW_CONSENT}
    ),
    LegalBasisTerm.A6_1_B: frozenset(_ALWAYS | {RightKind.ERASURE, RightKind.PORTABILITY, RightKind.AUTOMATED_DECISION}),
    LegalBasisTerm.A6_1_C: frozenset(_ALWAYS),
    LegalBasisTerm.A6_1_D: frozenset(_ALWAYS | {RightKind.ERASURE, RightKind.AUTOMATED_DECISION}),
    LegalBasisTerm.A6_1_E: frozenset(_ALWAYS | {RightKind.OBJECTION, RightKind.AUTOMATED_DECISION}),
    LegalBasisTerm.A6_1_F: frozenset(_ALWAYS | {RightKind.ERASURE, RightKind.OBJECTION, RightKind.AUTOMATED_DECISION}),
}
"""GDPR rights that apply under each Art. 6(1) legal basis; refinements (A6-1-a-explicit-consent) inherit."""

CONSENT_BASES: Final = frozenset(
    {
        LegalBasisTerm.A6_1_A,
        LegalBasisTerm.A6_1_A_EXPLICIT,
        LegalBasisTerm.A6_1_A_NON_EXPLICIT,
        LegalBasisTerm.A9_2_A,
        LegalBasisTerm.CONSENT,
        LegalBasisTerm.EXPRESS_CONSENT,
        LegalBasisTerm.EXPLICIT_CONSENT,
    }
)
"""Legal bases that are consent, under which the right to withdraw consent applies. Implied consent and opt-out
consent are not among them: neither is asked for, and opting out is the way to stop the processing they cover."""
_MAPPED_RIGHTS: Final = frozenset().union(*RIGHTS_BY_BASIS.values())


def _parent_basis(term: LegalBasisTerm) -> LegalBasisTerm | None:
    """``A6-1-a-explicit-consent`` -> ``A6-1-a``; None for bases outside Art. 6(1)."""
    value = term.value
    if not value.startswith("A6-1-"):
        return None
    return typing.cast(LegalBasisTerm, LegalBasisTerm._value2member_map_[value[:6]])


def applicable_rights(bases: Iterable[LegalBasisTerm]) -> tuple[frozenset[RightKind], str] | None:
    """The GDPR rights that apply under ``bases``, and the Art. 6(1) bases named (``A6-1-b, A6-1-f``).

    None when there is no basis, or one outside Art. 6(1), so the table cannot say.
    """
    parents = {_parent_basis(basis) for basis in bases}
    if not parents or None in parents:
        return None
    known = [p for p in parents if p is not None]
    return frozenset().union(*(RIGHTS_BY_BASIS[p] for p in known)), ", ".join(sorted(p.value for p in known))


def _walk(obj: Model, path: tuple[Any, ...]) -> Iterator[tuple[Model, tuple[Any, ...]]]:
    """Yield every model instance under ``obj`` with its path."""
    yield obj, path
    for field in attrs.fields(typing.cast(Any, type(obj))):
        value = getattr(obj, field.name)
        if isinstance(value, Model):
            yield from _walk(value, (*path, field.name))
        elif type(value) is tuple and value and isinstance(value[0], Model):
            for index, item in enumerate(value):
                yield from _walk(item, (*path, field.name, index))


def check(policy: PrivacyPolicy) -> list[Problem]:
    """Return the consistency problems of ``policy``: errors first, then warnings.

    Errors: duplicate ids (PM201), references to undeclared ids (PM202; PM204
    for a cookie's provider), a last-updated date before the effective date
    (PM203). Warnings: consent relied on with no right to withdraw it stated
    (PM301), a GDPR right declared that applies under none of the Art. 6(1)
    bases used (PM302), custom vocabulary terms (PM303), a data category tied
    to no purpose (PM304, see :func:`tied_data`), a legal basis that names no
    purpose (PM305, see :func:`bases_with_purposes`). Problems carry paths;
    :func:`privacymodel.validate_text` adds file positions.
    """
    objects = list(_walk(policy, ()))
    declarations = list(_declarations(policy, objects))
    return list(
        itertools.chain(
            _duplicate_ids(declarations),
            _undeclared_references(objects, declarations),
            _dates(policy),
            _consent_without_withdrawal(policy),
            _rights_without_basis(policy),
            _custom_terms(objects),
            _untied_data(policy),
            _bases_without_purpose(policy),
        )
    )


Path = tuple[Any, ...]
Declaration = tuple[str, str, Path]
"""A declared id: the collection a reference names it by, the id, and where it is declared."""

# The collections whose items have ids that references name (contact points are found anywhere).
_COLLECTIONS: Final = (
    "controllers",
    "data_subjects",
    "data_categories",
    "purposes",
    "legal_bases",
    "recipients",
    "retention",
    "processing",
    "prohibitions",
    "cookies",
    "rights",
    "transfers",
    "recourse",
)


def _declarations(policy: PrivacyPolicy, objects: Iterable[tuple[Model, Path]]) -> Iterator[Declaration]:
    """Every id declared: the collections' items first, then the contact points wherever they stand."""
    for name in _COLLECTIONS:
        for index, item in enumerate(getattr(policy, name) or ()):
            item_id = getattr(item, "id", None)
            if item_id is not None:
                yield name, item_id, (name, index, "id")
    for obj, path in objects:
        if isinstance(obj, ContactPoint) and obj.id is not None:
            yield "contacts", obj.id, (*path, "id")


def _duplicate_ids(declarations: Iterable[Declaration]) -> Iterator[Problem]:
    """PM201: an id declared twice in the same collection, naming where it was first."""
    first: dict[tuple[str, str], Path] = {}
    for collection, item_id, here in declarations:
        if (collection, item_id) in first:
            yield _duplicate(item_id, here, first[(collection, item_id)])
        else:
            first[(collection, item_id)] = here


# A dangling reference names the closest declared id ("did you mean 'ads'?"). Finding it compares the reference with
# each id its collections declare, and a comparison costs up to the product of the two lengths: so only references
# and ids of at most _SUGGEST_LENGTH characters are compared, and at most _SUGGEST_BUDGET comparisons are made for a
# whole policy. Input full of dangling references, or of long ids, costs no more to check than input with a few.
_SUGGEST_LENGTH: Final = 64
_SUGGEST_BUDGET: Final = 2000


class _Suggester:
    """The closest declared id to each dangling reference, within the budget of comparisons."""

    def __init__(self, declared: dict[str, dict[str, None]]) -> None:
        self.declared = declared
        self.budget = _SUGGEST_BUDGET
        self.found: dict[tuple[str, tuple[str, ...]], str] = {}

    def __call__(self, ref: str, targets: tuple[str, ...]) -> str:
        """'; did you mean 'ads'?' for the declared id closest to ``ref``, or '' when none is close (or it costs too much)."""
        if (ref, targets) in self.found:
            return self.found[(ref, targets)]
        size = sum(len(self.declared[target]) for target in targets)
        if len(ref) > _SUGGEST_LENGTH or size > self.budget:
            return ""
        self.budget -= size
        ids = [item_id for target in targets for item_id in self.declared[target] if len(item_id) <= _SUGGEST_LENGTH]
        close = closest_term(ref, ids)
        text = self.found[(ref, targets)] = f"; did you mean {close!r}?" if close is not None else ""
        return text


def _undeclared_references(objects: Iterable[tuple[Model, Path]], declarations: Iterable[Declaration]) -> Iterator[Problem]:
    """PM202 (PM204 for a cookie's provider): a reference field naming an id its collections do not declare.

    The message says what the reference names instead where it names something (a purpose's term, a recipient's
    name: :func:`~privacymodel.codec.suggest.reference_hints`), else the closest declared id where one is close
    enough to suggest.
    """
    declared: dict[str, dict[str, None]] = {name: {} for name in (*_COLLECTIONS, "contacts")}
    for collection, item_id, _ in declarations:
        declared[collection][item_id] = None
    suggest = _Suggester(declared)
    hints = reference_hints(objects)
    for obj, path in objects:
        for field in attrs.fields(typing.cast(Any, type(obj))):
            targets = ref_targets(field.metadata)
            value = getattr(obj, field.name)
            if not targets or value is None:
                continue
            refs = (
                [(value, (*path, field.name))]
                if type(value) is str
                else [(ref, (*path, field.name, index)) for index, ref in enumerate(value)]
            )
            code = Code.UNDECLARED_PROVIDER if isinstance(obj, Cookie) and field.name == "provider" else Code.UNDECLARED_ID
            noun = " or ".join(target.replace("_", " ") for target in targets)
            for ref, here in refs:
                if not any(ref in declared[target] for target in targets):
                    hint = hints(ref, targets)
                    message = f"{ref!r} is not the id of any of the policy's {noun}"
                    message += f"; {hint}" if hint else suggest(ref, targets)
                    yield Problem(code=code, message=message, path=format_path(here))


def _dates(policy: PrivacyPolicy) -> Iterator[Problem]:
    """PM203: the last-updated date before the effective date."""
    document = policy.document
    if document.effective_date and document.last_updated and document.last_updated < document.effective_date:
        yield Problem(
            code=Code.DATES_OUT_OF_ORDER,
            message=f"last updated {document.last_updated} is before the effective date {document.effective_date}",
            path=format_path(("document", "last_updated")),
        )


def _consent_without_withdrawal(policy: PrivacyPolicy) -> Iterator[Problem]:
    """PM301 (warning): each consent basis relied on while no right to withdraw consent is stated."""
    if RightKind.WITHDRAW_CONSENT in {right.kind for right in policy.rights or ()}:
        return
    for index, basis in enumerate(policy.legal_bases or ()):
        if basis.basis in CONSENT_BASES:
            yield Problem(
                code=Code.NO_WITHDRAWAL,
                severity="warning",
                message=f"consent ({basis.basis}) is relied on but no right to withdraw consent is stated",
                path=format_path(("legal_bases", index, "basis")),
            )


def _rights_without_basis(policy: PrivacyPolicy) -> Iterator[Problem]:
    """PM302 (warning): a GDPR right that applies under none of the Art. 6(1) bases used."""
    table = applicable_rights(basis.basis for basis in policy.legal_bases or () if isinstance(basis.basis, LegalBasisTerm))
    if table is None:
        return
    applicable, used = table
    for index, right in enumerate(policy.rights or ()):
        if right.kind in _MAPPED_RIGHTS and right.kind not in applicable:
            yield Problem(
                code=Code.RIGHT_WITHOUT_BASIS,
                severity="warning",
                message=f"the right {str(right.kind)!r} applies under none of the legal bases used ({used})",
                path=format_path(("rights", index, "kind")),
            )


def _custom_terms(objects: Iterable[tuple[Model, Path]]) -> Iterator[Problem]:
    """PM303 (warning): each custom vocabulary term, in a field of its own or in a list of terms."""
    for obj, path in objects:
        for field in attrs.fields(typing.cast(Any, type(obj))):
            value = getattr(obj, field.name)
            if isinstance(value, CustomTerm):
                yield _custom((*path, field.name), value)
            elif type(value) is tuple and value and isinstance(value[0], str) and field.metadata.get("ref") is None:
                yield from (_custom((*path, field.name, i), term) for i, term in enumerate(value) if isinstance(term, CustomTerm))


def tied_data(policy: PrivacyPolicy) -> frozenset[str]:
    """The ids of the data categories the policy ties to a purpose.

    A data category is tied to a purpose when one statement names both: a processing statement, legal basis,
    recipient, cookie or retention statement that lists the category's id in its ``data`` and at least one
    purpose in its ``purposes``. A statement that leaves ``data`` unset ties nothing, even a retention
    statement (for which unset means all data): saying how long everything is kept, or that a recipient gets
    some data for a purpose, does not say what each category is for. Nor does a link through another statement
    count (a processing statement naming a legal basis whose ``purposes`` are set): the tie is stated where the
    data is named, as exports that list purposes per data category need it.
    """
    statements: Iterable[Any] = itertools.chain(
        policy.processing or (),
        policy.legal_bases or (),
        policy.recipients or (),
        policy.cookies or (),
        policy.retention or (),
    )
    return frozenset(category for item in statements if item.purposes for category in item.data or ())


def bases_with_purposes(policy: PrivacyPolicy) -> frozenset[str]:
    """The ids of the legal bases that name a purpose.

    A legal basis names a purpose when its own ``purposes`` are set, or when a processing statement or a cookie
    lists the basis in its ``legal_bases`` and names at least one purpose.
    """
    linking: Iterable[Any] = itertools.chain(policy.processing or (), policy.cookies or ())
    named = {basis for item in linking if item.purposes for basis in item.legal_bases or ()}
    return frozenset(named | {basis.id for basis in policy.legal_bases or () if basis.purposes})


def _untied_data(policy: PrivacyPolicy) -> Iterator[Problem]:
    """PM304 (warning): each data category tied to no purpose (see :func:`tied_data`)."""
    if not policy.data_categories:
        return
    tied = tied_data(policy)
    for index, category in enumerate(policy.data_categories):
        if category.id not in tied:
            yield Problem(
                code=Code.UNTIED_DATA,
                severity="warning",
                message=(
                    f"the data category {category.id!r} is tied to no purpose: no processing statement, legal basis, "
                    "recipient, cookie or retention statement lists it with a purpose"
                ),
                path=format_path(("data_categories", index, "id")),
            )


def _bases_without_purpose(policy: PrivacyPolicy) -> Iterator[Problem]:
    """PM305 (warning): each legal basis that names no purpose (see :func:`bases_with_purposes`).

    A basis stated to be ``conditional`` ('where applicable') is listed as the policy lists it, tied to no
    purpose, and is not reported.
    """
    if not policy.legal_bases:
        return
    named = bases_with_purposes(policy)
    for index, basis in enumerate(policy.legal_bases):
        if basis.id not in named and not basis.conditional:
            yield Problem(
                code=Code.BASIS_WITHOUT_PURPOSE,
                severity="warning",
                message=(
                    f"the legal basis {basis.id!r} ({basis.basis}) names no purpose: neither it nor a processing "
                    "statement or cookie that lists it names one"
                ),
                path=format_path(("legal_bases", index, "id")),
            )


def _custom(here: tuple[Any, ...], term: str) -> Problem:
    return Problem(code=Code.CUSTOM_TERM, severity="warning", message=f"custom term {str(term)!r}", path=format_path(here))


def _duplicate(item_id: str, here: tuple[Any, ...], first: tuple[Any, ...]) -> Problem:
    return Problem(
        code=Code.DUPLICATE_ID,
        message=f"duplicate id {item_id!r}: already used at {format_path(first)}",
        path=format_path(here),
    )
