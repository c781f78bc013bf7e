"""The committed JSON Schema in a JavaScript consumer: ajv 8 in strict mode, with ajv-formats and YAML read by the
``yaml`` package as YAML 1.2 core. ajv compiles the schema and agrees with the library on the examples, on
documents mutated from them and on the YAML scalars other readers take differently.

Skipped, with the reason, without ``node`` or without ``npm ci --prefix tests/js``.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

import privacymodel as pm
from tests.conftest import EXAMPLES, ROOT
from tests.js.node import ajv_verdicts

SCHEMA = ROOT / "schemas" / "privacy-policy.schema.json"

# Values put in place of a key's value: every JSON type, and text that breaks each format or vocabulary.
VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    13.0,
    12.5,
    2**53,
    "",
    " ",
    "x",
    "x-",
    "x-loyalty-points",
    "NO",
    "UK",
    "US",
    "2020-13-45",
    "2020-02-30",
    "2020-08-13",
    "P1Y",
    "PT",
    "P72H",
    "session",
    "a@b.co",
    "not an email",
    "https://example.com/a",
    "example.com",
    "en_US",
    "en-GB",
    "1.0.0",
    "+44 20 7946 0000",
    "A6-1-f",
    "legitimate interests",
    [],
    ["x"],
    [{}],
    {},
    {"zz": 1},
)


def _library_valid(text: str) -> bool:
    """Whether the library finds the document's shape valid (ids and references are beyond JSON Schema)."""
    problems = pm.validate_text(text)
    return not [p for p in problems if p.severity == "error" and not p.code.startswith("PM2")]


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _nodes(value, (*path, index))
    return found


def _mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``data`` with one node replaced or deleted, or one key added."""
    data = copy.deepcopy(data)
    path = rng.choice(_nodes(data)[1:])
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    action = rng.choice(("replace", "replace", "delete", "add-key"))
    if action == "delete":
        del parent[path[-1]]
    elif action == "add-key" and isinstance(parent[path[-1]], dict):
        parent[path[-1]][rng.choice(("zz", "id", "name", "description", "section"))] = rng.choice(VALUES)
    else:
        parent[path[-1]] = copy.deepcopy(rng.choice(VALUES))
    return data


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The documents ajv is asked about, by name: the examples, mutated documents and YAML scalars."""
    folder = tmp_path_factory.mktemp("ajv")
    found = {f"example {path.name}": path for path in EXAMPLES}
    rng = random.Random(23)  # noqa: S311 - the same mutations on every run, not secrets
    seeds = [pm.unstructure(pm.load(path)) for path in EXAMPLES]
    for number in range(400):
        path = folder / f"mutated-{number}.json"
        path.write_text(json.dumps(_mutated(rng.choice(seeds), rng)), encoding="utf-8")
        found[f"mutated {number}"] = path
    for name, (line, _) in YAML_SCALARS.items():
        path = folder / f"{name}.yaml"
        path.write_text(_with_line(line), encoding="utf-8")
        found[name] = path
    return found


@pytest.fixture(scope="module")
def verdicts(documents: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """ajv's verdict on each document, by name, from one run of Node.js."""
    result = ajv_verdicts(SCHEMA, list(documents.values()))
    assert result["compiled"], f"ajv (strict: true) refuses the schema: {result.get('error')}"
    by_file = {verdict["file"]: verdict for verdict in result["verdicts"]}
    return {name: by_file[str(path)] for name, path in documents.items()}


def test_the_schema_compiles_in_strict_mode_and_the_examples_validate(verdicts: dict[str, dict[str, Any]]) -> None:
    examples = {name: verdict for name, verdict in verdicts.items() if name.startswith("example ")}
    assert len(examples) == len(EXAMPLES)
    assert {name: verdict["errors"] for name, verdict in examples.items() if not verdict["valid"]} == {}


def test_ajv_and_the_library_agree_on_mutated_documents(documents: dict[str, Path], verdicts: dict[str, dict[str, Any]]) -> None:
    mutated = [name for name in documents if name.startswith("mutated ")]
    wrong = [
        (name, verdicts[name]["valid"], verdicts[name]["errors"])
        for name in mutated
        if verdicts[name]["valid"] != _library_valid(documents[name].read_text(encoding="utf-8"))
    ]
    assert not wrong, wrong[:5]
    assert 50 < sum(not verdicts[name]["valid"] for name in mutated) < len(mutated) - 50  # both verdicts are tried


# YAML scalars that YAML 1.1 readers (PyYAML's default, js-yaml's default schema) take otherwise than YAML 1.2
# core does: each document is valid exactly when both the library and ajv over the yaml package say so.
YAML_SCALARS = {
    "date-unquoted": ("  effective_date: 2020-08-13\n", True),
    "country-no": ("    address:\n      country: NO\n", True),
    "yes-as-text": ("  title: yes\n", True),
    "on-as-text": ("  applies_to: on\n", True),
    "version-number": ("  version: 1.10\n", False),
    "octal-age": ("children:\n  minimum_age: 0o15\n", True),
    "float-age": ("children:\n  minimum_age: 13.0\n", True),
    "half-age": ("children:\n  minimum_age: 12.5\n", False),
    "null-title": ("  title: ~\n", False),
    "tilde-text": ("  title: '~'\n", True),
}


def _with_line(line: str) -> str:
    """A small valid policy with ``line`` added: in the document, the first controller, or at the top level."""
    base = "privacymodel: 1.0.0\ndocument:\n  title: T\ncontrollers:\n  - id: acme\n    name: Acme\n"
    if line.startswith("  title"):
        return base.replace("  title: T\n", line)
    if line.startswith("    "):
        return base + line
    if line.startswith("  "):
        return base.replace("document:\n", "document:\n" + line)
    return base + line


@pytest.mark.parametrize("name", sorted(YAML_SCALARS))
def test_ajv_over_yaml_1_2_core_reads_scalars_as_the_library_does(
    name: str, documents: dict[str, Path], verdicts: dict[str, dict[str, Any]]
) -> None:
    text = documents[name].read_text(encoding="utf-8")
    valid = YAML_SCALARS[name][1]
    assert _library_valid(text) is valid, pm.validate_text(text)
    assert verdicts[name]["valid"] is valid, verdicts[name]["errors"]
