"""Hostile file systems and file names, run in process: what a folder may hold, what is read and how names print.

Named pipes, devices, broken pipes and full disks need a real process and are in tests/acceptance/test_hostile.py.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacymodel.cli import common, files, validate
from privacymodel.cli.escape import json_name, line_start, quoted, safe
from privacymodel.codec import text
from privacymodel.problems import PolicyError
from tests.conftest import MINIMAL
from tests.helpers import invoke

VALID = MINIMAL.encode()  # valid, with no warnings
INVALID = b"privacymodel: 1.0.0\nfoo: 1\n"


def _json(result_stdout: str) -> list[dict[str, object]]:
    files_: list[dict[str, object]] = json.loads(result_stdout)["files"]
    return files_


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    """A Unix socket named ``sock.yaml`` in ``tmp_path/tree`` (its path kept short: sockets' paths are limited)."""
    tree = tmp_path / "tree"
    tree.mkdir()
    cwd = Path.cwd()
    os.chdir(tree)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("sock.yaml")
    finally:
        os.chdir(cwd)
    try:
        yield tree / "sock.yaml"
    finally:
        server.close()


def test_a_socket_in_a_folder_is_reported_and_not_opened(unix_socket: Path) -> None:
    (unix_socket.parent / "good.yaml").write_bytes(VALID)
    result = invoke("validate", "--format", "json", str(unix_socket.parent))
    assert result.returncode == 1
    good, sock = _json(result.stdout)
    assert good["valid"] is True
    assert sock["file"] == str(unix_socket)
    assert sock["problems"] == [
        {
            "code": "PM001",
            "severity": "error",
            "message": "not read: a socket, not a regular file",
            "path": "$",
            "line": None,
            "column": None,
        }
    ]


def test_a_link_out_of_the_folder_is_reported_unless_named(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(VALID)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "inside.yaml").write_bytes(VALID)
    (tree / "to-outside.yaml").symlink_to(outside)
    (tree / "to-inside.yaml").symlink_to(tree / "inside.yaml")
    result = invoke("validate", str(tree))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tree}/to-outside.yaml: PM001 not read: a symbolic link that leads outside the folder searched ($)",
        "3 files checked: 1 invalid, 2 valid (1 error)",
    ]
    named = invoke("validate", str(tree / "to-outside.yaml"))
    assert named.returncode == 0, named.stdout


def test_a_link_to_a_device_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    result = invoke("validate", str(tmp_path))
    assert result.returncode == 1
    assert "zero.yaml: PM001 not read: a symbolic link that leads outside the folder searched" in result.stdout


def test_a_link_inside_the_folder_to_a_socket_is_not_a_regular_file(unix_socket: Path) -> None:
    (unix_socket.parent / "link.yaml").symlink_to(unix_socket)
    result = invoke("validate", str(unix_socket.parent))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{unix_socket.parent}/{name}: PM001 not read: a socket, not a regular file ($)" for name in ("link.yaml", "sock.yaml")
    ] + ["2 files checked: 2 invalid, 0 valid (2 errors)"]


def test_symbolic_link_loops_are_reported_once_each(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "self.yaml").symlink_to(tmp_path / "self.yaml")
    (tmp_path / "up").symlink_to(tmp_path)  # a folder loop: never entered
    result = invoke("validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/{name}: PM001 not read: a symbolic link in a loop ($)" for name in ("a.yaml", "b.yaml", "self.yaml")
    ] + ["3 files checked: 3 invalid, 0 valid (3 errors)"]


def test_a_file_that_is_swapped_after_the_search_is_checked_again_when_opened() -> None:
    """The search finds a regular file; if a socket stands there when it is opened, it is refused, not read."""
    found = files.PolicyFile(path="/dev/null", named=False)
    with pytest.raises(PolicyError) as raised:
        files.read_file(found)
    [problem] = raised.value.problems
    assert (problem.code, problem.message) == ("PM001", "not read: a character device, not a regular file")
    assert files.read_file(files.PolicyFile(path="/dev/null")) == b""  # named on the command line: read


