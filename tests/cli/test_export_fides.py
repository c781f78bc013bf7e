"""``privacymodel export --to fides``: a Fides manifest in YAML, what it leaves out reported with positions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, MINIMAL, ROOT
from tests.helpers import invoke

EXAMPLE = "examples/customertimes-2020.yaml"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_as_yaml_that_fideslang_loads(path: Path) -> None:
    result = invoke("export", "--to", "fides", str(path.relative_to(ROOT)), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    manifest = yaml.safe_load(result.stdout)
    assert set(manifest) == {"system", "dataset"}
    fideslang = pytest.importorskip("fideslang")
    taxonomy = fideslang.models.Taxonomy.model_validate(manifest)
    assert len(taxonomy.system) == 1
    assert taxonomy.system[0].privacy_declarations


def test_what_is_left_out_is_reported_with_positions() -> None:
    result = invoke("export", "--to", "fides", EXAMPLE)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    cookies = next(line for line in lines if line.endswith("($.cookies[0])"))
    assert cookies.startswith(f"{EXAMPLE}:")
    assert " PM404 cookies (" in cookies
    assert ": not carried over to fideslang; a fideslang system says whether it uses cookies" in cookies
    line, column = cookies.split(":")[1:3]
    assert int(line) > 1
    assert int(column) >= 1
    assert all(" PM404 " in line for line in lines if line.startswith(f"{EXAMPLE}:"))


def test_out_strict_and_quiet(tmp_path: Path) -> None:
    out = tmp_path / "fides.yml"
    written = invoke("export", "--to", "fides", EXAMPLE, "--out", str(out), "--quiet")
    assert written.returncode == 0
    assert written.stdout == ""
    printed = invoke("export", "--to", "fides", EXAMPLE, "--quiet")
    assert out.read_text(encoding="utf-8") == printed.stdout, "the same manifest each time, to a file or not"
    strict = invoke("export", "--to", "fides", EXAMPLE, "--strict", "--quiet")
    assert strict.returncode == 1
    assert strict.stdout == printed.stdout


def test_an_invalid_policy_is_not_exported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.replace("    name: Acme Ltd", "    nmae: Acme Ltd"), encoding="utf-8")
    result = invoke("export", "--to", "fides", str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{broken}:6:5: PM101" in result.stderr


def test_help_names_the_format() -> None:
    result = invoke("export", "--help")
    assert result.returncode == 0
    assert "fides a Fides manifest in YAML" in result.stdout
    assert "fides}" in result.stdout
