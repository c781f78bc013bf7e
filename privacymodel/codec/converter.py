"""The cattrs converter between plain data and the model classes.

:func:`make_converter` configures a fresh :class:`cattrs.Converter` (never the
global one) so that structuring is strict where cattrs would coerce:

* ``str``, ``int`` and ``bool`` accept only that exact type (``False`` does
  not become ``"False"``, ``3.9`` does not become ``3``, ``True`` is not ``1``),
  except that a whole number written as a float (``13.0``, ``1e1``) is that
  whole number, as JSON and JSON Schema count it;
* ``X | None`` refuses an explicit null: leave the key out instead;
* ``tuple[X, ...]`` accepts only a list (a string is not a sequence of letters);
* dates are ``YYYY-MM-DD`` text and must exist;
* vocabulary fields accept their terms' text, and open vocabularies also an
  ``x-`` custom term;
* unknown keys are refused.

Unstructuring omits unset (``None``) fields and writes dates as text, giving
the JSON form that the exported schema describes. :data:`CONVERTER` is the
instance that loading and :func:`unstructure` share.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import Any, Final

import cattrs

from privacymodel.model.fields import MAX_WHOLE_NUMBER, open_vocabulary, unwrap_optional
from privacymodel.model.formats import FORMATS
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.model.vocab import CustomTerm, Vocabulary
from privacymodel.problems import shown

__all__ = ["CONVERTER", "StrictTypeError", "configure_converter", "make_converter", "unstructure"]

_DATE = FORMATS["date"]


class StrictTypeError(TypeError):
    """A value of the wrong type for its field."""


def _exact(tp: type) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not tp:
            raise StrictTypeError(f"expected {tp.__name__}, got {type(value).__name__}")
        return value

    return structure


def _structure_int(value: Any, _: Any) -> int:
    """A whole number; a float only when it is whole and within the model's bound (JSON Schema's ``integer``)."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer() and abs(value) <= MAX_WHOLE_NUMBER:
        return int(value)
    raise StrictTypeError(f"expected int, got {type(value).__name__}")


def _structure_date(value: Any, _: Any) -> dt.date:
    if type(value) is not str:
        raise StrictTypeError(f"expected a date as text, got {type(value).__name__}")
    if not _DATE.check(value):
        raise ValueError(f"not a valid YYYY-MM-DD date: {shown(value)}")
    return dt.date.fromisoformat(value)


def _structure_term(value: Any, tp: type[Vocabulary]) -> Vocabulary:
    if type(value) is not str:
        raise StrictTypeError(f"expected a {tp.__name__} term, got {type(value).__name__}")
    return typing.cast(Vocabulary, tp._value2member_map_[value])


def _term_text(term: Vocabulary | CustomTerm | None) -> str | None:
    return None if term is None else str(term)


def _is_term(tp: Any) -> bool:
    inner = unwrap_optional(tp)[0]
    return _is_vocabulary(inner) or open_vocabulary(inner) is not None


def _is_optional(tp: Any) -> bool:
    return unwrap_optional(tp)[1]


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_vocabulary(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Vocabulary)


def configure_converter(converter: cattrs.Converter) -> None:
    """Make ``converter`` strict as the module docstring lists, and unstructure dates as text."""
    for tp in (str, bool):
        converter.register_structure_hook(tp, _exact(tp))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(CustomTerm, str)

    def open_vocabulary_hook(tp: Any) -> Callable[[Any, Any], Any]:
        vocabulary = typing.cast(type[Vocabulary], open_vocabulary(tp))
        members = vocabulary._value2member_map_

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not str:
                raise StrictTypeError(f"expected a {vocabulary.__name__} term, got {type(value).__name__}")
            member = members.get(value)
            return member if member is not None else CustomTerm(value)

        return structure

    def optional_hook(tp: Any) -> Callable[[Any, Any], Any]:
        inner = unwrap_optional(tp)[0]
        handler = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            if value is None:
                raise StrictTypeError("null is not a value: leave the key out")
            return handler(value, inner)

        return structure

    def tuple_hook(tp: Any) -> Callable[[Any, Any], Any]:
        item_type = typing.get_args(tp)[0]
        handler = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise StrictTypeError(f"expected a list, got {type(value).__name__}")
            return tuple([handler(item, item_type) for item in value])

        return structure

    # Registered on the class, not by predicate: cattrs' exact-type hook for str would otherwise win.
    converter.register_structure_hook(Vocabulary, _structure_term)
    converter.register_structure_hook_factory(lambda tp: open_vocabulary(tp) is not None, open_vocabulary_hook)
    converter.register_structure_hook_factory(_is_tuple, tuple_hook)
    converter.register_structure_hook_factory(_is_optional, optional_hook)
    # Vocabulary members are str subclasses, which cattrs would pass through as they are: write their text.
    converter.register_unstructure_hook(Vocabulary, _term_text)
    converter.register_unstructure_hook_factory(_is_term, lambda _: _term_text)


def make_converter(*, detailed_validation: bool = False) -> cattrs.Converter:
    """Return a new converter configured by :func:`configure_converter`.

    Loading uses ``detailed_validation=False`` for speed and explains a failure
    afterwards; ``True`` collects cattrs' own per-field errors.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed_validation, omit_if_default=True)
    configure_converter(converter)
    return converter


CONVERTER: Final = make_converter()
"""The converter that loading structures with and :func:`unstructure` writes with."""


def unstructure(policy: PrivacyPolicy) -> dict[str, Any]:
    """Return the plain JSON form of ``policy`` (what the exported schema describes); unset fields are left out."""
    data: dict[str, Any] = CONVERTER.unstructure(policy)
    return data
