"""Fuzz ``to_dpv``, ``render``, ``diff`` and ``audit`` with valid policies that carry hostile and huge values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from tests.fuzz.inputs import FUZZ, note, policy_pairs, valid_policies
from tests.fuzz.properties import audited, changes, known_problems, strict_json

# A failing input is shown in full, however long: that is what a fuzz failure needs.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


@FUZZ
@given(valid_policies())
def test_to_dpv(policy: pm.PrivacyPolicy) -> None:
    note(policy=policy)
    notes: list[pm.Problem] = []
    strict_json(pm.to_dpv(policy, notes=notes))
    known_problems(notes)


@FUZZ
@given(valid_policies(), st.sampled_from(["md", "html"]))
def test_render(policy: pm.PrivacyPolicy, fmt: str) -> None:
    note(policy=policy, fmt=fmt)
    page = pm.render(policy, fmt)  # type: ignore[arg-type]
    assert isinstance(page, str)
    assert page


@FUZZ
@given(policy_pairs())
def test_diff(pair: tuple[pm.PrivacyPolicy, pm.PrivacyPolicy]) -> None:
    old, new = pair
    note(old=old, new=new)
    assert pm.diff(old, old) == ()
    changes(old, new)


@FUZZ
@given(valid_policies())
def test_audit(policy: pm.PrivacyPolicy) -> None:
    note(policy=policy)
    for law in pm.LAWS:
        audited(policy, law)
