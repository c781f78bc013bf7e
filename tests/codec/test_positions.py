"""Every problem is placed where it stands: whatever the line breaks, in characters, and as the parser found it.

Run through the command, as a user sees it: the exit status, the code, the line and the column.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL
from tests.helpers import invoke


def located(output: str) -> list[tuple[int, int, str]]:
    """``(line, column, code)`` of each problem in text output (the summary line left out)."""
    found = []
    for line in output.splitlines():
        if ": PM" in line:
            where, rest = line.split(": PM", 1)
            parts = where.rsplit(":", 2)
            found.append((int(parts[1]), int(parts[2]), "PM" + rest[:3]))
    return found


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- import keeps the position the parser gives --------------------------------------------------------

TILT_LINE_6 = b'{\n  "meta": {\n    "name": "x",\n    "version": 1\n  },\n  "controller": {"name": "a",, "b": 1}\n}\n'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (TILT_LINE_6, (6, 30, "PM003")),
        (b'{"meta": {"name": "x"},\n "meta": {}}\n', (2, 2, "PM004")),
        (b"meta: &m {}\ncontroller: *m\n", (1, 7, "PM005")),
        (b'{"meta":\n  ' + b"[" * 70 + b"]" * 70 + b"}\n", (2, 66, "PM007")),
    ],
)
def test_import_reports_a_parse_error_where_the_parser_found_it(
    tmp_path: Path, source: bytes, expected: tuple[int, int, str]
) -> None:
    path = write(tmp_path, "tilt.json", source)
    result = invoke("import", "--from", "tilt", path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert located(result.stderr) == [expected]
    # validate places it the same
    assert located(invoke("validate", path).stdout) == [expected]


# --- LF, CRLF and CR alone all end a line -------------------------------------------------------------


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_a_character_yaml_refuses_is_placed_on_its_line_whatever_the_line_breaks(tmp_path: Path, newline: bytes) -> None:
    lines = [b"privacymodel: 1.0.0", b"document:", b"  title: \xc3\xa9t\xc3\xa9 \x00 bad", b"controllers: []"]
    result = invoke("validate", write(tmp_path, "p.yaml", newline.join(lines) + newline))
    assert result.returncode == 1
    assert located(result.stdout) == [(3, 14, "PM003")]
    assert "the character #x0000 is not allowed in YAML" in result.stdout


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_a_byte_that_is_not_utf8_is_placed_on_its_line_in_characters(tmp_path: Path, newline: bytes) -> None:
    # Two two-byte characters before the bad byte: the column counts them once each.
    lines = [b"privacymodel: 1.0.0", b"document:", b"  title: \xc3\xa9\xc3\xa9\xff", b"controllers: []"]
    result = invoke("validate", write(tmp_path, "p.yaml", newline.join(lines) + newline))
    assert result.returncode == 1
    assert located(result.stdout) == [(3, 12, "PM002")]


def test_a_bad_byte_after_a_bom_is_counted_from_the_first_character(tmp_path: Path) -> None:
    result = invoke("validate", write(tmp_path, "p.yaml", b"\xef\xbb\xbfa: \xc3\xa9\xfe\n"))
    assert (result.returncode, located(result.stdout)) == (1, [(1, 5, "PM002")])
    assert "byte 0xfe at offset 8" in result.stdout


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_shape_problems_are_placed_on_their_line_whatever_the_line_breaks(tmp_path: Path, newline: str) -> None:
    text = (MINIMAL + "zz: 1\n").replace("\n", newline)
    result = invoke("validate", write(tmp_path, "p.yaml", text.encode()))
    assert (result.returncode, located(result.stdout)) == (1, [(7, 1, "PM101")])


# --- U+2028, U+2029 and U+0085 are not line breaks in YAML 1.2 ----------------------------------------

SEPARATORS = ["\u2028", "\u2029", "\x85"]


@pytest.mark.parametrize("char", SEPARATORS, ids=["LS", "PS", "NEL"])
def test_yaml_12_text_holding_unicode_separators_is_read_with_them_kept(tmp_path: Path, char: str) -> None:
    text = MINIMAL.replace("title: Example policy", f"title: Example{char}policy  # a comment{char}too")
    path = write(tmp_path, "p.yaml", text.encode())
    result = invoke("validate", path)
    assert result.returncode == 0, result.stdout
    exported = invoke("export", "--to", "json", path)
    assert exported.returncode == 0
    assert json.loads(exported.stdout)["document"]["title"] == f"Example{char}policy"


@pytest.mark.parametrize("char", SEPARATORS, ids=["LS", "PS", "NEL"])
def test_unicode_separators_do_not_shift_later_lines(tmp_path: Path, char: str) -> None:
    text = MINIMAL.replace("title: Example policy", f"title: 'a{char}b'  # c{char}d{char}") + f"# {char}{char}\nzz: 1\n"
    result = invoke("validate", write(tmp_path, "p.yaml", text.encode()))
    assert (result.returncode, located(result.stdout)) == (1, [(8, 1, "PM101")])


def test_syntax_errors_after_unicode_separators_are_placed_as_written(tmp_path: Path) -> None:
    text = "privacymodel: 1.0.0\u2028\u2029\x85\ndocument: [\u2028\n"
    result = invoke("validate", write(tmp_path, "p.yaml", text.encode()))
    assert result.returncode == 1
    assert located(result.stdout) == [(3, 1, "PM003")]


def test_private_use_characters_and_escapes_are_not_taken_for_separators() -> None:
    # The text holds U+E000 itself and writes U+E001 and U+E002 as escapes: none of them may come back as a separator.
    text = MINIMAL.replace("name: Acme Ltd", 'name: "\ue000\\ue001\\U0000e002\u2028\\L"').replace(
        "title: Example policy", "title: x\u2028\x85\u2029y"
    )
    policy = pm.loads(text)
    assert policy.controllers[0].name == "\ue000\ue001\ue002\u2028\u2028"
    assert policy.document.title == "x\u2028\x85\u2029y"


def test_separators_in_keys_are_kept_in_the_problem_path(tmp_path: Path) -> None:
    result = invoke("validate", "--format", "json", write(tmp_path, "p.yaml", (MINIMAL + "z\u2028z: 1\n").encode()))
    [problem] = json.loads(result.stdout)["files"][0]["problems"]
    assert (result.returncode, problem["code"], problem["line"], problem["column"]) == (1, "PM101", 7, 1)
    assert problem["path"] == "$['z\u2028z']"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_problems_in_json_are_placed_on_their_line_whatever_the_line_breaks(tmp_path: Path, newline: str) -> None:
    data = pm.unstructure(pm.loads(MINIMAL))
    data["controllers"][0]["adress"] = {}
    data["document"]["language"] = 5
    text = json.dumps(data, indent=2, ensure_ascii=False).replace("\n", newline)
    result = invoke("validate", write(tmp_path, "p.json", text.encode()))
    assert result.returncode == 1
    assert located(result.stdout) == [(5, 17, "PM103"), (11, 7, "PM101")]
    assert "(quote it to keep it as text: '5')" in result.stdout


def test_a_lone_surrogate_is_placed_on_its_line_whatever_the_line_breaks() -> None:
    [problem] = pm.validate_text("privacymodel: 1.0.0\rdocument:\r\n  title: \u00e9\ud800\r")
    assert (problem.code, problem.line, problem.column) == ("PM002", 3, 11)
