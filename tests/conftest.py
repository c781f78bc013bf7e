"""Shared fixtures and Hypothesis profiles.

Profiles (choose with HYPOTHESIS_PROFILE):
* ``ci`` (default): 60 examples per property, no deadline, so the suite stays
  fast and timing noise on a loaded CI machine cannot fail a test.
* ``dev``: 300 examples, for a closer look while changing the model.
* ``long``: 5000 examples, for a long fuzzing run (see the README).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SHARED = ROOT.parent / "shared"

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def shared() -> Path:
    """The shared reference folder beside the clone; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the clone")
    return SHARED


MINIMAL = """\
privacymodel: 1.0.0
document:
  title: Example policy
controllers:
  - id: acme
    name: Acme Ltd
"""
