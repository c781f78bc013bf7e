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
from privacymodel.codec.explain import explain
from privacymodel.codec.locate import place
from privacymodel.codec.text import decode, read_limited
from privacymodel.codec.yaml_read import parse
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Code, PolicyError, Problem

__all__ = ["load", "loads", "structure", "validate_file", "validate_text"]

PathLike = str | os.PathLike[str]


def structure(data: Mapping[str, Any]) -> PrivacyPolicy:
    """Build a policy from plain data (parsed JSON, say), checking it as :func:`loads` does."""
    return _checked(*_from_data(dict(data), None, None, warnings=False))


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
        policy = CONVERTER.structure(data, PrivacyPolicy)
    except Exception:  # noqa: BLE001 - every structuring failure is explained from the data below
        return None, place(explain(data), text, file)
    problems = check(policy)
    if not warnings:
        problems = [problem for problem in problems if problem.severity == "error"]
    return policy, place(problems, text, file) if problems else problems
