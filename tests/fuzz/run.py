"""Run the fuzz targets for a set time and report each distinct failure with the input that caused it.

``python -m tests.fuzz.run --minutes 10`` (from the project root) drives the targets in turn with random bytes
through Hypothesis' ``fuzz_one_input``, for the time given, then prints, for each distinct failure (target,
exception type and the place it was raised), how often it happened, its message, the end of its traceback and the
first input that caused it. Failing inputs are also kept in Hypothesis' example database, so that
``python -m pytest tests/fuzz`` afterwards replays and shrinks them. ``--save DIR`` writes each first input to a
file. The process's address space is limited (``--memory``, 4 GiB by default), so that an input that makes memory
run away fails with MemoryError instead of exhausting the machine. Exit status: 0 if nothing failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fuzz import inputs, test_outputs, test_read, test_tilt

SIZES = (512, 2048, 8192)
"""Lengths of the random buffers: enough choices for up to eight edits and a tree with six changes."""


@dataclass
class Failure:
    """One distinct failure: how often it happened and what the first occurrence looked like."""

    target: str
    kind: str
    where: str
    message: str
    tail: str
    example: dict[str, Any]
    count: int = 0


@dataclass
class Tally:
    """Runs and failures of every target."""

    runs: dict[str, int] = field(default_factory=dict)
    failures: dict[tuple[str, str, str], Failure] = field(default_factory=dict)


def targets() -> dict[str, Callable[..., Any]]:
    """Every fuzz target, by name."""
    found = {}
    for module in (test_read, test_tilt, test_outputs):
        for name, value in vars(module).items():
            if name.startswith("test_") and hasattr(value, "hypothesis"):
                found[name.removeprefix("test_")] = value
    return found


def _where(error: BaseException) -> str:
    """The innermost place in the package that the error passed through, or else the innermost place of all."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/privacymodel/" in f.filename] or [f for f in frames if "/tests/fuzz/" in f.filename]
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


def _record(tally: Tally, target: str, error: BaseException) -> None:
    key = (target, type(error).__name__, _where(error))
    failure = tally.failures.get(key)
    if failure is None:
        tail = "".join(traceback.format_exception(error)[-6:])
        message = str(error)[:400]
        example = {name: _short(value) for name, value in inputs.CURRENT.items()}
        failure = tally.failures[key] = Failure(target, key[1], key[2], message, tail, example)
        failure.example["_full"] = dict(inputs.CURRENT)
    failure.count += 1


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 300 else f"{text[:300]}… ({len(text)} characters)"


def fuzz(chosen: dict[str, Callable[..., Any]], seconds: float, seed: int) -> Tally:
    """Drive ``chosen`` in turn with random buffers for ``seconds``."""
    rng = random.Random(seed)  # noqa: S311 - fuzzing input, not cryptography
    tally = Tally(runs=dict.fromkeys(chosen, 0))
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            for name, target in chosen.items():
                buffer = rng.randbytes(rng.choice(SIZES))
                tally.runs[name] += 1
                inputs.CURRENT.clear()
                try:
                    target.hypothesis.fuzz_one_input(buffer)  # type: ignore[attr-defined]
                except Exception as error:  # noqa: BLE001 - every failure is recorded and reported
                    _record(tally, name, error)
    except KeyboardInterrupt:
        print("interrupted: reporting what was found so far", file=sys.stderr)
    return tally


def _save(folder: Path, index: int, example: dict[str, Any]) -> str:
    value = example.get("text", example.get("document", example.get("policy")))
    path = folder / f"failure-{index}.{'bin' if isinstance(value, bytes) else 'txt'}"
    if isinstance(value, bytes):
        path.write_bytes(value)
    else:
        path.write_text(value if isinstance(value, str) else repr(value), encoding="utf-8", errors="surrogateescape")
    return str(path)


def report(tally: Tally, save: Path | None) -> None:
    """Print the runs and every distinct failure, most frequent first."""
    print("runs: " + ", ".join(f"{name} {count}" for name, count in tally.runs.items()))
    failures = sorted(tally.failures.values(), key=lambda f: -f.count)
    print(f"distinct failures: {len(failures)}")
    if save is not None and failures:
        save.mkdir(parents=True, exist_ok=True)
    for index, failure in enumerate(failures, 1):
        print(f"\n## {index}. {failure.target}: {failure.kind} at {failure.where} ({failure.count}×)\n")
        print(f"message: {failure.message}")
        full = failure.example.pop("_full")
        for name, value in failure.example.items():
            print(f"input {name}: {value}")
        if save is not None:
            print(f"saved: {_save(save, index, full)}")
        print("traceback (end):\n" + failure.tail.rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0, help="how long to run, all targets together (default 5)")
    parser.add_argument("--target", action="append", help="run only this target (repeatable): " + ", ".join(targets()))
    parser.add_argument("--seed", type=int, default=None, help="seed of the random buffers (default: random)")
    parser.add_argument("--save", type=Path, default=None, help="write the first input of each failure to this folder")
    parser.add_argument(
        "--memory",
        type=float,
        default=4.0,
        help="address-space limit in GiB, so that runaway memory is a MemoryError (default 4)",
    )
    args = parser.parse_args(argv)
    limit = int(args.memory * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    every = targets()
    chosen = {name: every[name] for name in args.target} if args.target else every
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"fuzzing {', '.join(chosen)} for {args.minutes:g} min, seed {seed}")
    tally = fuzz(chosen, args.minutes * 60, seed)
    report(tally, args.save)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
