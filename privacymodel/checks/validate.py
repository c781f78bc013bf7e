"""Loading, checking and writing policies: the functions re-exported by the package."""

from __future__ import annotations

import difflib
import functools
import os
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import cattrs

from privacymodel.checks.consistency import check
from privacymodel.codec.converter import StrictTypeError, make_converter
from privacymodel.codec.yaml_read import MAX_INPUT_BYTES, Record, decode, dump_yaml, locate, parse
from privacymodel.model.fields import FORMATS, Model, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.policy import FORMAT_VERSION, PrivacyPolicy
from privacymodel.model.vocab import Vocabulary
from privacymodel.problems import Code, PolicyError, Problem, format_path, kind_of, shown

__all__ = ["dump", "load", "loads", "structure", "unstructure", "validate_file", "validate_text"]

_CONVERTER = make_converter()

PathLike = str | os.PathLike[str]


def unstructure(policy: PrivacyPolicy) -> dict[str, Any]:
    """Return the plain JSON form of ``policy`` (what the exported schema describes); unset fields are left out."""
    data: dict[str, Any] = _CONVERTER.unstructure(policy)
    return data


def structure(data: Mapping[str, Any]) -> PrivacyPolicy:
    """Build a policy from plain data (parsed JSON, say), checking it as :func:`loads` does."""
    return _checked(*_from_data(dict(data), None, None, warnings=False))


def dump(policy: PrivacyPolicy) -> str:
    """Write ``policy`` as YAML: deterministic, in field order, unset values left out.

    ``loads(dump(p)) == p`` for every valid policy.
    """
    return dump_yaml(unstructure(policy))


def loads(text: str | bytes, *, file: str | None = None) -> PrivacyPolicy:
    """Read a policy from YAML or JSON text, or raise :class:`PolicyError` listing every error.

    ``file`` names the source in problems. Warnings (custom terms, for example)
    do not raise; :func:`validate_text` returns them.
    """
    return _checked(*_load(text, file, warnings=False))


def load(path: PathLike) -> PrivacyPolicy:
    """Read a policy file (YAML or JSON). Raises :class:`PolicyError`, or :class:`OSError` if it cannot be read."""
    name = os.fspath(path)
    return loads(read_limited(name), file=name)


def validate_text(text: str | bytes, *, file: str | None = None) -> list[Problem]:
    """Return every problem in policy text, errors and warnings, each located; never raises for bad input."""
    return _load(text, file)[1]


def validate_file(path: PathLike) -> list[Problem]:
    """Return every problem in a policy file, as :func:`validate_text` does; a file that cannot be read is PM001."""
    name = os.fspath(path)
    try:
        data = read_limited(name)
    except PolicyError as exc:
        return list(exc.problems)
    except OSError as exc:
        return [Problem(code=Code.UNREADABLE, message=f"cannot read the file: {exc.strerror or exc}", file=name)]
    return validate_text(data, file=name)


def read_limited(name: str) -> bytes:
    """The bytes of the file ``name``; :class:`PolicyError` (PM011) if it is larger than the input limit."""
    with open(name, "rb") as handle:
        data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise PolicyError(
            [
                Problem(
                    code=Code.TOO_LARGE,
                    message=f"the file is larger than the limit of {MAX_INPUT_BYTES} bytes",
                    file=name,
                    line=1,
                    column=1,
                )
            ]
        )
    return data


def _checked(policy: PrivacyPolicy | None, problems: list[Problem]) -> PrivacyPolicy:
    """Return ``policy``, or raise :class:`PolicyError` with the errors among ``problems``."""
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors or policy is None:
        raise PolicyError(errors)
    return policy


def _load(source: str | bytes, file: str | None, *, warnings: bool = True) -> tuple[PrivacyPolicy | None, list[Problem]]:
    try:
        text = decode(source, file)
        data = parse(text, file)
    except PolicyError as exc:
        return None, list(exc.problems)
    return _from_data(data, text, file, warnings=warnings)


