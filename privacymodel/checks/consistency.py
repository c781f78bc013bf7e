"""Consistency checks JSON Schema cannot express, and the warnings that go with them."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from privacymodel.model.fields import Model
from privacymodel.model.policy import ContactPoint, Cookie, PrivacyPolicy
from privacymodel.model.vocab import CustomTerm, LegalBasisTerm, RightKind
from privacymodel.problems import Code, Problem, format_path

__all__ = ["CONSENT_BASES", "RIGHTS_BY_BASIS", "applicable_rights", "check"]

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
    }
)
"""Legal bases that are consent, under which the right to withdraw consent applies."""
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
    bases used (PM302), custom vocabulary terms (PM303). Problems carry paths;
    :func:`privacymodel.validate_text` adds file positions.
    """
    errors: list[Problem] = []
    warnings: list[Problem] = []
    objects = list(_walk(policy, ()))

    # Ids, by the collection a reference names.
    declared: dict[str, dict[str, tuple[Any, ...]]] = {}
    for name in (
        "data_categories",
        "purposes",
        "legal_bases",
        "recipients",
        "retention",
        "processing",
        "cookies",
        "rights",
        "transfers",
    ):
        seen: dict[str, tuple[Any, ...]] = {}
        for index, item in enumerate(getattr(policy, name) or ()):
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            here = (name, index, "id")
            if item_id in seen:
                errors.append(_duplicate(item_id, here, seen[item_id]))
            else:
                seen[item_id] = here
        declared[name] = seen
    contacts: dict[str, tuple[Any, ...]] = {}
    for obj, path in objects:
        if isinstance(obj, ContactPoint) and obj.id is not None:
            here = (*path, "id")
            if obj.id in contacts:
                errors.append(_duplicate(obj.id, here, contacts[obj.id]))
            else:
                contacts[obj.id] = here
    declared["contacts"] = contacts

    # References, and custom terms (reported last, as warnings), in one pass over the fields.
    custom: list[Problem] = []
    for obj, path in objects:
        for field in attrs.fields(typing.cast(Any, type(obj))):
            target = field.metadata.get("ref")
            value = getattr(obj, field.name)
            if isinstance(value, CustomTerm):
                custom.append(_custom((*path, field.name), value))
            elif type(value) is tuple and value and isinstance(value[0], str) and target is None:
                custom += [_custom((*path, field.name, i), term) for i, term in enumerate(value) if isinstance(term, CustomTerm)]
            if target is None or value is None:
                continue
            targets = declared[target]
            refs = (
                [(value, (*path, field.name))]
                if type(value) is str
                else [(ref, (*path, field.name, index)) for index, ref in enumerate(value)]
            )
            for ref, here in refs:
                if ref not in targets:
                    code = (
                        Code.UNDECLARED_PROVIDER if isinstance(obj, Cookie) and field.name == "provider" else Code.UNDECLARED_ID
                    )
                    noun = target.replace("_", " ")
                    errors.append(
                        Problem(code=code, message=f"{ref!r} is not the id of any of the policy's {noun}", path=format_path(here))
                    )

    document = policy.document
    if document.effective_date and document.last_updated and document.last_updated < document.effective_date:
        errors.append(
            Problem(
                code=Code.DATES_OUT_OF_ORDER,
                message=f"last updated {document.last_updated} is before the effective date {document.effective_date}",
                path=format_path(("document", "last_updated")),
            )
        )

    # Warnings.
    rights = {right.kind for right in policy.rights or ()}
    for index, basis in enumerate(policy.legal_bases or ()):
        if basis.basis in CONSENT_BASES and RightKind.WITHDRAW_CONSENT not in rights:
            warnings.append(
                Problem(
                    code=Code.NO_WITHDRAWAL,
                    severity="warning",
                    message=f"consent ({basis.basis}) is relied on but no right to withdraw consent is stated",
                    path=format_path(("legal_bases", index, "basis")),
                )
            )
    table = applicable_rights(basis.basis for basis in policy.legal_bases or () if isinstance(basis.basis, LegalBasisTerm))
    if table is not None:
        applicable, used = table
        for index, right in enumerate(policy.rights or ()):
            if right.kind in _MAPPED_RIGHTS and right.kind not in applicable:
                warnings.append(
                    Problem(
                        code=Code.RIGHT_WITHOUT_BASIS,
                        severity="warning",
                        message=f"the right {str(right.kind)!r} applies under none of the legal bases used ({used})",
                        path=format_path(("rights", index, "kind")),
                    )
                )
    return errors + warnings + custom


def _custom(here: tuple[Any, ...], term: str) -> Problem:
    return Problem(code=Code.CUSTOM_TERM, severity="warning", message=f"custom term {str(term)!r}", path=format_path(here))


def _duplicate(item_id: str, here: tuple[Any, ...], first: tuple[Any, ...]) -> Problem:
    return Problem(
        code=Code.DUPLICATE_ID,
        message=f"duplicate id {item_id!r}: already used at {format_path(first)}",
        path=format_path(here),
    )
