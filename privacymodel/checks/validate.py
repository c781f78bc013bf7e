"""Reading policies and checking them: load, loads, structure and the validate functions the package re-exports.

Each reads its input (a file, text or plain data) through the codec layer,
structures it into a :class:`~privacymodel.model.policy.PrivacyPolicy`, runs
the consistency checks, and locates every problem in the source text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from privacymodel.checks.consistency import check
from privacymodel.codec.converter import CONVERTER
from privacymodel.codec.explain import MAX_PROBLEMS, cap, explain
from privacymodel.codec.locate import place
from privacymodel.codec.text import MAX_INPUT_BYTES, decode, position_of, read_limited
from privacymodel.codec.yaml_read import Outline, parse
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["MAX_PROBLEMS", "load", "loads", "read_policy", "structure", "validate_file", "validate_text"]

PathLike = str | os.PathLike[str]


def structure(data: Mapping[str, Any]) -> PrivacyPolicy:
    """Build a policy from plain data (parsed JSON, say), checking it as :func:`loads` does."""
    return _checked(*_from_data(dict(data), None, None, warnings=False))


def loads(text: str | bytes, *, file: str | None = None) -> PrivacyPolicy:
    """Read a policy from YAML or JSON text, or raise :class:`PolicyError` listing every error.

    ``file`` names the source in problems. Warnings (custom terms, for example)
    do not raise; :func:`validate_text` returns them. ``text`` is a str (or a
    subclass) or UTF-8 bytes; anything else is a :class:`TypeError`.
    """
    return _checked(*_load(text, file, warnings=False))


def load(path: PathLike) -> PrivacyPolicy:
    """Read a policy file (YAML or JSON). Raises :class:`PolicyError`, or :class:`OSError` if it cannot be read."""
    name = os.fspath(path)
    return loads(read_limited(name), file=name)


def validate_text(text: str | bytes, *, file: str | None = None, max_problems: int | None = MAX_PROBLEMS) -> list[Problem]:
    """Return every problem in policy text, errors and warnings, each located; never raises for bad input.

    Past ``max_problems`` problems (None: no limit) the rest are only counted, by code, in one last
    problem (PM013), so that input full of faults costs about as much to check as input with none.

    ``text`` is a str (or a subclass) or UTF-8 bytes; anything else is a :class:`TypeError`.
    """
    return _load(text, file, max_problems=max_problems)[1]


def read_policy(
    text: str | bytes, *, file: str | None = None, max_problems: int | None = MAX_PROBLEMS
) -> tuple[PrivacyPolicy | None, list[Problem]]:
    """Read policy text once for both the policy and every problem, located, as :func:`validate_text` gives them.

    The policy is None where the text could not be structured; where it could but has consistency errors (an
    undeclared id), it is returned beside them, so a caller decides what an error costs. Never raises for bad input.
    """
    return _load(text, file, max_problems=max_problems)


def validate_file(path: PathLike, *, max_problems: int | None = MAX_PROBLEMS) -> list[Problem]:
    """Return every problem in a policy file, as :func:`validate_text` does; a file that cannot be read is PM001."""
    name = os.fspath(path)
    try:
        data = read_limited(name)
    except PolicyError as exc:
        return list(exc.problems)
    except OSError as exc:
        return [Problem(code=Code.UNREADABLE, message=f"cannot read the file: {exc.strerror or exc}", file=name)]
    return validate_text(data, file=name, max_problems=max_problems)


def _checked(policy: PrivacyPolicy | None, problems: list[Problem]) -> PrivacyPolicy:
    """Return ``policy``, or raise :class:`PolicyError` with the errors among ``problems``."""
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors or policy is None:
        raise PolicyError(errors)
    return policy


def _text_of(source: str | bytes, file: str | None) -> str:
    """``source`` as text: bytes decoded as UTF-8, a str subclass as a plain str, and a lone surrogate (which no
    UTF-8 text holds) a located PM002. Anything but str or bytes is a TypeError, raised to the caller."""
    if isinstance(source, str):
        text = decode(str.__str__(source), file)
        if not text.isascii() and len(text) <= MAX_INPUT_BYTES:  # longer text is refused as too large anyway
            _refuse_surrogates(text, file)
        return text
    if isinstance(source, bytes):
        return decode(bytes(source), file)
    raise TypeError(f"expected policy text as str or bytes, got {type(source).__name__}")


def _refuse_surrogates(text: str, file: str | None) -> None:
    """Raise PM002 at the first lone surrogate in ``text``, located by line and column (in characters)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        start = exc.start
        line, column = position_of(text, start)
        message = f"not valid UTF-8 text: the lone surrogate U+{ord(text[start]):04X} at character {start}"
        raise PolicyError([Problem(code=Code.NOT_UTF8, message=message, file=file, line=line, column=column)]) from None


def _load(
    source: str | bytes, file: str | None, *, warnings: bool = True, max_problems: int | None = MAX_PROBLEMS
) -> tuple[PrivacyPolicy | None, list[Problem]]:
    outline: Outline = []  # where the top-level keys start, so that locating a problem re-reads only its block
    try:
        text = _text_of(source, file)
        data = parse(text, file, outline)
    except PolicyError as exc:
        return None, list(exc.problems)
    return _from_data(data, text, file, warnings=warnings, max_problems=max_problems, outline=outline)


def _from_data(
    data: dict[str, Any],
    text: str | None,
    file: str | None,
    *,
    warnings: bool = True,
    max_problems: int | None = MAX_PROBLEMS,
    outline: Outline | None = None,
) -> tuple[PrivacyPolicy | None, list[Problem]]:
    """Structure and check ``data``; ``warnings=False`` drops warnings before they are located (loads has no use for them).

    At most ``max_problems`` problems are described and located; the rest are counted in one last problem.
    ``outline`` is where the first read of ``text`` found its top-level keys.
    """
    try:
        policy: PrivacyPolicy | None = CONVERTER.structure(data, PrivacyPolicy)
    except Exception:  # noqa: BLE001 - every structuring failure is explained from the data below
        policy = None  # explained once the failure, and the part-built objects its traceback holds, are gone
    if policy is None:
        return None, place(explain(data, max_problems=max_problems), text, file, outline)
    problems = check(policy)
    if not warnings:
        problems = [problem for problem in problems if problem.severity == "error"]
    return policy, place(cap(problems, max_problems), text, file, outline) if problems else problems
