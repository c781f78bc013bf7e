"""Which fields of a policy an export leaves out, reported as PM404 warnings (nothing is dropped silently)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from privacymodel.problems import Code, Problem, format_path

__all__ = ["left_out"]

Path = tuple[str | int, ...]


def _leaves(data: Any, path: Path) -> Iterator[Path]:
    """The path of every value under ``data`` that is not a mapping or a list of mappings."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for index, item in enumerate(data):
            yield from _leaves(item, (*path, index))
    else:
        yield path


def _pattern(path: Path) -> str:
    """``("cookies", 3, "name")`` -> ``cookies[*].name``."""
    out = ""
    for part in path:
        out += "[*]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _cut(path: Path, names: int) -> Path:
    """``path`` up to and with its ``names``-th field name and the index after it."""
    seen = 0
    for end, part in enumerate(path):
        if isinstance(part, str):
            seen += 1
            if seen > names:
                return path[:end]
    return path


def left_out(
    data: dict[str, Any], carried: Collection[str], target: str, reasons: Mapping[str, str], whole: Collection[str] = ()
) -> list[Problem]:
    """PM404 warnings for the fields of the plain policy ``data`` that no pattern in ``carried`` covers.

    ``carried`` holds field patterns (``purposes[*].term``); a pattern covers the
    fields under it. Fields left out are reported by their first two field
    names (``controllers[*].contacts``), or their first (``cookies``) when it
    is in ``whole``; ``section`` fields are reported together. Each report
    gives the first path and how many there are; ``reasons`` maps a pattern
    prefix to why the target cannot hold it ("" for the default reason).
    """
    groups: dict[str, list[Path]] = {}
    for path in _leaves(data, ()):
        pattern = _pattern(path)
        if any(pattern == c or pattern.startswith((c + ".", c + "[")) for c in carried):
            continue
        if path[-1] == "section":
            key, cut = "section", path
        else:
            cut = _cut(path, 1 if path[0] in whole else 2)
            key = _pattern(cut)
        groups.setdefault(key, [])
        if cut not in groups[key]:
            groups[key].append(cut)
    notes = []
    for key, cuts in groups.items():
        reason = next((text for prefix, text in reasons.items() if prefix and key.startswith(prefix)), reasons.get("", ""))
        what = "the source sections named" if key == "section" else key.removesuffix("[*]")
        count = f" ({len(cuts)})" if len(cuts) > 1 else ""
        notes.append(
            Problem(
                code=Code.NOT_EXPORTED,
                severity="warning",
                message=f"{what}{count}: not carried over to {target}{'; ' + reason if reason else ''}",
                path=format_path(cuts[0]),
            )
        )
    return notes
