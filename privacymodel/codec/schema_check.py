"""Checking plain data against the exported JSON Schema, compiled once into Python checks.

:func:`schema_errors` reports every place where data breaks the schema that
:func:`~privacymodel.model.schema.json_schema` exports, with the meaning JSON
Schema 2020-12 gives each keyword (patterns read as ECMA-262 reads them, and
the ``date`` and ``email`` formats checked as jsonschema checks them). It
understands only the keywords that schema uses; compiling one it does not
know raises, so a new keyword cannot be skipped silently.

It is fast where a general validator is not: a failure is a small
:class:`SchemaError` built only when something fails, with no message until
one is asked for, and the data is walked in its own order, so failures come
in the order they stand in the text. Its errors differ from a general
validator's in two ways, both so that one fault is one error: each missing
or unknown key is an error of its own (``key`` names it), and a text value
that fails its pattern (or format) is not reported again for its format or
its allowed values.

A general validator does not keep input full of faults near the cost of valid
input. jsonschema is slow per error; jsonschema-rs builds every error as a
Python object before it returns the first, with one more for each term a
misspelt vocabulary value is not (a ``oneOf`` of constants) and a copy of the
value that failed (the whole document, for an unknown top-level key). Its
errors also come in an order of its own (a mapping's unknown keys after the
errors in its values), and its ``uri``, ``hostname``, ``duration``
and ``date`` formats accept and refuse other values than the library does.
"""

from __future__ import annotations

import datetime as dt
import functools
import numbers
import re
from collections.abc import Callable
from typing import Any, Final

from privacymodel.model.formats import ecma_regex
from privacymodel.problems import shown

__all__ = ["SchemaError", "schema_errors"]


class SchemaError:
    """One place where data breaks the schema.

    ``keyword`` is the schema keyword that failed, ``value`` its value in the schema and ``schema`` the
    schema object holding it; ``path`` is where the failing ``instance`` stands in the data, and ``key``
    the key a ``required`` or ``additionalProperties`` error is about.
    """

    __slots__ = ("instance", "key", "keyword", "path", "schema", "value")

    def __init__(
        self, keyword: str, path: tuple[Any, ...], instance: Any, value: Any, schema: dict[str, Any], key: str | None = None
    ) -> None:
        self.keyword, self.path, self.instance, self.value, self.schema, self.key = keyword, path, instance, value, schema, key

    # The names jsonschema's errors give the same things.
    @property
    def validator(self) -> str:
        """The keyword that failed."""
        return self.keyword

    @property
    def validator_value(self) -> Any:
        """The failed keyword's value in the schema."""
        return self.value

    @property
    def absolute_path(self) -> tuple[Any, ...]:
        """Where the failing value stands in the data."""
        return self.path

    @property
    def message(self) -> str:
        """A short, general description of the failure."""
        about = f" {self.key!r}" if self.key is not None else ""
        return f"{shown(self.instance)} fails {self.keyword}{about}"

    def __repr__(self) -> str:
        return f"SchemaError({self.keyword!r}, {self.path!r}, key={self.key!r})"


Report = Callable[[SchemaError], None]

_ANNOTATIONS: Final = frozenset({"$schema", "$id", "$defs", "title", "description", "default", "examples", "$comment"})
_KEYWORDS: Final = frozenset(
    {
        "$ref", "type", "properties", "required", "additionalProperties", "items", "minItems",
        "pattern", "format", "enum", "const", "minimum", "maximum", "anyOf", "oneOf", "not",
    }
)  # fmt: skip


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


_TYPES: Final[dict[str, Callable[[Any], bool]]] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "integer": _is_integer,
    "number": _is_number,
}

_DATE_SHAPE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _is_date(value: str) -> bool:
    if _DATE_SHAPE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# The formats jsonschema checks without optional packages; any other format name is an annotation.
_FORMATS: Final[dict[str, Callable[[str], bool]]] = {"date": _is_date, "email": lambda value: "@" in value}


