"""Bytes to text: UTF-8 only (a BOM is dropped), located when it is not, and input over the size limit refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import privacymodel as pm
from privacymodel.codec.text import MAX_INPUT_BYTES, decode, read_limited
from tests.conftest import MINIMAL


def only_problem(source: str | bytes) -> pm.Problem:
    with pytest.raises(pm.PolicyError) as info:
        pm.loads(source, file="p.yaml")
    assert len(info.value.problems) == 1, info.value.problems
    return info.value.problems[0]


def test_not_utf8_is_located() -> None:
    problem = only_problem(b"a: 1\nb: caf\xe9\n")
    assert (problem.code, problem.line, problem.column) == ("PM002", 2, 7)
    assert "0xe9" in problem.message


def test_binary_junk_is_an_error() -> None:
    problem = only_problem(bytes(range(256)) * 4)
    assert problem.code in {"PM002", "PM003"}


def test_utf8_bom_is_accepted() -> None:
    policy = pm.loads(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert policy.document.title == "Example policy"


@pytest.mark.parametrize("source", ["\ufeffa: 1\n", b"\xef\xbb\xbfa: 1\n", "a: 1\n", b"a: 1\n"])
def test_decode_drops_a_leading_bom_from_text_and_bytes(source: str | bytes) -> None:
    assert decode(source) == "a: 1\n"


def test_input_over_the_limit_is_refused() -> None:
    problem = only_problem(b"#" * (MAX_INPUT_BYTES + 1))
    assert problem.code == "PM011"
    assert problem.message == f"the input is {MAX_INPUT_BYTES + 1} bytes; the limit is {MAX_INPUT_BYTES} bytes"


def test_a_file_over_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 2)
    with pytest.raises(pm.PolicyError) as info:
        read_limited(str(big))
    [problem] = info.value.problems
    assert (problem.code, problem.file, problem.line, problem.column) == ("PM011", str(big), 1, 1)
    assert problem.message == f"the file is larger than the limit of {MAX_INPUT_BYTES} bytes"


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    small = tmp_path / "p.yaml"
    small.write_bytes(MINIMAL.encode())
    assert read_limited(str(small)) == MINIMAL.encode()
