"""Captures are untrusted: what is not a capture, or is too large, too deep, malformed or of the wrong types, is
refused or reported with a code, a line and a column, and never raises anything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import privacymodel as pm
from privacymodel.codec.text import MAX_INPUT_BYTES
from privacymodel.codec.yaml_read import MAX_DEPTH
from privacymodel.formats.evidence import check_capture, read_capture, read_capture_file
from tests.formats.evidence_helpers import capture, codes, entry, har, policy

SITE = "https://shop.test/"


def refused(text: str | bytes) -> pm.Problem:
    """The one problem that stops ``text`` being read as a capture."""
    with pytest.raises(pm.PolicyError) as caught:
        read_capture(text, file="visit.har")
    [problem] = caught.value.problems
    assert problem.file == "visit.har"
    return problem


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ('{"log": {"version": "1.2",\n  "entries": [', "PM003", 3, 1),  # cut short
        ('{"log": {"version": "1.2", "entries": [], "entries": []}}', "PM004", 1, 43),
        ("", "PM008", 1, 1),
        ('[{"log": {}}]', "PM010", 1, 1),
        ('{"title": "a web page"}', "PM501", 1, 1),
        ('{"log": []}', "PM503", 1, 9),
        ('{"log": {"entries": []}}', "PM502", 1, 9),
        ('{\n  "log": {\n    "version": "2.0",\n    "entries": []\n  }\n}', "PM502", 3, 16),
        ('{"log": {"version": 1.2, "entries": []}}', "PM502", 1, 21),
    ],
)
def test_what_is_not_a_capture_is_refused_at_its_place(text: str, code: str, line: int, column: int) -> None:
    problem = refused(text)
    assert (problem.code, problem.line, problem.column) == (code, line, column), problem


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    deep = '{"log": {"version": "1.2", "entries": [], "x": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}}"
    problem = refused(deep)
    assert (problem.code, problem.line) == ("PM007", 1)


def test_text_that_is_not_utf8_is_refused() -> None:
    problem = refused(b'{"log": {"version": "1.2", "entries": [{"x": "\xff"}]}}')
    assert (problem.code, problem.line, problem.column) == ("PM002", 1, 47)
    assert refused('{"log": "\ud800"}').code == "PM002"


def test_a_capture_larger_than_the_limit_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.har"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 10)  # sparse: nothing is written
    with pytest.raises(pm.PolicyError) as caught:
        read_capture_file(big)
    assert codes(list(caught.value.problems)) == ["PM011"]
    assert refused(b" " * (MAX_INPUT_BYTES + 1)).code == "PM011"


def test_a_capture_that_cannot_be_read_is_reported_by_evidence(tmp_path: Path) -> None:
    problems = pm.evidence(policy(cookies=[{"name": "a"}]), [tmp_path / "missing.har", tmp_path])
    assert codes(problems) == ["PM001", "PM001"]  # and no PM515: no capture was read
    assert problems[0].file == str(tmp_path / "missing.har")


def test_items_of_the_wrong_type_are_reported_and_the_rest_is_read() -> None:
    good = entry(SITE, set_cookies=("undeclared=1",))
    document = har(
        good,
        "an entry",  # type: ignore[arg-type]
        entry(SITE) | {"request": {"url": 42}},
        entry(SITE) | {"request": {"url": "https://shop.test:99999/"}},
        entry(SITE) | {"startedDateTime": "yesterday"},
        entry(SITE, set_cookies=("x=1",)) | {"pageref": ["p"]},
    )
    document["log"]["entries"][5]["response"]["headers"].append({"name": "Set-Cookie", "value": None})
    document["log"]["entries"][5]["response"]["headers"].append(["Set-Cookie", "y=1"])
    problems, _ = check_capture(policy(), capture(document))
    assert [(p.code, p.path, p.message) for p in problems] == [
        ("PM511", "$.log.entries[0].response.headers[1]", "undeclared first-party cookie 'undeclared' set by shop.test"),
        ("PM503", "$.log.entries[1]", "an item of 'entries' must be a mapping; got the text 'an entry'"),
        ("PM503", "$.log.entries[2].request.url", "'url' must be text; got the number 42"),
        ("PM503", "$.log.entries[3].request.url", "the URL 'https://shop.test:99999/' cannot be read"),
        ("PM503", "$.log.entries[4].startedDateTime", "'startedDateTime' must be an ISO 8601 date and time; got 'yesterday'"),
        ("PM503", "$.log.entries[5].pageref", "'pageref' must be text; got a list"),
        ("PM511", "$.log.entries[5].response.headers[1]", "undeclared first-party cookie 'x' set by shop.test"),
        ("PM503", "$.log.entries[5].response.headers[2].value", "'value' must be text; got null"),
        ("PM503", "$.log.entries[5].response.headers[3]", "an item of 'headers' must be a mapping; got a list"),
    ]
    assert all(p.line is not None and p.column is not None for p in problems)


def test_nan_and_huge_numbers_never_get_through() -> None:
    text = json.dumps(har(entry(SITE))).replace('"time": 1.5', '"time": NaN')
    assert check_capture(policy(), capture(text))[0] == []  # read as the text 'NaN', in a field not read
    assert refused(text.replace("NaN", "1e999")).code == "PM104"
    wec = '{"uri_ins": "https://shop.test/", "cookies": [{"name": "a", "domain": "shop.test", "expires": NaN}], "hosts": {}}'
    [problem] = check_capture(policy(cookies=[{"name": "a"}]), capture(wec))[0]
    assert (problem.code, problem.path) == ("PM503", "$.cookies[0].expires")


def test_many_problems_are_counted_past_the_limit() -> None:
    document = har(*([42] * 500))  # type: ignore[arg-type]
    problems, _ = check_capture(policy(), read_capture(json.dumps(document), max_problems=10))
    assert codes(problems) == ["PM503"] * 10 + ["PM013"]
    assert problems[-1].message == "and 490 more problems of 1 kind (PM503 \u00d7490)"


def test_ten_megabytes_of_entries_are_read_and_each_finding_reported_once() -> None:
    entries = [entry(f"https://host{n % 500}.test/p?{n}", set_cookies=(f"c{n % 700}=1; Max-Age=60",)) for n in range(12_000)]
    text = json.dumps(har(entry(SITE), *entries), indent=1)
    assert len(text) > 10 * 1024 * 1024
    read = capture(text)
    assert (len(read.requests), len(read.cookies)) == (12_001, 12_000)
    problems, _ = check_capture(policy(), read, max_problems=None)
    assert sorted(codes(problems)).count("PM514") == 500
    assert sorted(codes(problems)).count("PM511") == 3_500  # one per cookie name and host: n % 700 and n % 500 repeat every 3,500


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "log",
                        "entries",
                        "request",
                        "response",
                        "url",
                        "headers",
                        "cookies",
                        "name",
                        "value",
                        "version",
                        "pages",
                        "id",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_data_is_read_or_refused_with_a_coded_problem(data: object) -> None:
    documents = [
        data,
        {"log": {"version": "1.2", "entries": [data]}},
        {"log": {"version": "1.2", "entries": [{"request": data, "response": data}]}},
    ]
    for document in documents:
        text = json.dumps(document)
        try:
            read = read_capture(text, file="x.har")
        except pm.PolicyError as error:
            problems = list(error.problems)
        else:
            problems, _ = check_capture(policy(cookies=[{"name": "a", "lifetime": "P1D"}]), read)
        assert all(problem.code in pm.CODES for problem in problems)
        assert all(problem.file == "x.har" and problem.line is not None for problem in problems)
