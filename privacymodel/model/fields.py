"""Field declarations and the value checks derived from them.

A model field is declared once with :func:`fld`: its description, and the
constraints JSON Schema can express (a named ``fmt`` such as ``email`` or
``duration``, one of :data:`~privacymodel.model.formats.FORMATS`, a
``minimum``, ``min_items``, or a ``ref`` to another part of the policy). The
schema exporter reads this metadata; :class:`Model` checks the same
constraints whenever an instance is created, so a policy built in Python and
one loaded from YAML obey the same rules. Every whole number lies within
:data:`MAX_WHOLE_NUMBER` of zero, whether or not its field says more.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Final, Union

import attrs

from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import CustomTerm, Vocabulary, closest_term
from privacymodel.problems import shown

_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")

__all__ = [
    "MAX_WHOLE_NUMBER",
    "Model",
    "fld",
    "int_bounds",
    "open_vocabulary",
    "ref_targets",
    "type_hints",
    "unwrap_optional",
]

MAX_WHOLE_NUMBER: Final = 2**53 - 1
"""The largest whole number a policy holds, 9007199254740991 (and its negative the smallest): the largest that
every JSON reader holds exactly (RFC 7493, I-JSON). The reader refuses a number beyond it in any base (PM104),
and a whole-number field without bounds of its own is held to it in the library and the JSON Schema."""


def fld(  # noqa: PLR0913 - one keyword-only argument per schema constraint, so a declaration reads like the schema
    description: str,
    *,
    required: bool = False,
    fmt: str | None = None,
    ref: str | tuple[str, ...] | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    min_items: int | None = None,
) -> Any:
    """Declare a model field with its description and constraints.

    Optional fields (``required=False``) default to ``None``, which means the
    policy does not state this; an empty tuple means it states there are none.
    ``ref`` names the collection of the policy whose ids the field holds, or a
    tuple of collections when an id may name an item of any of them
    (:func:`ref_targets` gives the tuple either way).
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    metadata = {
        "description": description,
        "fmt": fmt,
        "ref": ref,
        "minimum": minimum,
        "maximum": maximum,
        "min_items": min_items,
    }
    if required:
        return attrs.field(metadata=metadata)
    return attrs.field(default=None, metadata=metadata)


def ref_targets(meta: typing.Mapping[str, Any]) -> tuple[str, ...]:
    """The collections a reference field's ids may name (``("controllers", "recipients")``); empty for any other field."""
    ref = meta.get("ref")
    if ref is None:
        return ()
    return (ref,) if isinstance(ref, str) else tuple(ref)


_HINTS: dict[type, dict[str, Any]] = {}


def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a model class (cached: resolving them is slow)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """Return ``(inner, True)`` for ``X | None``, else ``(tp, False)``."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != len(typing.get_args(tp)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return tp, False


def open_vocabulary(tp: Any) -> type[Vocabulary] | None:
    """Return ``V`` for a ``V | CustomTerm`` union, else ``None``."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if len(args) == 2 and CustomTerm in args:
            other = args[0] if args[1] is CustomTerm else args[1]
            if isinstance(other, type) and issubclass(other, Vocabulary):
                return other
    return None


class _InvalidValueError(Exception):
    """A value a field does not take; the message says why."""


Check = Callable[[Any], Any]
"""A field's check: it returns the value to keep (the value itself, or the vocabulary term a text names) or raises
:class:`_InvalidValueError`."""

_FEW_TERMS: Final = 8
"""A vocabulary of at most this many terms is listed in full when a value is close to none of them."""


def _term_check(vocabulary: type[Vocabulary], *, custom: bool) -> Check:
    """A check that a value is a term of ``vocabulary`` (or, where ``custom``, an ``x-`` custom term); a text naming
    a term becomes the term, so ``Cookie(party="third-party").party is TrackerParty.THIRD_PARTY``."""
    members = vocabulary._value2member_map_
    terms = tuple(member.value for member in vocabulary)

    def check_term(value: Any) -> Any:
        if type(value) is vocabulary or (custom and type(value) is CustomTerm):
            return value
        if not isinstance(value, str):
            raise _InvalidValueError(f"expected a {vocabulary.__name__} term (text); got {shown(value)}")
        text = str.__str__(value)
        member = members.get(text)
        if member is not None:
            return member
        if custom and text.startswith("x-"):
            try:
                return CustomTerm(text)
            except ValueError as error:
                raise _InvalidValueError(str(error)) from None
        raise _InvalidValueError(_not_a_term(text, vocabulary, terms, custom=custom))

    return check_term


def _not_a_term(text: str, vocabulary: type[Vocabulary], terms: tuple[str, ...], *, custom: bool) -> str:
    """Why ``text`` is not a term: the closest term, or every term of a short vocabulary, and the way out if any."""
    from privacymodel.model.hints.terms import term_hint  # noqa: PLC0415 - only a value in error needs the hint tables

    message = f"{shown(text)} is not a {vocabulary.__name__} term"
    hint = term_hint(vocabulary, text)
    close = closest_term(text, terms) if hint is None else None
    if hint is not None:
        message += f"; {hint}"
    elif close is not None:
        message += f"; did you mean {close!r}?"
    elif len(terms) <= _FEW_TERMS:
        message += f"; expected one of {', '.join(terms)}"
    if custom:
        message += ("" if message.endswith("?") else ".") + " Terms outside the vocabulary start with 'x-'."
    return message


