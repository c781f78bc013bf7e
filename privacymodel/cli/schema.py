"""``privacymodel schema``: print the JSON Schema, write it to a folder, or check a folder's copy is up to date."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Final

from privacymodel.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, emit, write_output
from privacymodel.cli.escape import line_start, safe

__all__ = ["SCHEMA_FILE", "run", "schema_text"]

SCHEMA_FILE: Final = "privacy-policy.schema.json"
DEFAULT_FOLDER: Final = Path("schemas")


def schema_text() -> str:
    """The generated schema as the file holds it: indented JSON and a final newline."""
    from privacymodel.model.schema import json_schema  # noqa: PLC0415 - only this command needs the generator

    return json.dumps(json_schema(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _check(target: Path, folder: Path, text: str) -> int:
    try:
        current = target.read_text(encoding="utf-8")
    except OSError:
        print(f"{line_start(str(target))}: missing; run 'privacymodel schema --out {safe(str(folder))}'", file=sys.stderr)
        return EXIT_INVALID
    if current != text:
        print(f"{line_start(str(target))}: stale; run 'privacymodel schema --out {safe(str(folder))}'", file=sys.stderr)
        return EXIT_INVALID
    emit([f"{line_start(str(target))}: up to date"])
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print, write (``--out``) or check (``--check``) the schema; 1 if the checked copy is missing or stale."""
    text = schema_text()
    folder: Path = args.out or DEFAULT_FOLDER
    target = folder / SCHEMA_FILE
    if args.check:
        return _check(target, folder, text)
    if args.out is None:
        write_output(text, None)
        return EXIT_OK
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(EXIT_USAGE, f"cannot write {safe(str(target))}: {error.strerror or error}") from None
    emit([f"wrote {safe(str(target))}"])
    return EXIT_OK
