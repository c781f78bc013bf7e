"""Sources to tables, batch by batch: in memory, or written to files in bounded memory, in one process or several.

Sources are read and turned into rows a batch at a time (:data:`BATCH_SIZE` files); each batch becomes one
Arrow table per table and, when writing, one Parquet row group (or a run of CSV rows), so the memory used
depends on the batch, not on the number of files. With ``jobs`` above 1 batches are built in worker processes,
a few at a time, and written in order: the files are the same whatever the number of processes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any, Final

from attrs import frozen

from privacymodel.checks.audit import LAWS, audit
from privacymodel.formats.tables.arrow import Format, Sink, arrow_tables, require
from privacymodel.formats.tables.rows import Rows
from privacymodel.formats.tables.sources import Entry, Source, Sources, entries, expand

__all__ = ["BATCH_SIZE", "Summary", "batches", "check_law", "to_tables", "write_tables"]

BATCH_SIZE: Final = 256
"""Files read into one batch of rows (one Parquet row group per table)."""


@frozen
class Summary:
    """What was written: how many sources were read, how many were not valid policies, and the rows of each table."""

    sources: int
    invalid: int
    rows: Mapping[str, int]

    @property
    def policies(self) -> int:
        """How many policies the tables hold."""
        return self.rows.get("policies", 0)

    def __add__(self, other: Summary) -> Summary:
        rows = {name: self.rows.get(name, 0) + other.rows.get(name, 0) for name in {**self.rows, **other.rows}}
        return Summary(sources=self.sources + other.sources, invalid=self.invalid + other.invalid, rows=rows)


def check_law(law: str | None) -> None:
    """A :class:`ValueError` unless ``law`` is None or a law :func:`~privacymodel.audit` knows."""
    if law is not None and law not in LAWS:
        raise ValueError(f"unknown law {law!r}; expected one of: {', '.join(LAWS)}")


def _add(rows: Rows, entry: Entry, law: str | None) -> None:
    rows.sources += 1
    if entry.policy is not None:
        rows.add_policy(entry.policy_id, entry.file, entry.policy)
        if law is not None:
            rows.add_findings(entry.policy_id, audit(entry.policy, law))
    else:
        rows.invalid += 1
    rows.add_problems(entry.policy_id, entry.file, entry.problems)


def batches(
    sources: Sources, *, root: str | None = None, audit: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[Rows]:
    """The rows of ``sources``, ``batch_size`` sources at a time (at least one batch, empty if there is nothing)."""
    check_law(audit)
    rows, yielded = Rows(), False
    for entry in entries(sources, root):
        _add(rows, entry, audit)
        if len(rows) >= batch_size:
            yield rows
            rows, yielded = Rows(), True
    if len(rows) or not yielded:
        yield rows


def to_tables(policies: Sources, *, audit: str | None = None, root: str | None = None) -> dict[str, Any]:
    """The policies as Apache Arrow tables (``pyarrow.Table``), by name (see :data:`~.layout.TABLES` and the README's data dictionary).

    ``policies`` holds policy files or folders of them, ``(name, policy)`` pairs, or a mapping of names to policies.
    A file that is not a valid policy is left out of the policy tables; its problems are in ``problems``. With
    ``audit`` (``gdpr``, ``ccpa`` or ``coppa``) the ``findings`` table holds the audit of each policy. A file's
    policy id is its path relative to ``root`` (default: the current folder).
    """
    pa = require()
    parts: dict[str, list[Any]] = {}
    for rows in batches(policies, root=root, audit=audit):
        for name, table in arrow_tables(rows).items():
            parts.setdefault(name, []).append(table)
    return {name: pa.concat_tables(tables) for name, tables in parts.items()}


def _summary(rows: Rows, tables: dict[str, Any]) -> Summary:
    return Summary(sources=rows.sources, invalid=rows.invalid, rows={name: table.num_rows for name, table in tables.items()})


def tables_of(sources: list[Source], root: str | None, law: str | None) -> tuple[dict[str, Any], Summary]:
    """One batch of sources (files or pairs, no folders) as Arrow tables, with its summary: what a worker does."""
    rows = next(batches(sources, root=root, audit=law, batch_size=len(sources) + 1))
    tables = arrow_tables(rows)
    return tables, _summary(rows, tables)


def _chunks(sources: Sources, size: int, root: str | None) -> Iterator[list[Source]]:
    """The sources, folders expanded, ``size`` at a time."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    chunk: list[Source] = []
    for source in sources.items() if isinstance(sources, Mapping) else sources:
        for item in [source] if isinstance(source, (tuple, Entry)) else expand(os.fspath(source), root):
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def write_tables(  # noqa: PLR0913 - the sources, where to, and one keyword per option of the command
    policies: Sources,
    out: str | os.PathLike[str],
    *,
    fmt: Format = "parquet",
    audit: str | None = None,
    root: str | None = None,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Summary:
    """Write the tables of :func:`to_tables` into the folder ``out``, one file per table (``out/cookies.parquet``).

    Memory stays bounded by ``batch_size`` sources whatever their number; ``jobs`` above 1 builds the batches in
    that many processes. Returns what was written.
    """
    check_law(audit)
    total = Summary(sources=0, invalid=0, rows={})
    with Sink(os.fspath(out), fmt) as sink:
        if jobs <= 1:
            for rows in batches(policies, root=root, audit=audit, batch_size=batch_size):
                tables = arrow_tables(rows)
                sink.write(tables)
                total += _summary(rows, tables)
            return total
        from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415 - only with several processes

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque[Future[tuple[dict[str, Any], Summary]]] = deque()
            for chunk in _chunks(policies, batch_size, root):
                pending.append(pool.submit(tables_of, chunk, root, audit))
                # A few batches ahead of the writer, no more: results waiting to be written are what costs memory.
                while len(pending) > 2 * jobs:
                    total += _write(sink, pending.popleft().result())
            while pending:
                total += _write(sink, pending.popleft().result())
    return total


def _write(sink: Sink, result: tuple[dict[str, Any], Summary]) -> Summary:
    tables, summary = result
    sink.write(tables)
    return summary