class _Node:
    """One schema object, compiled: what to check on a value, and the nodes for its parts."""

    __slots__ = (
        "any_of", "closed", "enum", "enum_keyword", "format", "items", "maximum", "min_items", "minimum",
        "negated", "one_of", "properties", "ref", "regex", "required", "schema", "types",
    )  # fmt: skip

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.ref: _Node | None = None
        self.types: tuple[Callable[[Any], bool], ...] | None = None
        self.properties: dict[str, _Node] = {}
        self.required: tuple[str, ...] = ()
        self.closed = False
        self.items: _Node | None = None
        self.min_items = 0
        self.regex: Callable[[str], Any] | None = None
        self.format: Callable[[str], bool] | None = None
        self.enum: frozenset[str] | None = None
        self.enum_keyword = "enum"  # the keyword a value outside ``enum`` breaks: enum, const or oneOf
        self.minimum: Any = None
        self.maximum: Any = None
        self.any_of: tuple[_Node, ...] = ()
        self.one_of: tuple[_Node, ...] = ()
        self.negated: _Node | None = None  # ``not``: a value this node accepts is an error

    # The checker's hot path: one method per value, kept whole because a call per keyword costs time.
    def check(self, value: Any, path: list[Any], report: Report) -> None:
        """Report every way ``value`` (at ``path``) breaks this node, then check its parts."""
        if self.ref is not None:
            self.ref.check(value, path, report)
        if self.types is not None and not any(is_type(value) for is_type in self.types):
            report(SchemaError("type", tuple(path), value, self.schema["type"], self.schema))
        if isinstance(value, dict):
            self._check_object(value, path, report)
        elif isinstance(value, list):
            self._check_array(value, path, report)
        elif isinstance(value, str):
            if self.regex is not None and self.regex(value) is None:
                report(SchemaError("pattern", tuple(path), value, self.schema["pattern"], self.schema))
                return  # the same fault: not reported again for the format or the allowed values
            if self.format is not None and not self.format(value):
                report(SchemaError("format", tuple(path), value, self.schema["format"], self.schema))
                return
        elif self.minimum is not None or self.maximum is not None:
            self._check_range(value, path, report)
        if self.enum is not None and not (isinstance(value, str) and value in self.enum):
            report(SchemaError(self.enum_keyword, tuple(path), value, self.schema[self.enum_keyword], self.schema))
        if self.any_of and not any(node.accepts(value, path) for node in self.any_of):
            report(SchemaError("anyOf", tuple(path), value, self.schema["anyOf"], self.schema))
        if self.one_of and sum(node.accepts(value, path) for node in self.one_of) != 1:
            report(SchemaError("oneOf", tuple(path), value, self.schema["oneOf"], self.schema))
        if self.negated is not None and self.negated.accepts(value, path):
            report(SchemaError("not", tuple(path), value, self.schema["not"], self.schema))

    def accepts(self, value: Any, path: list[Any]) -> bool:
        """Whether ``value`` breaks nothing in this node."""
        found: list[SchemaError] = []
        self.check(value, path, found.append)
        return not found

    def _check_object(self, value: dict[Any, Any], path: list[Any], report: Report) -> None:
        for key in self.required:
            if key not in value:
                report(SchemaError("required", tuple(path), value, self.schema["required"], self.schema, key))
        properties = self.properties
        if not properties and not self.closed:
            return
        for key, item in value.items():
            node = properties.get(key)
            if node is not None:
                path.append(key)
                node.check(item, path, report)
                path.pop()
            elif self.closed:
                report(SchemaError("additionalProperties", tuple(path), value, False, self.schema, key))

    def _check_array(self, value: list[Any], path: list[Any], report: Report) -> None:
        if len(value) < self.min_items:
            report(SchemaError("minItems", tuple(path), value, self.min_items, self.schema))
        node = self.items
        if node is not None:
            for index, item in enumerate(value):
                path.append(index)
                node.check(item, path, report)
                path.pop()

    def _check_range(self, value: Any, path: list[Any], report: Report) -> None:
        if not _is_number(value):
            return
        if self.minimum is not None and value < self.minimum:
            report(SchemaError("minimum", tuple(path), value, self.minimum, self.schema))
        if self.maximum is not None and value > self.maximum:
            report(SchemaError("maximum", tuple(path), value, self.maximum, self.schema))


class _Compiler:
    """Compiles a schema's objects into :class:`_Node` objects, each ``$defs`` entry once."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = root.get("$defs", {})
        self.done: dict[str, _Node] = {}

    def node(self, schema: dict[str, Any]) -> _Node:
        unknown = set(schema) - _KEYWORDS - _ANNOTATIONS
        if unknown:
            raise ValueError(f"schema keywords not supported: {sorted(unknown)}")
        node = _Node(schema)
        if "$ref" in schema:
            node.ref = self.reference(schema["$ref"])
            if not set(schema) - _ANNOTATIONS - {"$ref"}:
                return node.ref  # a bare reference is the node it names
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            node.types = tuple(_TYPES[name] for name in names)
        node.properties = {key: self.node(sub) for key, sub in schema.get("properties", {}).items()}
        node.required = tuple(schema.get("required", ()))
        if "additionalProperties" in schema:
            if schema["additionalProperties"] is not False:
                raise ValueError("only additionalProperties: false is supported")
            node.closed = True
        if "items" in schema:
            node.items = self.node(schema["items"])
        node.min_items = schema.get("minItems", 0)
        if "pattern" in schema:
            node.regex = ecma_regex(schema["pattern"]).search
        node.format = _FORMATS.get(schema.get("format", ""))
        if "enum" in schema or "const" in schema:
            values = schema["enum"] if "enum" in schema else [schema["const"]]
            if not all(isinstance(value, str) for value in values):
                raise ValueError("only text is supported in enum and const")
            node.enum = frozenset(values)
            node.enum_keyword = "enum" if "enum" in schema else "const"
        node.minimum, node.maximum = schema.get("minimum"), schema.get("maximum")
        node.any_of = tuple(self.node(sub) for sub in schema.get("anyOf", ()))
        node.one_of = tuple(self.node(sub) for sub in schema.get("oneOf", ()))
        if "not" in schema:
            node.negated = self.node(schema["not"])
        if node.one_of and node.enum is None and all(set(sub) - _ANNOTATIONS == {"const"} for sub in schema["oneOf"]):
            self.terms(node, schema["oneOf"])
        return node

    def terms(self, node: _Node, branches: list[dict[str, Any]]) -> None:
        """A ``oneOf`` of distinct text constants: exactly one branch matches a value iff it is one of them."""
        values = [branch["const"] for branch in branches]
        if len(set(values)) != len(values) or not all(isinstance(value, str) for value in values):
            return
        node.one_of = ()
        node.enum = frozenset(values)
        node.enum_keyword = "oneOf"

    def reference(self, ref: str) -> _Node:
        prefix = "#/$defs/"
        if not ref.startswith(prefix):
            raise ValueError(f"only references into $defs are supported: {ref!r}")
        name = ref[len(prefix) :]
        if name not in self.done:
            self.done[name] = self.node(self.defs[name])
        return self.done[name]


@functools.cache
def _root() -> _Node:
    from privacymodel.model.schema import json_schema  # noqa: PLC0415 - only a failing document needs the schema

    schema = json_schema()
    return _Compiler(schema).node(schema)


def schema_errors(data: Any, report: Report) -> None:
    """Report each way ``data`` breaks the exported schema, in the order the data holds its parts."""
    _root().check(data, [], report)
