"""The installed ``privacymodel`` command run as a user's shell runs it: the entry point, exit statuses, pipes.

Every command and option is tested in process in tests/cli; these few check what only a real process shows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import COMMAND, run


def _aliases_line() -> int:
    """The line (from 1) of the controller's ``aliases:`` in the Customertimes 2020 example."""
    lines = (ROOT / "examples" / "customertimes-2020.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index("    aliases:") + 1


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the Customertimes 2020 example with its controller's ``aliases:`` misspelt ``alias:``."""
    lines = (ROOT / "examples" / "customertimes-2020.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[_aliases_line() - 1] = "    alias:\n"
    path = tmp_path / "broken.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_the_examples_are_valid_and_not_coloured_in_a_pipe() -> None:
    result = run("validate", "examples/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "5 files checked: all valid (12 warnings)"
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""


def test_a_broken_file_exits_1_with_its_location(broken: Path) -> None:
    result = run("validate", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{broken}:{_aliases_line()}:5: PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)"
    )


def test_github_annotations(broken: Path) -> None:
    result = run("validate", "--format", "github", str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={broken},line={_aliases_line()},col=5,title=PM101::PM101 unknown key 'alias'; did you mean 'aliases'? ($.controllers[0].alias)",
        "privacymodel: 1 file checked, 1 invalid, 1 error, 0 warnings",
    ]


def test_standard_input_through_a_pipe() -> None:
    assert run("validate", "-", stdin=(ROOT / "examples" / "customers-ai-2023.yaml").read_bytes()).returncode == 0
    bad = run("validate", "-", stdin=b"privacymodel: 1.0.0\nfoo: 1\n")
    assert bad.returncode == 1
    assert bad.stdout.startswith("<stdin>:1:1: PM102")


def test_a_usage_error_exits_2() -> None:
    result = run("validate", "nowhere.yaml")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "privacymodel validate: error: no such file or directory: 'nowhere.yaml'\n"
    assert "usage: privacymodel" in run("frobnicate").stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("privacymodel ")


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: privacymodel [-h] [--version] COMMAND ...\n")
    assert "examples:" in result.stdout


def test_python_dash_m_is_the_same_command() -> None:
    def module(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "privacymodel", *args], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
        )

    assert module("--help").stdout == run("--help").stdout
    checked = module("validate", "examples/customertimes-2020.yaml")
    assert checked.returncode == 0
    assert checked.stdout == run("validate", "examples/customertimes-2020.yaml").stdout
    assert module("validate", "nowhere.yaml").returncode == 2


# --- output that cannot be written --------------------------------------------------------------------------------


def _many_problems(tmp_path: Path) -> Path:
    """A policy with 3,000 unknown keys: about a megabyte of report, far more than a pipe holds."""
    path = tmp_path / "many.yaml"
    path.write_text("privacymodel: 1.0.0\n" + "".join(f"unknown_{i}: 1\n" for i in range(3000)), encoding="utf-8")
    return path


def test_a_reader_that_stops_early_ends_the_command_with_one_line(tmp_path: Path) -> None:
    command = [*COMMAND, "validate", "--max-problems", "0", str(_many_problems(tmp_path))]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline().startswith(str(tmp_path).encode())
        process.stdout.close()  # as `| head -1` does
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == 2
    assert stderr == "privacymodel validate: error: cannot write to standard output: Broken pipe\n"


FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["render", "examples/customertimes-2020.yaml"],
        ["validate", "examples/"],
        ["validate", "--format", "json", "examples/"],
        ["export", "--to", "tilt", "examples/customertimes-2020.yaml"],
        ["audit", "examples/customertimes-2020.yaml"],
        ["diff", "examples/customertimes-2020.yaml", "examples/customertimes-software-2022.yaml"],
        ["schema"],
        ["--version"],
    ],
)
def test_a_full_disk_ends_the_command_with_one_line(args: list[str]) -> None:
    with FULL.open("w") as full:
        result = subprocess.run(
            [*COMMAND, *args], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120, check=False
        )
    command = f"privacymodel {args[0]}" if not args[0].startswith("-") else "privacymodel"
    assert result.returncode == 2
    assert result.stderr == f"{command}: error: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full")
def test_a_full_disk_behind_out_is_a_usage_error() -> None:
    result = run("export", "--to", "json", "--out", str(FULL), "examples/customertimes-2020.yaml")
    assert result.returncode == 2
    assert result.stderr == "privacymodel export: error: cannot write '/dev/full': No space left on device\n"
