"""Named value formats: country codes, the checks that go with each format, and their patterns read as JSON Schema's
ECMA-262 reads them (a property test holds the library to an ECMA-262 engine, regress)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import regress
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import privacymodel as pm
from privacymodel.model.formats import COUNTRY_CODES, FORMATS, ecma_regex
from privacymodel.model.vocab import CustomTerm
from tests.helpers import invoke

FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER


def test_country_codes_are_iso_3166_alpha_2() -> None:
    assert len(COUNTRY_CODES) == 249
    assert list(COUNTRY_CODES) == sorted(set(COUNTRY_CODES))
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in COUNTRY_CODES)
    assert {"DE", "GB", "US", "XK"} & set(COUNTRY_CODES) == {"DE", "GB", "US"}
    assert FORMATS["country"].enum == COUNTRY_CODES


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("date", "2021-02-28", True),
        ("date", "2021-02-30", False),
        ("date", "2021-2-28", False),
        ("country", "DE", True),
        ("country", "ZZ", False),
        ("duration", "P2Y", True),
        ("duration", "P", False),
        ("duration", "PT", False),
        ("lifetime", "session", True),
        ("text", "  ", False),
        ("version", "1.0.0", True),
        ("version", "1.0.12", True),
        ("version", "1.1.0", True),
        ("version", "1.2.0", False),
        ("version", "2.0.0", False),
        ("region", "US", True),
        ("region", "US-CA", True),
        ("region", "GB-ENG", True),
        ("region", "EU", True),
        ("region", "EEA", True),
        ("region", "WORLD", True),
        ("region", "UK", False),
        ("region", "ZZ-CA", False),
        ("region", "us-ca", False),
        ("region", "US-", False),
        ("region", "US-CALI", False),
        ("region", "EU-DE", False),
        ("hostname", "google-analytics.com", True),
        ("hostname", "stats.g.doubleclick.net", True),
        ("hostname", "xn--bcher-kva.example", True),
        ("hostname", "localhost", False),
        ("hostname", ".google.com", False),
        ("hostname", "-a.com", False),
        ("hostname", "a-.com", False),
        ("hostname", "a..com", False),
        ("hostname", "1.2.3.4", False),
        ("hostname", "https://google.com", False),
        ("hostname", "a" * 64 + ".com", False),
        ("hostname", ("a" * 63 + ".") * 4 + "com", False),
    ],
)
def test_formats_check_values(fmt: str, value: str, expected: bool) -> None:
    assert FORMATS[fmt].check(value) is expected


# --- patterns read as ECMA-262 reads them -------------------------------------------------

LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
VALID = {
    "text": ["x", "Acme Ltd."],
    "id": ["acme", "a-1.b_c"],
    "date": ["2021-02-28"],
    "email": ["a@b.co"],
    "uri": ["https://example.org/a?b=c"],
    "phone": ["+1 (555) 123-4567"],
    "duration": ["P2Y", "PT24H", "P1Y2M3W4DT5H6M7S", "P999999999D"],
    "lifetime": ["session", "persistent", "P1D"],
    "language": ["en", "en-US"],
    "version": ["1.0.0", "1.1.0"],
    "country": ["DE"],
    "region": ["US-CA", "WORLD"],
    "hostname": ["google-analytics.com"],
}
CUSTOM = ["x-loyalty-points"]


def _patterns(node: Any) -> set[str]:
    """Every ``pattern`` in the exported schema."""
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(value) for value in node))
    return set()


SCHEMA_PATTERNS = sorted(_patterns(pm.json_schema()))


def _ecma(pattern: str, value: str) -> bool:
    """Whether ``value`` matches ``pattern`` as an ECMA-262 engine (ajv's, with the u flag) reads it."""
    return regress.Regex(pattern, "u").find(value) is not None


def _schema_accepts(name: str, value: str) -> bool:
    """Whether the schema accepts ``value`` for a field of format ``name``: its pattern or enum, and its date format."""
    fmt = FORMATS[name]
    if fmt.enum is not None:
        return value in fmt.enum
    return _ecma(fmt.pattern, value) and (fmt.json_format != "date" or FORMAT_CHECKER.conforms(value, "date"))


NOT_SURROGATES = st.characters(exclude_categories=["Cs"])
ENDING_IN_A_LINE_BREAK = st.builds(
    lambda start, middle, end: start + middle + end,
    st.sampled_from(["", *LINE_BREAKS]),
    st.sampled_from([v for values in VALID.values() for v in values] + CUSTOM) | st.text(NOT_SURROGATES, max_size=8),
    st.sampled_from(LINE_BREAKS),
)


def test_the_published_patterns_are_anchored_with_caret_and_dollar() -> None:
    assert SCHEMA_PATTERNS
    unanchored = [p for p in SCHEMA_PATTERNS if not (p.startswith("^") and p.endswith("$"))]
    assert unanchored == [FORMATS["text"].pattern]  # text: at least one character that is not white space


@pytest.mark.parametrize("name", sorted(VALID))
@pytest.mark.parametrize("line_break", LINE_BREAKS, ids=repr)
def test_no_format_takes_a_value_with_a_line_break_after_it(name: str, line_break: str) -> None:
    for value in VALID[name]:
        assert FORMATS[name].check(value)
        assert FORMATS[name].check(value + line_break) is (name == "text")
        assert FORMATS[name].check(line_break + value) is (name == "text")


@pytest.mark.parametrize("line_break", LINE_BREAKS, ids=repr)
def test_no_custom_term_ends_in_a_line_break(line_break: str) -> None:
    with pytest.raises(ValueError, match="a custom term must start with 'x-'"):
        CustomTerm("x-loyalty-points" + line_break)


@given(value=ENDING_IN_A_LINE_BREAK, name=st.sampled_from(sorted(FORMATS)))
def test_library_and_schema_agree_on_values_ending_in_a_line_break(value: str, name: str) -> None:
    assert FORMATS[name].check(value) is _schema_accepts(name, value)


@given(value=ENDING_IN_A_LINE_BREAK | st.text(NOT_SURROGATES, max_size=12), pattern=st.sampled_from(SCHEMA_PATTERNS))
def test_every_schema_pattern_matches_in_python_as_in_ecma_262(value: str, pattern: str) -> None:
    assert (ecma_regex(pattern).search(value) is not None) is _ecma(pattern, value)


@pytest.mark.parametrize("escape", ["\\s", "\\S", "\\d", "\\w", "\\b"])
def test_class_escapes_whose_sets_differ_between_engines_are_refused(escape: str) -> None:
    with pytest.raises(ValueError, match="spell the set out"):
        ecma_regex(f"^a{escape}$")


def test_dollar_and_dot_read_as_in_ecma_262() -> None:
    assert ecma_regex("^a$").search("a\n") is None
    assert ecma_regex("^a.$").search("a\u2028") is None
    assert ecma_regex("^[$.]+$").search("$.") is not None


@pytest.mark.parametrize(
    ("value", "expected"), [("\x1f", False), ("\ufeff", False), ("\x85", False), ("\u3000", False), ("-", True)]
)
def test_white_space_is_what_either_engine_calls_white_space(value: str, expected: bool) -> None:
    assert FORMATS["text"].check(value) is expected
    assert _schema_accepts("text", value) is expected


# --- every format at the command --------------------------------------------------------

WITH_LINE_BREAKS = r"""privacymodel: 1.0.0
document:
  title: T
  url: "https://example.org\n"
  language: "en\r\n"
  effective_date: "2021-01-01\n"
controllers:
  - id: "acme\n"
    name: A
    address:
      country: "DE\n"
    contacts:
      - email: "a@b.co\n"
        phone: "+1 555 1234\r"
purposes:
  - id: p
    term: "x-own\u2028"
retention:
  - id: r
    period: "P1Y\n"
cookies:
  - name: c
    lifetime: "P1D\n"
"""


def test_every_format_refuses_a_trailing_line_break_once_and_located(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(WITH_LINE_BREAKS, encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["path"], p["line"], p["column"]) for p in problems] == [
        ("PM104", "$.document.url", 4, 8),
        ("PM104", "$.document.language", 5, 13),
        ("PM104", "$.document.effective_date", 6, 19),
        ("PM104", "$.controllers[0].id", 8, 9),
        ("PM104", "$.controllers[0].address.country", 11, 16),
        ("PM104", "$.controllers[0].contacts[0].email", 13, 16),
        ("PM104", "$.controllers[0].contacts[0].phone", 14, 16),
        ("PM104", "$.purposes[0].term", 17, 11),
        ("PM104", "$.retention[0].period", 20, 13),
        ("PM104", "$.cookies[0].lifetime", 23, 15),
    ]


def test_the_format_version_with_a_trailing_line_break_is_not_supported(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(WITH_LINE_BREAKS.replace("privacymodel: 1.0.0", 'privacymodel: "1.0.0\\n"'), encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert (result.returncode, problems[0]["code"], problems[0]["line"], problems[0]["column"]) == (1, "PM108", 1, 15)
    assert [p["path"] for p in problems].count("$.privacymodel") == 1


ONE_PROBLEM_EACH = """privacymodel: 1.0.0
document:
  title: T
  effective_date: 2021-1-1
  last_updated: "2021-02-30"
controllers:
  - id: acme
    name: A
    roles:
      - role:
    contacts:
      - email: nobody
        purposes: [5]
cookies:
  - name: c
    technology: true
"""


def test_a_value_that_breaks_two_rules_saying_the_same_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(ONE_PROBLEM_EACH, encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["path"], p["line"], p["column"]) for p in problems] == [
        ("PM104", "$.document.effective_date", 4, 19),
        ("PM104", "$.document.last_updated", 5, 17),
        ("PM106", "$.controllers[0].roles[0].role", 10, 14),
        ("PM104", "$.controllers[0].contacts[0].email", 12, 16),
        ("PM103", "$.controllers[0].contacts[0].purposes[0]", 13, 20),
        ("PM103", "$.cookies[0].technology", 16, 17),
    ]
    assert problems[4]["message"] == "expected a ContactPurpose term (text); got the number 5"
