"""``privacymodel validate``: check policy files and report every problem, in one or several processes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Final

import attrs

from privacymodel.checks.validate import validate_file, validate_text
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, STDIN, policy_files, use_color
from privacymodel.cli.reporters import REPORTERS, FileResult
from privacymodel.problems import Problem

__all__ = ["PARALLEL_THRESHOLD", "check_files", "run"]

PARALLEL_THRESHOLD: Final = 64
"""With ``--jobs 0``, more files than this are checked in one process per core."""


def _check_one(path: str) -> FileResult:
    return FileResult(file=path, problems=tuple(validate_file(path)))


def check_files(files: Sequence[str], jobs: int, stdin: bytes | None) -> list[FileResult]:
    """The problems in each of ``files`` (``-`` is ``stdin``), in order, using up to ``jobs`` processes (0: automatic)."""
    workers = jobs or ((os.cpu_count() or 1) if len(files) > PARALLEL_THRESHOLD else 1)
    on_disk = [f for f in files if f != "-"]
    results: dict[str, FileResult] = {}
    if workers > 1 and len(on_disk) > 1:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for many files

        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(on_disk) // (workers * 8))
            for result in pool.map(_check_one, on_disk, chunksize=chunk):
                results[result.file] = result
    else:
        for path in on_disk:
            results[path] = _check_one(path)
    out = []
    for path in files:
        if path == "-":
            out.append(FileResult(file=STDIN, problems=tuple(validate_text(stdin or b"", file=STDIN))))
        else:
            out.append(results[path])
    return out


def _strict(problem: Problem) -> Problem:
    return attrs.evolve(problem, severity="error") if problem.severity == "warning" else problem


def run(args: argparse.Namespace) -> int:
    """Check the files and print the report; 1 if a file has an error."""
    files = policy_files(args.paths)
    stdin = sys.stdin.buffer.read() if "-" in files else None
    results = check_files(files, args.jobs, stdin)
    if args.strict:
        results = [FileResult(file=r.file, problems=tuple(_strict(p) for p in r.problems)) for r in results]
    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    for line in REPORTERS[args.format](results, color=color, quiet=args.quiet):
        print(line)
    return EXIT_OK if all(result.valid for result in results) else EXIT_INVALID
