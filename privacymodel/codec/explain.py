"""Explaining why plain data does not structure into a policy: one problem per fault, with a code and a path.

Loading structures with a fast converter that stops at the first failure;
only then does :func:`explain` check the data against the exported JSON
Schema (:mod:`~privacymodel.codec.schema_check`) and turn every schema error
into a :class:`~privacymodel.problems.Problem` worded for the field it is at.
The problems carry paths, not positions; :func:`~privacymodel.codec.locate.place`
adds those.

However many faults the data holds, the cost stays near that of reading it:
past :data:`MAX_PROBLEMS` problems are only counted by code, never worded,
and one last problem (PM013) says how many there were.
"""

from __future__ import annotations

import collections
import functools
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
import cattrs

from privacymodel.codec.converter import StrictTypeError, make_converter
from privacymodel.codec.schema_check import SchemaError, schema_errors
from privacymodel.codec.suggest import custom_term_hint, data_reference_hints, format_hint, law_of, term_hint
from privacymodel.model.fields import Model, open_vocabulary, ref_targets, type_hints, unwrap_optional
from privacymodel.model.formats import FORMATS
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.model.vocab import Vocabulary, closest_term
from privacymodel.problems import Code, Problem, format_path, kind_of, shown

__all__ = ["MAX_PROBLEMS", "cap", "explain"]

MAX_PROBLEMS: Final = 200
"""The most problems reported for one input by default; the rest are counted in one PM013 problem."""

_Message = str | Callable[[dict[Any, Any]], str]
"""A problem's message, or what writes it when that costs time (a suggestion): only problems reported ask for it,
passing notes kept for the whole input (suggestions already worked out, key lists already given)."""

_Found = list[tuple[tuple[Any, ...], str, _Message]]
"""Problems as ``(path, code, message)``, each at the path (a tuple) it is at."""

_PRIORITY = {Code.WRONG_TYPE: 0, Code.NULL: 0}
_DATA: Final = "data"
_REFERENCES: Final = "references"


def explain(data: dict[str, Any], *, max_problems: int | None = MAX_PROBLEMS) -> list[Problem]:
    """Every problem in data that failed to structure, from the schema; cattrs' own errors if the schema saw none.

    Past ``max_problems`` (None: no limit) problems are counted, not described; one last problem says how many.
    """
    found = _Collected(max_problems)
    found.notes[_DATA] = data  # what a suggestion may read beside the value (a legal basis's law)
    group: list[SchemaError] = []

    def collect(error: SchemaError) -> None:
        # Errors at one path come together: a value's own errors before those of its parts.
        if group and error.path != group[0].path:
            found.add(group)
            group.clear()
        group.append(error)

    schema_errors(data, collect)
    if group:
        found.add(group)
    if not found.problems and not found.counts:
        return cap(_cattrs_problems(data), max_problems)
    return found.problems + _summary(found.counts)


