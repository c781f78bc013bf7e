"""``privacymodel terms``: every vocabulary, or one, with each term, its description and its DPV IRI."""

from __future__ import annotations

import json

import pytest

import privacymodel as pm
from privacymodel.cli.terms import key, vocabularies
from privacymodel.model import vocab
from tests.helpers import invoke


def test_the_vocabularies_are_those_the_model_exports() -> None:
    found = vocabularies()
    expected = {name for name in vocab.__all__ if isinstance(getattr(vocab, name), type) and name != "Vocabulary"}
    assert set(found) == expected - {"CustomTerm"}
    assert {"PurposeTerm", "DataSubjectTerm", "OperationTerm", "Identifiability", "RecourseKind"} <= set(found)
    assert key("DataSubjectTerm") == "data-subject-term"
    assert key("Identifiability") == "identifiability"


def test_every_vocabulary_is_listed_with_every_term_in_80_columns() -> None:
    result = invoke("terms")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines if "DPV: " not in line)
    for name, cls in vocabularies().items():
        assert f"{key(name)} ({name})" in lines
        for term in cls:
            assert f"  {term.value}" in lines
    assert "    DPV: https://w3id.org/dpv#Visitor" in lines
    assert "    DPV: none (no DPV concept)" in lines  # end-user-of-customer, among others


@pytest.mark.parametrize("name", ["purpose-term", "PurposeTerm", "purpose_term", "PURPOSE-TERM"])
def test_one_vocabulary_by_its_key_or_class_name(name: str) -> None:
    result = invoke("terms", name)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "purpose-term (PurposeTerm)"
    assert "  identity-resolution" in lines
    assert "data-subject-term (DataSubjectTerm)" not in lines


def test_json_is_one_object_for_one_vocabulary() -> None:
    result = invoke("terms", "data-subject-term", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert list(data) == ["vocabulary", "terms"]
    assert data["vocabulary"] == "DataSubjectTerm"
    assert data["terms"][0] == {
        "term": "visitor",
        "description": pm.DataSubjectTerm.VISITOR.description,
        "iri": "https://w3id.org/dpv#Visitor",
    }
    assert [t["term"] for t in data["terms"]] == [t.value for t in pm.DataSubjectTerm]
    assert {"term": "business-contact", "description": pm.DataSubjectTerm.BUSINESS_CONTACT.description, "iri": None} in (
        data["terms"]
    )


def test_json_lists_every_vocabulary_the_same_way_each_time() -> None:
    first = invoke("terms", "--format", "json")
    assert first.returncode == 0
    data = json.loads(first.stdout)
    assert [v["vocabulary"] for v in data] == list(vocabularies())
    assert all(list(term) == ["term", "description", "iri"] for v in data for term in v["terms"])
    assert invoke("terms", "--format", "json").stdout == first.stdout


def test_an_unknown_vocabulary_names_the_closest_and_every_one() -> None:
    result = invoke("terms", "purpos")
    assert (result.returncode, result.stdout) == (2, "")
    first, second = result.stderr.splitlines()
    assert first == "privacymodel terms: error: unknown vocabulary 'purpos'; did you mean 'purpose-term'?"
    assert second.startswith("privacymodel terms: error: the vocabularies: choice-kind, contact-purpose")
    assert "data-subject-term" in second


def test_an_unknown_vocabulary_is_shown_escaped() -> None:
    result = invoke("terms", "\x1b[31mnothing")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert "unknown vocabulary '\\x1b[31mnothing'" in result.stderr
    assert "did you mean" not in result.stderr.splitlines()[0]


def test_help_lists_the_vocabularies() -> None:
    result = invoke("terms", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: privacymodel terms [-h]")
    assert "exit status:" in result.stdout
    assert "data-subject-term" in result.stdout
    assert "terms" in invoke("--help").stdout
