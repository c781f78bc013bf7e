"""What the commands share, run in process: help, version, usage errors, standard input, unreadable input and
unwritable output, colour, and the exit status after an interrupt or a closed pipe.

What only a real process shows (the installed entry point, a pipe as standard input, ``python -m``) is in
tests/acceptance/test_command.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from privacymodel.cli import validate
from privacymodel.cli.common import use_color
from tests.conftest import EXAMPLES, ROOT
from tests.helpers import invoke


def test_help_teaches_a_newcomer() -> None:
    top = invoke("--help").stdout
    assert "validate" in top
    assert "schema" in top
    assert "examples:" in top
    validate = invoke("validate", "--help").stdout
    for text in ("exit status", "--format", "--strict", "PM101", "NO_COLOR", "standard input"):
        assert text in validate


@pytest.mark.parametrize("command", ["validate", "audit", "diff", "render", "export", "import", "schema"])
def test_every_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: privacymodel {command} [-h]")
    assert "exit status:" in result.stdout
    assert result.stderr == ""


def test_version() -> None:
    result = invoke("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("privacymodel ")


@pytest.mark.parametrize("args", [["validate", "--nope", "examples/"], ["validate"], ["frobnicate"], []])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.returncode == 2
    assert "usage: privacymodel" in result.stderr


A_POLICY = (ROOT / "examples" / "customertimes-software-2022.yaml").read_bytes()


@pytest.mark.parametrize(
    ("args", "status", "expected"),
    [
        (["validate", "-"], 0, "1 file checked: all valid"),
        (["audit", "--format", "json", "-"], 1, '"file": "<stdin>"'),
        (["render", "-"], 0, "# Customertimes Software Privacy Notice\n"),
        (["export", "--to", "json", "-"], 0, '"privacymodel": "1.1.0"'),
    ],
)
def test_every_policy_command_reads_standard_input(args: list[str], status: int, expected: str) -> None:
    result = invoke(*args, stdin=A_POLICY)
    assert result.returncode == status, result.stderr
    assert expected in result.stdout


@pytest.mark.parametrize("command", [["validate"], ["render"], ["export", "--to", "json"], ["import", "--from", "tilt"]])
def test_standard_input_that_is_not_utf8_is_a_located_error(command: list[str]) -> None:
    result = invoke(*command, "-", stdin=b"\xff\xfe not text")
    assert result.returncode == 1
    assert "<stdin>:1:1: PM002 not valid UTF-8 text" in result.stdout + result.stderr


def test_every_missing_path_is_named() -> None:
    result = invoke("audit", "nowhere.yaml", "examples/", "missing/")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "privacymodel audit: error: no such file or directory: 'nowhere.yaml'",
        "privacymodel audit: error: no such file or directory: 'missing/'",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["render", "--out", "{tmp}/no/such/summary.md", "examples/customers-ai-2023.yaml"],
            "cannot write '{tmp}/no/such/summary.md'",
        ),
        (["export", "--to", "json", "--out", "{tmp}/no/such/p.json", "examples/customers-ai-2023.yaml"], "cannot write"),
        (["schema", "--out", "{tmp}/file"], "cannot write {tmp}/file/privacy-policy.schema.json"),
        (["render", "{tmp}"], "cannot read '{tmp}'"),
        (["diff", "{tmp}", "examples/customers-ai-2023.yaml"], "cannot read '{tmp}'"),
    ],
)
def test_unreadable_input_and_unwritable_output_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    result = invoke(*(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"privacymodel {args[0]}: error: {message.format(tmp=tmp_path)}" in result.stderr


def test_diff_of_an_invalid_policy_names_it_after_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("privacymodel: 1.0.0\nfoo: 1\n", encoding="utf-8")
    result = invoke("diff", str(bad), "examples/customers-ai-2023.yaml")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:1:1: PM102 ")
    assert lines[-1] == f"privacymodel diff: error: {str(bad)!r} is not a valid policy"


def test_schema_check_and_write(tmp_path: Path) -> None:
    assert invoke("schema", "--check").returncode == 0
    stale = tmp_path / "schemas"
    stale.mkdir()
    (stale / "privacy-policy.schema.json").write_text("{}\n", encoding="utf-8")
    result = invoke("schema", "--check", "--out", str(stale))
    assert result.returncode == 1
    assert "stale" in result.stderr
    assert invoke("schema", "--out", str(stale)).returncode == 0
    assert invoke("schema", "--check", "--out", str(stale)).returncode == 0
    printed = invoke("schema")
    assert json.loads(printed.stdout)["$id"].startswith("urn:")


def test_schema_check_of_a_missing_copy(tmp_path: Path) -> None:
    result = invoke("schema", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path}/privacy-policy.schema.json: missing; run 'privacymodel schema --out {tmp_path}'\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_colour_needs_a_terminal_and_no_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", _Terminal())
    assert not use_color("auto", io.StringIO())
    assert not use_color("never", _Terminal())
    assert use_color("always", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", _Terminal())
    assert use_color("always", _Terminal())


def test_an_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "check_files", interrupted)
    assert invoke("validate", "examples/").returncode == 130


def test_a_closed_standard_error_ends_the_command_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe closed anywhere but standard output (which says so, see test_hostile.py): no one is left to tell."""

    def closed(*_: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(validate, "check_files", closed)
    result = invoke("validate", "examples/")
    assert result.returncode == 2
    assert result.stdout == result.stderr == ""


_COMMAND_LOADED = (
    "import sys\n"
    "from privacymodel.cli import main\n"
    "status = main(['validate', '--quiet', sys.argv[1]])\n"
    "print(sorted(m for m in sys.modules if m.startswith(('privacymodel.checks.audit', 'privacymodel.checks.diff',\n"
    "      'privacymodel.formats', 'privacymodel.cli.audit', 'privacymodel.cli.convert', 'concurrent.futures.process'))))\n"
)


def test_validating_one_file_declares_and_imports_only_validate() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _COMMAND_LOADED, str(EXAMPLES[0])], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


_ARGS = {
    "validate": ["x"],
    "audit": ["x"],
    "diff": ["a", "b"],
    "render": ["x"],
    "export": ["x", "--to", "json"],
    "import": ["x", "--from", "tilt"],
    "schema": [],
    "table": ["x", "--out", "d"],
    "terms": [],
    "evidence": ["p", "c"],
}


def _minimal_args(name: str) -> list[str]:
    return [name, *_ARGS[name]]


def test_each_command_is_declared_in_full_when_it_runs() -> None:
    from privacymodel.cli.parser import HELP, build_parser, command_in

    assert command_in(["--version"]) is None  # no command: every one is declared, for the help
    assert command_in(["audit", "--law", "gdpr"]) == "audit"
    assert command_in(["nonsense"]) is None
    full = build_parser()
    for name in HELP:
        alone, among_all = build_parser(name).parse_args(_minimal_args(name)), full.parse_args(_minimal_args(name))
        assert vars(alone) == vars(among_all)