class _Collected:
    """Problems described up to the limit, and past it only counted by code."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.notes: dict[Any, Any] = {}
        self.problems: list[Problem] = []
        self.counts: collections.Counter[str] = collections.Counter()

    def add(self, errors: list[SchemaError]) -> None:
        """Add the problems the errors at one path stand for."""
        entries = [entry for error in errors for entry in _describe(error)]
        if not entries:
            return
        # A value of the wrong type also fails its pattern or vocabulary: report the type alone.
        best = min(_PRIORITY.get(code, 1) for _, code, _ in entries)
        entries = [entry for entry in entries if _PRIORITY.get(entry[1], 1) == best]
        room = len(entries) if self.limit is None else max(self.limit - len(self.problems), 0)
        # Faults that say the same (a date's pattern and format) are one problem: dict.fromkeys keeps one.
        described = dict.fromkeys(
            Problem(code=code, message=message if isinstance(message, str) else message(self.notes), path=format_path(at))
            for at, code, message in entries[:room]
        )
        self.problems.extend(described)
        self.counts.update(code for _, code, _ in entries[room:])


def cap(problems: Iterable[Problem], max_problems: int | None = MAX_PROBLEMS) -> list[Problem]:
    """The first ``max_problems`` of ``problems`` (all with None), then one PM013 problem counting the rest by code."""
    kept: list[Problem] = []
    counts: collections.Counter[str] = collections.Counter()
    errors = 0
    for problem in problems:
        if max_problems is None or len(kept) < max_problems:
            kept.append(problem)
        else:
            counts[problem.code] += 1
            errors += problem.severity == "error"
    return kept + _summary(counts, error=errors > 0)


def _summary(counts: collections.Counter[str], *, error: bool = True) -> list[Problem]:
    """The PM013 problem counting, by code, the problems past the limit (none when there are none)."""
    if not counts:
        return []
    total = sum(counts.values())
    kinds = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    each = ", ".join(f"{code} \u00d7{count:,}" for code, count in kinds)
    problems = "problems" if total > 1 else "problem"
    kind = "kinds" if len(kinds) > 1 else "kind"
    message = f"and {total:,} more {problems} of {len(kinds)} {kind} ({each})"
    return [Problem(code=Code.TOO_MANY_PROBLEMS, message=message, severity="error" if error else "warning")]


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


def _problem(code: str, message: _Message, at: tuple[Any, ...]) -> tuple[tuple[Any, ...], str, _Message]:
    return at, code, message


_field_at_shape = functools.lru_cache(maxsize=1024)(_field_at)
""":func:`_field_at` for a path with every list index 0: the field is the same at every index."""


def _describe(error: Any) -> _Found:
    """The problems one schema error stands for, worded by its keyword and the field it is at."""
    path = tuple(error.absolute_path)
    _, field, tp = _field_at_shape(tuple(0 if isinstance(part, int) else part for part in path))
    describe = _DESCRIBERS.get(error.validator)
    found = describe(error, path, field, tp) if describe is not None else None
    if found is None:
        return [_problem(Code.INVALID_VALUE, f"invalid value at {format_path(path)}: {error.message}", path)]
    return found


def _unknown_key(error: SchemaError, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    """One key the mapping does not allow: the closest allowed key, or (once per kind of mapping) all of them."""
    key, schema = error.key, error.schema

    def message(notes: dict[Any, Any]) -> str:
        allowed = tuple(schema.get("properties", {}))
        close = _closest(notes, str(key), allowed)
        if close is not None:
            return f"unknown key {shown(key)}; did you mean {close!r}?"
        listed = notes.setdefault(("listed", id(schema)), (*path, key))
        if listed != (*path, key):
            return f"unknown key {shown(key)}; expected one of the keys listed for {format_path(listed)}"
        return f"unknown key {shown(key)}; expected one of: {', '.join(allowed)}"

    return [_problem(Code.UNKNOWN_KEY, message, (*path, key))]


def _closest(notes: dict[Any, Any], word: str, choices: tuple[str, ...]) -> str | None:
    """The choice closest to ``word`` (:func:`~privacymodel.model.vocab.closest_term`), if any; worked out once per
    word and choices, as the classes work it out."""
    memo = (word, choices)
    if memo not in notes:
        notes[memo] = closest_term(word, choices)
    found: str | None = notes[memo]
    return found


def _missing_keys(error: SchemaError, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    """One required key the mapping lacks."""
    key = error.key
    description = error.schema.get("properties", {}).get(key, {}).get("description", "")
    return [_problem(Code.MISSING_KEY, f"missing required key {key!r}: {description}", path)]


def _wrong_type(error: Any, path: tuple[Any, ...], _field: Any, tp: Any) -> _Found:
    value = error.instance
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return []  # the vocabulary's own alternatives say it (null too), naming the vocabulary
    if value is None:
        return [_null(path)]
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
    if value is None:
        return [_null(path)]
    if not isinstance(value, str):
        return [_problem(Code.WRONG_TYPE, f"expected a {vocabulary.__name__} term (text); got {kind_of(value)}", path)]
    if open_vocabulary(tp) and value.startswith("x-"):
        message = f"expected a custom term: 'x-' then letters, digits, '.', '_' or '-'; got {shown(value)}"
        return [_problem(Code.INVALID_VALUE, lambda _: _hinted(message, custom_term_hint(value)), path)]
    custom = " Terms outside the vocabulary start with 'x-'." if open_vocabulary(tp) else ""
    terms = _terms(vocabulary)

    def describe(notes: dict[Any, Any]) -> str:
        hint = term_hint(vocabulary, value, law_of(notes.get(_DATA), path))
        if hint is None:
            close = _closest(notes, value, terms)
            hint = f"did you mean {close!r}?" if close is not None else None
        message = _hinted(f"{shown(value)} is not a {vocabulary.__name__} term", hint)
        return message + ("" if message.endswith("?") or not custom else ".") + custom

    return [_problem(Code.NOT_IN_VOCABULARY, describe, path)]


@functools.cache
def _terms(vocabulary: type[Vocabulary]) -> tuple[str, ...]:
    return tuple(member.value for member in vocabulary)


def _null(path: tuple[Any, ...]) -> tuple[tuple[Any, ...], str, _Message]:
    return _problem(Code.NULL, "null is not a value: leave the key out if the policy does not state it", path)


def _too_few_items(error: Any, path: tuple[Any, ...], field: attrs.Attribute[Any] | None, _tp: Any) -> _Found:
    optional = field is not None and field.default is not attrs.NOTHING
    hint = "; leave the key out if the policy is silent" if optional else ""
    return [_problem(Code.TOO_FEW_ITEMS, f"expected at least {error.validator_value} item(s){hint}", path)]


def _invalid_value(error: Any, path: tuple[Any, ...], field: attrs.Attribute[Any] | None, tp: Any) -> _Found:
    """``pattern``, ``format``, ``enum``, ``minimum``, ``maximum``: the value is of the right type but not allowed."""
    value = error.instance
    if path == ("privacymodel",):
        message = f"unsupported format version {shown(value)}: this release reads {FORMAT_VERSION[:4]}x"
        return [_problem(Code.UNSUPPORTED_VERSION, lambda _: _hinted(message, _format_hint("version", value)), path)]
    if error.validator in ("minimum", "maximum"):
        low, high = (field.metadata.get("minimum"), field.metadata.get("maximum")) if field is not None else (None, None)
        return [_problem(Code.INVALID_VALUE, f"{shown(value)} is out of range: expected {low} to {high}", path)]
    fmt = FORMATS.get((field.metadata.get("fmt") if field is not None else None) or "text")
    if tp is not str and field is not None and fmt is FORMATS["text"]:
        fmt = FORMATS["date"]  # date fields carry no format name
    description = fmt.description if fmt is not None else "a valid value"
    message = f"expected {description[0].lower()}{description[1:].rstrip('.')}; got {shown(value)}"
    name = fmt.name if fmt is not None else "text"
    targets = ref_targets(field.metadata) if field is not None else ()
    if targets and isinstance(value, str):  # a reference that is no id: what it names instead, if anything
        return [_problem(Code.INVALID_VALUE, lambda notes: _hinted(message, _reference_hint(notes, value, targets)), path)]
    return [_problem(Code.INVALID_VALUE, lambda _: _hinted(message, _format_hint(name, value)), path)]


def _reference_hint(notes: dict[Any, Any], value: str, targets: tuple[str, ...]) -> str | None:
    """What a reference names instead of an id (a contact point's email address), read from the data explained."""
    hints = notes.get(_REFERENCES)
    if hints is None:
        hints = notes[_REFERENCES] = data_reference_hints(notes.get(_DATA))
    found: str | None = hints(value, targets)
    return found


def _conflicting_keys(error: Any, path: tuple[Any, ...], _field: Any, _tp: Any) -> _Found:
    """``not`` of required pairs: keys of which at most one may be given, reported at the second key of each pair."""
    found: _Found = []
    for branch in error.validator_value.get("anyOf", ()):
        first, second = branch["required"]
        if isinstance(error.instance, dict) and first in error.instance and second in error.instance:
            message = f"give {first} or {second}, not both"
            found.append(((*path, second), Code.CONFLICTING_KEYS, message))
    return found


def _format_hint(name: str, value: Any) -> str | None:
    """The closest value of the format ``name`` to a text value (:func:`~privacymodel.codec.suggest.format_hint`)."""
    return format_hint(name, value) if isinstance(value, str) else None


def _hinted(message: str, hint: str | None) -> str:
    """``message``, then '; did you mean ...?' where there is a suggestion."""
    return f"{message}; {hint}" if hint else message


_DESCRIBERS: dict[str, Callable[[Any, tuple[Any, ...], Any, Any], _Found | None]] = {
    "additionalProperties": _unknown_key,
    "required": _missing_keys,
    "type": _wrong_type,
    "anyOf": _alternatives,
    "oneOf": _alternatives,
    "minItems": _too_few_items,
    "not": _conflicting_keys,
    **dict.fromkeys(("pattern", "format", "enum", "minimum", "maximum"), _invalid_value),
}
"""How to describe a schema error, by its keyword; a keyword not here gets a generic PM104."""


# --- when the schema sees no error ------------------------------------------


def _cattrs_problems(data: dict[str, Any]) -> list[Problem]:
    """Problems from cattrs' detailed validation, for failures the schema does not describe.

    This runs only where the converter is stricter than JSON Schema, which the two are built
    not to be (a whole number written as a float, ``age: 12.0``, is an integer to both): it is
    the last resort that keeps a failure from going unexplained.
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
