"""Every shape error has a stable code, a clear message, a JSON path, and the line and column it came from."""

from __future__ import annotations

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL


def problems(text: str) -> list[pm.Problem]:
    with pytest.raises(pm.PolicyError) as info:
        pm.loads(text, file="p.yaml")
    return list(info.value.problems)


def one(text: str) -> pm.Problem:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def test_unknown_key_suggests_the_closest() -> None:
    problem = one(MINIMAL.replace("    name: Acme Ltd", "    name: Acme Ltd\n    adress: {}"))
    assert problem.code == "PM101"
    assert problem.message == "unknown key 'adress'; did you mean 'address'?"
    assert (problem.path, problem.line, problem.column) == ("$.controllers[0].adress", 7, 5)


def test_unknown_top_level_key_with_no_close_match_lists_the_keys() -> None:
    problem = one(MINIMAL + "zzz: 1\n")
    assert problem.code == "PM101"
    assert "expected one of: privacymodel, document, controllers" in problem.message
    assert (problem.path, problem.line, problem.column) == ("$.zzz", 7, 1)


def test_missing_required_key() -> None:
    problem = one(MINIMAL.replace("  - id: acme\n    name: Acme Ltd\n", "  - name: Acme Ltd\n"))
    assert problem.code == "PM102"
    assert problem.message.startswith("missing required key 'id'")
    assert (problem.path, problem.line, problem.column) == ("$.controllers[0]", 5, 5)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("    website: false", "expected text; got the boolean false (quote it to keep it as text: 'false')"),
        ("    aliases: Acme", "expected a list; got the text 'Acme'"),
        ("    address: [1]", "expected a mapping; got a list"),
    ],
)
def test_wrong_types_are_not_coerced(line: str, message: str) -> None:
    problem = one(MINIMAL + line + "\n")
    assert problem.code == "PM103"
    assert problem.message == message
    assert (problem.line, problem.column) == (7, len(line.split(":", maxsplit=1)[0]) + 3)


def test_a_float_is_not_truncated_to_an_integer() -> None:
    problem = one(MINIMAL + "children:\n  age: 12.9\n")
    assert (problem.code, problem.path, problem.line) == ("PM103", "$.children.age", 8)
    assert "expected a whole number" in problem.message


def test_a_boolean_is_not_an_integer() -> None:
    problem = one(MINIMAL + "children:\n  age: true\n")
    assert (problem.code, problem.path) == ("PM103", "$.children.age")


def test_null_is_not_a_value() -> None:
    problem = one(MINIMAL + "do_not_track:\n  honoured:\n")
    assert (problem.code, problem.path, problem.line, problem.column) == ("PM106", "$.do_not_track.honoured", 8, 12)


@pytest.mark.parametrize(
    ("snippet", "path", "expected"),
    [
        ("document:\n  title: T\n  effective_date: 2020-13-45\n", "$.document.effective_date", "calendar date"),
        ("document:\n  title: T\n  url: not a url\n", "$.document.url", "absolute URI"),
        ("document:\n  title: T\n  language: English\n", "$.document.language", "BCP 47"),
    ],
)
def test_format_errors(snippet: str, path: str, expected: str) -> None:
    text = MINIMAL.replace("document:\n  title: Example policy\n", snippet)
    problem = one(text)
    assert (problem.code, problem.path) == ("PM104", path)
    assert expected in problem.message


def test_out_of_range_value() -> None:
    problem = one(MINIMAL + "children:\n  age: 99\n")
    assert (problem.code, problem.path) == ("PM104", "$.children.age")
    assert "out of range: expected 0 to 25" in problem.message


def test_country_code_must_be_assigned() -> None:
    problem = one(MINIMAL + "    address:\n      country: XX\n")
    assert (problem.code, problem.path, problem.line, problem.column) == ("PM104", "$.controllers[0].address.country", 8, 16)
    assert "ISO 3166-1 alpha-2" in problem.message


def test_unknown_vocabulary_term_suggests_and_mentions_custom_terms() -> None:
    problem = one(MINIMAL + "data_categories:\n  - id: e\n    term: emial-address\n")
    assert problem.code == "PM105"
    assert "did you mean 'email-address'?" in problem.message
    assert "start with 'x-'" in problem.message
    assert (problem.path, problem.line, problem.column) == ("$.data_categories[0].term", 9, 11)


