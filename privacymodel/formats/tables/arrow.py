"""Apache Arrow tables from :class:`~.rows.Rows`, and the files they are written to (Parquet or CSV).

pyarrow is an optional dependency: :func:`require` imports it or says how to install it. Parquet keeps every
type; CSV has no list or dictionary types, so terms are written as text and lists as JSON arrays.
"""

from __future__ import annotations

import json
import os
from typing import Any, Final, Literal

from privacymodel.formats.tables.layout import TABLES, Kind
from privacymodel.formats.tables.rows import Rows

__all__ = ["FORMATS", "INSTALL", "Format", "Sink", "arrow_tables", "filesystem", "require", "schemas"]

INSTALL: Final = "pip install 'privacymodel[tables]'"
"""How to install what the tables need."""

Format = Literal["parquet", "csv"]
FORMATS: Final[tuple[Format, ...]] = ("parquet", "csv")


def require() -> Any:
    """The ``pyarrow`` module, or :class:`ModuleNotFoundError` saying how to install it."""
    try:
        import pyarrow  # noqa: PLC0415 - optional: only the tables need it
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(f"policies as tables need pyarrow: {INSTALL}", name="pyarrow") from error
    return pyarrow


def _type(kind: Kind) -> Any:
    pa = require()
    term = pa.dictionary(pa.int32(), pa.string())
    types: dict[str, Any] = {
        "string": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "term": term,
        "strings": pa.list_(pa.field("element", pa.string())),
        "terms": pa.list_(pa.field("element", term)),
    }
    return types[kind]


_SCHEMAS: dict[str, Any] = {}


def schemas() -> dict[str, Any]:
    """The Arrow schema (``pyarrow.Schema``) of every table, by name."""
    if not _SCHEMAS:
        pa = require()
        for name, table in TABLES.items():
            _SCHEMAS[name] = pa.schema([pa.field(column.name, _type(column.kind)) for column in table.columns])
    return _SCHEMAS


def arrow_tables(rows: Rows) -> dict[str, Any]:
    """The rows as Arrow tables (``pyarrow.Table``), every table present (empty when it has no rows)."""
    pa = require()
    out = {}
    for name, schema in schemas().items():
        columns = rows.columns[name]
        arrays = [_array(pa, columns[field.name], field.type) for field in schema]
        out[name] = pa.Table.from_arrays(arrays, schema=schema)
    return out


def _array(pa: Any, values: list[Any], type_: Any) -> Any:
    """An Arrow array of ``values``; text that is not valid Unicode (a lone surrogate, which only a policy built in
    Python can hold) gets U+FFFD in its place, as Arrow and Parquet hold UTF-8 only."""
    try:
        return pa.array(values, type=type_)
    except UnicodeEncodeError:
        return pa.array([_valid(value) for value in values], type=type_)


def _valid(value: Any) -> Any:
    if isinstance(value, str):
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in value)
    if isinstance(value, list):
        return [_valid(item) for item in value]
    return value


def _csv_ready(table: Any) -> Any:
    """``table`` with terms as text and lists as JSON arrays (null stays empty), which CSV can hold."""
    pa = require()
    arrays, fields = [], []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_dictionary(field.type):
            ready = column.cast(pa.string())
        elif pa.types.is_list(field.type):
            ready = pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in column.to_pylist()], pa.string())
        else:
            ready = column
        arrays.append(ready)
        fields.append(pa.field(field.name, ready.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


class Sink:
    """Writes each table to one file in a folder, batch after batch: Parquet row groups, or CSV rows.

    The folder is a local path or a URI pyarrow's file systems know (``s3://bucket/tables``).
    """

    def __init__(self, out: str, fmt: Format = "parquet", stem: str | None = None) -> None:
        """Tables go to ``out/NAME.FORMAT``, or with ``stem`` to ``out/NAME/STEM.FORMAT`` (one part of a dataset)."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
        self.fmt = fmt
        self.fs, base = filesystem(out)
        self.writers: dict[str, Any] = {}
        self.streams: list[Any] = []
        for name, schema in schemas().items():
            folder = f"{base}/{name}" if stem is not None else base
            self.fs.create_dir(folder, recursive=True)
            self.writers[name] = self._writer(f"{folder}/{stem if stem is not None else name}.{fmt}", schema)

    def _writer(self, path: str, schema: Any) -> Any:
        if self.fmt == "parquet":
            import pyarrow.parquet as pq  # noqa: PLC0415 - optional, with pyarrow

            return pq.ParquetWriter(path, schema, filesystem=self.fs)
        import pyarrow.csv as pacsv  # noqa: PLC0415 - optional, with pyarrow

        stream = self.fs.open_output_stream(path)
        self.streams.append(stream)
        return pacsv.CSVWriter(stream, _csv_ready(schema.empty_table()).schema)

    def write(self, tables: dict[str, Any]) -> None:
        """Write one batch of every table (a table with no rows adds nothing)."""
        for name, table in tables.items():
            if table.num_rows:
                self.writers[name].write_table(_csv_ready(table) if self.fmt == "csv" else table)

    def close(self) -> None:
        """Finish every file."""
        for writer in self.writers.values():
            writer.close()
        for stream in self.streams:
            stream.close()

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def filesystem(out: str) -> tuple[Any, str]:
    """The pyarrow file system of ``out`` (a local path or a URI such as ``s3://bucket/tables``) and the path in it."""
    require()
    import pyarrow.fs as pafs  # noqa: PLC0415 - optional, with pyarrow

    if "://" in out:
        fs, path = pafs.FileSystem.from_uri(out)
        return fs, path.rstrip("/")
    return pafs.LocalFileSystem(), os.path.abspath(out).replace(os.sep, "/")
