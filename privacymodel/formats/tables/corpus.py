"""A corpus on a Dask cluster: the tables of a ``dask.bag`` of policy files, as a partitioned Parquet (or CSV) dataset.

Each partition of the bag is read on a worker and written by it as one part of every table
(``OUT/cookies/part-00003.parquet``), so nothing but the summaries comes back to the client and no worker
holds more than its partition. The parts of a table, read in the order of their numbers, hold the same rows
in the same order as :func:`~privacymodel.formats.tables.write_tables` writes for the same paths. Dask does
the scheduling: point a :class:`distributed.Client` at a cluster (``Client("tcp://scheduler:8786")``) and
every computation runs there. Workers must see the files at the paths in the bag, and ``out`` (a shared
folder or a URI such as ``s3://bucket/tables``); use absolute paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, cast

from privacymodel.formats.tables.arrow import Format, Sink, filesystem, require, schemas
from privacymodel.formats.tables.build import BATCH_SIZE, Summary, check_law, tables_of
from privacymodel.formats.tables.sources import Entry, Source

if TYPE_CHECKING:
    import dask.bag

__all__ = ["INSTALL", "bag_of_files", "client", "to_batches", "write_dataset", "write_part"]

INSTALL: Final = "pip install 'privacymodel[dask]'"
"""How to install what a cluster needs."""


def _dask() -> Any:
    try:
        import dask  # noqa: PLC0415 - optional: only a cluster needs it
        import dask.bag  # noqa: PLC0415
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(f"a corpus on a Dask cluster needs dask: {INSTALL}", name="dask") from error
    return dask


def client(address: str) -> Any:
    """A :class:`distributed.Client` connected to the scheduler at ``address`` (``tcp://scheduler:8786``); use it in
    a ``with`` block, and every computation in it runs on that cluster."""
    _dask()
    try:
        from distributed import Client  # noqa: PLC0415 - optional: only a cluster needs it
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(f"a corpus on a Dask cluster needs dask.distributed: {INSTALL}", name="distributed") from error
    return cast(Any, Client)(address)


def bag_of_files(paths: Iterable[Source], *, partition_size: int = BATCH_SIZE) -> dask.bag.Bag:
    """A bag of ``paths`` (made absolute, so workers find them), ``partition_size`` files to a partition.

    Sources already read (an :class:`~.sources.Entry`) and ``(name, policy)`` pairs stay as they are.
    """
    items = [item if isinstance(item, (Entry, tuple)) else os.path.abspath(item) for item in paths]
    return cast("dask.bag.Bag", _dask().bag.from_sequence(items, partition_size=partition_size))


def _batch(paths: list[Source], root: str, law: str | None) -> list[dict[str, Any]]:
    return [tables_of(list(paths), root, law)[0]]


def to_batches(paths: dask.bag.Bag, *, audit: str | None = None, root: str | None = None) -> dask.bag.Bag:
    """A bag with one item per partition of ``paths``: that partition's tables (Arrow tables by name), built on the
    workers, for further work on the cluster."""
    _dask()
    require()
    check_law(audit)
    base = os.path.abspath(root) if root is not None else os.getcwd()
    return cast("dask.bag.Bag", cast(Any, paths).map_partitions(_batch, base, audit))


def write_part(paths: list[Source], number: int, out: str, fmt: Format, root: str, law: str | None) -> Summary:
    """On a worker: read one partition's files and write them as part ``number`` of every table under ``out``."""
    tables, summary = tables_of(list(paths), root, law)
    with Sink(out, fmt, stem=f"part-{number:05d}") as sink:
        sink.write(tables)
    return summary


def _clear(out: str, fmt: Format) -> None:
    """Remove the parts an earlier run left in the tables' folders, so the dataset holds only this run's."""
    import pyarrow.fs as pafs  # noqa: PLC0415 - optional, with pyarrow

    fs, base = filesystem(out)
    for name in schemas():
        selector = pafs.FileSelector(f"{base}/{name}", allow_not_found=True)
        for info in fs.get_file_info(selector):
            if info.base_name.startswith("part-") and info.base_name.endswith(f".{fmt}"):
                fs.delete_file(info.path)


def write_dataset(
    paths: dask.bag.Bag,
    out: str | os.PathLike[str],
    *,
    fmt: Format = "parquet",
    audit: str | None = None,
    root: str | None = None,
) -> Summary:
    """Write the tables of the files in the bag ``paths`` as a dataset under ``out``, one part per partition.

    Runs on the current Dask scheduler (a :class:`distributed.Client`, if one is connected). ``root`` (default:
    the client's current folder) sets the policy ids, as for :func:`~privacymodel.formats.tables.to_tables`.
    """
    compute, delayed = _dask().compute, _dask().delayed
    require()
    check_law(audit)
    target = os.fspath(out)
    target = target if "://" in target else os.path.abspath(target)
    base = os.path.abspath(root) if root is not None else os.getcwd()
    _clear(target, fmt)
    parts = [
        delayed(write_part)(part, number, target, fmt, base, audit) for number, part in enumerate(cast(Any, paths).to_delayed())
    ]
    total = Summary(sources=0, invalid=0, rows={})
    for summary in compute(*parts):
        total += summary
    return total
