"""Messages that say what to do, at the command: the closest valid value for a term or format written another
way, the id for a reference written as a term or a name, PyYAML's words for a tab, one problem per bad value;
and, in ``diff``, items named by their ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINIMAL
from tests.helpers import invoke


def problems(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """What ``privacymodel validate --format json`` reports for ``text``."""
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", "--format", "json", str(path))
    assert result.returncode in (0, 1), result.stderr
    [file] = json.loads(result.stdout)["files"]
    found: list[dict[str, Any]] = file["problems"]
    return found


def only(tmp_path: Path, text: str, code: str) -> dict[str, Any]:
    """The one problem with ``code`` reported for ``text``."""
    [problem] = [p for p in problems(tmp_path, text) if p["code"] == code]
    return problem


BASES = MINIMAL + "legal_bases:\n  - id: b\n    basis: {basis}\n"


@pytest.mark.parametrize(
    ("basis", "law", "hint"),
    [
        ("Art. 6(1)(b)", None, "did you mean 'A6-1-b'?"),
        ("'Article 9(2)(a) GDPR'", None, "did you mean 'A9-2-a'?"),
        ("GDPR-6-1-f", None, "did you mean 'A6-1-f'?"),
        ("Art. 6 Abs. 1 lit. c DSGVO", None, "did you mean 'A6-1-c'?"),
        ("legitimate interests", "gdpr", "did you mean 'A6-1-f'?"),
        ("legitimate interests", "uk-gdpr", "did you mean 'A6-1-f'?"),
        ("legitimate interests", "ccpa", "did you mean 'legitimate-interest'?"),
        ("legitimate interests", None, "did you mean 'A6-1-f' (under the GDPR) or 'legitimate-interest' (under another law)?"),
        ("Legal Obligation", "gdpr", "did you mean 'A6-1-c'?"),
    ],
)
def test_a_legal_basis_in_words_or_as_an_article_gets_its_identifier(
    tmp_path: Path, basis: str, law: str | None, hint: str
) -> None:
    text = BASES.format(basis=basis) + (f"    law: {law}\n" if law else "")
    problem = only(tmp_path, text, "PM105")
    assert (problem["line"], problem["column"], problem["path"]) == (9, 12, "$.legal_bases[0].basis")
    assert (
        problem["message"]
        == f"{basis.strip(chr(39))!r} is not a LegalBasisTerm term; {hint} Terms outside the vocabulary start with 'x-'."
    )


def test_a_term_with_no_suggestion_ends_its_sentence_before_the_way_out(tmp_path: Path) -> None:
    problem = only(tmp_path, BASES.format(basis="qqqqqqqq"), "PM105")
    assert problem["message"] == "'qqqqqqqq' is not a LegalBasisTerm term. Terms outside the vocabulary start with 'x-'."


@pytest.mark.parametrize(
    ("written", "code"), [("UK", "GB"), ("United States", "US"), ("USA", "US"), ("us", "US"), ("Deutschland", "DE")]
)
def test_a_country_written_as_a_name_or_a_common_code_gets_its_iso_code(tmp_path: Path, written: str, code: str) -> None:
    text = MINIMAL + f"    address:\n      country: {written}\n"
    problem = only(tmp_path, text, "PM104")
    assert (problem["line"], problem["column"]) == (8, 16)
    assert problem["message"].endswith(f"got {written!r}; did you mean {code!r}?")


def test_a_destination_in_a_list_gets_its_iso_code(tmp_path: Path) -> None:
    problem = only(tmp_path, MINIMAL + "transfers:\n  - destinations: [US, USA]\n", "PM104")
    assert (problem["line"], problem["column"], problem["path"]) == (8, 24, "$.transfers[0].destinations[1]")
    assert problem["message"].endswith("; did you mean 'US'?")


@pytest.mark.parametrize(
    ("line", "path", "hint"),
    [
        ("  last_updated: 13/08/2020\n", "$.document.last_updated", "did you mean '2020-08-13'?"),
        ("  last_updated: 'August 13, 2020'\n", "$.document.last_updated", "did you mean '2020-08-13'?"),
        ("  last_updated: 08/03/2020\n", "$.document.last_updated", "did you mean '2020-03-08' or '2020-08-03'?"),
        ("  language: en_US\n", "$.document.language", "did you mean 'en-US'?"),
        ("  language: English\n", "$.document.language", "did you mean 'en'?"),
        ("  url: www.example.com/privacy\n", "$.document.url", "did you mean 'https://www.example.com/privacy'?"),
    ],
)
def test_a_value_of_a_format_written_another_way_gets_the_closest_valid_one(
    tmp_path: Path, line: str, path: str, hint: str
) -> None:
    problem = only(tmp_path, MINIMAL.replace("document:\n", "document:\n" + line), "PM104")
    assert (problem["line"], problem["path"]) == (3, path)
    assert problem["message"].endswith(f"; {hint}")


@pytest.mark.parametrize(
    ("period", "hint"), [("30 days", "P30D"), ("P72H", "PT72H"), ("1 year and 6 months", "P1Y6M"), ("p2y", "P2Y")]
)
def test_a_duration_in_words_gets_its_iso_8601_form(tmp_path: Path, period: str, hint: str) -> None:
    problem = only(tmp_path, MINIMAL + f"retention:\n  - id: r\n    period: {period}\n", "PM104")
    assert (problem["line"], problem["column"], problem["path"]) == (9, 13, "$.retention[0].period")
    assert problem["message"].endswith(f"; did you mean {hint!r}?")


def test_a_custom_term_with_spaces_gets_a_custom_term_without(tmp_path: Path) -> None:
    text = MINIMAL + "data_categories:\n  - id: d\n    term: x-loyalty points\n"
    problem = only(tmp_path, text, "PM104")
    assert (problem["line"], problem["column"]) == (9, 11)
    assert problem["message"].endswith("; did you mean 'x-loyalty-points'?")


REFERENCES = MINIMAL + (
    "    contacts:\n      - id: privacy-email\n        email: privacy@acme.example\n"
    "recipients:\n  - id: g\n    name: Google\n"
    "purposes:\n  - id: ads\n    term: direct-marketing\n"
)


def test_a_purpose_term_written_for_the_purpose_id_names_the_id(tmp_path: Path) -> None:
    text = REFERENCES + "legal_bases:\n  - id: c\n    basis: A6-1-a\n    purposes: [direct-marketing]\n"
    problem = only(tmp_path, text, "PM202")
    assert (problem["line"], problem["column"], problem["path"]) == (19, 16, "$.legal_bases[0].purposes[0]")
    assert problem["message"] == (
        "'direct-marketing' is not the id of any of the policy's purposes; "
        "'direct-marketing' is a purpose term; reference the purpose by its id, e.g. 'ads'"
    )


def test_a_purpose_term_no_purpose_has_says_to_declare_one(tmp_path: Path) -> None:
    text = REFERENCES + "legal_bases:\n  - id: c\n    basis: A6-1-a\n    purposes: [marketing]\n"
    problem = only(tmp_path, text, "PM202")
    assert (problem["line"], problem["column"]) == (19, 16)
    assert problem["message"].endswith(
        "; 'marketing' is a purpose term, not an id: declare a purpose with term: marketing under purposes and reference its id"
    )


def test_a_recipient_named_for_its_id_names_the_id(tmp_path: Path) -> None:
    problem = only(tmp_path, REFERENCES + "cookies:\n  - name: _ga\n    provider: Google\n", "PM204")
    assert (problem["line"], problem["column"]) == (18, 15)
    assert problem["message"].endswith("; 'Google' is the name of the recipient 'g'; reference it by its id")


def test_a_contact_named_by_its_email_names_the_id(tmp_path: Path) -> None:
    problem = only(tmp_path, REFERENCES + "rights:\n  - kind: access\n    contacts: [privacy@acme.example]\n", "PM104")
    assert (problem["line"], problem["column"], problem["path"]) == (18, 16, "$.rights[0].contacts[0]")
    assert problem["message"].endswith(
        "; 'privacy@acme.example' is the email of the contact point 'privacy-email'; reference it by its id"
    )


def test_a_misspelt_id_gets_the_closest_declared_one(tmp_path: Path) -> None:
    text = REFERENCES + "legal_bases:\n  - id: c\n    basis: A6-1-a\n    purposes: [adds]\n"
    assert only(tmp_path, text, "PM202")["message"].endswith("; did you mean 'ads'?")


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            "privacymodel: 1.0.0\ndocument:\n\ttitle: T\n",
            3,
            1,
            (
                "while scanning for the next token found character '\\t' that cannot start any token "
                "(indent with spaces: YAML does not allow tabs in indentation)"
            ),
        ),
        (
            MINIMAL + "\tcontacts: []\n",
            7,
            1,
            (
                "while scanning a plain scalar found a tab character that violates indentation "
                "(indent with spaces: YAML does not allow tabs in indentation)"
            ),
        ),
    ],
)
def test_a_tab_in_indentation_is_named_as_pyyaml_names_it(
    tmp_path: Path, text: str, line: int, column: int, message: str
) -> None:
    [problem] = problems(tmp_path, text)
    assert (problem["code"], problem["line"], problem["column"], problem["message"]) == ("PM003", line, column, message)


def test_the_tab_is_shown_escaped_in_text_output(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("privacymodel: 1.0.0\ndocument:\n\ttitle: T\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:3:1: PM003 while scanning for the next token found character '\\t' that cannot" in result.stdout


@pytest.mark.parametrize(
    ("line", "path"),
    [
        ("  last_updated: not-a-date\n", "$.document.last_updated"),  # pattern and format
        ("  last_updated: 2020-13-45\n", "$.document.last_updated"),  # format only
        ("  url: not a url\n", "$.document.url"),
        ("  language: '123'\n", "$.document.language"),
        ("  version: ''\n", "$.document.version"),
    ],
)
def test_a_bad_value_is_one_problem(tmp_path: Path, line: str, path: str) -> None:
    found = [p for p in problems(tmp_path, MINIMAL.replace("document:\n", "document:\n" + line)) if p["path"] == path]
    assert len(found) == 1, found


def test_an_email_that_breaks_pattern_and_format_is_one_problem(tmp_path: Path) -> None:
    found = problems(tmp_path, MINIMAL + "    contacts:\n      - email: 'a b@c'\n")
    assert [(p["code"], p["line"], p["column"]) for p in found] == [("PM104", 8, 16)]


# --- diff: items named by their ids ---------------------------------------------------------------------------

RETENTION = MINIMAL + "retention:\n  - id: logs\n    period: P30D\n  - id: accounts\n    period: P1Y\n"


def diff(tmp_path: Path, old: str, new: str) -> list[dict[str, Any]]:
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    result = invoke("diff", "--format", "json", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"))
    assert result.returncode == 1, result.stderr
    changes: list[dict[str, Any]] = json.loads(result.stdout)["changes"]
    return changes


def test_a_retention_statement_is_named_by_its_id(tmp_path: Path) -> None:
    [change] = diff(tmp_path, RETENTION, RETENTION.replace("P1Y", "P2Y"))
    assert (change["item"], change["path"], change["old"], change["new"]) == (
        "retention statement accounts", "$.retention[1].period", "P1Y", "P2Y"
    )  # fmt: skip


def test_reordered_retention_statements_are_matched_by_id(tmp_path: Path) -> None:
    swapped = MINIMAL + "retention:\n  - id: accounts\n    period: P2Y\n  - id: logs\n    period: P60D\n"
    changes = diff(tmp_path, RETENTION, swapped)
    assert sorted((c["item"], c["path"], c["old"], c["new"]) for c in changes) == [
        ("retention statement accounts", "$.retention[0].period", "P1Y", "P2Y"),
        ("retention statement logs", "$.retention[1].period", "P30D", "P60D"),
    ]


def test_the_text_report_names_the_retention_statement_by_its_id(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(RETENTION, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(RETENTION.replace("P1Y", "P2Y"), encoding="utf-8")
    result = invoke("diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"))
    assert "  ~ retention statement accounts: $.retention[1].period: P1Y → P2Y: data is kept longer\n" in result.stdout
    assert "#2" not in result.stdout


def test_items_sharing_an_identity_are_named_by_their_ids(tmp_path: Path) -> None:
    old = MINIMAL + "data_categories:\n  - id: work-email\n    term: email-address\n  - id: home-email\n    term: email-address\n"
    new = old + "    description: Personal address\n"
    [change] = diff(tmp_path, old, new)
    assert change["item"] == "data category email-address (home-email)"
