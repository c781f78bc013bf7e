"""Field declarations and the value checks derived from them.

A model field is declared once with :func:`fld`: its description, and the
constraints JSON Schema can express (a named ``fmt`` such as ``email`` or
``duration``, one of :data:`~privacymodel.model.formats.FORMATS`, a
``minimum``, ``min_items``, or a ``ref`` to another part of the policy). The
schema exporter reads this metadata; :class:`Model` checks the same
constraints whenever an instance is created, so a policy built in Python and
one loaded from YAML obey the same rules.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, Union

import attrs

from privacymodel.model.formats import FORMATS
from privacymodel.model.vocab import CustomTerm, Vocabulary

__all__ = ["Model", "fld", "open_vocabulary", "type_hints", "unwrap_optional"]


def fld(  # noqa: PLR0913 - one keyword-only argument per schema constraint, so a declaration reads like the schema
    description: str,
    *,
    required: bool = False,
    fmt: str | None = None,
    ref: str | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    min_items: int | None = None,
) -> Any:
    """Declare a model field with its description and constraints.

    Optional fields (``required=False``) default to ``None``, which means the
    policy does not state this; an empty tuple means it states there are none.
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


Check = Callable[[Any], "str | None"]


def _value_check(tp: Any, meta: dict[str, Any]) -> Check | None:
    """A check for one value of type ``tp`` (not a tuple), or None when nothing is constrained."""
    if tp is str:
        fmt = FORMATS[meta["fmt"] or "text"]

        def check_str(value: Any) -> str | None:
            if isinstance(value, str) and not fmt.check(value):
                return f"expected {fmt.description[0].lower()}{fmt.description[1:-1]}; got {value!r}"
            return None

        return check_str
    if tp is int and (meta["minimum"] is not None or meta["maximum"] is not None):
        low, high = meta["minimum"], meta["maximum"]

        def check_int(value: Any) -> str | None:
            if isinstance(value, int) and ((low is not None and value < low) or (high is not None and value > high)):
                return f"expected a whole number from {low} to {high}; got {value!r}"
            return None

        return check_int
    return None


def _field_check(field: attrs.Attribute[Any], hint: Any) -> Check | None:
    meta = field.metadata
    tp, _ = unwrap_optional(hint)
    if typing.get_origin(tp) is tuple:
        item_check = _value_check(typing.get_args(tp)[0], meta)
        min_items = meta["min_items"]

        def check_tuple(value: Any) -> str | None:
            if value is None:
                return None
            if min_items is not None and len(value) < min_items:
                return f"expected at least {min_items} item(s); got {len(value)}"
            if item_check is not None:
                for index, item in enumerate(value):
                    problem = item_check(item)
                    if problem is not None:
                        return f"item {index}: {problem}"
            return None

        return check_tuple
    return _value_check(tp, meta)


class Model:
    """Base of every model class: checks field constraints when an instance is created.

    ``one_of_required`` names fields of which at least one must be set.
    """

    __slots__ = ()
    one_of_required: ClassVar[tuple[str, ...]] = ()
    _checks: ClassVar[tuple[tuple[str, Check], ...]]

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        checks = cls.__dict__.get("_checks")
        if checks is None:
            checks = _build_checks(cls)
        for name, check in checks:
            value = getattr(self, name)
            if value is not None:
                problem = check(value)
                if problem is not None:
                    raise ValueError(f"{cls.__name__}.{name}: {problem}")
        if self.one_of_required and all(getattr(self, n) is None for n in self.one_of_required):
            names = ", ".join(self.one_of_required)
            raise ValueError(f"{cls.__name__}: at least one of {names} must be given")


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