def _from_data(
    data: dict[str, Any], text: str | None, file: str | None, *, warnings: bool = True
) -> tuple[PrivacyPolicy | None, list[Problem]]:
    """Structure and check ``data``; ``warnings=False`` drops warnings before they are located (loads has no use for them)."""
    try:
        policy = _CONVERTER.structure(data, PrivacyPolicy)
    except Exception:  # noqa: BLE001 - every structuring failure is explained from the data below
        return None, place(_explain(data), text, file)
    problems = check(policy)
    if not warnings:
        problems = [problem for problem in problems if problem.severity == "error"]
    return policy, place(problems, text, file) if problems else problems


# --- explaining a failure ---------------------------------------------------


@functools.cache
def _schema_validator() -> Any:
    # Imported here: only a failing document needs jsonschema, and start-up time matters to the command.
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    from privacymodel.model.schema import json_schema  # noqa: PLC0415

    return Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


_PRIORITY = {Code.WRONG_TYPE: 0, Code.NULL: 0}


def _explain(data: dict[str, Any]) -> list[Problem]:
    """Every problem in data that failed to structure, from the schema; cattrs' own errors if the schema saw none."""
    found: dict[tuple[Any, ...], list[tuple[tuple[Any, ...], Problem]]] = {}
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


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
}


def _describe(error: Any) -> list[tuple[tuple[Any, ...], Problem]]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.instance
    _, field, tp = _field_at(path)
    here = format_path(path)

    def problem(code: str, message: str, at: tuple[Any, ...] = path) -> tuple[tuple[Any, ...], Problem]:
        return at, Problem(code=code, message=message, path=format_path(at))

    if keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(allowed)}"
                out.append(problem(Code.UNKNOWN_KEY, f"unknown key {shown(key)}{hint}", (*path, key)))
        return out
    if keyword == "required":
        out = []
        for key in error.validator_value:
            if key not in value:
                description = error.schema.get("properties", {}).get(key, {}).get("description", "")
                out.append(problem(Code.MISSING_KEY, f"missing required key {key!r}: {description}"))
        return out
    if keyword == "type":
        if value is None:
            return [problem(Code.NULL, "null is not a value: leave the key out if the policy does not state it")]
        expected = _TYPE_NAMES.get(error.validator_value, str(error.validator_value))
        message = f"expected {expected}; got {kind_of(value)}"
        if error.validator_value == "string" and isinstance(value, (bool, int, float)):
            message += " (quote the value to keep it as text)"
        return [problem(Code.WRONG_TYPE, message)]
    if keyword == "anyOf" and all("required" in branch for branch in error.validator_value):
        names = ", ".join(branch["required"][0] for branch in error.validator_value)
        return [problem(Code.ONE_OF_REQUIRED, f"at least one of {names} is required")]
    if keyword in ("anyOf", "oneOf"):
        vocabulary = open_vocabulary(tp) or (tp if isinstance(tp, type) and issubclass(tp, Vocabulary) else None)
        if vocabulary is not None:
            if not isinstance(value, str):
                return [problem(Code.WRONG_TYPE, f"expected a {vocabulary.__name__} term (text); got {kind_of(value)}")]
            terms = [member.value for member in vocabulary]
            close = difflib.get_close_matches(value, terms, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            custom = " Terms outside the vocabulary start with 'x-'." if open_vocabulary(tp) else ""
            return [problem(Code.NOT_IN_VOCABULARY, f"{shown(value)} is not a {vocabulary.__name__} term{hint}{custom}")]
    if keyword == "minItems":
        optional = field is not None and field.default is not attrs.NOTHING
        hint = "; leave the key out if the policy is silent" if optional else ""
        return [problem(Code.TOO_FEW_ITEMS, f"expected at least {error.validator_value} item(s){hint}")]
    if keyword in ("pattern", "format", "enum", "minimum", "maximum"):
        if path == ("privacymodel",):
            return [
                problem(
                    Code.UNSUPPORTED_VERSION,
                    f"unsupported format version {shown(value)}: this release reads {FORMAT_VERSION[:4]}x",
                )
            ]
        fmt = FORMATS.get((field.metadata.get("fmt") if field is not None else None) or "text")
        if keyword in ("minimum", "maximum"):
            low, high = (field.metadata.get("minimum"), field.metadata.get("maximum")) if field is not None else (None, None)
            return [problem(Code.INVALID_VALUE, f"{value!r} is out of range: expected {low} to {high}")]
        if tp is not str and field is not None and fmt is FORMATS["text"]:
            fmt = FORMATS["date"]  # date fields carry no format name
        description = fmt.description if fmt is not None else "a valid value"
        return [
            problem(Code.INVALID_VALUE, f"expected {description[0].lower()}{description[1:].rstrip('.')}; got {shown(value)}")
        ]
    return [problem(Code.INVALID_VALUE, f"invalid value at {here}: {error.message}")]


def _cattrs_problems(data: dict[str, Any]) -> list[Problem]:
    """Problems from cattrs' detailed validation, for failures the schema does not describe."""
    try:
        make_converter(detailed_validation=True).structure(data, PrivacyPolicy)
    except Exception as exc:  # noqa: BLE001 - turned into problems below
        return list(_flatten(exc, ()))
    return [Problem(code=Code.INVALID_VALUE, message="the policy could not be built from this data")]  # pragma: no cover


def _flatten(exc: BaseException, path: tuple[Any, ...]) -> Iterable[Problem]:
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


def place(problems: list[Problem], text: str | None, file: str | None) -> list[Problem]:
    """Add file, line and column to problems whose paths can be found in ``text``; sort by position."""
    paths = [_parse_path(problem.path) for problem in problems]
    wanted = {
        (*parts, "<key>") if problem.code == Code.UNKNOWN_KEY else parts for parts, problem in zip(paths, problems, strict=True)
    }
    record: Record = locate(text, wanted) if text is not None else {}
    placed = []
    for problem, parts in zip(problems, paths, strict=True):
        position = _position_of(record, parts, key=problem.code == Code.UNKNOWN_KEY)
        line, column = position if position else (None, None)
        message = problem.message
        if problem.code == Code.WRONG_TYPE:
            raw = record.get(parts, (0, 0, None))[2]
            if raw is not None and "quote" in message:
                message = message.replace("(quote the value to keep it as text)", f"(quote it to keep it as text: '{raw}')")
        placed.append(attrs.evolve(problem, file=file, line=line, column=column, message=message))
    placed.sort(key=lambda p: (p.line or 0, p.column or 0, p.code))
    return placed


def _position_of(record: Record, parts: tuple[Any, ...], *, key: bool) -> tuple[int, int] | None:
    """The position of the value at ``parts`` (of its key, with ``key``), else of its nearest ancestor."""
    entry = record.get((*parts, "<key>")) if key else None
    probe = parts
    while entry is None:
        entry = record.get(probe)
        if not probe:
            break
        probe = probe[:-1]
    return (entry[0], entry[1]) if entry is not None else None


def _parse_path(path: str) -> tuple[Any, ...]:
    """Invert :func:`format_path`."""
    parts: list[Any] = []
    i = 1
    while i < len(path):
        if path[i] == ".":
            j = i + 1
            while j < len(path) and path[j] not in ".[":
                j += 1
            parts.append(path[i + 1 : j])
            i = j
        elif path.startswith("['", i):
            j = i + 2
            chars = []
            while path[j] != "'":
                if path[j] == "\\":
                    j += 1
                chars.append(path[j])
                j += 1
            parts.append("".join(chars))
            i = j + 2
        else:
            j = path.index("]", i)
            parts.append(int(path[i + 1 : j]))
            i = j + 1
    return tuple(parts)
