"""Rows of the tables, as plain Python columns: a policy, its problems and its audit findings added one by one.

:class:`Rows` holds one list per column of every table in :data:`~.layout.TABLES`; adding a policy walks it
once, following each class's :class:`~.layout.ClassLayout`, and appends to every column of each row it
writes, so all columns of a table stay the same length. Nothing here needs Apache Arrow.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any

from privacymodel.checks.audit import Finding
from privacymodel.formats.shared import policy_uuid
from privacymodel.formats.tables.layout import LAYOUTS, TABLES, ClassLayout, Field
from privacymodel.model.policy import PrivacyPolicy
from privacymodel.problems import Problem

__all__ = ["Rows"]

Columns = dict[str, list[Any]]


class Rows:
    """Column buffers for every table, filled policy by policy; ``sources`` counts what was added, ``invalid`` the
    files that were not valid policies."""

    def __init__(self) -> None:
        self.columns: dict[str, Columns] = {name: {column.name: [] for column in table.columns} for name, table in TABLES.items()}
        self.sources = 0
        self.invalid = 0

    def __len__(self) -> int:
        """How many sources (files or given policies) were added."""
        return self.sources

    def add_policy(self, policy_id: str, file: str | None, policy: PrivacyPolicy) -> None:
        """Add a policy: its row of ``policies`` and the rows of every table its items go to."""
        columns = self.columns["policies"]
        columns["policy_id"].append(policy_id)
        columns["file"].append(file)
        columns["policy_uuid"].append(_uuid(policy))
        self._fill(LAYOUTS[PrivacyPolicy], policy, columns, _Row(policy_id, "$", None))

    def add_problems(self, policy_id: str, file: str | None, problems: Iterable[Problem]) -> None:
        """Add the problems found in one file."""
        columns = self.columns["problems"]
        for problem in problems:
            values = (
                policy_id,
                file,
                problem.code,
                problem.severity,
                problem.message,
                problem.path,
                problem.line,
                problem.column,
            )
            for column, value in zip(columns.values(), values, strict=True):
                column.append(value)

    def add_findings(self, policy_id: str, findings: Iterable[Finding]) -> None:
        """Add the audit findings on one policy."""
        columns = self.columns["findings"]
        for finding in findings:
            values = (
                policy_id,
                finding.law,
                finding.item,
                finding.title,
                finding.article,
                finding.status,
                finding.message,
                list(finding.evidence),
            )
            for column, value in zip(columns.values(), values, strict=True):
                column.append(value)

    def _item(self, field: Field, item: Any, row: _Row, path: str) -> None:
        """Add ``item`` as a row of ``field.table``: its path, the path of the item holding it, and its fields."""
        columns = self.columns[field.table]
        columns["policy_id"].append(row.policy_id)
        columns["path"].append(path)
        if "parent_path" in columns:
            columns["parent_path"].append(row.path)
        if "field" in columns:
            columns["field"].append(field.name)
        self._fill(LAYOUTS[type(item)], item, columns, _Row(row.policy_id, path, getattr(item, "id", None)))

    def _fill(self, layout: ClassLayout, value: Any, columns: Columns, row: _Row, where: str | None = None) -> None:
        """Append the fields of ``value`` to ``columns``: its row's keys are in ``row``, its own JSON path is ``where``."""
        where = row.path if where is None else where
        for field in layout.fields:
            item = getattr(value, field.name)
            how = field.how
            if how == "value":
                columns[field.column].append(item)
            elif how == "term":
                columns[field.column].append(None if item is None else str(item))
                iri = field.iri(value) if field.iri is not None and item is not None else getattr(item, "iri", None)
                columns[field.column + "_iri"].append(iri)
            elif how == "values":
                columns[field.column].append(None if item is None else list(item))
            elif how == "terms":
                columns[field.column].append(None if item is None else [str(term) for term in item])
                columns[field.column + "_iri"].append(None if item is None else [getattr(term, "iri", None) for term in item])
            elif how == "flatten":
                nested = typing.cast(ClassLayout, field.nested)
                if item is None:
                    for name in nested.columns:
                        columns[name].append(None)
                else:
                    self._fill(nested, item, columns, row, f"{where}.{field.name}")
            elif how == "child":
                self._children(field, item, columns, row, f"{where}.{field.name}")
            elif item is not None:  # a link: one row per id
                self._links(field, item, row)

    def _children(self, field: Field, item: Any, columns: Columns, row: _Row, where: str) -> None:
        """The rows of the items of a list (and its count column), or of a single item with a table of its own."""
        if not field.many:
            if item is not None:
                self._item(field, item, row, where)
            return
        columns[field.column].append(None if item is None else len(item))
        for index, child in enumerate(item or ()):
            self._item(field, child, row, f"{where}[{index}]")

    def _links(self, field: Field, ids: tuple[str, ...], row: _Row) -> None:
        columns = list(self.columns[field.table].values())
        owner_id = len(columns) == 4  # policy_id, path, the owner's id (when it has one) and the id it refers to
        for ref in ids:
            columns[0].append(row.policy_id)
            columns[1].append(row.path)
            if owner_id:
                columns[2].append(row.id)
            columns[-1].append(ref)


def _uuid(policy: PrivacyPolicy) -> str | None:
    """The policy's UUID; None when its URL or title is not valid Unicode (a lone surrogate, in a policy built in
    Python), from which no UUID can be derived."""
    try:
        return str(policy_uuid(policy.document))
    except UnicodeEncodeError:
        return None


class _Row:
    """The keys of the row being written: its policy, its JSON path and its id."""

    __slots__ = ("id", "path", "policy_id")

    def __init__(self, policy_id: str, path: str, item_id: str | None) -> None:
        self.policy_id = policy_id
        self.path = path
        self.id = item_id
