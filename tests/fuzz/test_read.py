"""Fuzz ``loads`` and ``validate_text``: whatever the text, a policy or PolicyError (a list of problems for
``validate_text``), every problem with a known code; every valid policy read goes through every output."""

from __future__ import annotations

import pytest
from hypothesis import given

import privacymodel as pm
from tests.fuzz.inputs import FUZZ, POLICIES, note, policy_texts
from tests.fuzz.mutate import picked
from tests.fuzz.properties import read, validated

# A failing input is shown in full, however long: that is what a fuzz failure needs.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


@FUZZ
@given(policy_texts(), picked(POLICIES))
def test_loads(text: str | bytes, other: pm.PrivacyPolicy) -> None:
    note(text=text)
    read(text, other)


@FUZZ
@given(policy_texts())
def test_validate_text(text: str | bytes) -> None:
    note(text=text)
    validated(text)
