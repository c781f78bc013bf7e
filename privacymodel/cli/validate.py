"""``privacymodel validate``: check policy files and report every problem, in one or several processes.

Results come in the order of the files and each is printed as soon as it is known; with several processes only a
few chunks of files are in flight at a time, so memory does not grow with the number of files.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from privacymodel.checks.validate import validate_text
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, emit, policy_files, use_color
from privacymodel.cli.files import PolicyFile, read_file, unreadable
from privacymodel.cli.reporters import REPORTERS, FileResult
from privacymodel.problems import PolicyError, Problem

if TYPE_CHECKING:  # the process pool is imported only when files are checked in several processes
    from concurrent.futures import Future

__all__ = ["PARALLEL_THRESHOLD", "check_file", "check_files", "run"]

PARALLEL_THRESHOLD: Final = 64
"""With ``--jobs 0``, more files than this are checked in one process per core."""

_CHUNK: Final = 32
"""At most this many files are sent to a process at once."""
_CHUNKS_PER_PROCESS: Final = 4
"""How many chunks each process may have waiting: enough to keep it busy, few enough to bound memory."""


def check_file(file: PolicyFile, max_problems: int | None) -> FileResult:
    """The problems in ``file``, at most ``max_problems`` (None: all); an unexpected exception is reported, not raised.

    An exception here is a bug in privacymodel, not a problem in the file: it is reported as a PM001 problem naming
    the exception's type, so the other files are still checked and the run still fails.
    """
    try:
        return FileResult(file=file.name, problems=tuple(_problems(file, max_problems)))
    except Exception as error:  # noqa: BLE001 - reported below with its type, and the run exits 1
        message = (
            f"internal error while checking the file ({type(error).__name__}); "
            "this is a bug in privacymodel: please report it with the file"
        )
        return FileResult(file=file.name, problems=(unreadable(file.name, message),))


def _problems(file: PolicyFile, max_problems: int | None) -> list[Problem]:
    try:
        data = read_file(file)
    except PolicyError as error:
        return list(error.problems)
    except OSError as error:
        return [unreadable(file.name, f"cannot read the file: {error.strerror or error}")]
    return validate_text(data, file=file.name, max_problems=max_problems)


def _check_chunk(files: Sequence[PolicyFile], max_problems: int | None) -> list[FileResult]:
    return [check_file(file, max_problems) for file in files]


def check_files(files: Iterable[PolicyFile], jobs: int, max_problems: int | None) -> Iterator[FileResult]:
    """The result of each of ``files``, in order, one at a time, using up to ``jobs`` processes (0: automatic).

    Files are taken as they are needed, after the first few that decide how to share the work. Standard input
    (``-``) is read in this process, when its turn comes.
    """
    files = iter(files)
    cores = jobs or (os.cpu_count() or 1)
    # Enough files to choose the number of processes and the chunk size as if all were known; the rest come later.
    head = list(itertools.islice(files, max(PARALLEL_THRESHOLD + 1, _CHUNK * cores * 8)))
    everything = itertools.chain(head, files)
    workers = jobs or (cores if len(head) > PARALLEL_THRESHOLD else 1)
    if workers <= 1 or sum(1 for f in head if f.path != "-") <= 1:
        return (check_file(file, max_problems) for file in everything)
    size = max(1, min(_CHUNK, len(head) // (workers * 8)))
    return _in_processes(everything, workers, size, max_problems)


def _in_processes(files: Iterable[PolicyFile], workers: int, size: int, max_problems: int | None) -> Iterator[FileResult]:
    """Chunks of ``size`` of ``files`` checked in ``workers`` processes, a bounded number at a time, the results in order."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - the process pool's modules cost start-up time

    pending: deque[Future[list[FileResult]] | list[FileResult]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for chunk in _chunks(files, size):
                if chunk[0].path == "-":
                    pending.append([check_file(chunk[0], max_problems)])
                else:
                    pending.append(pool.submit(_check_chunk, chunk, max_problems))
                if len(pending) >= workers * _CHUNKS_PER_PROCESS:
                    yield from _done(pending.popleft())
            while pending:
                yield from _done(pending.popleft())
        finally:  # stopped early (an interrupt, a closed pipe): drop what has not started
            for item in pending:
                if not isinstance(item, list):
                    item.cancel()


def _chunks(files: Iterable[PolicyFile], size: int) -> Iterator[list[PolicyFile]]:
    """``files`` in lists of up to ``size``; standard input alone in its own."""
    chunk: list[PolicyFile] = []
    for file in files:
        if file.path == "-":
            if chunk:
                yield chunk
                chunk = []
            yield [file]
            continue
        chunk.append(file)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _done(item: Future[list[FileResult]] | list[FileResult]) -> list[FileResult]:
    return item if isinstance(item, list) else item.result()


def _strict(result: FileResult) -> FileResult:
    problems = tuple(attrs.evolve(p, severity="error") if p.severity == "warning" else p for p in result.problems)
    return FileResult(file=result.file, problems=problems)


def run(args: argparse.Namespace) -> int:
    """Check the files and print the report as it comes; 1 if a file has an error."""
    files = policy_files(args.paths)
    results = check_files(files, args.jobs, args.max_problems or None)
    if args.strict:
        results = map(_strict, results)
    invalid = False

    def noted(results: Iterable[FileResult]) -> Iterator[FileResult]:
        nonlocal invalid
        for result in results:
            invalid = invalid or not result.valid
            yield result

    color = use_color(args.color, sys.stdout) if args.format == "text" else False
    emit(REPORTERS[args.format](noted(results), color=color, quiet=args.quiet), flush=args.format != "json")
    return EXIT_INVALID if invalid else EXIT_OK
