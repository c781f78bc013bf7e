"""Fuzz targets: every entry point fed hostile input, which must come out as problems, never as another exception.

One target per entry point (``loads``, ``validate_text``, ``from_tilt``, ``to_tilt``, ``to_dpv``, ``render``,
``diff``, ``audit``). Inputs start from the examples, their JSON form and their TILT exports, mutated at byte
level (ranges inserted, deleted, flipped or duplicated; hostile tokens spliced in) and at structure level (the
parsed tree with keys dropped, duplicated, retyped or misspelt, values swapped, made huge or hostile, then
written back as YAML or JSON). ``tokens.py`` lists the hostile tokens, ``mutate.py`` the mutations, ``inputs.py``
the seeds and what each target draws, and ``properties.py`` what every result must satisfy. ``found/`` keeps
inputs that once failed, each run by ``test_found.py`` as a regression test.

Profiles, chosen with ``FUZZ_PROFILE`` (``HYPOTHESIS_PROFILE`` chooses the rest of the suite's):

* ``fuzz-ci`` (default): a few examples per target, so the whole folder runs in seconds with the suite; a
  failure is reported as found, not shrunk (shrinking a mutated 20 KB policy can take minutes).
* ``fuzz-shrink``: the same, with failures shrunk to minimal examples.
* ``fuzz-long``: 20,000 examples per target, no deadline, failures shrunk, for a run of its own:
  ``FUZZ_PROFILE=fuzz-long python -m pytest tests/fuzz``.

For a run bounded in time, ``bash benchmarks/fuzz.sh MINUTES`` drives every target with random input for that
long (``python -m tests.fuzz.run``), prints each distinct failure with the input that caused it, and then replays
the failures (kept in Hypothesis' example database) through pytest with ``fuzz-shrink``, which shrinks them.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, settings

pytest.register_assert_rewrite("tests.fuzz.properties")  # its asserts explain themselves as a test module's do

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example, HealthCheck.filter_too_much]

_NO_SHRINK = tuple(phase for phase in Phase if phase not in (Phase.shrink, Phase.explain))

settings.register_profile("fuzz-ci", max_examples=12, deadline=None, suppress_health_check=_SLOW, phases=_NO_SHRINK)
settings.register_profile("fuzz-shrink", max_examples=12, deadline=None, suppress_health_check=_SLOW)
settings.register_profile("fuzz-long", max_examples=20_000, deadline=None, suppress_health_check=_SLOW)
