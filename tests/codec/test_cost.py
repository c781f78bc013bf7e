"""Input full of faults costs what valid input does: problems past the limit are counted, not described.

Also: the schema checker behind the explanations agrees with an independent JSON Schema validator.
"""

from __future__ import annotations

import collections
import copy
import functools
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import privacymodel as pm
from privacymodel.checks.validate import MAX_PROBLEMS
from privacymodel.codec import explain
from privacymodel.codec.schema_check import SchemaError, schema_errors
from privacymodel.codec.yaml_read import parse
from privacymodel.model.formats import ecma_regex
from tests.conftest import EXAMPLES, MINIMAL
from tests.helpers import invoke

# One item of each kind of fault, repeated: an unknown key (a near miss and one with no close match), a misspelt
# term, a bad id, a wrong type and a missing key.
ITEM = """\
  - id: cat-{i}
    term: name
    descripton: x
  - id: bad id {i}
    term: emial-adress{i}
    zz{i}: 1
  - id: ok-{i}
    term: 5
    special_category: maybe
  - term: name
"""


def faulty(items: int) -> str:
    return MINIMAL + "data_categories:\n" + "".join(ITEM.format(i=i) for i in range(items))


def summary_counts(problem: pm.Problem) -> dict[str, int]:
    """The count of each code a PM013 message gives."""
    return {code: int(count.replace(",", "")) for code, count in re.findall(r"(PM\d{3}) \u00d7([\d,]+)", problem.message)}


