"""Fixtures for the command's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the Customertimes 2020 example with a misspelt key on line 12 (after the title)."""
    source = (ROOT / "examples" / "customertimes-2020.yaml").read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    assert lines[11] == "    aliases:\n"
    lines[11] = "    alias:\n"
    path = tmp_path / "broken.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path