def _not_of_format(name: str, value: str) -> str:
    """Why ``value`` is not of the format ``name``, with the value it was most likely meant to be, if one."""
    from privacymodel.model.hints.formats import format_hint  # noqa: PLC0415 - only a value in error needs the hint tables

    fmt = FORMATS[name]
    message = f"expected {fmt.description[0].lower()}{fmt.description[1:-1]}; got {shown(value)}"
    hint = format_hint(name, value)
    return f"{message}; {hint}" if hint else message


def _value_check(tp: Any, meta: typing.Mapping[str, Any]) -> Check | None:
    """A check for one value of type ``tp`` (not a tuple), or None when nothing is constrained."""
    vocabulary = open_vocabulary(tp)
    if vocabulary is not None:
        return _term_check(vocabulary, custom=True)
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return _term_check(tp, custom=False)
    if tp is str:
        fmt = FORMATS[meta["fmt"] or "text"]

        def check_str(value: Any) -> Any:
            if isinstance(value, str):
                if not fmt.check(value):
                    raise _InvalidValueError(_not_of_format(fmt.name, value))
                if _LONE_SURROGATE.search(value):
                    # Text that is not Unicode cannot be written as UTF-8 YAML, JSON or an IRI; the reader refuses
                    # it as PM002, and built or structured policies must not hold it either.
                    raise _InvalidValueError(f"expected Unicode text; got {shown(value)}, which holds a lone surrogate")
            return value

        return check_str
    if tp is int:
        low, high = int_bounds(meta)

        def check_int(value: Any) -> Any:
            if isinstance(value, int) and not low <= value <= high:
                raise _InvalidValueError(f"expected a whole number from {low} to {high}; got {shown(value)}")
            return value

        return check_int
    return None


def int_bounds(meta: typing.Mapping[str, Any]) -> tuple[int, int]:
    """The least and greatest value of a whole-number field: its own ``minimum``/``maximum``, else ±:data:`MAX_WHOLE_NUMBER`."""
    low, high = meta.get("minimum"), meta.get("maximum")
    return (-MAX_WHOLE_NUMBER if low is None else low), (MAX_WHOLE_NUMBER if high is None else high)


def _field_check(field: attrs.Attribute[Any], hint: Any) -> Check | None:
    meta = field.metadata
    tp, _ = unwrap_optional(hint)
    if typing.get_origin(tp) is tuple:
        item_check = _value_check(typing.get_args(tp)[0], meta)
        min_items = meta["min_items"]

        def check_tuple(value: Any) -> Any:
            if min_items is not None and len(value) < min_items:
                raise _InvalidValueError(f"expected at least {min_items} item(s); got {len(value)}")
            if item_check is None:
                return value
            kept: list[Any] = []
            try:
                kept.extend(item_check(item) for item in value)
            except _InvalidValueError as error:
                raise _InvalidValueError(f"item {len(kept)}: {error}") from None
            return value if all(new is old for new, old in zip(kept, value, strict=True)) else tuple(kept)

        return check_tuple
    return _value_check(tp, meta)


class Model:
    """Base of every model class: checks field constraints when an instance is created.

    ``one_of_required`` names fields of which at least one must be set; ``exclusive`` names pairs of fields of
    which at most one may be set (a cookie's exact ``name`` and its ``name_prefix``). A vocabulary field takes its terms (or
    their text, which becomes the term) and, where the field allows, ``x-`` custom terms; any other value
    raises ValueError naming the field, the value and the closest term. Each subclass's docstring gains an
    "Attributes" section listing its fields with their descriptions, so ``help()`` shows them.
    """

    __slots__ = ()
    one_of_required: ClassVar[tuple[str, ...]] = ()
    exclusive: ClassVar[tuple[tuple[str, str], ...]] = ()
    _checks: ClassVar[tuple[tuple[str, Check], ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # attrs makes the class twice (the second time with slots): the fields are known the second time.
        fields = cls.__dict__.get("__attrs_attrs__")
        if fields is not None and cls.__doc__ is not None and "\nAttributes:\n" not in cls.__doc__:
            cls.__doc__ = _with_attributes(cls.__doc__, fields)

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        checks = cls.__dict__.get("_checks")
        if checks is None:
            checks = _build_checks(cls)
        for name, check in checks:
            value = getattr(self, name)
            if value is not None:
                try:
                    kept = check(value)
                except _InvalidValueError as error:
                    raise ValueError(f"{cls.__name__}.{name}: {error}") from None
                if kept is not value:
                    object.__setattr__(self, name, kept)
        if self.one_of_required and all(getattr(self, n) is None for n in self.one_of_required):
            names = ", ".join(self.one_of_required)
            raise ValueError(f"{cls.__name__}: at least one of {names} must be given")
        for first, second in self.exclusive:
            if getattr(self, first) is not None and getattr(self, second) is not None:
                raise ValueError(f"{cls.__name__}: give {first} or {second}, not both")


def _with_attributes(doc: str, fields: Iterable[attrs.Attribute[Any]]) -> str:
    """``doc`` followed by an "Attributes" section: each field, its type, whether it is required, its description."""
    lines = [inspect.cleandoc(doc), "", "Attributes:"]
    for field in fields:
        required = ", required" if field.default is attrs.NOTHING else ""
        # The annotation as written (a string under postponed evaluation), else the type's name.
        tp = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))
        lines.append(f"    {field.name} ({tp}{required}): {field.metadata.get('description', '')}")
    return "\n".join(lines) + "\n"


def _build_checks(cls: type[Model]) -> tuple[tuple[str, Check], ...]:
    hints = type_hints(cls)
    checks: list[tuple[str, Check]] = []
    for field in attrs.fields(typing.cast(Any, cls)):
        check = _field_check(field, hints[field.name])
        if check is not None:
            checks.append((field.name, check))
    result = tuple(checks)
    type.__setattr__(cls, "_checks", result)
    return result
