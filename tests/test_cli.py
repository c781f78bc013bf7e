"""Acceptance tests: the installed command run on the examples and on broken copies of them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, ROOT

_SCRIPT = Path(sys.executable).with_name("privacymodel")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "privacymodel"]


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [*COMMAND, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
        check=False,
    )


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


def test_examples_are_valid() -> None:
    result = run("validate", "examples/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "5 files checked: all valid (4 warnings)"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_broken_copy_reports_file_line_column_code_and_path(broken: Path) -> None:
    result = run("validate", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{broken}:12:5: PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)"
    assert lines[-1].startswith("1 file checked: 1 invalid, 0 valid (1 error")


def test_one_bad_file_does_not_stop_the_others(broken: Path) -> None:
    result = run("validate", str(broken), "examples/customers-ai-2023.yaml", "examples/click-and-resolve.yaml")
    assert result.returncode == 1
    assert "3 files checked: 1 invalid, 2 valid" in result.stdout
    assert "click-and-resolve.yaml:164:12: PM301 warning:" in result.stdout


def test_folders_are_searched_recursively_for_policy_files(tmp_path: Path, broken: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(EXAMPLES[0], nested / "one.yml")
    (nested / "notes.txt").write_text("not a policy", encoding="utf-8")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("{", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "2 files checked: 1 invalid, 1 valid" in result.stdout


def test_json_output_shape(broken: Path) -> None:
    result = run("validate", "--format", "json", str(broken), "examples/customertimes-software-2022.yaml")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["valid"] is False
    assert document["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0}
    first, second = document["files"]
    assert first["file"] == str(broken)
    assert first["valid"] is False
    assert first["problems"][0] == {
        "code": "PM101",
        "severity": "error",
        "message": "unknown key 'alias'; did you mean 'aliases'?",
        "path": "$.controllers[0].alias",
        "line": 12,
        "column": 5,
    }
    assert second == {"file": "examples/customertimes-software-2022.yaml", "valid": True, "problems": []}


def test_github_annotations(broken: Path) -> None:
    result = run("validate", "--format", "github", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={broken},line=12,col=5,title=PM101::PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)"
    )


def test_crafted_values_cannot_forge_annotations_or_escape_codes(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        "privacymodel: 1.0.0\ndocument:\n  title: T\ncontrollers:\n  - id: a\n    name: A\n"
        'data_categories:\n  - id: d\n    term: "x\\n::error file=forged.yaml::100%% owned \\e[2J"\n',
        encoding="utf-8",
    )
    github = run("validate", "--format", "github", str(path))
    lines = github.stdout.splitlines()
    assert len(lines) == 2  # one annotation and the summary
    assert lines[0].startswith("::error file=")
    assert "forged.yaml" in lines[0]
    assert "::error file=forged" not in lines[0]
    assert "%25" in lines[0]
    assert "\x1b" not in github.stdout
    text = run("validate", str(path))
    assert "\x1b" not in text.stdout
    assert "\\x1b[2J" in text.stdout
    as_json = run("validate", "--format", "json", str(path))
    assert "evil.yaml" in json.loads(as_json.stdout)["files"][0]["file"]


def test_strict_turns_warnings_into_errors() -> None:
    result = run("validate", "--strict", "examples/customertimes-2020.yaml")
    assert result.returncode == 1
    assert "PM301 " in result.stdout
    assert "warning" not in result.stdout.splitlines()[0]


def test_quiet_prints_only_problems() -> None:
    assert run("validate", "--quiet", "examples/customertimes-software-2022.yaml").stdout == ""
    noisy = run("validate", "-q", "examples/customertimes-2020.yaml").stdout.splitlines()
    assert len(noisy) == 1
    assert "PM301" in noisy[0]


def test_colour_is_opt_in_off_a_terminal_and_honours_no_color() -> None:
    coloured = run("validate", "--color", "always", "examples/customertimes-2020.yaml")
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in run("validate", "examples/customertimes-2020.yaml", env={"NO_COLOR": "1"}).stdout


def test_standard_input() -> None:
    source = (ROOT / "examples" / "customertimes-software-2022.yaml").read_bytes()
    result = run("validate", "-", stdin=source)
    assert result.returncode == 0
    bad = run("validate", "-", stdin=b"privacymodel: 1.0.0\nfoo: 1\n")
    assert bad.returncode == 1
    assert bad.stdout.startswith("<stdin>:1:1: PM102")


@pytest.mark.parametrize("args", [["validate", "nowhere.yaml"], ["validate", "examples/", "missing/"]])
def test_missing_path_is_a_usage_error(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert f"no such file or directory: '{args[-1]}'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["validate", "--nope", "examples/"], ["validate"], ["frobnicate"], []])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage: privacymodel" in result.stderr


def test_help_teaches_a_newcomer() -> None:
    top = run("--help").stdout
    assert "validate" in top
    assert "schema" in top
    assert "examples:" in top
    validate = run("validate", "--help").stdout
    for text in ("exit status", "--format", "--strict", "PM101", "NO_COLOR", "standard input"):
        assert text in validate


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("privacymodel ")


def test_schema_check_and_write(tmp_path: Path) -> None:
    assert run("schema", "--check").returncode == 0
    stale = tmp_path / "schemas"
    stale.mkdir()
    (stale / "privacy-policy.schema.json").write_text("{}\n", encoding="utf-8")
    result = run("schema", "--check", "--out", str(stale))
    assert result.returncode == 1
    assert "stale" in result.stderr
    assert run("schema", "--out", str(stale)).returncode == 0
    assert run("schema", "--check", "--out", str(stale)).returncode == 0
    printed = run("schema")
    assert json.loads(printed.stdout)["$id"].startswith("urn:")


def test_jobs_gives_the_same_report(tmp_path: Path) -> None:
    for index in range(6):
        shutil.copy(EXAMPLES[index % len(EXAMPLES)], tmp_path / f"p{index}.yaml")
    serial = run("validate", "--jobs", "1", "--format", "json", str(tmp_path))
    parallel = run("validate", "--jobs", "2", "--format", "json", str(tmp_path))
    assert serial.returncode == parallel.returncode == 0
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "privacymodel-validate"
    assert hook["entry"] == "privacymodel validate"
    assert hook["language"] == "python"
