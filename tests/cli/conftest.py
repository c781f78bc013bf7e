"""Fixtures for the command's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

_SOURCE = ROOT / "examples" / "customertimes-2020.yaml"
_KEY = "    aliases:\n"


def _aliases_line() -> int:
    """The line (from 1) of the controller's ``aliases:`` in the Customertimes 2020 example."""
    lines = _SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    assert _KEY in lines, "the example no longer names its controller's aliases"
    return lines.index(_KEY) + 1


@pytest.fixture
def broken_line() -> int:
    """The line of the misspelt key in :func:`broken`."""
    return _aliases_line()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the Customertimes 2020 example with its controller's ``aliases:`` misspelt ``alias:``."""
    lines = _SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[_aliases_line() - 1] = "    alias:\n"
    path = tmp_path / "broken.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path
