"""Explaining why plain data does not structure into a policy: one problem per fault, with a code and a path.

Loading structures with a fast converter that stops at the first failure;
only then does :func:`explain` validate the data against the exported JSON
Schema and turn every schema error into a :class:`~privacymodel.problems.Problem`
worded for the field it is at. The problems carry paths, not positions;
:func:`~privacymodel.codec.locate.place` adds those.
"""

from __future__ import annotations

import difflib
import functools
import typing
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import cattrs

from privacymodel.codec.converter import StrictTypeError, make_converter
from privacymodel.model.fields import Model, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.formats import FORMATS
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.model.vocab import Vocabulary
from privacymodel.problems import Code, Problem, format_path, kind_of, shown

__all__ = ["explain"]

_Found = list[tuple[tuple[Any, ...], Problem]]
"""Problems, each with the path (a tuple) it is at."""


@functools.cache
def _schema_validator() -> Any:
    # Imported here: only a failing document needs jsonschema, and start-up time matters to the command.
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    from privacymodel.model.schema import json_schema  # noqa: PLC0415

    return Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


_PRIORITY = {Code.WRONG_TYPE: 0, Code.NULL: 0}


def explain(data: dict[str, Any]) -> list[Problem]:
    """Every problem in data that failed to structure, from the schema; cattrs' own errors if the schema saw none."""
    found: dict[tuple[Any, ...], _Found] = {}
    for error in _schema_validator().iter_errors(data):
        for path, problem in _describe(error):
            found.setdefault(tuple(error.absolute_path), []).append((path, problem))
    problems: list[Problem] = []
    for entries in found.values():
        # A value of the wrong type also fails its pattern or vocabulary: report the type alone.
        best = min(_PRIORITY.get(problem.code, 1) for _, problem in entries)
        problems.extend(problem for _, problem in entries if _PRIORITY.get(problem.code, 1) == best)
    if not problems:
        problems = _cattrs_problems(data)
    return problems


def _field_at(path: Iterable[Any]) -> tuple[type[Model] | None, attrs.Attribute[Any] | None, Any]:
    """The model class, field and type at a path (item type for list indices)."""
    cls: Any = PrivacyPolicy
    field = None
    tp: Any = PrivacyPolicy
    for part in path:
        if isinstance(part, int):
            inner = unwrap_optional(tp)[0]
            if typing.get_origin(inner) is not tuple:
                return None, None, None
            tp = typing.get_args(inner)[0]
        else:
            inner = unwrap_optional(tp)[0]
            if not (isinstance(inner, type) and issubclass(inner, Model)):
                return None, None, None
            cls = inner
            field = attrs.fields_dict(typing.cast(Any, cls)).get(part)
            if field is None:
                return None, None, None
            tp = type_hints(cls)[part]
    return cls, field, unwrap_optional(tp)[0]


# --- describing one schema error --------------------------------------------

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
}


def _problem(code: str, message: str, at: tuple[Any, ...]) -> tuple[tuple[Any, ...], Problem]:
    return at, Problem(code=code, message=message, path=format_path(at))


def _describe(error: Any) -> _Found:
    """The problems one schema error stands for, worded by its keyword and the field it is at."""
    path = tuple(error.absolute_path)
    _, field, tp = _field_at(path)
    describe = _DESCRIBERS.get(error.validator)
    found = describe(error, path, field, tp) if describe is not None else None
    if found is None:
        return [_problem(Code.INVALID_VALUE, f"invalid value at {format_path(path)}: {error.message}", path)]
    return found


def _unknown_keys(error: Any, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    allowed = list(error.schema.get("properties", {}))
    out = []
    for key in error.instance:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(allowed)}"
            out.append(_problem(Code.UNKNOWN_KEY, f"unknown key {shown(key)}{hint}", (*path, key)))
    return out


