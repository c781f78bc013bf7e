"""Hostile and broken input: the command answers every hazard with a located error and exit 1, never a traceback.

The library side of each hazard is tested in test_codec.py and test_errors.py; here the real command runs on
each, and a fuzz test feeds arbitrary bytes and mutated documents to ``loads``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.codec.text import MAX_INPUT_BYTES
from tests.conftest import EXAMPLES, MINIMAL
from tests.helpers import COMMAND, run

HAZARDS: dict[str, tuple[bytes, str, int, int]] = {
    # name: (file content, code, line, column)
    "duplicate-key-deep": (MINIMAL.encode() + b"children:\n  age: 13\n  age: 18\n", "PM004", 9, 3),
    "billion-laughs": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(9)),
        "PM005",
        1,
        4,
    ),
    "python-tag": (b"a: !!python/object/apply:os.system ['touch /tmp/privacymodel-owned']\n", "PM006", 1, 4),
    "deep-nesting": (b"a: " + b"[" * 30_000, "PM007", 1, 67),
    "not-utf8": (b"a: 1\nb: \xff\xfe\n", "PM002", 2, 4),
    "nul-byte": (b"a: 1\nb: x\x00y\n", "PM003", 2, 5),
    "empty": (b"", "PM008", 1, 1),
    "only-comments": (b"# nothing here\n# at all\n", "PM008", 1, 1),
    "top-level-list": (b"- privacymodel: 1.0.0\n", "PM010", 1, 1),
    "several-documents": (MINIMAL.encode() + b"---\n" + MINIMAL.encode(), "PM009", 7, 1),
    "syntax-error": (b"document:\n  title: [unclosed\n", "PM003", 3, 1),
    "impossible-date": (MINIMAL.replace("Example policy", "T\n  effective_date: 2020-13-45").encode(), "PM104", 4, 19),
    "wrong-type": (MINIMAL.encode() + b"children:\n  minimum_age: thirteen\n", "PM103", 8, 16),
    "unknown-key": (MINIMAL.encode() + b"cookie:\n  - name: _ga\n", "PM101", 7, 1),
    "out-of-range": (MINIMAL.encode() + b"children:\n  age: -1\n", "PM104", 8, 8),
}


@pytest.mark.parametrize("name", sorted(HAZARDS))
def test_hazard_gives_a_located_error_and_exit_1(name: str, tmp_path: Path) -> None:
    content, code, line, column = HAZARDS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    result = run("validate", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [problem] = json.loads(result.stdout)["files"][0]["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == (code, line, column), problem
    assert problem["message"]
    assert not Path("/tmp/privacymodel-owned").exists()  # noqa: S108 - the file the payload would create


def test_very_large_file_is_linear_and_valid(tmp_path: Path) -> None:
    """A 10,000-cookie, 10,000-recipient policy (about 1.5 MB) validates; the limit itself is tested in test_codec."""
    lines = [MINIMAL.rstrip("\n"), "recipients:"]
    lines += [f"  - id: r{i}\n    name: Recipient {i}" for i in range(10_000)]
    lines += ["cookies:"] + [f"  - name: c{i}\n    provider: r{i}\n    lifetime: P1Y" for i in range(10_000)]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 0, result.stdout
    assert "1 file checked: all valid" in result.stdout


def _only_policy_errors(source: str | bytes) -> None:
    try:
        pm.loads(source)
    except pm.PolicyError as error:
        problems = error.problems
    else:
        return
    assert problems
    for problem in problems:
        assert re.fullmatch(r"PM\d{3}", problem.code)
        assert problem.code in pm.CODES


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    """Whatever the bytes, loads returns a policy or raises PolicyError: no other exception."""
    _only_policy_errors(data)


TOKENS = st.sampled_from(
    ["\n", " ", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/none ", "'", '"', "#", "---\n",
     "? ", "|\n", ">\n", "\t", "\\", "\x00", "\ufeff", "~", "yes", "1.10", "0o17", "2020-02-30", "x-", "null", "\x1b[31m"]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), TOKENS), min_size=1, max_size=6))
def test_fuzz_mutated_examples(example: Path, edits: list[tuple[float, int, str]]) -> None:
    """Examples with text cut out and YAML tokens spliced in raise only PolicyError."""
    text = example.read_text(encoding="utf-8")
    for where, cut, token in edits:
        at = int(where * len(text))
        text = text[:at] + token + text[at + cut :]
    _only_policy_errors(text)
    _only_policy_errors(text.encode("utf-8", "surrogatepass"))


# --- the file system and standard input, in a real process ----------------------------------------------------


VALID = MINIMAL.encode()  # valid, with no warnings


def _problems(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int | None, int | None]]:
    document = json.loads(result.stdout)
    return [(p["code"], p["message"], p["line"], p["column"]) for entry in document["files"] for p in entry["problems"]]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "tree" / "policy.yaml"
    path.parent.mkdir()
    os.mkfifo(path)
    return path


def test_a_named_pipe_in_a_folder_is_reported_not_opened(fifo: Path) -> None:
    (fifo.parent / "good.yaml").write_bytes(VALID)
    result = run("validate", "--format", "json", str(fifo.parent))
    assert result.returncode == 1, result.stderr
    assert _problems(result) == [("PM001", "not read: a named pipe, not a regular file", None, None)]


def test_a_named_pipe_given_by_name_without_a_writer_reads_as_empty(fifo: Path) -> None:
    started = time.monotonic()
    result = run("validate", "--format", "json", str(fifo))
    assert time.monotonic() - started < 60
    assert result.returncode == 1, result.stderr
    assert [problem[0::2] for problem in _problems(result)] == [("PM008", 1)]


def test_a_named_pipe_given_by_name_is_read_when_its_writer_starts_late(fifo: Path) -> None:
    def write() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:  # fails (ENXIO) until the command has opened the pipe to read it
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.05)
                continue
            os.set_blocking(fd, True)
            with os.fdopen(fd, "wb") as pipe:
                pipe.write(VALID)
            return

    writer = threading.Thread(target=write)
    writer.start()
    result = run("validate", str(fifo))
    writer.join()
    assert result.returncode == 0, result.stdout + result.stderr


def test_dev_stdin_and_devices_given_by_name() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert run("validate", "/dev/stdin", stdin=VALID).returncode == 0
    zero = run("validate", "--format", "json", "/dev/zero")
    assert zero.returncode == 1
    assert _problems(zero) == [("PM011", f"the file is larger than the limit of {MAX_INPUT_BYTES} bytes", 1, 1)]


def test_standard_input_past_the_limit_is_refused_without_reading_it_all() -> None:
    """Gigabytes on standard input: the command stops one byte past the limit, so the writer meets a closed pipe."""
    process = subprocess.Popen(
        [*COMMAND, "validate", "--format", "json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None
    block, sent = bytes(1 << 20), 0
    try:
        while sent < 4 * MAX_INPUT_BYTES:
            process.stdin.write(block)
            sent += len(block)
        process.stdin.close()
    except BrokenPipeError:
        pass
    stdout, stderr = process.communicate(timeout=120)
    assert sent < 2 * MAX_INPUT_BYTES
    assert process.returncode == 1, stderr
    [entry] = json.loads(stdout)["files"]
    assert [(p["code"], p["line"], p["column"]) for p in entry["problems"]] == [("PM011", 1, 1)]


def test_names_that_are_not_utf8_under_a_strict_encoding(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.yaml")
    (tmp_path / name).write_bytes(b"privacymodel: 1.0.0\nfoo: 1\n")
    strict = {"PYTHONIOENCODING": "utf-8:strict"}
    text = run("validate", name, env=strict, cwd=tmp_path)
    assert text.returncode == 1
    assert "Traceback" not in text.stderr
    assert text.stdout.startswith("bad\\xff.yaml:1:1: PM102 ")
    github = run("validate", "--format", "github", name, env=strict, cwd=tmp_path)
    assert github.stdout.startswith("::error file=bad\\xff.yaml,line=1,col=1,title=PM102::")
    document = run("validate", "--format", "json", name, env=strict, cwd=tmp_path)
    assert json.loads(document.stdout)["files"][0]["file"] == "bad\\xff.yaml"
    rendered = run("render", name, env=strict, cwd=tmp_path)
    assert (rendered.returncode, rendered.stderr.splitlines()[0][:19]) == (1, "bad\\xff.yaml:1:1: P")
