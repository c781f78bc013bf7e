"""Inputs that once broke an entry point, kept as regression tests: each goes through the property of the
target that found it. ``found/*.json`` holds one case each: ``about``, and ``text`` (policy text for ``loads`` and
``validate_text``, as str and as UTF-8 bytes), ``document`` (parsed JSON for ``from_tilt``) or ``plain`` (plain
data for ``structure``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fuzz.inputs import POLICIES
from tests.fuzz.properties import built, read, read_tilt, validated

FOUND = sorted((Path(__file__).parent / "found").glob("*.json"))


def _case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="ascii"))
    return case


@pytest.mark.parametrize("path", FOUND, ids=[path.stem for path in FOUND])
def test_found_input_gives_problems_or_a_policy_with_every_output(path: Path) -> None:
    case = _case(path)
    if "document" in case:
        read_tilt(case["document"], POLICIES[0])
        return
    if "plain" in case:
        built(case["plain"], POLICIES[0])
        return
    text: str = case["text"]
    for source in (text, text.encode("utf-8", "surrogatepass")):
        read(source, POLICIES[0])
        validated(source)
