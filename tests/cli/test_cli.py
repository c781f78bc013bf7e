"""Acceptance tests: the installed command run on the examples and on broken copies of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT
from tests.helpers import run


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


# --- export and import ------------------------------------------------------------


def test_export_json_is_the_plain_form_the_schema_describes() -> None:
    from jsonschema import Draft202012Validator

    import privacymodel as pm

    validator = Draft202012Validator(pm.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for path in EXAMPLES:
        result = run("export", "--to", "json", str(path.relative_to(ROOT)))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        data = json.loads(result.stdout)
        assert list(validator.iter_errors(data)) == []
        assert pm.structure(data) == pm.load(path)


def test_export_tilt_reports_what_it_leaves_out_with_positions(tmp_path: Path) -> None:
    out = tmp_path / "policy.tilt.json"
    result = run("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["controller"]["name"] == "Customertimes Corp."
    lines = result.stderr.splitlines()
    cookies = next(line for line in lines if "($.cookies[0])" in line)
    assert cookies.startswith("examples/customertimes-2020.yaml:")
    assert " PM404 cookies (13): not carried over to TILT" in cookies
    assert any(" PM405 " in line and "wrote 'ZZ'" in line for line in lines)
    quiet = run("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--quiet")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    assert json.loads(quiet.stdout) == document
    strict = run("export", "--to", "tilt", "examples/customertimes-2020.yaml", "--strict", "--quiet")
    assert strict.returncode == 1


def test_export_dpv_writes_json_ld() -> None:
    result = run("export", "--to", "dpv", "examples/customers-ai-2023.yaml", "--quiet")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["@context"]["dpv"] == "https://w3id.org/dpv#"
    assert document["@graph"][0]["@type"] == "dpv:Process"


def test_export_of_an_invalid_policy_fails_with_its_problems(broken: Path) -> None:
    result = run("export", "--to", "tilt", str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{broken}:12:5: PM101" in result.stderr


def test_export_and_import_refuse_a_missing_file() -> None:
    for args in (("export", "--to", "tilt"), ("import", "--from", "tilt")):
        result = run(*args, "nowhere.json")
        assert result.returncode == 2
        assert "no such file or directory: 'nowhere.json'" in result.stderr


def test_import_round_trip_through_the_command(tmp_path: Path) -> None:
    tilt = tmp_path / "policy.tilt.json"
    assert run("export", "--to", "tilt", "examples/customer360-2014.yaml", "--out", str(tilt), "-q").returncode == 0
    result = run("import", "--from", "tilt", str(tilt))
    assert result.returncode == 0, result.stderr
    imported = tmp_path / "imported.yaml"
    imported.write_text(result.stdout, encoding="utf-8")
    assert run("validate", str(imported)).returncode == 0
    again = run("export", "--to", "tilt", str(imported), "-q")
    first = json.loads(tilt.read_text(encoding="utf-8"))
    second = json.loads(again.stdout)
    first.pop("meta")
    second.pop("meta")
    assert first == second


def test_import_reports_repairs_on_stderr_with_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "messy.json"
    source.write_text(
        "{\n"
        '  "meta": {"name": "Acme", "language": "de"},\n'
        '  "controller": {"name": "Acme GmbH", "country": "CA 94041"},\n'
        '  "dataDisclosed": [{\n'
        '    "category": "E-Mail-Adresse",\n'
        '    "legalBases": [{"reference": "Art. 6(1)(f) GDPR"}],\n'
        '    "storage": [{"temporal": [{"ttl": "P72H"}]}]\n'
        "  }]\n"
        "}\n",
        encoding="utf-8",
    )
    out = tmp_path / "policy.yaml"
    result = run("import", "--from", "tilt", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    stderr = result.stderr
    assert stderr.splitlines() == [
        f"{source}:2:11: PM403 TILT has no title; the policy's title is meta.name, 'Acme' ($.meta)",
        f"{source}:3:50: PM402 'CA 94041' is not an ISO 3166-1 alpha-2 country code; left out ($.controller.country)",
        f"{source}:6:20: PM403 read 'Art. 6(1)(f) GDPR' as A6-1-f ($.dataDisclosed[0].legalBases[0])",
        f"{source}:7:39: PM403 read 'P72H' as 'PT72H' ($.dataDisclosed[0].storage[0].temporal[0].ttl)",
    ]
    text = out.read_text(encoding="utf-8")
    assert "basis: A6-1-f" in text
    assert "period: PT72H" in text
    assert "term: email-address" in text
    assert run("validate", str(out)).returncode == 0
    assert run("import", "--from", "tilt", str(source), "--strict", "-q").returncode == 1


def test_import_of_something_that_is_not_tilt_is_a_clear_error() -> None:
    result = run("import", "--from", "tilt", "examples/customertimes-2020.yaml")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "PM401 not a TILT document (it is a privacymodel policy already)" in result.stderr
    assert "Traceback" not in result.stderr
    broken = run("import", "--from", "tilt", "-", stdin=b'{"meta": {"name": "x",}')
    assert broken.returncode == 1
    assert broken.stderr.startswith("<stdin>:1:")
    assert "PM003" in broken.stderr
