"""``privacymodel validate`` run in process on the examples and on broken copies of them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, MINIMAL, ROOT
from tests.helpers import invoke


def test_examples_are_valid() -> None:
    result = invoke("validate", "examples/")
    assert result.returncode == 0, result.stdout + result.stderr
    # PM301 where consent is relied on and no withdrawal is stated, PM303 for a custom purpose, PM304/PM305 where
    # the texts tie a kind of data or a basis to no purpose.
    assert result.stdout.splitlines()[-1] == "5 files checked: all valid (12 warnings)"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_broken_copy_reports_file_line_column_code_and_path(broken: Path, broken_line: int) -> None:
    result = invoke("validate", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{broken}:{broken_line}:5: PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)"
    assert lines[-1].startswith("1 file checked: 1 invalid, 0 valid (1 error")


def test_one_bad_file_does_not_stop_the_others(broken: Path) -> None:
    result = invoke("validate", str(broken), "examples/customers-ai-2023.yaml", "examples/click-and-resolve.yaml")
    assert result.returncode == 1
    assert "3 files checked: 1 invalid, 2 valid" in result.stdout
    assert re.search(r"^examples/click-and-resolve\.yaml:\d+:\d+: PM301 warning:", result.stdout, re.MULTILINE)


def test_folders_are_searched_recursively_for_policy_files(tmp_path: Path, broken: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(EXAMPLES[0], nested / "one.yml")
    (nested / "notes.txt").write_text("not a policy", encoding="utf-8")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("{", encoding="utf-8")
    result = invoke("validate", str(tmp_path))
    assert result.returncode == 1
    assert "2 files checked: 1 invalid, 1 valid" in result.stdout


def test_json_output_shape(broken: Path, broken_line: int) -> None:
    result = invoke("validate", "--format", "json", str(broken), "examples/customertimes-software-2022.yaml")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["valid"] is False
    assert document["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 2}
    first, second = document["files"]
    assert first["file"] == str(broken)
    assert first["valid"] is False
    assert first["problems"][0] == {
        "code": "PM101",
        "severity": "error",
        "message": "unknown key 'alias'; did you mean 'aliases'?",
        "path": "$.controllers[0].alias",
        "line": broken_line,
        "column": 5,
    }
    assert (second["file"], second["valid"]) == ("examples/customertimes-software-2022.yaml", True)
    source = (ROOT / "examples" / "customertimes-software-2022.yaml").read_text(encoding="utf-8").splitlines()
    ids = [source.index(f"  - id: {name}") + 1 for name in ("provided-data", "other-sources")]
    assert [(p["code"], p["severity"], p["line"], p["column"]) for p in second["problems"]] == [
        ("PM304", "warning", line, len("  - id: ") + 1) for line in ids
    ]


def test_github_annotations(broken: Path, broken_line: int) -> None:
    result = invoke("validate", "--format", "github", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"::error file={broken},line={broken_line},col=5,title=PM101::PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)"
    )


def test_crafted_values_cannot_forge_annotations_or_escape_codes(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        "privacymodel: 1.0.0\ndocument:\n  title: T\ncontrollers:\n  - id: a\n    name: A\n"
        'data_categories:\n  - id: d\n    term: "x\\n::error file=forged.yaml::100%% owned \\e[2J"\n',
        encoding="utf-8",
    )
    github = invoke("validate", "--format", "github", str(path))
    lines = github.stdout.splitlines()
    assert len(lines) == 2  # one annotation and the summary
    assert lines[0].startswith("::error file=")
    assert "forged.yaml" in lines[0]
    assert "::error file=forged" not in lines[0]
    assert "%25" in lines[0]
    assert "\x1b" not in github.stdout
    text = invoke("validate", str(path))
    assert "\x1b" not in text.stdout
    assert "\\x1b[2J" in text.stdout
    as_json = invoke("validate", "--format", "json", str(path))
    assert "evil.yaml" in json.loads(as_json.stdout)["files"][0]["file"]


def test_strict_turns_warnings_into_errors() -> None:
    lenient = invoke("validate", "examples/customertimes-2020.yaml")
    warnings = lenient.stdout.splitlines()[:-1]  # PM304: data the text ties to no purpose
    assert lenient.returncode == 0
    assert warnings
    assert all(" warning: " in line for line in warnings)
    result = invoke("validate", "--strict", "examples/customertimes-2020.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:-1] == [line.replace(" warning: ", " ", 1) for line in warnings]
    assert lines[-1] == f"1 file checked: 1 invalid, 0 valid ({len(warnings)} errors)"


def test_quiet_prints_only_problems(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(MINIMAL, encoding="utf-8")
    assert invoke("validate", "--quiet", str(clean)).stdout == ""
    noisy = invoke("validate", "-q", "examples/customertimes-2020.yaml").stdout.splitlines()
    full = invoke("validate", "examples/customertimes-2020.yaml").stdout.splitlines()
    assert noisy
    assert all(" warning: " in line for line in noisy)
    assert noisy == full[:-1]  # everything but the summary
    assert full[-1].startswith("1 file checked: all valid")


def test_colour_is_opt_in_off_a_terminal() -> None:
    coloured = invoke("validate", "--color", "always", "examples/customertimes-2020.yaml")
    assert "\x1b[" in coloured.stdout
    assert "\x1b[" not in invoke("validate", "examples/customertimes-2020.yaml").stdout
    assert "\x1b[" not in invoke("validate", "--color", "always", "--format", "json", "examples/customertimes-2020.yaml").stdout


def test_standard_input() -> None:
    source = (ROOT / "examples" / "customertimes-software-2022.yaml").read_bytes()
    result = invoke("validate", "-", stdin=source)
    assert result.returncode == 0
    bad = invoke("validate", "-", stdin=b"privacymodel: 1.0.0\nfoo: 1\n")
    assert bad.returncode == 1
    assert bad.stdout.startswith("<stdin>:1:1: PM102")


@pytest.mark.parametrize("args", [["validate", "nowhere.yaml"], ["validate", "examples/", "missing/"]])
def test_missing_path_is_a_usage_error(args: list[str]) -> None:
    result = invoke(*args)
    assert result.returncode == 2
    assert f"no such file or directory: '{args[-1]}'" in result.stderr
    assert result.stdout == ""


def test_a_folder_without_policies_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == "privacymodel validate: error: no *.yaml, *.yml or *.json files under the paths given\n"


def test_jobs_gives_the_same_report(tmp_path: Path) -> None:
    for index in range(6):
        shutil.copy(EXAMPLES[index % len(EXAMPLES)], tmp_path / f"p{index}.yaml")
    serial = invoke("validate", "--jobs", "1", "--format", "json", str(tmp_path))
    parallel = invoke("validate", "--jobs", "2", "--format", "json", str(tmp_path))
    assert serial.returncode == parallel.returncode == 0
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)


@pytest.mark.parametrize("jobs", ["x", "-1"])
def test_jobs_must_be_a_whole_number(jobs: str) -> None:
    result = invoke("validate", "--jobs", jobs, "examples/")
    assert result.returncode == 2
    assert "argument -j/--jobs: expected" in result.stderr


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "privacymodel-validate"
    assert hook["entry"] == "privacymodel validate"
    assert hook["language"] == "python"


@pytest.fixture
def many_problems(tmp_path: Path) -> Path:
    """A policy with 300 unknown keys, one per line from line 7."""
    path = tmp_path / "many.yaml"
    path.write_text(MINIMAL + "".join(f"unknown_{i}: 1\n" for i in range(300)), encoding="utf-8")
    return path


@pytest.mark.parametrize(("args", "shown"), [([], 200), (["--max-problems", "5"], 5), (["--max-problems", "0"], 300)])
def test_max_problems_caps_each_files_report(many_problems: Path, args: list[str], shown: int) -> None:
    result = invoke("validate", "--format", "json", *args, str(many_problems))
    assert result.returncode == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    located = [(p["code"], p["line"], p["column"]) for p in problems[:shown]]
    assert located == [("PM101", 7 + i, 1) for i in range(shown)]
    rest = problems[shown:]
    if shown == 300:
        assert rest == []
    else:
        [counted] = rest
        assert (counted["code"], counted["severity"], counted["line"]) == ("PM013", "error", None)
        assert counted["message"] == f"and {300 - shown} more problems of 1 kind (PM101 \u00d7{300 - shown})"


def test_max_problems_must_be_a_whole_number() -> None:
    result = invoke("validate", "--max-problems", "-1", "examples/")
    assert result.returncode == 2
    assert "argument --max-problems: expected 0 or more" in result.stderr
