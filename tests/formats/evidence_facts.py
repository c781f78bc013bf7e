"""Derive the known-tracker facts the evidence check ships (``privacymodel/formats/evidence/data/trackers.json``)
from the Open Cookie Database's CSV.

Only facts are kept, one row per cookie: its name (or the prefix of its names, where the database's wildcard column
is 1), the platform, the category (as a :class:`~privacymodel.model.vocab.CookieCategory` term) and the host names
of its domain column. Descriptions, retention periods, controllers and links are left out. Run
``python -m tests.formats.evidence_facts --write`` (with ``../shared/reference/cookies`` beside the clone) to
regenerate the file; ``tests/formats/test_evidence_facts.py`` checks it is what this derives.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[2]
SOURCE: Final = ROOT.parent / "shared" / "reference" / "cookies" / "open-cookie-database.csv"
TARGET: Final = ROOT / "privacymodel" / "formats" / "evidence" / "data" / "trackers.json"

CATEGORIES: Final = {
    "Functional": "functional",
    "Personalization": "functional",
    "Analytics": "analytics",
    "Marketing": "marketing",
    "Security": "security",
    "Necessary": "strictly-necessary",
}
"""The database's categories as CookieCategory terms (it has no term for preferences: they are functional)."""

_HOST: Final = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")
_SEPARATORS: Final = re.compile(r"\s+or\s+|\s+and\s+|[,;]")
_NOT_IN_NAMES: Final = re.compile(r"[\s;,=]")


def domains(column: str) -> list[str]:
    """The host names a domain column names (``.bing.com (3rd party) or .microsoft.com (3rd party)``), in order."""
    found: list[str] = []
    for part in _SEPARATORS.split(column):
        host = part.replace("(3rd party)", "").replace("\u200b", "").strip().strip(".").lower()
        if _HOST.match(host) and host not in found:
            found.append(host)
    return found


def name_of(column: str) -> str | None:
    """A cookie name as the database writes it, trimmed; None for one no browser sends (spaces, ``;``, hidden characters)."""
    name = column.strip()
    return name if name and name.isprintable() and not _NOT_IN_NAMES.search(name) else None


def derive(source: Path = SOURCE) -> dict[str, Any]:
    """The facts file's content, derived from the CSV at ``source``."""
    rows: list[list[Any]] = []
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = name_of(row["Cookie / Data Key name"])
            category = CATEGORIES.get(row["Category"].strip())
            platform = " ".join(row["Platform"].split())
            if name is None or category is None or not platform:
                continue
            rows.append([name, row["Wildcard match"].strip() == "1", platform, category, domains(row["Domain"])])
    unique = {json.dumps(row): row for row in rows}
    return {
        "source": "Open Cookie Database",
        "url": "https://github.com/jkwakman/Open-Cookie-Database",
        "licence": "Apache-2.0",
        "fields": ["name", "prefix", "platform", "category", "domains"],
        "cookies": sorted(unique.values(), key=lambda row: (row[0], row[2], row[3], row[4])),
    }


def dumps(facts: dict[str, Any]) -> str:
    """``facts`` as the shipped file writes them: one cookie per line, so a change to the database reads as a diff."""
    head = {key: value for key, value in facts.items() if key != "cookies"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "cookies": [']
    rows = [json.dumps(row, ensure_ascii=False) for row in facts["cookies"]]
    lines += [f"  {row}," for row in rows[:-1]] + [f"  {rows[-1]}"] if rows else []
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print how many facts the CSV gives, and with ``--write`` write them to the package's data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"write {TARGET.relative_to(ROOT)}")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the Open Cookie Database CSV")
    args = parser.parse_args(argv)
    facts = derive(args.source)
    if args.write:
        TARGET.write_text(dumps(facts), encoding="utf-8")
    print(f"{len(facts['cookies'])} cookies from {args.source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
