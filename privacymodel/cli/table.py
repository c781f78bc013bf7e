"""``privacymodel table``: policy files as normalised tables (Parquet or CSV), in one process, several, or on a Dask cluster.

Every file found becomes rows of the tables, or, when it is not a valid policy, rows of the ``problems`` table:
the command goes on past invalid files and exits 0 when it read at least one policy (1 when it read none; 2 on
a usage error, or when pyarrow or dask is not installed).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from privacymodel.checks.audit import LAWS
from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, emit, policy_files, whole_number
from privacymodel.cli.escape import quoted, safe
from privacymodel.cli.files import STDIN, PolicyFile, read_stdin

__all__ = ["AUTOMATIC_THRESHOLD", "add_command", "run"]

AUTOMATIC_THRESHOLD: Final = 512
"""With ``--jobs 0``, more files than this are read in one process per core."""


def add_command(commands: Any, formatter: type[argparse.HelpFormatter]) -> None:
    """Declare ``table PATH... --out DIR [--format] [--audit] [--root] [--jobs] [--dask]`` and its handler."""
    from privacymodel.cli.parser import HELP  # noqa: PLC0415 - the parser imports this module only when it runs

    command = commands.add_parser(
        "table",
        formatter_class=formatter,
        help=HELP["table"],
        description=(
            "Write the policies under the paths given as normalised tables, one file per table in DIR:\n"
            "policies, parties, data categories, purposes, legal bases, processing, recipients, cookies,\n"
            "retention, rights, transfers and the rest, link tables for lists of ids, the problems of\n"
            "every file and, with --audit, the findings. The README's data dictionary lists every column.\n"
            "A policy's id is its file's path relative to --root. Needs pyarrow (pip install\n"
            "'privacymodel[tables]'); --dask needs dask (pip install 'privacymodel[dask]') and writes a\n"
            "dataset, DIR/TABLE/part-N.FORMAT, from the workers of the cluster at ADDRESS.\n\n"
            "exit status: 0 at least one policy was read (invalid files are in the problems table),\n"
            "1 no file was a valid policy, 2 usage error or a missing dependency."
        ),
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="policy files or folders (as for validate), or - for standard input"
    )
    command.add_argument(
        "--out", required=True, metavar="DIR", type=Path, help="the folder to write the tables to (created if missing)"
    )
    command.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="parquet (default) or csv")
    command.add_argument("--audit", metavar="LAW", choices=sorted(LAWS), help="add the findings of an audit against LAW")
    command.add_argument("--root", metavar="DIR", help="policy ids are paths relative to DIR (default: the current folder)")
    command.add_argument(
        "-j",
        "--jobs",
        type=whole_number,
        default=0,
        metavar="N",
        help=f"read files in N processes; 0 (default) uses every core when there are more than {AUTOMATIC_THRESHOLD} files",
    )
    command.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)"
    )
    command.set_defaults(handler=run)


def _sources(files: Iterable[PolicyFile], root: str | None) -> list[Any]:
    """What the tables are made from: each file's path, or what was read already (standard input, a refused file)."""
    from privacymodel.formats.tables.sources import Entry, policy_id, read_bytes  # noqa: PLC0415 - only this command

    sources: list[Any] = []
    for file in files:
        if file.refused is not None:
            sources.append(Entry(policy_id(file.path, root), file.path, None, (file.refused,)))
        elif file.path == "-":
            try:
                sources.append(read_bytes(read_stdin(), STDIN, STDIN))
            except OSError as error:
                raise CommandError(EXIT_USAGE, f"cannot read standard input: {error.strerror or error}") from None
        else:
            sources.append(file.path)
    return sources


def _write(args: argparse.Namespace, sources: list[Any]) -> Any:
    """Write the tables as the options say; the summary of what was written."""
    from privacymodel.formats.tables import write_tables  # noqa: PLC0415 - only this command needs the tables

    if args.dask is None:
        jobs = args.jobs or ((os.cpu_count() or 1) if len(sources) > AUTOMATIC_THRESHOLD else 1)
        return write_tables(sources, args.out, fmt=args.format, audit=args.audit, root=args.root, jobs=jobs)
    from privacymodel.formats.tables import corpus  # noqa: PLC0415 - only with a cluster

    try:
        client = corpus.client(args.dask)
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot reach the Dask scheduler at {quoted(args.dask)}: {error}") from None
    with client:
        bag = corpus.bag_of_files(sources)
        return corpus.write_dataset(bag, args.out, fmt=args.format, audit=args.audit, root=args.root)


def run(args: argparse.Namespace) -> int:
    """Write the tables and one line saying what they hold; 0 if at least one policy was read."""
    files = policy_files(args.paths)
    sources = _sources(files, args.root)
    try:
        summary = _write(args, sources)
    except ModuleNotFoundError as error:
        raise CommandError(EXIT_USAGE, str(error)) from None
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot write the tables to {quoted(str(args.out))}: {error.strerror or error}") from None
    emit([_line(summary, args)])
    return EXIT_OK if summary.policies else EXIT_INVALID


def _line(summary: Any, args: argparse.Namespace) -> str:
    """'5 files: 5 policies, 0 not valid, 9 problems; 38 tables in 'out' (parquet)'."""
    problems = summary.rows.get("problems", 0)
    layout = "one folder of parts per table" if args.dask is not None else "one file per table"
    return (
        f"{_plural(summary.sources, 'file')}: {_plural(summary.policies, 'policy')}, {summary.invalid} not valid, "
        f"{_plural(problems, 'problem')}; {len(summary.rows)} tables in {safe(quoted(str(args.out)))} ({args.format}, {layout})"
    )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"
