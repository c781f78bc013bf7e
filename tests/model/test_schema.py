"""The JSON Schema: generated from the classes, committed, and in agreement with the library."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import privacymodel as pm
from privacymodel.strategies import policies
from tests.conftest import ROOT

SCHEMA = pm.json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "schemas" / "privacy-policy.schema.json").read_text(encoding="utf-8"))
    assert committed == SCHEMA, "schemas/ is stale: run 'privacymodel schema --out schemas'"


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == pm.SCHEMA_ID


def test_one_def_per_class_closed_and_fully_described() -> None:
    from privacymodel.model.policy import MODEL_CLASSES

    defs = SCHEMA["$defs"]
    for cls in MODEL_CLASSES:
        definition = defs[cls.__name__]
        assert definition["additionalProperties"] is False
        assert definition["description"]
        for name, prop in definition["properties"].items():
            assert prop.get("description"), f"{cls.__name__}.{name} has no description"


def test_vocabularies_are_enumerated_with_descriptions() -> None:
    terms = SCHEMA["$defs"]["LegalBasisTerm"]["oneOf"]
    assert {
        "const": "A6-1-a",
        "description": "GDPR Art. 6(1)(a): consent. DPV: https://w3id.org/dpv/legal/eu/gdpr#A6-1-a",
    } in terms
    assert all(term["description"] for term in terms)


def test_schema_resolves_without_fetching() -> None:
    """Every $ref is local to the document."""
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SCHEMA)
    assert refs
    assert all(ref.startswith("#/$defs/") and ref.split("/")[-1] in SCHEMA["$defs"] for ref in refs)


@given(policies())
def test_generated_policies_validate_against_the_schema(policy: pm.PrivacyPolicy) -> None:
    """The unstructured form of any generated policy validates against the exported schema."""
    errors = list(VALIDATOR.iter_errors(pm.unstructure(policy)))
    assert not errors, [e.message for e in errors]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 30) | st.sampled_from(["", " ", "x", "x-y", "NO", "2020-13-45", "P1Y", "a@b.co"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["id", "name", "zz"]), inner, max_size=2),
    max_leaves=4,
)


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _containers(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _containers(value, (*path, index))
    return found


def _mutate(data: dict[str, Any], draw: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    path = draw(st.sampled_from(_containers(data)))
    if not path:
        key = draw(st.sampled_from([*data, "zz"]))
        data[key] = draw(JSON_VALUES)
        return data
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "delete", "add-key"]))
    if action == "delete":
        del parent[path[-1]]
    elif action == "add-key" and isinstance(parent[path[-1]], dict):
        parent[path[-1]][draw(st.sampled_from(["zz", "id", "name", "description"]))] = draw(JSON_VALUES)
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return data


@given(policies(max_items=2), st.data())
def test_library_and_jsonschema_agree_on_mutated_documents(policy: pm.PrivacyPolicy, data: st.DataObject) -> None:
    """On mutated documents the library and jsonschema agree, but for checks JSON Schema cannot express."""
    mutated = _mutate(pm.unstructure(policy), data.draw)
    schema_ok = VALIDATOR.is_valid(mutated)
    problems = pm.validate_text(json.dumps(mutated))
    shape_errors = [p for p in problems if p.severity == "error" and not p.code.startswith("PM2")]
    assert schema_ok == (not shape_errors), (shape_errors, [e.message for e in VALIDATOR.iter_errors(mutated)])


def test_examples_validate_against_the_schema() -> None:
    for path in sorted(Path(ROOT / "examples").glob("*.yaml")):
        errors = list(VALIDATOR.iter_errors(pm.unstructure(pm.load(path))))
        assert not errors, (path, [e.message for e in errors])


@pytest.mark.parametrize("name", ["json_schema", "SCHEMA_ID"])
def test_schema_names_are_public(name: str) -> None:
    assert name in pm.__all__
    assert getattr(pm, name) is not None


def _integers(node: Any) -> list[dict[str, Any]]:
    """Every ``"type": "integer"`` schema in ``node``."""
    if isinstance(node, dict):
        found = [node] if node.get("type") == "integer" else []
        return found + [item for value in node.values() for item in _integers(value)]
    if isinstance(node, list):
        return [item for value in node for item in _integers(value)]
    return []


def test_every_whole_number_field_is_bounded_as_the_library_bounds_it() -> None:
    from privacymodel.model.fields import MAX_WHOLE_NUMBER, int_bounds

    integers = _integers(SCHEMA)
    assert integers
    assert all(-MAX_WHOLE_NUMBER <= schema["minimum"] <= schema["maximum"] <= MAX_WHOLE_NUMBER for schema in integers)
    assert int_bounds({}) == (-MAX_WHOLE_NUMBER, MAX_WHOLE_NUMBER)
    assert int_bounds({"minimum": 0, "maximum": 25}) == (0, 25)
    with pytest.raises(ValueError, match="got <whole number of about 5001 digits>"):
        pm.Children(age=10**5000)
