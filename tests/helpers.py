"""How tests run the command: in process through ``privacymodel.cli.main`` (fast, counted by coverage), or as the
installed program in a subprocess (the acceptance tests, which check what a user's shell sees)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from privacymodel.cli import main

ROOT = Path(__file__).resolve().parent.parent

_SCRIPT = Path(sys.executable).with_name("privacymodel")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "privacymodel"]


@attrs.frozen
class Result:
    """What a run of the command left: its exit status and everything it printed."""

    returncode: int
    stdout: str
    stderr: str


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``privacymodel`` command as a user's shell would."""
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


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, as ``sys.stdout`` and ``sys.stdin`` are, so ``.buffer`` works too.

    Closing it (as the command does to standard error when the reader of its output goes away) only flushes, so what
    was written can still be read.
    """

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="backslashreplace", newline="", write_through=True)

    def close(self) -> None:
        self.flush()

    def text(self) -> str:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8", "backslashreplace")


def _exit_status(code: object) -> int:
    """The status a process would exit with after ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def invoke(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> Result:
    """Run ``privacymodel ARGS`` in this process with ``stdin`` as its standard input and its output captured.

    ``-`` reads ``stdin``; output written as text or to ``sys.stdout.buffer`` is captured alike (and decoded as UTF-8);
    argparse's exits (--help, --version, usage errors) give the status the process would exit with.
    """
    out, err, inp = _Stream(), _Stream(), _Stream(stdin or b"")
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _swap_stdin(inp):
            try:
                code = main(list(args))
            except SystemExit as exit_:
                code = _exit_status(exit_.code)
    finally:
        os.chdir(previous)
    return Result(returncode=code, stdout=out.text(), stderr=err.text())


@contextlib.contextmanager
def _swap_stdin(stream: _Stream) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = stream
    try:
        yield
    finally:
        sys.stdin = saved
