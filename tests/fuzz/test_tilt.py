"""Fuzz ``from_tilt`` and ``to_tilt``: any parsed document is read as a policy or refused with PolicyError, and
any valid policy is written as strict JSON that reads back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.codec.text import decode
from privacymodel.codec.yaml_read import parse
from tests.fuzz.inputs import FUZZ, POLICIES, TILT, TODAY, note, tilt_texts, unraw, valid_policies
from tests.fuzz.mutate import mutated_tree, picked
from tests.fuzz.properties import known_problems, outcome, read_tilt, strict_json

# A failing input is shown in full, however long: that is what a fuzz failure needs.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

NAME = "fuzzed.json"


def _parsed(how: str, text: bytes) -> Any:
    """``text`` decoded and parsed as the command reads it, or read by ``json.loads`` (NaN, Infinity and all);
    None if that refuses it."""
    if how == "command":
        return outcome(lambda: parse(decode(text, NAME), NAME))
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # json's own refusal: nothing to give from_tilt
        return None


@FUZZ
@given(st.data(), st.sampled_from(["command", "json", "tree"]), picked(POLICIES))
def test_from_tilt(data: st.DataObject, how: str, other: pm.PrivacyPolicy) -> None:
    if how == "tree":
        document = unraw(data.draw(mutated_tree(TILT)))
    else:
        text = data.draw(tilt_texts())
        note(text=text, how=how)
        document = _parsed(how, text)
        if document is None:
            return
    note(document=document)
    read_tilt(document, other)


@FUZZ
@given(valid_policies())
def test_to_tilt(policy: pm.PrivacyPolicy) -> None:
    note(policy=policy)
    notes: list[pm.Problem] = []
    document = strict_json(pm.to_tilt(policy, notes=notes, today=TODAY))
    known_problems(notes)
    notes = []
    read = pm.from_tilt(document, notes=notes)
    known_problems(notes)
    assert not [p for p in pm.check(read) if p.severity == "error"]