def test_a_file_with_thousands_of_problems_reports_the_limit_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "faulty.yaml"
    path.write_text(faulty(600), encoding="utf-8")
    every = pm.validate_text(path.read_bytes(), file=str(path), max_problems=None)
    assert len(every) == 600 * 7
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode == 1
    problems = [pm.Problem(**p, file=str(path)) for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert len(problems) == MAX_PROBLEMS + 1
    *shown, last = problems
    assert shown == every[:MAX_PROBLEMS]  # the first ones, in the order they stand in the file
    assert (last.code, last.severity, last.path, last.line, last.column) == ("PM013", "error", "$", None, None)
    rest = collections.Counter(problem.code for problem in every[MAX_PROBLEMS:])
    assert summary_counts(last) == rest
    total = sum(rest.values())
    assert last.message.startswith(f"and {total:,} more problems of {len(rest)} kinds (")
    kinds = [code for code, _ in sorted(rest.items(), key=lambda item: (-item[1], item[0]))]
    assert re.findall(r"PM\d{3}", last.message) == kinds  # the most frequent first


def test_the_text_output_ends_with_the_count_and_the_limit_can_be_changed(tmp_path: Path) -> None:
    path = tmp_path / "faulty.yaml"
    path.write_text(faulty(10), encoding="utf-8")
    result = invoke("validate", "--max-problems", "5", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5 + 1 + 1
    each = "PM103 \u00d719, PM101 \u00d718, PM102 \u00d710, PM104 \u00d79, PM105 \u00d79"
    assert lines[5] == f"{path}: PM013 and 65 more problems of 5 kinds ({each}) ($)"
    assert len(invoke("validate", "--max-problems", "0", str(path)).stdout.splitlines()) == 70 + 1


def test_one_more_problem_than_the_limit_is_counted_in_the_singular() -> None:
    text = MINIMAL + "".join(f"zz{i}: 1\n" for i in range(4))
    *_, last = pm.validate_text(text, max_problems=3)
    assert (last.code, last.message) == ("PM013", "and 1 more problem of 1 kind (PM101 \u00d71)")


def test_loads_raises_with_the_limited_list() -> None:
    with pytest.raises(pm.PolicyError) as info:
        pm.loads(faulty(100))
    assert len(info.value.problems) == MAX_PROBLEMS + 1
    assert info.value.problems[-1].code == "PM013"


def test_consistency_problems_are_limited_too() -> None:
    items = "".join(f"  - id: same\n    term: name\n    description: item {i}\n" for i in range(MAX_PROBLEMS + 50))
    problems = pm.validate_text(MINIMAL + "data_categories:\n" + items)
    assert len(problems) == MAX_PROBLEMS + 1
    assert {problem.code for problem in problems[:-1]} == {"PM201"}
    assert summary_counts(problems[-1]) == {"PM201": 49, "PM304": MAX_PROBLEMS + 50}  # every category is also tied to no purpose


def test_warnings_past_the_limit_do_not_make_a_valid_file_invalid(tmp_path: Path) -> None:
    items = "".join(f"  - id: c{i}\n    term: x-custom-{i}\n" for i in range(MAX_PROBLEMS + 10))
    path = tmp_path / "custom.yaml"
    path.write_text(MINIMAL + "data_categories:\n" + items, encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode == 0
    *_, last = json.loads(result.stdout)["files"][0]["problems"]
    assert (last["code"], last["severity"]) == ("PM013", "warning")
    assert "(PM304 \u00d7210, PM303 \u00d710)" in last["message"]


def test_the_allowed_keys_are_listed_once_per_kind_of_mapping() -> None:
    problems = pm.validate_text(MINIMAL + "zz1: 1\nzz2: 2\n" + "data_categories:\n  - id: a\n    term: name\n    qq: 1\n")
    messages = [problem.message for problem in problems]
    assert messages[0].startswith("unknown key 'zz1'; expected one of: privacymodel, document, controllers")
    assert messages[1] == "unknown key 'zz2'; expected one of the keys listed for $.zz1"
    assert messages[2].startswith("unknown key 'qq'; expected one of: id, term")


def test_a_suggestion_is_worked_out_once_per_misspelling(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = explain.closest_term

    def counting(word: str, choices: Sequence[str]) -> str | None:
        calls.append(word)
        return original(word, choices)

    monkeypatch.setattr(explain, "closest_term", counting)
    items = "".join(f"  - id: c{i}\n    term: emial-address\n    descripton: d\n" for i in range(50))
    problems = pm.validate_text(MINIMAL + "data_categories:\n" + items)
    assert len(problems) == 100
    assert sorted(calls) == ["descripton", "emial-address"]


def test_no_suggestion_is_worked_out_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(explain, "closest_term", lambda word, _choices: calls.append(word))
    items = "".join(f"  - id: c{i}\n    term: emial-address-{i}\n" for i in range(30))
    pm.validate_text(MINIMAL + "data_categories:\n" + items, max_problems=10)
    assert len(calls) == 10


def test_a_long_unknown_word_gets_no_suggestion() -> None:
    [problem] = pm.validate_text(MINIMAL + "data_categories:\n  - id: a\n    term: " + "email-address" * 1000 + "\n")
    assert problem.code == "PM105"
    assert "did you mean" not in problem.message


# --- the schema checker agrees with jsonschema ------------------------------------------------------------


_ecma = functools.cache(ecma_regex)


@functools.cache
def _jsonschema() -> Any:
    """jsonschema's validator for the exported schema, reading patterns as ECMA-262 does (as JSON Schema says)."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, pattern: str, instance: Any, _schema: Any) -> Iterator[ValidationError]:
        if validator.is_type(instance, "string") and _ecma(pattern).search(instance) is None:
            yield ValidationError("does not match")

    checker = validators.extend(Draft202012Validator, {"pattern": pattern})
    return checker(pm.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _jsonschema_errors(data: Any) -> collections.Counter[tuple[str, tuple[Any, ...], str | None]]:
    """The errors jsonschema finds, counted as the schema checker counts them: one per missing or unknown key, and
    a text value that fails its pattern (or format) not counted again for its format or allowed values."""
    errors = list(_jsonschema().iter_errors(data))
    failed = {(tuple(e.absolute_path), e.validator) for e in errors}
    found: collections.Counter[tuple[str, tuple[Any, ...], str | None]] = collections.Counter()
    for error in errors:
        path = tuple(error.absolute_path)
        if isinstance(error.instance, str) and (
            (error.validator in ("format", "enum") and (path, "pattern") in failed)
            or (error.validator == "enum" and (path, "format") in failed)
        ):
            continue
        if error.validator == "additionalProperties":
            found.update((error.validator, path, key) for key in error.instance if key not in error.schema["properties"])
        elif error.validator == "required":
            found[(error.validator, path, error.message.split("'")[1])] += 1
        else:
            found[(error.validator, path, None)] += 1
    return found


def _checker_errors(data: Any) -> collections.Counter[tuple[str, tuple[Any, ...], str | None]]:
    errors: list[SchemaError] = []
    schema_errors(data, errors.append)
    return collections.Counter((error.keyword, error.path, error.key) for error in errors)


VALUES = [None, True, 0, 5, 12.0, 12.5, -1, 26, 1e400, "", " ", "x", "Bad Id", "2020-13-45", "2020-01-01", "2020-01-01\n",
          "x-custom", "x-", "not a url", "https://e.com", "a@b", "@", "P1Y", "GB", "gb", "email-address", "emial",
          [], {}, ["a"], [1, None], {"zz": 1}, {"id": "a"}, "1.0.0", "2.0.0"]  # fmt: skip


def _mutations(seed: int) -> Iterator[dict[str, Any]]:
    """Copies of the examples with random values replaced, keys removed and unknown keys added."""
    rng = random.Random(seed)  # noqa: S311 - seeded, so that a failure repeats; nothing secret
    documents = [parse(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    for _ in range(30):
        data = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.randint(1, 6)):
            places = [(parent, key) for parent, key in _slots(data)]
            parent, key = rng.choice(places)
            roll = rng.random()
            if roll < 0.6:
                parent[key] = copy.deepcopy(rng.choice(VALUES))
            elif roll < 0.8 and isinstance(parent, dict):
                del parent[key]
            elif isinstance(parent, dict):
                parent[f"zz{rng.randint(0, 9)}"] = 1
        yield data


def _slots(node: Any) -> Iterator[tuple[Any, Any]]:
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        yield node, key
        yield from _slots(value)


@pytest.mark.parametrize("seed", range(3))
def test_the_schema_checker_agrees_with_jsonschema(seed: int) -> None:
    """For every mutated example, the schema checker finds the errors jsonschema finds, at the same paths."""
    for data in _mutations(seed):
        assert _checker_errors(data) == _jsonschema_errors(data)


def test_the_schema_checker_finds_nothing_in_the_examples() -> None:
    for path in EXAMPLES:
        assert _checker_errors(parse(path.read_text(encoding="utf-8"))) == collections.Counter()
