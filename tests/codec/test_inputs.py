"""What ``loads`` and ``validate_text`` take: str (subclasses too) and bytes; anything else is a TypeError saying what it
got, and a lone surrogate in a str, which no UTF-8 text holds, is a located PM002."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import privacymodel as pm
from tests.conftest import MINIMAL
from tests.helpers import invoke


class Text(str):
    """A str subclass whose ``__str__`` says something else: the text itself must be read."""

    __slots__ = ()

    def __str__(self) -> str:
        return "not: the policy"


class Data(bytes):
    """A bytes subclass whose ``decode`` says something else."""

    def decode(self, *_: Any, **__: Any) -> str:  # type: ignore[override]
        return "not: the policy"


@pytest.mark.parametrize("source", [Text(MINIMAL), Data(MINIMAL.encode()), MINIMAL, MINIMAL.encode()], ids=type)
def test_str_and_bytes_and_their_subclasses_are_read(source: str | bytes) -> None:
    assert pm.loads(source).document.title == "Example policy"
    assert pm.validate_text(source) == []


@pytest.mark.parametrize(
    "source",
    [None, 3, bytearray(MINIMAL.encode()), memoryview(MINIMAL.encode()), [MINIMAL], Path("policy.yaml")],
    ids=lambda value: type(value).__name__,
)
def test_anything_else_is_a_type_error_that_says_what_it_got(source: Any) -> None:
    for read in (pm.loads, pm.validate_text):
        with pytest.raises(TypeError, match=f"^expected policy text as str or bytes, got {type(source).__name__}$"):
            read(source)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (MINIMAL.replace("Example policy", "Example \ud800policy"), 3, 18),
        (MINIMAL + "    description: \udfff\n", 7, 18),
        ("\ud83d" + MINIMAL, 1, 1),
        (MINIMAL.replace("title", "ti\udc80tle"), 3, 5),
        ('{"privacymodel": "1.0.0",\n "x": "\udc00"}', 2, 8),
    ],
)
def test_a_lone_surrogate_in_text_is_a_located_problem(text: str, line: int, column: int) -> None:
    problems = pm.validate_text(text, file="p.yaml")
    assert [(p.code, p.file, p.line, p.column) for p in problems] == [("PM002", "p.yaml", line, column)]
    assert "lone surrogate U+" in problems[0].message
    with pytest.raises(pm.PolicyError) as info:
        pm.loads(Text(text))
    assert [(p.code, p.line, p.column) for p in info.value.problems] == [("PM002", line, column)]


def test_a_surrogate_pair_escaped_in_json_is_one_character() -> None:
    policy = pm.loads(
        '{"privacymodel": "1.0.0", "document": {"title": "\\ud83d\\ude00"}, "controllers": [{"id": "a", "name": "A"}]}'
    )
    assert policy.document.title == "\U0001f600"


def test_surrogates_written_into_a_file_are_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(MINIMAL.replace("Example policy", "Example policy \ud800").encode("utf-8", "surrogatepass"))
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("PM002", 3, 25)]
