"""Reading TILT text, a document or an array of them (the corpus's own dumps): each document read apart.

:func:`read_tilt_text` parses TILT text with the strict reader of policies
(one document, or a JSON array of them), noting text that is not valid JSON
and was read as YAML. :func:`from_tilt_array` reads each document of an array,
giving a :class:`TiltResult` for each: the policy, or why it was refused, with
a file name made from the controller's name. :func:`place_in_array` gives the
problems of the documents of an array their lines and columns in its text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
from attrs import frozen

from privacymodel.codec.locate import place
from privacymodel.codec.yaml_read import parse
from privacymodel.formats.tilt.read import from_tilt
from privacymodel.formats.tilt.recognise import norm
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["TiltResult", "from_tilt_array", "place_in_array", "read_tilt_text"]

_WRAPPER: Final = '{"tilt":\n'
"""An array is read as the value of a key of its own on a line of its own: the reader takes mappings only, and the
lines of the array stay one below their own."""

_MAX_NAME: Final = 60


@frozen(kw_only=True)
class TiltResult:
    """What reading one document of an array gave: its policy, or the problems it was refused for.

    ``name`` is a file name (without its extension) for the policy, made from the
    controller's name (or ``meta.name``) in lower-case ASCII letters, digits and
    hyphens, and unique among the array's documents (``acme``, ``acme-2``).
    ``notes`` (PM402, PM403) and ``problems`` have paths into the array
    (``$[3].controller.name``).
    """

    index: int
    name: str
    policy: PrivacyPolicy | None
    notes: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()


def read_tilt_text(text: str, file: str | None = None) -> tuple[dict[str, Any] | list[Any], list[Problem]]:
    """Parse TILT text: a document (a mapping) or a JSON array of documents; and notes on how it was read.

    The text is read as policies are (no aliases, tags, duplicate keys, deep
    nesting or oversized input); text that starts as JSON but is not valid
    JSON (a trailing comma) is read as YAML and noted (PM403). Raises
    :class:`~privacymodel.problems.PolicyError` for text that cannot be read.
    """
    notes = []
    stripped = text.lstrip(" \t\r\n\ufeff")
    if stripped.startswith(("{", "[")):
        try:
            json.loads(text)
        except ValueError as error:
            where = error if isinstance(error, json.JSONDecodeError) else None
            notes.append(
                Problem(
                    code=Code.REINTERPRETED,
                    severity="warning",
                    message=f"not valid JSON ({where.msg if where else error}); read as YAML, which accepts it",
                    file=file,
                    line=where.lineno if where else None,
                    column=where.colno if where else None,
                )
            )
    if not stripped.startswith("["):
        return parse(text, file), notes
    try:
        wrapped = parse(_WRAPPER + text + "\n}", file)
    except PolicyError as error:
        raise PolicyError([_unwrapped(problem) for problem in error.problems]) from None
    return wrapped["tilt"], notes


def from_tilt_array(documents: Iterable[Any]) -> Iterator[TiltResult]:
    """Read each document of ``documents`` (parsed JSON, as :func:`read_tilt_text` gives it) as a policy, in order."""
    taken: set[str] = set()
    for index, document in enumerate(documents):
        name = _unique(_name_of(document) or f"tilt-{index + 1}", taken)
        notes: list[Problem] = []
        try:
            policy = from_tilt(document, notes=notes)
        except PolicyError as error:
            yield TiltResult(index=index, name=name, policy=None, problems=_within(index, error.problems))
        else:
            yield TiltResult(index=index, name=name, policy=policy, notes=_within(index, notes))


def place_in_array(problems: Sequence[Problem], text: str, file: str | None) -> list[Problem]:
    """The problems of the documents of an array (paths ``$[3]...``), with their lines and columns in its ``text``."""
    moved = [attrs.evolve(p, path="$.tilt" + p.path[1:]) if p.line is None else p for p in problems]
    placed = place(moved, _WRAPPER + text + "\n}", file)
    return [_unwrapped(p) if p.path.startswith("$.tilt") else p for p in placed]


def _unwrapped(problem: Problem) -> Problem:
    """A problem found in the wrapped text, placed and named in the text as written."""
    path = "$" + problem.path[len("$.tilt") :] if problem.path.startswith("$.tilt") else problem.path
    line = problem.line - 1 if problem.line is not None and problem.line > 1 else problem.line
    return attrs.evolve(problem, path=path, line=line)


def _within(index: int, problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """``problems`` of one document, their paths made paths into the array."""
    return tuple(attrs.evolve(p, path=f"$[{index}]{p.path[1:]}") for p in problems)


def _name_of(document: Any) -> str | None:
    """A file name for a document: its controller's name, else ``meta.name``, in lower-case ASCII; None if neither."""
    if not isinstance(document, dict):
        return None
    for part in ("controller", "meta"):
        found = document.get(part)
        name = found.get("name") if isinstance(found, dict) else None
        if isinstance(name, str) and (safe := "-".join(norm(name).split())[:_MAX_NAME].strip("-")):
            return safe
    return None


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``...: the first not yet taken (then taken)."""
    found, number = name, 1
    while found in taken:
        number += 1
        found = f"{name}-{number}"
    taken.add(found)
    return found
