"""JSON Schema (draft 2020-12) generated from the model classes.

Each model class becomes one ``$defs`` entry with ``additionalProperties:
false``, its required keys and a description on every property, all read from
the classes and their field metadata; each vocabulary becomes a ``$defs``
entry listing its terms with their descriptions and DPV IRIs.

What the schema cannot express, and :func:`privacymodel.check` does: ids that
must be unique, references between parts that must resolve, and the
last-updated date not preceding the effective date.
"""

from __future__ import annotations

import datetime as dt
import inspect
import typing
from typing import Any, Final

import attrs

from privacymodel.model.fields import Model, int_bounds, open_vocabulary, type_hints, unwrap_optional
from privacymodel.model.formats import FORMATS, Format
from privacymodel.model.policy import FORMAT_VERSION, MODEL_CLASSES, PrivacyPolicy
from privacymodel.model.vocab import CUSTOM_TERM_PATTERN, Vocabulary

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = "urn:privacymodel:schema:privacy-policy:1.0"
"""The ``$id`` of the exported schema (a URN: nothing is fetched to resolve it)."""

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"


def _doc(obj: object) -> str:
    return " ".join((inspect.getdoc(obj) or "").split("\n\n")[0].split())


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _value_schema(tp: Any, meta: typing.Mapping[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        schema: dict[str, Any] = {"type": "array", "items": _value_schema(typing.get_args(tp)[0], meta, defs)}
        if meta.get("min_items") is not None:
            schema["minItems"] = meta["min_items"]
        return schema
    vocabulary = open_vocabulary(tp)
    if vocabulary is not None:
        _vocabulary_def(vocabulary, defs)
        defs.setdefault("CustomTerm", _custom_term_def())
        return {"anyOf": [_ref(vocabulary.__name__), _ref("CustomTerm")]}
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        _vocabulary_def(tp, defs)
        return _ref(tp.__name__)
    if isinstance(tp, type) and issubclass(tp, Model):
        return _ref(tp.__name__)
    return _scalar_schema(tp, meta)


def _scalar_schema(tp: Any, meta: typing.Mapping[str, Any]) -> dict[str, Any]:
    """The schema of a text, date, boolean or whole-number field, with its format and bounds."""
    if tp is str:
        return _string_schema(FORMATS[meta.get("fmt") or "text"])
    if tp is dt.date:
        fmt = FORMATS["date"]
        return {"type": "string", "format": "date", "pattern": fmt.pattern}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        low, high = int_bounds(meta)
        return {"type": "integer", "minimum": low, "maximum": high}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - every model type is handled


def _string_schema(fmt: Format) -> dict[str, Any]:
    if fmt.enum is not None:
        return {"type": "string", "enum": list(fmt.enum)}
    schema: dict[str, Any] = {"type": "string", "pattern": fmt.pattern}
    if fmt.json_format is not None:
        schema["format"] = fmt.json_format
    return schema


def _custom_term_def() -> dict[str, Any]:
    return {
        "title": "CustomTerm",
        "description": _doc(_custom_term_doc),
        "type": "string",
        "pattern": CUSTOM_TERM_PATTERN,
    }


def _custom_term_doc() -> None:
    """A term outside the vocabulary: 'x-' followed by letters, digits, '.', '_' or '-' (x-loyalty-points)."""


def _vocabulary_def(vocabulary: type[Vocabulary], defs: dict[str, Any]) -> None:
    if vocabulary.__name__ in defs:
        return
    terms = []
    for member in vocabulary:
        description = member.description + (f" DPV: {member.iri}" if member.iri else "")
        terms.append({"const": member.value, "description": description})
    defs[vocabulary.__name__] = {
        "title": vocabulary.__name__,
        "description": _doc(vocabulary),
        "type": "string",
        "oneOf": terms,
    }


def _class_def(cls: type[Model], defs: dict[str, Any]) -> dict[str, Any]:
    hints = type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(typing.cast(Any, cls)):
        schema = _value_schema(hints[field.name], field.metadata, defs)
        schema["description"] = field.metadata["description"]
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    result: dict[str, Any] = {
        "title": cls.__name__,
        "description": _doc(cls),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.one_of_required:
        # Each branch names the key it requires among its own properties ({} adds no constraint: the key's
        # schema is the one above), as ajv's strict mode asks of a key required inside anyOf.
        result["anyOf"] = [{"properties": {name: {}}, "required": [name]} for name in cls.one_of_required]
    if cls.exclusive:
        # At most one of each pair: the object must not have both keys.
        result["not"] = {"anyOf": [{"properties": {key: {} for key in pair}, "required": list(pair)} for pair in cls.exclusive]}
    return result


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a policy document, generated from the classes."""
    defs: dict[str, Any] = {}
    for cls in MODEL_CLASSES:
        defs[cls.__name__] = _class_def(cls, defs)
    ordered = {name: defs[name] for name in sorted(defs)}
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "title": "Privacy policy",
        "description": (
            f"A privacy policy in the privacymodel format {FORMAT_VERSION}. {_doc(PrivacyPolicy)} "
            "Ids must be unique and references must resolve; the privacymodel command checks these too."
        ),
        "$ref": f"#/$defs/{PrivacyPolicy.__name__}",
        "$defs": ordered,
    }
