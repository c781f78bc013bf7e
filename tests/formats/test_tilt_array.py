"""TILT text: a document, a JSON array of documents (a corpus dump), and text that is not valid JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.formats.tilt import from_tilt_array, place_in_array, read_tilt_text
from tests.formats.test_tilt_read import tilt


def test_each_document_of_an_array_is_read_apart_and_named_after_its_controller() -> None:
    documents = [
        tilt(controller={"name": "Müller & Söhne GmbH"}),
        {"meta": {"name": None}, "controller": {"name": ""}},  # names no controller: refused
        tilt(controller={"name": "Müller & Söhne GmbH", "country": "Deutschland"}),
        tilt(controller={"name": "   "}, meta={"name": "Shop"}),
        "not a document",
    ]
    results = list(from_tilt_array(documents))
    assert [(r.index, r.name, r.policy is not None) for r in results] == [
        (0, "mueller-soehne-gmbh", True),
        (1, "tilt-2", False),
        (2, "mueller-soehne-gmbh-2", True),
        (3, "shop", True),
        (4, "tilt-5", False),
    ]
    assert [p.code for p in results[1].problems] == ["PM401"]
    assert [p.code for p in results[4].problems] == ["PM401"]
    assert [(n.code, n.path) for n in results[2].notes if n.path.startswith("$[2].controller")] == [
        ("PM403", "$[2].controller.country")  # the paths point into the array
    ]
    policy = results[2].policy
    assert policy is not None
    assert policy.controllers[0].address == pm.PostalAddress(country="DE")


def test_an_array_is_read_as_strictly_as_a_policy_and_its_problems_are_placed_in_it() -> None:
    text = json.dumps([tilt(), {"meta": {"name": ""}, "controller": {}}], indent=2)
    data, notes = read_tilt_text(text, "dump.json")
    assert notes == []
    assert isinstance(data, list)
    (refused,) = [r for r in from_tilt_array(data) if r.policy is None]
    (problem,) = place_in_array(list(refused.problems), text, "dump.json")
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if content == "  {" and number > 2)
    assert (problem.file, problem.line, problem.path) == ("dump.json", line, "$[1]")
    with pytest.raises(pm.PolicyError) as caught:
        read_tilt_text('[{"meta": {"name": "a", "name": "b"}}]', "dump.json")
    (duplicate,) = caught.value.problems
    assert (duplicate.code, duplicate.line) == (pm.Code.DUPLICATE_KEY, 1)  # placed in the text as written, not the wrapping


def test_text_that_is_not_valid_json_is_read_as_yaml_and_noted() -> None:
    data, notes = read_tilt_text('{"meta": {"name": "Acme",}, "controller": {"name": "Acme"}}\n', "t.json")
    assert isinstance(data, dict)
    assert data["controller"] == {"name": "Acme"}
    (note,) = notes
    assert (note.code, note.line, note.column) == ("PM403", 1, 26)
    assert "read as YAML" in note.message


_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["meta", "controller", "name", "x"]), inner),
    max_leaves=10,
)


@given(st.lists(st.one_of(_JUNK, st.builds(tilt)), max_size=4))
def test_any_array_gives_one_result_per_document_and_never_a_crash(documents: list[Any]) -> None:
    results = list(from_tilt_array(documents))
    assert [r.index for r in results] == list(range(len(documents)))
    assert len({r.name for r in results}) == len(results)
    for result in results:
        assert (result.policy is None) == bool(result.problems)
        assert all(p.path.startswith(f"$[{result.index}]") for p in (*result.notes, *result.problems))
        assert {p.code for p in result.problems} <= {"PM401"}
