"""Which fields of a policy an export leaves out, reported as PM404 warnings (nothing is dropped silently)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import attrs

from privacymodel.model.fields import Model
from privacymodel.problems import Code, Problem, format_path

__all__ = ["left_out"]

Path = tuple[str | int, ...]


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


class _Gatherer:
    """Walks a policy once and groups the paths of the leaves no carried pattern covers.

    A pattern covers a node and everything under it, so a covered node's subtree
    is skipped. Field names hold no ``.`` or ``[``, so a pattern that covers a
    leaf is the pattern of the leaf or of one of its ancestors, and checking each
    node against the set of patterns is the same as comparing every leaf's
    pattern with every carried pattern. The leaves sharing a cut are the leaves
    under the node at the cut, met one after the other, so a group counts its
    cuts by comparing each with the one before and keeps the first.

    The policy is walked as its plain form reads: a model object as the mapping
    of its set fields (an unset field is ``None`` and left out of the plain
    form), a tuple as a list. Walking the objects themselves spares building the
    plain form. The path is one list, grown and shrunk on the way; a cut is made
    once for a mapping whose path already holds it (every leaf under it shares it).
    """

    def __init__(self, carried: Collection[str], whole: Collection[str]) -> None:
        self.carried = frozenset(carried)
        self.whole = frozenset(whole)
        self.path: list[str | int] = []
        self.groups: dict[str, list[Any]] = {}  # a group -> [its first cut, its last cut, how many cuts]
        self.cuts: dict[str, tuple[int, str]] = {}  # a leaf's pattern -> the length of its cut and the cut's pattern
        self.shared: dict[str, tuple[int, str] | None] = {}  # a mapping's pattern -> the same, if its path holds the cut
        # A pattern -> a model class there -> the fields not carried: name, whether it may be unset, its pattern.
        self.plans: dict[str, dict[type, tuple[tuple[str, bool, str], ...]]] = {}

    def walk(self, data: Any, pattern: str, cut: tuple[Path, str] | None) -> None:
        """Group the leaves under ``data`` that nothing carried covers.

        ``data`` is at :attr:`path`; its pattern, ``pattern``, is not carried. ``cut`` is the cut and the group
        every leaf under ``data`` goes to, once known.
        """
        path = self.path
        if isinstance(data, Model):
            cut = cut or self.cut_of(pattern)
            plans = self.plans.get(pattern) or self.plans.setdefault(pattern, {})
            plan = plans.get(type(data))
            if plan is None:
                plan = plans[type(data)] = self.plan(type(data), pattern)
            for name, optional, below in plan:
                value = getattr(data, name)
                if value is not None or not optional:  # an unset field is not in the plain form
                    path.append(name)
                    self.walk(value, below, cut)
                    path.pop()
        elif isinstance(data, dict):
            cut = cut or self.cut_of(pattern)
            for key, value in data.items():
                below = f"{pattern}.{key}" if pattern else str(key)
                if below not in self.carried:
                    path.append(key)
                    self.walk(value, below, cut)
                    path.pop()
        elif isinstance(data, (list, tuple)) and data and isinstance(data[0], (dict, Model)):
            below = pattern + "[*]"
            if below not in self.carried:
                for index, item in enumerate(data):
                    path.append(index)
                    self.walk(item, below, cut)
                    path.pop()
        else:
            self.leaf(pattern, cut)

    def plan(self, cls: type, pattern: str) -> tuple[tuple[str, bool, str], ...]:
        """The fields of ``cls`` at ``pattern`` that are not carried, each with whether it may be unset and its pattern."""
        fields = ((f.name, f.default is None, f"{pattern}.{f.name}" if pattern else f.name) for f in attrs.fields(cls))
        return tuple(field for field in fields if field[2] not in self.carried)

    def names(self) -> int:
        """How many field names a cut of the current path holds: one for a field reported whole, else two."""
        return 1 if self.path[0] in self.whole else 2

    def cut_of(self, pattern: str) -> tuple[Path, str] | None:
        """The cut of every leaf under the mapping at :attr:`path` and its group, if the path already holds the cut.

        It does when the path holds as many field names as a cut: the next name ends the cut.
        """
        if pattern not in self.shared:
            path = tuple(self.path)
            strings = sum(isinstance(part, str) for part in path)
            held = _cut(path, self.names()) if path and strings >= self.names() else None
            self.shared[pattern] = None if held is None else (len(held), _pattern(held))
        shape = self.shared[pattern]
        return None if shape is None else (tuple(self.path[: shape[0]]), shape[1])

    def leaf(self, pattern: str, cut: tuple[Path, str] | None) -> None:
        """Add the leaf at :attr:`path` to its group: ``section`` fields together, the others by their cut."""
        path = self.path
        if path[-1] == "section":
            cut = (tuple(path), "section")
        elif cut is None:
            known = self.cuts.get(pattern)
            if known is None:
                shape = _cut(tuple(path), self.names())
                known = self.cuts[pattern] = (len(shape), _pattern(shape))
            cut = (tuple(path[: known[0]]), known[1])
        group = self.groups.get(cut[1])
        if group is None:
            self.groups[cut[1]] = [cut[0], cut[0], 1]
        elif group[1] is not cut[0] and group[1] != cut[0]:
            group[1] = cut[0]
            group[2] += 1


def left_out(
    data: Model | dict[str, Any], carried: Collection[str], target: str, reasons: Mapping[str, str], whole: Collection[str] = ()
) -> list[Problem]:
    """PM404 warnings for the fields of the policy ``data`` (or its plain form) that no pattern in ``carried`` covers.

    ``carried`` holds field patterns (``purposes[*].term``); a pattern covers the
    fields under it. Fields left out are reported by their first two field
    names (``controllers[*].contacts``), or their first (``cookies``) when it
    is in ``whole``; ``section`` fields are reported together. Each report
    gives the first path and how many there are; ``reasons`` maps a pattern
    prefix to why the target cannot hold it ("" for the default reason).
    The time taken grows with the size of ``data``, once over.
    """
    gatherer = _Gatherer(carried, whole)
    gatherer.walk(data, "", None)  # the whole policy is never carried as one
    notes = []
    for key, (first, _, count) in gatherer.groups.items():
        reason = next((text for prefix, text in reasons.items() if prefix and key.startswith(prefix)), reasons.get("", ""))
        what = "the source sections named" if key == "section" else key.removesuffix("[*]")
        many = f" ({count})" if count > 1 else ""
        notes.append(
            Problem(
                code=Code.NOT_EXPORTED,
                severity="warning",
                message=f"{what}{many}: not carried over to {target}{'; ' + reason if reason else ''}",
                path=format_path(first),
            )
        )
    return notes
