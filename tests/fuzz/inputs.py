"""Inputs of the fuzz targets: the seeds (the examples, their JSON form and their TILT exports), and the
strategies each target draws from, built on the mutations in ``mutate.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

import privacymodel as pm
import tests.fuzz.conftest  # noqa: F401 - registers the fuzz profiles when the targets run outside pytest
from privacymodel.strategies import policies
from tests.fuzz.mutate import GENTLE, Draw, byte_edits, mutated_tree, picked, written
from tests.fuzz.tokens import Raw

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = dt.date(2024, 1, 1)

FUZZ = settings(settings.get_profile(os.environ.get("FUZZ_PROFILE", "fuzz-ci")))
"""The settings of every fuzz target: the profile ``FUZZ_PROFILE`` names (``fuzz-ci`` by default)."""

# --- seeds -------------------------------------------------------------------------------------------------


def _filled(plain: dict[str, Any]) -> dict[str, Any]:
    """``plain`` with fields the examples leave out that hold numbers in text (retention periods, response times
    and fees), so that mutations can reach them."""
    filled = json.loads(json.dumps(plain))
    filled.setdefault("retention", [{"id": "kept"}])
    for retention in filled["retention"]:
        retention.setdefault("period", "P2Y")
    filled.setdefault("rights", [{"kind": "access"}])
    for right in filled["rights"]:
        right.setdefault("response_time", "P30D")
        right.setdefault("fee", "10 EUR")
    return filled


EXAMPLE_POLICIES = [pm.load(path) for path in EXAMPLES]
POLICIES = EXAMPLE_POLICIES + [pm.structure(_filled(pm.unstructure(policy))) for policy in EXAMPLE_POLICIES]
"""The examples, then the examples with every retention period, response time and fee stated."""
PLAIN = [pm.unstructure(policy) for policy in POLICIES]
TILT = [pm.to_tilt(policy, today=TODAY) for policy in POLICIES]
YAML_SEEDS = [path.read_bytes() for path in EXAMPLES] + [pm.dump(policy).encode() for policy in POLICIES[len(EXAMPLES) :]]
JSON_SEEDS = [json.dumps(plain, indent=2, ensure_ascii=False).encode() for plain in PLAIN]
TILT_SEEDS = [json.dumps(document, indent=2, ensure_ascii=False).encode() for document in TILT]

# --- inputs for the targets --------------------------------------------------------------------------------

CURRENT: dict[str, Any] = {}
"""The input of the example running now, kept by :func:`note` so that ``run.py`` can show what made a target fail."""


def note(**inputs: Any) -> None:
    """Keep the inputs of the example about to run."""
    CURRENT.clear()
    CURRENT.update(inputs)


def unraw(data: Any) -> Any:
    """``data`` with every :class:`Raw` replaced by its text."""
    if isinstance(data, Raw):
        return data.text
    if isinstance(data, dict):
        return {key: unraw(value) for key, value in data.items()}
    if isinstance(data, list):
        return [unraw(value) for value in data]
    return data


@st.composite
def policy_texts(draw: Draw) -> str | bytes:
    """Policy text, as str or bytes: a seed mutated at byte level, or a seed's tree mutated and written back."""
    if draw(st.booleans()):
        data = draw(byte_edits(draw(picked(YAML_SEEDS + JSON_SEEDS + TILT_SEEDS[:1]))))
        if draw(st.booleans()):
            return data
        return data.decode("utf-8", draw(st.sampled_from(["surrogateescape", "replace"])))
    text: str = draw(written(draw(mutated_tree(PLAIN))))
    return text.encode("utf-8", "surrogatepass") if draw(st.booleans()) else text


@st.composite
def tilt_texts(draw: Draw) -> bytes:
    """A TILT document as a file holds it: an export mutated at byte level, or its tree mutated and written back."""
    if draw(st.booleans()):
        seeds = TILT_SEEDS if draw(st.integers(0, 9)) else JSON_SEEDS
        data: bytes = draw(byte_edits(draw(picked(seeds))))
        return data
    text: str = draw(written(draw(mutated_tree(TILT))))
    return text.encode("utf-8", "surrogatepass")


@st.composite
def valid_policies(draw: Draw, seed: int | None = None) -> pm.PrivacyPolicy:
    """A valid policy: an example with hostile or huge texts and periods, a TILT export so mutated and read back,
    or one drawn by :func:`privacymodel.strategies.policies`; with ``seed``, that example (of :data:`POLICIES`)
    mutated. Mutations the model refuses are drawn again, three times at most, before falling back to the
    example as it is."""
    source = "example" if seed is not None else draw(st.sampled_from(["example", "tilt", "strategy"]))
    if source == "strategy":
        policy: pm.PrivacyPolicy = draw(policies())
        return policy
    for _ in range(3):
        policy_or_none = _mutated_policy(draw, source, seed)
        if policy_or_none is not None:
            return policy_or_none
    fallback: pm.PrivacyPolicy = POLICIES[seed] if seed is not None else draw(picked(POLICIES))
    return fallback


def _mutated_policy(draw: Draw, source: str, seed: int | None) -> pm.PrivacyPolicy | None:
    """An example (or its TILT export) gently mutated and read back; None if that is refused."""
    try:
        if source == "example":
            return pm.structure(draw(mutated_tree(PLAIN if seed is None else [PLAIN[seed]], GENTLE)))
        return pm.from_tilt(draw(mutated_tree(TILT, GENTLE)))
    except Exception:  # noqa: BLE001 - refused or crashed: crashes are the loads and from_tilt targets' to report
        return None


@st.composite
def policy_pairs(draw: Draw) -> tuple[pm.PrivacyPolicy, pm.PrivacyPolicy]:
    """Two valid policies to compare: mostly two mutations of one example (or the example and a mutation of
    it), so that items match and their values are compared; else two policies drawn apart."""
    if not draw(st.integers(0, 3)):
        return draw(valid_policies()), draw(valid_policies())
    seed = draw(st.integers(0, len(POLICIES) - 1))
    old = draw(valid_policies(seed)) if draw(st.booleans()) else POLICIES[seed]
    return old, draw(valid_policies(seed))