def _missing_keys(error: Any, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    out = []
    for key in error.validator_value:
        if key not in error.instance:
            description = error.schema.get("properties", {}).get(key, {}).get("description", "")
            out.append(_problem(Code.MISSING_KEY, f"missing required key {key!r}: {description}", path))
    return out


def _wrong_type(error: Any, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    value = error.instance
    if value is None:
        return [_problem(Code.NULL, "null is not a value: leave the key out if the policy does not state it", path)]
    expected = _TYPE_NAMES.get(error.validator_value, str(error.validator_value))
    message = f"expected {expected}; got {kind_of(value)}"
    if error.validator_value == "string" and isinstance(value, (bool, int, float)):
        message += " (quote the value to keep it as text)"
    return [_problem(Code.WRONG_TYPE, message, path)]


def _alternatives(error: Any, path: tuple[Any, ...], _field: Any, tp: Any) -> _Found | None:
    """``anyOf``/``oneOf``: keys of which one is required, or a vocabulary term; None for any other alternatives."""
    if error.validator == "anyOf" and all("required" in branch for branch in error.validator_value):
        names = ", ".join(branch["required"][0] for branch in error.validator_value)
        return [_problem(Code.ONE_OF_REQUIRED, f"at least one of {names} is required", path)]
    vocabulary = open_vocabulary(tp) or (tp if isinstance(tp, type) and issubclass(tp, Vocabulary) else None)
    if vocabulary is None:
        return None
    value = error.instance
    if not isinstance(value, str):
        return [_problem(Code.WRONG_TYPE, f"expected a {vocabulary.__name__} term (text); got {kind_of(value)}", path)]
    terms = [member.value for member in vocabulary]
    close = difflib.get_close_matches(value, terms, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    custom = " Terms outside the vocabulary start with 'x-'." if open_vocabulary(tp) else ""
    return [_problem(Code.NOT_IN_VOCABULARY, f"{shown(value)} is not a {vocabulary.__name__} term{hint}{custom}", path)]


def _too_few_items(error: Any, path: tuple[Any, ...], field: attrs.Attribute[Any] | None, _tp: Any) -> _Found:
    optional = field is not None and field.default is not attrs.NOTHING
    hint = "; leave the key out if the policy is silent" if optional else ""
    return [_problem(Code.TOO_FEW_ITEMS, f"expected at least {error.validator_value} item(s){hint}", path)]


def _invalid_value(error: Any, path: tuple[Any, ...], field: attrs.Attribute[Any] | None, tp: Any) -> _Found:
    """``pattern``, ``format``, ``enum``, ``minimum``, ``maximum``: the value is of the right type but not allowed."""
    value = error.instance
    if path == ("privacymodel",):
        message = f"unsupported format version {shown(value)}: this release reads {FORMAT_VERSION[:4]}x"
        return [_problem(Code.UNSUPPORTED_VERSION, message, path)]
    if error.validator in ("minimum", "maximum"):
        low, high = (field.metadata.get("minimum"), field.metadata.get("maximum")) if field is not None else (None, None)
        return [_problem(Code.INVALID_VALUE, f"{value!r} is out of range: expected {low} to {high}", path)]
    fmt = FORMATS.get((field.metadata.get("fmt") if field is not None else None) or "text")
    if tp is not str and field is not None and fmt is FORMATS["text"]:
        fmt = FORMATS["date"]  # date fields carry no format name
    description = fmt.description if fmt is not None else "a valid value"
    message = f"expected {description[0].lower()}{description[1:].rstrip('.')}; got {shown(value)}"
    return [_problem(Code.INVALID_VALUE, message, path)]


_DESCRIBERS: dict[str, Callable[[Any, tuple[Any, ...], Any, Any], _Found | None]] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _wrong_type,
    "anyOf": _alternatives,
    "oneOf": _alternatives,
    "minItems": _too_few_items,
    **dict.fromkeys(("pattern", "format", "enum", "minimum", "maximum"), _invalid_value),
}
"""How to describe a schema error, by its keyword; a keyword not here gets a generic PM104."""


# --- when the schema sees no error ------------------------------------------


def _cattrs_problems(data: dict[str, Any]) -> list[Problem]:
    """Problems from cattrs' detailed validation, for failures the schema does not describe.

    This runs only where the converter is stricter than JSON Schema: a whole number written
    as a float (``age: 12.0``) is an integer to the schema but not to the converter.
    """
    try:
        make_converter(detailed_validation=True).structure(data, PrivacyPolicy)
    except Exception as exc:  # noqa: BLE001 - turned into problems below
        return list(_flatten(exc, ()))
    return [Problem(code=Code.INVALID_VALUE, message="the policy could not be built from this data")]  # pragma: no cover


def _flatten(exc: BaseException, path: tuple[Any, ...]) -> Iterable[Problem]:
    """The problems in a (nested) cattrs validation error, each at the path the error notes name."""
    if isinstance(exc, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        for sub, note in typing.cast(list[tuple[Exception, Any]], with_notes):
            yield from _flatten(sub, (*path, getattr(note, "name", getattr(note, "index", None))))
        for sub in without:
            yield from _flatten(sub, path)
        return
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(code=Code.UNKNOWN_KEY, message=f"unknown key {shown(key)}", path=format_path((*path, key)))
        return
    members: tuple[BaseException, ...] | None = getattr(exc, "exceptions", None)  # an exception group
    if members is not None:
        for member in members:
            yield from _flatten(member, path)
        return
    code = (
        Code.MISSING_KEY
        if isinstance(exc, KeyError)
        else Code.WRONG_TYPE
        if isinstance(exc, StrictTypeError)
        else Code.INVALID_VALUE
    )
    message = f"missing required key {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
    yield Problem(code=code, message=message, path=format_path(path))
