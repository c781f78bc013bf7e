"""What ``pm.dump`` writes: YAML that yamllint's default rules accept, that reads back as what was written, and
that is the same every time."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from yamllint import linter
from yamllint.config import YamlLintConfig

import privacymodel as pm
from privacymodel.codec.yaml_read import parse
from privacymodel.codec.yaml_write import WIDTH, dump_yaml
from privacymodel.strategies import policies
from tests.conftest import EXAMPLES, MINIMAL

DEFAULT = YamlLintConfig("extends: default")


def lint(text: str) -> list[str]:
    """yamllint's problems with the default rules, but the one every file without ``---`` gets."""
    return [f"{p.line}:{p.column} {p.level} {p.message}" for p in linter.run(text, DEFAULT) if p.rule != "document-start"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_dump_of_the_examples_passes_yamllint(path: Any) -> None:
    text = pm.dump(pm.load(path))
    assert lint(text) == []
    assert text.startswith("privacymodel: ")


@given(policies())
def test_dump_of_generated_policies_passes_yamllint_and_reads_back(policy: pm.PrivacyPolicy) -> None:
    text = pm.dump(policy)
    assert lint(text) == []
    assert pm.loads(text) == policy
    assert pm.dump(pm.loads(text)) == text


TEXTS = st.text(st.characters(exclude_categories=["Cs"]), max_size=120) | st.text(" \n\t#:-'\"\\ab\u2028\x85", max_size=60)


@given(TEXTS, st.lists(TEXTS, max_size=3))
def test_any_text_reads_back_as_written_and_passes_yamllint(text: str, items: list[str]) -> None:
    data = {"key": text, "nested": {"deeper": {"list": [text, *items]}}, "items": [{"a": text, "b": items}]}
    written = dump_yaml(data)
    assert parse(written) == data
    assert lint(written) == []


def test_sequences_are_indented_under_their_key() -> None:
    text = pm.dump(pm.loads(MINIMAL))
    assert "controllers:\n  - id: acme\n    name: Acme Ltd\n" in text


def test_long_text_is_folded_within_the_width_and_a_long_word_stands_alone() -> None:
    words = " ".join(["word"] * 40)
    url = "https://example.com/" + "a" * 100
    policy = pm.loads(MINIMAL.replace("Example policy", words) + f"    website: {url}\n")
    text = pm.dump(policy)
    assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= WIDTH
    assert f"    website:\n      {url}\n" in text
    assert pm.loads(text) == policy


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("yes", "'yes'"),
        ("1.10", "'1.10'"),
        ("", "''"),
        ("it's", "it's"),
        ("a: b", "'a: b'"),
        ("tab\there", '"tab\\there"'),
        ("line\u2028break", '"line\\Lbreak"'),
        ("- item", "'- item'"),
        ("2020-08-13", "2020-08-13"),
    ],
)
def test_text_is_quoted_only_where_plain_would_read_otherwise(value: str, written: str) -> None:
    assert dump_yaml({"key": value}) == f"key: {written}\n"
    assert parse(dump_yaml({"key": value})) == {"key": value}


def test_lines_of_text_are_a_literal_block_where_each_fits_else_double_quoted() -> None:
    assert dump_yaml({"a": {"key": "one\ntwo"}}) == "a:\n  key: |-\n    one\n    two\n"
    assert dump_yaml({"key": "one\ntwo\n"}) == "key: |\n  one\n  two\n"
    long = "one\n" + " ".join(["word"] * 30)
    written = dump_yaml({"key": long})
    assert written.startswith('key: "one\\n\\\n  word word')
    assert parse(written) == {"key": long}
    assert lint(written) == []


def test_dump_is_deterministic() -> None:
    policy = pm.load(EXAMPLES[0])
    assert pm.dump(policy) == pm.dump(pm.load(EXAMPLES[0]))
