"""Placing problems: a JSON path reads back into its parts, and each problem gets the line and column of its path."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.codec.locate import _parse_path, place
from privacymodel.problems import format_path

TEXT = "a:\n  b:\n    - x\n    - 'y'\n  c: 1.10\n"


@given(st.lists(st.integers(min_value=0) | st.text(), max_size=6))
def test_parse_path_inverts_format_path(parts: list[str | int]) -> None:
    assert _parse_path(format_path(parts)) == tuple(parts)


def test_values_are_placed_at_their_start_and_sorted_by_position() -> None:
    problems = [
        pm.Problem(code="PM104", message="late", path="$.a.b[1]"),
        pm.Problem(code="PM104", message="early", path="$.a.b[0]"),
    ]
    placed = place(problems, TEXT, "p.yaml")
    assert [(p.message, p.file, p.line, p.column) for p in placed] == [("early", "p.yaml", 3, 7), ("late", "p.yaml", 4, 7)]


def test_an_unknown_key_is_placed_at_the_key_and_a_missing_path_at_its_nearest_ancestor() -> None:
    unknown = pm.Problem(code="PM101", message="unknown key 'c'", path="$.a.c")
    missing = pm.Problem(code="PM102", message="missing", path="$.a.b[5].name")
    placed = place([unknown, missing], TEXT, None)
    assert [(p.code, p.line, p.column) for p in placed] == [("PM102", 3, 5), ("PM101", 5, 3)]


def test_a_wrong_type_message_quotes_the_source_text() -> None:
    problem = pm.Problem(
        code="PM103", message="expected text; got the number 1.1 (quote the value to keep it as text)", path="$.a.c"
    )
    [placed] = place([problem], TEXT, None)
    assert placed.message == "expected text; got the number 1.1 (quote it to keep it as text: '1.10')"


def test_without_text_problems_keep_their_paths_and_get_no_position() -> None:
    [placed] = place([pm.Problem(code="PM104", message="m", path="$.a")], None, "p.yaml")
    assert (placed.path, placed.file, placed.line, placed.column) == ("$.a", "p.yaml", None, None)
