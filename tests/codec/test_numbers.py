"""Numbers are bounded in every base and form: a number out of range is PM104 at its field, line and column.

Whole numbers lie within ±MAX_WHOLE_NUMBER (2**53 - 1); a float too large to hold (which would be infinite) is
refused; a duration's parts have at most DURATION_DIGITS digits. ``! 13`` is text; ``13.0`` is the whole number 13.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import privacymodel as pm
from privacymodel.codec.scalars import resolve_plain
from privacymodel.codec.yaml_read import parse
from privacymodel.model.fields import MAX_WHOLE_NUMBER
from privacymodel.model.formats import DURATION_DIGITS
from tests.conftest import MINIMAL
from tests.helpers import invoke

VALIDATOR = Draft202012Validator(pm.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)

TOO_LARGE = [
    "0x" + "f" * 5000,
    "0x" + "F" * 40,
    "0x20000000000000",  # 2**53
    "0o" + "7" * 6000,
    "0o400000000000000000",  # 2**54
    "9" * 5000,
    "9" * 30,
    "9007199254740992",
    "-9007199254740992",
    "+" + "0" * 5000 + "9" * 17,
    "1e400",
    "-1e400",
    "9" * 400 + ".5",
]


def validate(tmp_path: Path, text: str, name: str = "p.yaml") -> tuple[int, list[dict[str, Any]]]:
    """Run ``privacymodel validate --format json`` on ``text``: the exit status and the problems."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    return result.returncode, json.loads(result.stdout)["files"][0]["problems"]


def where(problem: dict[str, Any]) -> tuple[str, str, int, int]:
    return problem["code"], problem["path"], problem["line"], problem["column"]


# --- the reader ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", TOO_LARGE, ids=lambda n: n[:24])
def test_a_number_out_of_range_is_refused_where_it_stands(tmp_path: Path, number: str) -> None:
    status, problems = validate(tmp_path, MINIMAL + f"children:\n  age: {number}\n")
    assert status == 1
    assert [where(p) for p in problems] == [("PM104", "$.children.age", 8, 8)]
    assert "quote it if it is text" in problems[0]["message"]
    assert len(problems[0]["message"]) < 200


@pytest.mark.parametrize("number", [n for n in TOO_LARGE if not n.startswith(("0x", "0o", "+"))], ids=lambda n: n[:24])
def test_a_number_out_of_range_in_json_is_refused_where_it_stands(tmp_path: Path, number: str) -> None:
    text = '{"privacymodel": "1.0.0", "document": {"title": "T"},\n "controllers": [{"id": "a", "name": NUMBER}]}\n'
    status, problems = validate(tmp_path, text.replace("NUMBER", number), "p.json")
    assert status == 1
    assert [where(p) for p in problems] == [("PM104", "$.controllers[0].name", 2, 38)]


def test_a_huge_hexadecimal_number_in_a_text_field_or_an_unknown_key_is_refused(tmp_path: Path) -> None:
    huge = "0x" + "f" * 5000
    status, problems = validate(tmp_path, MINIMAL.replace("title: Example policy", f"title: {huge}"))
    assert (status, [where(p) for p in problems]) == (1, [("PM104", "$.document.title", 3, 10)])
    status, problems = validate(tmp_path, MINIMAL + f"zzz: {huge}\n")
    assert (status, [where(p) for p in problems]) == (1, [("PM104", "$.zzz", 7, 6)])


def test_the_messages_say_the_bound_and_show_the_number_short() -> None:
    with pytest.raises(ValueError, match=r"^the number 0xffffffffffffff\.\.\. \(5002 characters\) is out of range: "):
        resolve_plain("0x" + "f" * 5000)
    with pytest.raises(ValueError, match=f"whole numbers go from -{MAX_WHOLE_NUMBER} to {MAX_WHOLE_NUMBER}"):
        resolve_plain(str(MAX_WHOLE_NUMBER + 1))
    with pytest.raises(ValueError, match=r"^the number 1e400 is too large to hold; quote it if it is text$"):
        resolve_plain("1e400")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (str(MAX_WHOLE_NUMBER), MAX_WHOLE_NUMBER),
        (str(-MAX_WHOLE_NUMBER), -MAX_WHOLE_NUMBER),
        ("0x1fffffffffffff", MAX_WHOLE_NUMBER),
        ("0x" + "0" * 5000 + "10", 16),
        ("0o17", 15),
        ("0" * 5000, 0),
        ("1e308", 1e308),
        ("1e-400", 0.0),
        ("-.inf", float("-inf")),
    ],
)
def test_numbers_within_the_bound_are_read(text: str, value: float) -> None:
    assert resolve_plain(text) == value