def test_closed_vocabulary_has_no_custom_terms() -> None:
    problem = one(MINIMAL + "    roles:\n      - role: x-owner\n")
    assert (problem.code, problem.path) == ("PM105", "$.controllers[0].roles[0].role")
    assert "x-" not in problem.message.split("term")[-1]


def test_empty_list_where_items_are_required() -> None:
    problem = one(MINIMAL + "    aliases: []\n")
    assert (problem.code, problem.path) == ("PM107", "$.controllers[0].aliases")
    assert problem.message == "expected at least 1 item(s); leave the key out if the policy is silent"
    required = one(MINIMAL.split("controllers:")[0] + "controllers: []\n")
    assert (required.code, required.path, required.message) == ("PM107", "$.controllers", "expected at least 1 item(s)")


def test_unsupported_format_version() -> None:
    problem = one(MINIMAL.replace("privacymodel: 1.0.0", "privacymodel: 2.0.0"))
    assert (problem.code, problem.path, problem.line, problem.column) == ("PM108", "$.privacymodel", 1, 15)


def test_at_least_one_of_several_keys() -> None:
    problem = one(MINIMAL + "recipients:\n  - id: r\n")
    assert (problem.code, problem.path) == ("PM109", "$.recipients[0]")
    assert problem.message == "at least one of name, kind, kinds is required"


def test_a_cookie_takes_an_exact_name_or_a_prefix_not_both() -> None:
    problem = one(MINIMAL + "cookies:\n  - name: _ga\n    name_prefix: _g\n")
    assert (problem.code, problem.path, problem.message) == (
        "PM110",
        "$.cookies[0].name_prefix",
        "give name or name_prefix, not both",
    )
    assert problem.line == MINIMAL.count("\n") + 3
    assert pm.loads(MINIMAL + "cookies:\n  - name_prefix: _gat_\n").cookies == (pm.Cookie(name_prefix="_gat_"),)


def test_every_problem_is_reported_in_file_order() -> None:
    text = (
        MINIMAL.replace("    name: Acme Ltd", "    nme: Acme")
        + "children:\n  age: old\ncookies:\n  - name: _ga\n    lifetime: forever\n"
    )
    found = problems(text)
    assert [p.code for p in found] == ["PM109", "PM101", "PM103", "PM104"]  # a party needs a name or a description
    assert [p.line for p in found] == [5, 6, 8, 11]
    assert all(p.file == "p.yaml" for p in found)


def test_error_summary_names_the_first_problem_and_counts_the_rest() -> None:
    with pytest.raises(
        pm.PolicyError, match=r"^p\.yaml:5:5: PM109 at least one of name, description is required.* and 1 more problem$"
    ):
        pm.loads(MINIMAL.replace("    name: Acme Ltd", "    nme: Acme"), file="p.yaml")


def test_values_in_messages_are_escaped() -> None:
    problem = one(MINIMAL + 'data_categories:\n  - id: e\n    term: "\\e[31mred\\n"\n')
    assert "\x1b" not in problem.message
    assert "\\x1b[31mred\\n" in problem.message


def test_every_code_is_documented() -> None:
    assert all(code.startswith("PM") and len(code) == 5 for code in pm.CODES)
    assert all(text and not text.endswith(".") for text in pm.CODES.values())


def test_readme_lists_every_code() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in pm.CODES if f"| {code} |" not in readme]
    assert missing == []


def test_a_whole_number_written_as_a_float_is_that_whole_number() -> None:
    """JSON Schema counts 12.0 as an integer, and so does the library: the schema and the library agree."""
    policy = pm.loads(MINIMAL + "children:\n  age: 12.0\n")
    assert policy.children is not None
    assert (policy.children.age, type(policy.children.age)) == (12, int)
    problem = one(MINIMAL + "children:\n  age: 26.0\n")
    assert (problem.code, problem.path, problem.line, problem.column) == ("PM104", "$.children.age", 8, 8)
    assert problem.message == "26.0 is out of range: expected 0 to 25"