def test_standard_input_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "MAX_INPUT_BYTES", 1000)  # the limit every reader reads within
    for command in (["validate"], ["render"], ["export", "--to", "json"], ["import", "--from", "tilt"], ["audit"]):
        result = invoke(*command, "-", stdin=b"a" * 5000)
        assert result.returncode == 1, command
        assert "<stdin>:1:1: PM011 standard input is larger than the limit of 1000 bytes" in result.stdout + result.stderr


def test_standard_input_is_never_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "MAX_INPUT_BYTES", 1000)  # the limit every reader reads within
    consumed = []
    real = files.read_stdin

    def measured() -> bytes:
        try:
            return real()
        finally:
            consumed.append(files.sys.stdin.buffer.tell())

    monkeypatch.setattr(files, "read_stdin", measured)
    assert invoke("validate", "-", stdin=b"a" * 100_000).returncode == 1
    assert consumed == [1001]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("::stop-commands::x.yaml", "./::stop-commands::x.yaml"),
        ("::error file=x::y.yaml", "./::error file=x::y.yaml"),
        (" ::warning::z.yaml", "./ ::warning::z.yaml"),
        ("dir/::x.yaml", "dir/::x.yaml"),
        ("a##[add-mask]b.yaml", "a#\\x23[add-mask]b.yaml"),
    ],
)
def test_names_that_could_start_a_workflow_command(tmp_path: Path, name: str, shown: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(INVALID)
    text = invoke("validate", name, cwd=tmp_path)
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert lines[0].startswith(f"{shown}:1:1: PM102 ")
    assert not any(line.lstrip().startswith("::") or "##[" in line for line in lines)
    github = invoke("validate", "--format", "github", name, cwd=tmp_path).stdout.splitlines()
    property_ = safe(name).replace(":", "%3A").replace(",", "%2C")
    assert github[0].startswith(f"::error file={property_},line=1,col=1,title=PM102::")
    assert all(line.startswith("::error file=") for line in github[:-1])
    document = invoke("validate", "--format", "json", name, cwd=tmp_path).stdout
    assert "##[" not in document
    assert _json(document)[0]["file"] == name
    rendered = invoke("render", name, cwd=tmp_path)
    assert rendered.returncode == 1
    assert rendered.stderr.startswith(f"{shown}:1:1: PM102 ")
    audited = invoke("audit", name, cwd=tmp_path)
    assert audited.stdout.startswith(f"{shown} (GDPR)\n")


def test_values_cannot_start_a_legacy_workflow_command(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(MINIMAL + 'data_categories:\n  - id: d\n    term: "##[add-mask]secret"\n', encoding="utf-8")
    for format_ in ("text", "github", "json"):
        result = invoke("validate", "--format", format_, str(path))
        assert result.returncode == 1
        assert "##[" not in result.stdout
    document = json.loads(invoke("validate", "--format", "json", str(path)).stdout)
    assert "'##[add-mask]secret'" in document["files"][0]["problems"][0]["message"]  # JSON escapes, meaning kept


NOT_UTF8 = os.fsdecode(b"bad\xff\xfe.yaml")


def test_names_that_are_not_utf8_print_escaped(tmp_path: Path) -> None:
    (tmp_path / NOT_UTF8).write_bytes(INVALID)
    text = invoke("validate", NOT_UTF8, cwd=tmp_path)
    assert text.returncode == 1
    assert text.stdout.startswith("bad\\xff\\xfe.yaml:1:1: PM102 ")
    github = invoke("validate", "--format", "github", NOT_UTF8, cwd=tmp_path)
    assert github.stdout.startswith("::error file=bad\\xff\\xfe.yaml,line=1,col=1,")
    document = invoke("validate", "--format", "json", NOT_UTF8, cwd=tmp_path).stdout
    assert "\\udc" not in document
    assert _json(document)[0]["file"] == "bad\\xff\\xfe.yaml"
    found = invoke("validate", ".", cwd=tmp_path)
    assert found.stdout.startswith("./bad\\xff\\xfe.yaml:1:1: PM102 ")
    missing = invoke("validate", NOT_UTF8 + "x", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "privacymodel validate: error: no such file or directory: 'bad\\xff\\xfe.yamlx'\n"
    rendered = invoke("render", NOT_UTF8, cwd=tmp_path)
    assert rendered.stderr.startswith("bad\\xff\\xfe.yaml:1:1: PM102 ")


def test_escaping_helpers() -> None:
    assert safe("a\udcffb\ud800") == "a\\xffb\\ud800"
    assert line_start("::x") == "./::x"
    assert line_start("x::y") == "x::y"
    assert quoted(os.fsdecode(b"it's\xff")) == '"it\'s\\xff"'
    assert quoted("a\\udcff") == "'a\\\\udcff'"  # a backslash in the name, not a byte
    assert json_name(NOT_UTF8) == "bad\\xff\\xfe.yaml"


def test_each_result_is_printed_before_the_next_file_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_bytes(INVALID)
    seen: list[str] = []
    real = validate.check_file

    def check(file: files.PolicyFile, max_problems: int | None) -> validate.FileResult:
        stdout = validate.sys.stdout
        stdout.flush()
        seen.append(stdout.buffer.getvalue().decode())
        return real(file, max_problems)

    monkeypatch.setattr(validate, "check_file", check)
    for format_ in ("text", "github"):
        seen.clear()
        assert invoke("validate", "--format", format_, "--jobs", "1", str(tmp_path)).returncode == 1
        printed = [{name for name in ("a.yaml", "b.yaml", "c.yaml") if name in output} for output in seen]
        assert printed == [set(), {"a.yaml"}, {"a.yaml", "b.yaml"}]


def test_an_unexpected_exception_is_reported_and_the_other_files_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_bytes(VALID)
    real = validate.validate_text

    def failing(data: bytes, *, file: str, max_problems: int | None) -> list[validate.Problem]:
        if file.endswith("b.yaml"):
            raise ZeroDivisionError
        return real(data, file=file, max_problems=max_problems)

    monkeypatch.setattr(validate, "validate_text", failing)
    result = invoke("validate", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    a, b, c = _json(result.stdout)
    assert a["valid"] is c["valid"] is True
    [problem] = b["problems"]  # type: ignore[misc]
    assert problem["code"] == "PM001"
    assert "internal error while checking the file (ZeroDivisionError)" in problem["message"]
    assert "please report it" in problem["message"]


def test_jobs_keep_the_order_with_standard_input_and_refused_files(tmp_path: Path, unix_socket: Path) -> None:
    tree = unix_socket.parent
    for index in range(5):
        (tree / f"p{index}.yaml").write_bytes(VALID if index % 2 else INVALID)
    args = ["validate", "--format", "json", str(tree / "p0.yaml"), "-", str(tree)]
    serial = invoke(*args, "--jobs", "1", stdin=INVALID)
    parallel = invoke(*args, "--jobs", "2", stdin=INVALID)
    assert serial.stdout == parallel.stdout
    assert [entry["file"] for entry in _json(serial.stdout)] == [
        str(tree / "p0.yaml"),
        "<stdin>",
        *(str(tree / f"p{index}.yaml") for index in range(1, 5)),
        str(unix_socket),
    ]


def test_a_closed_standard_output_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def closed(*_: object, **__: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(common, "print", closed, raising=False)
    result = invoke("validate", "examples/")
    assert result.returncode == 2
    assert result.stderr == "privacymodel validate: error: cannot write to standard output: Broken pipe\n"


def test_an_encoding_that_cannot_hold_the_output_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def narrow(*_: object, **__: object) -> None:
        raise UnicodeEncodeError("ascii", "→", 0, 1, "ordinal not in range(128)")

    monkeypatch.setattr(common, "print", narrow, raising=False)
    result = invoke("diff", "examples/customertimes-2020.yaml", "examples/customertimes-software-2022.yaml")
    assert result.returncode == 2
    assert result.stderr == "privacymodel diff: error: cannot write to standard output: its encoding (ascii) cannot hold '→'\n"
