"""The tables a set of policies becomes, derived from the model classes by reflection.

Each model class reached through a list (``tuple[Cookie, ...]``) gets a table of its own, one row per item,
keyed by the policy's id and the item's JSON path in the policy (``$.cookies[3]``); nested items carry their
parent's path. A class reached only as a single value (``document``, ``children``, an address) is flattened
into the row that holds it, its columns prefixed with the field's name (``document_title``). Lists of ids
(``processing.purposes``) become link tables, one row per id; lists of values and of vocabulary terms are
list columns. Every vocabulary term has its W3C DPV IRI beside it in ``<column>_iri``. A field added to the
model appears in the tables with no change here; a field of a type the tables cannot hold fails loudly.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs
from attrs import frozen

from privacymodel.model.fields import Model, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.policy import Party, PrivacyPolicy
from privacymodel.model.vocab import Vocabulary, right_iri

__all__ = [
    "ARROW_TYPES",
    "FINDINGS",
    "LAYOUTS",
    "PROBLEMS",
    "TABLES",
    "ClassLayout",
    "Column",
    "Field",
    "Kind",
    "Table",
    "data_dictionary",
    "dictionary_markdown",
]

Kind = Literal["string", "int", "bool", "date", "term", "strings", "terms"]
"""How a column holds its values: text, a whole number, a boolean, a date, a vocabulary term, or a list of
text or of terms."""

ARROW_TYPES: Final[dict[str, str]] = {
    "string": "string",
    "int": "int64",
    "bool": "bool",
    "date": "date32",
    "term": "dictionary<string>",
    "strings": "list<string>",
    "terms": "list<dictionary<string>>",
}
"""The Apache Arrow type of each kind of column, as the data dictionary names it."""


Role = Literal["key", "value", "iri", "count", "id"]
"""What a column holds: a key of its row, a field's value, the IRI of the term beside it, how many items a list
holds, or (in a link table) one id of a list of ids."""


@frozen
class Column:
    """One column: its name, kind, description, the field of the policy it holds (a JSON path from its row's item)
    and its role."""

    name: str
    kind: Kind
    description: str
    source: str = ""
    role: Role = "key"


@frozen
class Table:
    """One table: its name, what a row is, its columns in order, and whether it holds items of the policy
    (``items``), the ids of a list of ids (``link``) or what reading found (``report``)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    kind: Literal["items", "link", "report"] = "items"


How = Literal["value", "term", "values", "terms", "flatten", "child", "link"]


@frozen
class Field:
    """How one field of a class reaches the tables: a column (``value``, ``term``, ``values``, ``terms``), the
    columns of a flattened class (``flatten``), rows of another table (``child``, ``link``). ``iri``, where set, gives
    a term's IRI from the item that holds it, for a term whose IRI depends on another field."""

    name: str
    how: How
    column: str = ""
    table: str = ""
    many: bool = False
    nested: ClassLayout | None = None
    iri: Callable[[Any], str | None] | None = None


@frozen
class ClassLayout:
    """How the fields of one class fill the row that holds it; ``columns`` lists every column it fills."""

    cls: type
    fields: tuple[Field, ...]
    columns: tuple[str, ...]


_KEY_DESCRIPTIONS: Final = {
    "policy_id": "The policy's id: its file's path relative to the root (the current folder unless one is given), "
    "or the name it was given with.",
    "path": "The JSON path of the item in the policy ($.cookies[3]).",
    "parent_path": "The JSON path of the item this one belongs to ($.controllers[0]).",
    "field": "The field of the policy the item stands in.",
}
_IRIS: Final[dict[tuple[str, str], tuple[Callable[[Any], str | None], str]]] = {
    ("Right", "kind"): (
        lambda right: right_iri(right.kind, right.law),
        (
            "The W3C DPV IRI of kind under the right's law: the article's under the GDPR (eu-gdpr:A15), "
            "dpv:DataSubjectRight under another law or none; null for x- custom terms."
        ),
    ),
}
"""Terms whose IRI depends on another field of their item (class name, field): how to find it, and what it is."""

_TABLE_NAMES: Final[dict[type, str]] = {PrivacyPolicy: "policies", Party: "parties"}
"""Tables not named after the list that holds their items."""


def _snake(name: str) -> str:
    """'DataCategory' -> 'data_category'."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    return " ".join((cls.__doc__ or cls.__name__).strip().split("\n\n")[0].split())


def _model(tp: Any) -> type[Model] | None:
    return tp if isinstance(tp, type) and issubclass(tp, Model) else None


def _is_term(tp: Any) -> bool:
    return (isinstance(tp, type) and issubclass(tp, Vocabulary)) or open_vocabulary(tp) is not None


def _scalar(tp: Any) -> Kind | None:
    for python, kind in ((bool, "bool"), (int, "int"), (dt.date, "date"), (str, "string")):
        if tp is python:
            return typing.cast(Kind, kind)
    return "term" if _is_term(tp) else None


def _fields(cls: type) -> list[tuple[attrs.Attribute[Any], Any, bool]]:
    """Each attrs field of ``cls`` with its type (``None`` unwrapped) and whether it is a list."""
    hints = type_hints(cls)
    out = []
    for field in attrs.fields(typing.cast(Any, cls)):
        tp, _ = unwrap_optional(hints[field.name])
        many = typing.get_origin(tp) is tuple
        out.append((field, typing.get_args(tp)[0] if many else tp, many))
    return out


def _table_classes() -> dict[type, tuple[str, list[tuple[type, str]]]]:
    """Every class that gets a table, with its table's name and the (class, field) pairs it is reached by, in order."""
    found: dict[type, tuple[str, list[tuple[type, str]]]] = {PrivacyPolicy: ("policies", [])}

    def walk(cls: type, seen: set[type]) -> None:
        seen.add(cls)
        for field, tp, many in _fields(cls):
            model = _model(tp)
            if model is None:
                continue
            if many or model in found:
                found.setdefault(model, (_TABLE_NAMES.get(model, field.name), []))[1].append((cls, field.name))
            if model not in seen:
                walk(model, seen)

    walk(PrivacyPolicy, set())
    # A class met as a single value before it is met in a list gets a table too: walk again to record every way to it.
    for _, reached in found.values():
        reached.clear()
    walk(PrivacyPolicy, set())
    return found


@attrs.define
class _Target:
    """Where the fields of a class go: the table (and its class) whose rows they fill, its columns, new link tables."""

    cls: type
    table: str
    columns: list[Column]
    links: list[Table]


class _Builder:
    """Builds every table and class layout, once, by walking the model from :class:`PrivacyPolicy`."""

    def __init__(self) -> None:
        self.classes = _table_classes()
        self.tables: dict[str, Table] = {}
        self.layouts: dict[type, ClassLayout] = {}
        for cls in self.classes:
            self._entity(cls)

    def _entity(self, cls: type) -> None:
        name, reached = self.classes[cls]
        target = _Target(cls, name, [Column("policy_id", "string", _KEY_DESCRIPTIONS["policy_id"])], [])
        if cls is PrivacyPolicy:
            target.columns += [
                Column("file", "string", "The file the policy was read from, as found; null for a policy given as an object."),
                Column(
                    "policy_uuid",
                    "string",
                    "The policy's UUID, as the TILT and DPV exports write it: from its URL (or its title when it "
                    "states none), so versions published at one URL share it.",
                ),
            ]
        else:
            target.columns.append(Column("path", "string", _KEY_DESCRIPTIONS["path"]))
            if any(parent is not PrivacyPolicy for parent, _ in reached):
                target.columns.append(Column("parent_path", "string", _KEY_DESCRIPTIONS["parent_path"]))
            fields = list(dict.fromkeys(field for _, field in reached))
            if len(fields) > 1:
                target.columns.append(Column("field", "term", f"{_KEY_DESCRIPTIONS['field']} ({', '.join(fields)})."))
        self.layouts[cls] = self._layout(cls, target, "", "")
        names = [column.name for column in target.columns]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise TypeError(f"table {name!r}: columns {duplicates} would be named twice")
        noun = _snake(cls.__name__).replace("_", " ")
        self.tables[name] = Table(name, f"One row per {noun}. {_summary(cls)}", tuple(target.columns))
        for link in target.links:
            self.tables[link.name] = link

    def _layout(self, cls: type, target: _Target, prefix: str, source: str) -> ClassLayout:
        """The layout of ``cls`` whose columns, named ``prefix`` + field, go to ``target``; ``source`` is its JSON path."""
        fields: list[Field] = []
        start = len(target.columns)
        for attribute, tp, many in _fields(cls):
            name, where = prefix + attribute.name, source + attribute.name
            model = _model(tp)
            if model is not None and model in self.classes:
                table = self.classes[model][0]
                fields.append(Field(attribute.name, "child", column=f"{name}_count" if many else "", table=table, many=many))
                if many:
                    description = (
                        f"How many items {where} holds (rows of {table}); null when the policy does not state it, "
                        "0 when it states there are none."
                    )
                    target.columns.append(Column(f"{name}_count", "int", description, where, "count"))
            elif model is not None:
                fields.append(Field(attribute.name, "flatten", nested=self._layout(model, target, f"{name}_", f"{where}.")))
            elif many and tp is str and attribute.metadata.get("ref"):
                link = self._link(target, attribute, where)
                target.links.append(link)
                fields.append(Field(attribute.name, "link", table=link.name, many=True))
            else:
                field = _column(attribute, tp, many, target.columns, name, where)
                if field is None:
                    raise TypeError(f"{cls.__name__}.{attribute.name}: the tables have no column for {tp!r}")
                rule = _IRIS.get((cls.__name__, attribute.name))
                if rule is not None:
                    field = attrs.evolve(field, iri=rule[0])
                    target.columns[-1] = attrs.evolve(target.columns[-1], description=rule[1])
                fields.append(field)
        return ClassLayout(cls, tuple(fields), tuple(column.name for column in target.columns[start:]))

    def _link(self, target: _Target, attribute: attrs.Attribute[Any], where: str) -> Table:
        """The link table of a list of ids: the keys of the row that holds the list, and one id per row."""
        owner = _snake(target.cls.__name__)
        ref = attribute.metadata["ref"]
        referenced = next((cls for cls, (name, _) in self.classes.items() if name == ref), None)
        id_column = f"{_snake(referenced.__name__) if referenced is not None else attribute.name}_id"
        if id_column == f"{owner}_id":
            id_column = f"referenced_{id_column}"
        noun = owner.replace("_", " ")
        columns = [
            Column("policy_id", "string", _KEY_DESCRIPTIONS["policy_id"]),
            Column("path", "string", f"The JSON path of the {noun} in the policy (the path column of {target.table})."),
        ]
        if "id" in attrs.fields_dict(typing.cast(Any, target.cls)):
            columns.append(Column(f"{owner}_id", "string", f"The id of the {noun} (the id column of {target.table})."))
        columns.append(Column(id_column, "string", f"{attribute.metadata.get('description', '')} One id per row.", where, "id"))
        name = f"{target.table}_{where.replace('.', '_')}"
        return Table(name, f"One row per id in {target.table}.{where}.", tuple(columns), "link")


def _column(attribute: attrs.Attribute[Any], tp: Any, many: bool, columns: list[Column], name: str, where: str) -> Field | None:
    """The column of a value, a term or a list of either, and the IRI column beside a term, appended to ``columns``;
    None for a type no column holds."""
    kind = _scalar(tp)
    if kind is None or (many and kind not in ("string", "term")):
        return None
    description = attribute.metadata.get("description", "")
    if kind == "term":
        columns.append(Column(name, "terms" if many else "term", description, where, "value"))
        columns.append(Column(f"{name}_iri", "terms" if many else "term", _iri_description(name), where, "iri"))
        return Field(attribute.name, "terms" if many else "term", column=name)
    columns.append(Column(name, "strings" if many else kind, description, where, "value"))
    return Field(attribute.name, "values" if many else "value", column=name)


def _iri_description(name: str) -> str:
    return f"The W3C DPV IRI of {name}; null for x- custom terms and for terms DPV has no concept for."


_BUILT: Final = _Builder()

PROBLEMS: Final = Table(
    "problems",
    "One row per problem found in a file, as privacymodel validate reports it: the errors that kept a file out of "
    "the other tables, and the warnings of the files read.",
    (
        Column("policy_id", "string", _KEY_DESCRIPTIONS["policy_id"]),
        Column("file", "string", "The file, as found."),
        Column("code", "term", "The stable problem code (PM101)."),
        Column("severity", "term", "error or warning."),
        Column("message", "string", "What is wrong."),
        Column("path", "string", "The JSON path of the problem in the policy."),
        Column("line", "int", "The line, from 1; null when unknown."),
        Column("column", "int", "The column, from 1; null when unknown."),
    ),
    "report",
)
FINDINGS: Final = Table(
    "findings",
    "With an audit: one row per disclosure item of the law for each policy read, as privacymodel audit reports it.",
    (
        Column("policy_id", "string", _KEY_DESCRIPTIONS["policy_id"]),
        Column("law", "term", "The law audited against."),
        Column("item", "term", "The disclosure item's id."),
        Column("title", "term", "The disclosure item's title."),
        Column("article", "term", "The article that requires it."),
        Column("status", "term", "present, missing, not-applicable or unclear."),
        Column("message", "string", "Why the item has this status."),
        Column("evidence", "strings", "The JSON paths that satisfy the item."),
    ),
    "report",
)

TABLES: Final[dict[str, Table]] = {**_BUILT.tables, PROBLEMS.name: PROBLEMS, FINDINGS.name: FINDINGS}
"""Every table, in the order they are written: the policy tables, their link tables, problems and findings."""

LAYOUTS: Final[dict[type, ClassLayout]] = _BUILT.layouts
"""How each class with a table fills its rows."""


def data_dictionary() -> list[tuple[str, str, str, str, str]]:
    """Every column of every table: (table, column, Arrow type, field of the policy, description)."""
    return [
        (table.name, column.name, ARROW_TYPES[column.kind], column.source, column.description)
        for table in TABLES.values()
        for column in table.columns
    ]


def dictionary_markdown() -> str:
    """The data dictionary as Markdown, as the README holds it: one folding section per table."""
    lines: list[str] = []
    for table in TABLES.values():
        lines += [f"<details><summary><code>{table.name}</code>: {table.description}</summary>", ""]
        lines += ["| column | type | field | description |", "|---|---|---|---|"]
        for column in table.columns:
            source = f"`{column.source}`" if column.source else ""
            description = column.description.replace("|", "\\|")
            lines.append(f"| {column.name} | `{ARROW_TYPES[column.kind]}` | {source} | {description} |")
        lines += ["", "</details>", ""]
    return "\n".join(lines)