def test_every_command_reports_a_number_out_of_range_instead_of_crashing(tmp_path: Path) -> None:
    path = tmp_path / "hex.yaml"
    path.write_text(MINIMAL + "children:\n  age: 0x" + "f" * 5000 + "\n", encoding="utf-8")
    for command, status in (
        (["render"], 1),
        (["audit", "--law", "gdpr"], 1),
        (["export", "--to", "tilt"], 1),
        (["diff", str(path)], 2),  # diff's status for an input that is not a policy
    ):
        result = invoke(*command, str(path))
        assert result.returncode == status, command
        assert "Traceback" not in result.stderr
        assert f"{path}:8:8: PM104 the number 0xffffffffffffff... (5002 characters) is out of range" in (
            result.stdout + result.stderr
        ), command


def test_a_number_out_of_range_leaves_the_other_files_checked(tmp_path: Path) -> None:
    (tmp_path / "a-good.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b-hex.yaml").write_text(MINIMAL + "children:\n  age: 0x" + "f" * 5000 + "\n", encoding="utf-8")
    (tmp_path / "c-typo.yaml").write_text(MINIMAL + "childrn: {}\n", encoding="utf-8")
    for jobs in ("1", "2"):
        result = invoke("validate", "--jobs", jobs, "--format", "json", str(tmp_path))
        files = {Path(entry["file"]).name: [where(p) for p in entry["problems"]] for entry in json.loads(result.stdout)["files"]}
        assert result.returncode == 1
        assert files == {
            "a-good.yaml": [],
            "b-hex.yaml": [("PM104", "$.children.age", 8, 8)],
            "c-typo.yaml": [("PM101", "$.childrn", 7, 1)],
        }


# --- tags and floats ----------------------------------------------------------------------


def test_the_non_specific_tag_makes_a_scalar_text(tmp_path: Path) -> None:
    assert parse("a: ! 13\nb: ! true\nc: ! ~\nd: 13\n") == {"a": "13", "b": "true", "c": "~", "d": 13}
    status, problems = validate(tmp_path, MINIMAL + "children:\n  age: ! 13\n")
    assert (status, [where(p) for p in problems]) == (1, [("PM103", "$.children.age", 8, 8)])
    assert problems[0]["message"] == "expected a whole number; got the text '13'"
    status, problems = validate(tmp_path, MINIMAL.replace("title: Example policy", "title: ! 1.10"))
    assert (status, problems) == (0, [])


@pytest.mark.parametrize(("written", "age"), [("13.0", 13), ("1e1", 10), ("0.0", 0), ("25.0", 25)])
def test_a_whole_number_written_as_a_float_is_that_number_in_the_library_and_the_schema(
    tmp_path: Path, written: str, age: int
) -> None:
    status, problems = validate(tmp_path, MINIMAL + f"children:\n  age: {written}\n")
    assert (status, problems) == (0, [])
    policy = pm.loads(MINIMAL + f"children:\n  age: {written}\n")
    assert policy.children is not None
    assert (policy.children.age, type(policy.children.age)) == (age, int)
    assert not list(VALIDATOR.iter_errors(parse(MINIMAL + f"children:\n  age: {written}\n")))


@pytest.mark.parametrize(
    ("written", "code"), [("12.5", "PM103"), ("26.0", "PM104"), ("1e300", "PM104"), ("-1.0", "PM104"), (".nan", "PM103")]
)
def test_a_float_that_is_not_an_allowed_whole_number_is_refused_by_both(tmp_path: Path, written: str, code: str) -> None:
    status, problems = validate(tmp_path, MINIMAL + f"children:\n  age: {written}\n")
    assert (status, [where(p) for p in problems]) == (1, [(code, "$.children.age", 8, 8)])
    assert list(VALIDATOR.iter_errors(parse(MINIMAL + f"children:\n  age: {written}\n")))


# --- durations ----------------------------------------------------------------------------

RETENTION = MINIMAL + "retention:\n  - id: r\n    period: {period}\n"


@pytest.mark.parametrize(
    "period", ["P" + "9" * (DURATION_DIGITS + 1) + "Y", "P" + "9" * 400 + "Y", "PT" + "1" * 5000 + "S", "P1Y" + "0" * 10 + "2M"]
)
def test_a_duration_with_too_many_digits_is_refused(tmp_path: Path, period: str) -> None:
    status, problems = validate(tmp_path, RETENTION.format(period=period))
    assert (status, [where(p) for p in problems]) == (1, [("PM104", "$.retention[0].period", 9, 13)])


def test_the_longest_durations_compare_and_export(tmp_path: Path) -> None:
    nines = "9" * DURATION_DIGITS
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(RETENTION.format(period="P1Y"), encoding="utf-8")
    new.write_text(RETENTION.format(period=f"P{nines}Y{nines}M{nines}W{nines}DT{nines}H{nines}M{nines}S"), encoding="utf-8")
    assert invoke("validate", str(new)).returncode == 0
    diff = invoke("diff", str(old), str(new))
    assert "Traceback" not in diff.stderr
    assert "data is kept longer" in diff.stdout
    export = invoke("export", "--to", "tilt", str(new))
    assert export.returncode == 0, export.stderr
    assert "P" + nines + "Y" in export.stdout
