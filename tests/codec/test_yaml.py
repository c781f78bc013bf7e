"""The strict reader and the writer: YAML 1.2 scalars, every structural hazard refused with its location, and dump's output."""

from __future__ import annotations

import pytest

import privacymodel as pm
from privacymodel.codec.yaml_read import MAX_DEPTH, parse
from tests.conftest import MINIMAL


def only_problem(source: str | bytes) -> pm.Problem:
    with pytest.raises(pm.PolicyError) as info:
        pm.loads(source, file="p.yaml")
    assert len(info.value.problems) == 1, info.value.problems
    return info.value.problems[0]


def test_yaml_12_booleans_and_norway() -> None:
    """Only true/false are booleans; NO, yes, on, off stay text (YAML 1.1 traps)."""
    data = parse("a: NO\nb: yes\nc: on\nd: off\ne: true\nf: False\ng: ~\nh: 007\ni: 1.10\nj: '1.10'\n")
    assert data == {"a": "NO", "b": "yes", "c": "on", "d": "off", "e": True, "f": False, "g": None, "h": 7, "i": 1.1, "j": "1.10"}


def test_country_no_is_norway() -> None:
    policy = pm.loads(MINIMAL + "    address:\n      country: NO\n")
    assert policy.controllers[0].address is not None
    assert policy.controllers[0].address.country == "NO"


def test_yes_in_a_text_field_is_text() -> None:
    policy = pm.loads(MINIMAL.replace("title: Example policy", "title: yes"))
    assert policy.document.title == "yes"


def test_unquoted_version_number_says_to_quote_it() -> None:
    problem = only_problem(MINIMAL.replace("  title: Example policy", "  title: T\n  version: 1.10"))
    assert problem.code == "PM103"
    assert (problem.line, problem.column, problem.path) == (4, 12, "$.document.version")
    assert "quote it to keep it as text: '1.10'" in problem.message


def test_quoted_version_keeps_its_zero() -> None:
    policy = pm.loads(MINIMAL.replace("  title: Example policy", "  title: T\n  version: '1.10'"))
    assert policy.document.version == "1.10"


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\na: 2\n", "PM004", 2, 1),
        ("a:\n  b:\n    - c: 1\n      c: 2\n", "PM004", 4, 7),
        ("a: &x [1]\nb: *x\n", "PM005", 1, 4),
        ("a: !!python/object/apply:os.system ['echo hacked']\n", "PM006", 1, 4),
        ("!!python/name:os.system\n", "PM006", 1, 1),
        ("a: !custom x\n", "PM006", 1, 4),
        ("", "PM008", 1, 1),
        ("# only a comment\n\n# and another\n", "PM008", 1, 1),
        ("a: 1\n---\nb: 2\n", "PM009", 2, 1),
        ("- a\n- b\n", "PM010", 1, 1),
        ("just text\n", "PM010", 1, 1),
        ("a: b: c\n", "PM003", 1, 5),
        ("a: [1, 2\n", "PM003", 2, 1),
        ("1: x\n", "PM012", 1, 1),
        ("? [a]\n: b\n", "PM012", 1, 3),
        ("a: \x00\n", "PM003", 1, 4),
    ],
)
def test_structural_hazards_are_located(text: str, code: str, line: int, column: int) -> None:
    problem = only_problem(text)
    assert (problem.code, problem.line, problem.column, problem.file) == (code, line, column, "p.yaml")


def test_duplicate_key_names_the_key_and_its_parent() -> None:
    problem = only_problem("a:\n  - b: 1\n    b: 2\n")
    assert problem.message == "duplicate key 'b'"
    assert problem.path == "$.a[0]"


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    """Refused where the first anchor stands, before anything could expand (9**10 strings otherwise)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    problem = only_problem("\n".join(lines) + "\n")
    assert (problem.code, problem.line, problem.column) == ("PM005", 1, 5)


def test_python_tags_execute_nothing() -> None:
    problem = only_problem("a: !!python/object/apply:builtins.exit [3]\n")
    assert problem.code == "PM006"
    assert "python/object/apply:builtins.exit" in problem.message


@pytest.mark.parametrize(("opener", "width"), [("[", 1), ("{a: ", 4)])
def test_deep_nesting_is_an_error_not_a_recursion_error(opener: str, width: int) -> None:
    problem = only_problem("a: " + opener * 50_000)
    assert problem.code == "PM007"
    assert (problem.line, problem.column) == (1, 4 + width * (MAX_DEPTH - 1))


def test_json_is_read_and_its_duplicate_keys_refused() -> None:
    policy = pm.loads('{"privacymodel": "1.0.0", "document": {"title": "T"}, "controllers": [{"id": "a", "name": "A"}]}')
    assert policy.controllers[0].name == "A"
    problem = only_problem('{"a": 1,\n "a": 2}')
    assert (problem.code, problem.line, problem.column) == ("PM004", 2, 2)


def test_long_strings_load() -> None:
    text = "x" * 2_000_000
    policy = pm.loads(MINIMAL.replace("Example policy", text))
    assert policy.document.title == text


def test_dump_is_block_style_with_plain_dates_and_quoted_traps() -> None:
    policy = pm.loads(
        MINIMAL.replace("  title: Example policy", "  title: 'yes'\n  version: '1.10'\n  effective_date: 2020-08-13")
        + "    address:\n      country: 'NO'\n"
    )
    text = pm.dump(policy)
    assert "effective_date: 2020-08-13\n" in text
    assert "title: 'yes'\n" in text
    assert "version: '1.10'\n" in text
    assert "country: 'NO'\n" in text
    assert "{" not in text
    assert text.startswith("privacymodel: 1.0.0\ndocument:\n")


def test_dump_writes_multiline_text_as_a_literal_block() -> None:
    policy = pm.loads(MINIMAL + "    description: |\n      line one\n      line two\n")
    assert "description: |\n      line one\n      line two\n" in pm.dump(policy)


def test_deep_json_is_refused_like_deep_yaml() -> None:
    problem = only_problem('{"a": ' + "[" * 100 + "]" * 100 + "}")
    assert (problem.code, problem.line, problem.column) == ("PM007", 1, 7 + MAX_DEPTH - 1)


def test_json_within_the_depth_limit_takes_the_fast_path() -> None:
    assert parse('{"a": ' + "[" * 60 + "]" * 60 + "}") is not None
