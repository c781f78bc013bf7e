"""The reporters on hand-made results: every line they print, colour, escaping, and the JSON documents' shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privacymodel.checks.audit import STATUSES, Finding, Status
from privacymodel.checks.diff import TOPICS, Change
from privacymodel.cli import reporters
from privacymodel.cli.reporters import (
    AUDIT_REPORTERS,
    DIFF_REPORTERS,
    REPORTERS,
    AuditResult,
    DiffResult,
    FileResult,
    safe,
    summary_counts,
)
from privacymodel.problems import Problem

ERROR = Problem(code="PM101", message="unknown key 'x'", path="$.x", file="a.yaml", line=3, column=5)
WARNING = Problem(code="PM301", message="looks odd", severity="warning", path="$.y", line=7, column=1)
UNPLACED = Problem(code="PM201", message="no position", path="$")

BAD = FileResult(file="a.yaml", problems=(ERROR,))
WARNED = FileResult(file="b.yaml", problems=(WARNING,))
CLEAN = FileResult(file="c.yaml", problems=())


def lines(results: list[FileResult], format_: str, *, color: bool = False, quiet: bool = False) -> list[str]:
    return list(REPORTERS[format_](results, color=color, quiet=quiet))


def test_safe_escapes_control_format_and_bidi_characters() -> None:
    assert safe("plain text, é ü → ok") == "plain text, é ü → ok"
    assert safe("\x1b[2J") == "\\x1b[2J"
    assert safe("a\nb\tc\x7f") == "a\\x0ab\\x09c\\x7f"
    assert safe("\u202eevil\u2066\ufeff\u200b") == "\\u202eevil\\u2066\\ufeff\\u200b"


def test_summary_counts() -> None:
    assert summary_counts([BAD, WARNED, CLEAN]) == {"files": 3, "valid": 2, "invalid": 1, "errors": 1, "warnings": 1}
    assert summary_counts([]) == {"files": 0, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0}
    assert not BAD.valid
    assert WARNED.valid


def test_text_prints_each_problem_then_a_summary() -> None:
    assert lines([BAD, WARNED], "text") == [
        "a.yaml:3:5: PM101 unknown key 'x' ($.x)",
        "b.yaml:7:1: PM301 warning: looks odd ($.y)",
        "2 files checked: 1 invalid, 1 valid (1 error, 1 warning)",
    ]


@pytest.mark.parametrize(
    ("results", "summary"),
    [
        ([CLEAN], "1 file checked: all valid (no errors)"),
        ([WARNED, WARNED], "2 files checked: all valid (2 warnings)"),
        ([BAD, BAD], "2 files checked: 2 invalid, 0 valid (2 errors)"),
    ],
)
def test_text_summary(results: list[FileResult], summary: str) -> None:
    assert lines(results, "text")[-1] == summary


def test_text_quiet_leaves_out_the_summary_and_colour_is_ansi() -> None:
    assert lines([CLEAN], "text", quiet=True) == []
    coloured = lines([BAD], "text", color=True)
    assert coloured[0] == "\x1b[1ma.yaml:3:5\x1b[0m: \x1b[31mPM101\x1b[0m unknown key 'x' \x1b[2m($.x)\x1b[0m"
    assert "\x1b[31m1 invalid\x1b[0m" in coloured[1]


def test_text_escapes_values_from_the_file() -> None:
    evil = FileResult(file="e\x1b.yaml", problems=(Problem(code="PM101", message="bad \x1b[2J", path="$.\n"),))
    assert lines([evil], "text", quiet=True) == ["e\\x1b.yaml: PM101 bad \\x1b[2J ($.\\x0a)"]


def test_json_document() -> None:
    text = "\n".join(lines([BAD, CLEAN], "json"))
    assert json.loads(text) == {
        "version": 1,
        "valid": False,
        "summary": {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0},
        "files": [
            {
                "file": "a.yaml",
                "valid": False,
                "problems": [
                    {"code": "PM101", "severity": "error", "message": "unknown key 'x'", "path": "$.x", "line": 3, "column": 5}
                ],
            },
            {"file": "c.yaml", "valid": True, "problems": []},
        ],
    }
    assert text.isascii()
    assert "\n".join(lines([BAD, CLEAN], "json", color=True, quiet=True)) == text  # neither applies to a document


def _whole_document(results: list[FileResult]) -> str:
    """The validation report as one ``json.dumps`` of the whole document, as it was built before it streamed."""
    return json.dumps(
        {
            "version": 1,
            "valid": all(r.valid for r in results),
            "summary": summary_counts(results),
            "files": [
                {
                    "file": r.file,
                    "valid": r.valid,
                    "problems": [
                        {
                            "code": p.code,
                            "severity": p.severity,
                            "message": p.message,
                            "path": p.path,
                            "line": p.line,
                            "column": p.column,
                        }
                        for p in r.problems
                    ],
                }
                for r in results
            ],
        },
        indent=2,
        ensure_ascii=True,
    )


@given(st.lists(st.sampled_from([BAD, WARNED, CLEAN, FileResult(file='é\n"x".yaml', problems=(ERROR, WARNING, UNPLACED))])))
def test_json_written_file_by_file_is_the_whole_document_byte_for_byte(results: list[FileResult]) -> None:
    assert "\n".join(lines(results, "json")) == _whole_document(results)


def test_json_reports_are_spooled_not_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the spool's size the entries go to a temporary file; the document is the same."""
    monkeypatch.setattr(reporters, "_SPOOL_BYTES", 100)
    results = [BAD, CLEAN] * 50
    assert "\n".join(lines(results, "json")) == _whole_document(results)


def test_json_never_holds_a_legacy_workflow_command() -> None:
    crafted = FileResult(file="##[add-mask]x.yaml", problems=(Problem(code="PM101", message="##[stop-commands]t", path="$"),))
    text = "\n".join(lines([crafted], "json"))
    assert "##[" not in text
    assert json.loads(text)["files"][0]["file"] == "##[add-mask]x.yaml"


def test_github_annotations_escape_what_could_start_a_command() -> None:
    crafted = Problem(code="PM101", message="100% x\n::error::forged", path="$", line=1)
    result = FileResult(file="dir,a:b.yaml", problems=(crafted, UNPLACED))
    assert lines([result], "github") == [
        "::error file=dir%2Ca%3Ab.yaml,line=1,title=PM101::PM101 100%25 x\\x0a%3A%3Aerror%3A%3Aforged ($)",
        "::error file=dir%2Ca%3Ab.yaml,title=PM201::PM201 no position ($)",
        "privacymodel: 1 file checked, 1 invalid, 2 errors, 0 warnings",
    ]
    assert lines([WARNED], "github")[0] == "::warning file=b.yaml,line=7,col=1,title=PM301::PM301 looks odd ($.y)"


def test_validation_reporters() -> None:
    assert sorted(REPORTERS) == ["github", "json", "text"]


# --- audit -------------------------------------------------------------------------


def finding(status: Status, item: str, evidence: tuple[str, ...] = ()) -> Finding:
    return Finding(
        law="gdpr", item=item, title=item.title(), article="Art. 13(1)(a)", status=status, message="says so", evidence=evidence
    )


FINDINGS = (
    finding("present", "controller", ("$.a", "$.b", "$.c", "$.d", "$.e")),
    finding("not-applicable", "dpo", ("$.dpo",)),
    finding("missing", "purposes"),
    finding("unclear", "retention", ("$.r",)),
)


def test_statuses_are_reported_in_the_order_that_matters() -> None:
    assert STATUSES == ("missing", "unclear", "referred", "present", "not-applicable")


def test_audit_text_lists_missing_first_and_counts() -> None:
    result = AuditResult(file="p.yaml", findings=FINDINGS)
    assert list(AUDIT_REPORTERS["text"]([result], color=False, law="gdpr")) == [
        "p.yaml (GDPR)",
        "  missing        Art. 13(1)(a)                  Purposes: says so",
        "  unclear        Art. 13(1)(a)                  Retention: says so",
        f"  {'':14} {'':30} $.r",
        "  present        Art. 13(1)(a)                  Controller: says so",
        f"  {'':14} {'':30} $.a, $.b, $.c, $.d ...",
        "  not-applicable Art. 13(1)(a)                  Dpo: says so",
        "  1 missing, 1 unclear, 0 referred, 1 present, 1 not-applicable",
    ]


def test_audit_text_reports_files_that_cannot_be_audited() -> None:
    results = [AuditResult(file="x.yaml", findings=(), problems=(ERROR,)), AuditResult(file="y.yaml", findings=())]
    assert list(AUDIT_REPORTERS["text"](results, color=True, law="ccpa")) == [
        "\x1b[1mx.yaml\x1b[0m (CCPA)",
        "  \x1b[31mcannot audit\x1b[0m: a.yaml:3:5: PM101 unknown key 'x'",
        "  0 missing, 0 unclear, 0 referred, 0 present, 0 not-applicable",
        "",
        "\x1b[1my.yaml\x1b[0m (CCPA)",
        "  0 missing, 0 unclear, 0 referred, 0 present, 0 not-applicable",
    ]


def test_audit_json_document() -> None:
    [text] = AUDIT_REPORTERS["json"](
        [AuditResult(file="p.yaml", findings=FINDINGS[:1], problems=(UNPLACED,))], color=False, law="gdpr"
    )
    document = json.loads(text)
    assert document["version"] == 1
    assert document["law"] == "gdpr"
    [entry] = document["files"]
    assert entry["problems"] == [{"code": "PM201", "message": "no position", "path": "$", "line": None, "column": None}]
    assert entry["findings"][0]["evidence"] == ["$.a", "$.b", "$.c", "$.d", "$.e"]
    assert list(entry["summary"].items()) == [
        ("missing", 0),
        ("unclear", 0),
        ("referred", 0),
        ("present", 1),
        ("not-applicable", 0),
    ]


# --- diff --------------------------------------------------------------------------


CHANGES = (
    Change(
        topic="rights",
        kind="removed",
        item="right erasure",
        path="$.rights[2]",
        old={"kind": "erasure"},
        reduces=True,
        reason="a right removed",
    ),
    Change(topic="document", kind="changed", item="document", path="$.document.title", old="Old", new="New"),
    Change(topic="retention", kind="added", item="retention email", path="$.retention[0].period", new="P" + "1" * 120 + "D"),
    Change(topic="recipients", kind="added", item="recipient Acme", path="$.recipients[0]", new={"name": "Acme"}),
)
DIFFERENT = DiffResult(old="old.yaml", new="new.yaml", changes=CHANGES, summary="4 changes, 1 reduces what people are told")


def test_diff_text_puts_reductions_first_then_every_change_by_topic() -> None:
    assert TOPICS.index("document") < TOPICS.index("recipients") < TOPICS.index("retention") < TOPICS.index("rights")
    assert list(DIFF_REPORTERS["text"](DIFFERENT, color=False)) == [
        "4 changes, 1 reduces what people are told",
        "",
        "Reduces what people are told or can do",
        "  - right erasure ($.rights[2]): a right removed",
        "",
        "document",
        "  ~ document: $.document.title: Old → New",
        "",
        "recipients",
        "  + recipient Acme ($.recipients[0])",
        "",
        "retention",
        "  + retention email: $.retention[0].period added: P" + "1" * 96 + "...",
        "",
        "rights",
        "  - right erasure ($.rights[2])",
    ]


def test_diff_text_of_the_same_policy_is_its_summary() -> None:
    same = DiffResult(old="a", new="a", changes=(), summary="no changes")
    assert list(DIFF_REPORTERS["text"](same, color=True)) == ["no changes"]


def test_diff_text_colours_signs() -> None:
    coloured = list(DIFF_REPORTERS["text"](DIFFERENT, color=True))
    assert "  \x1b[31m-\x1b[0m right erasure ($.rights[2])" in coloured
    assert "\x1b[1mdocument\x1b[0m" in coloured


def test_diff_json_document() -> None:
    [text] = DIFF_REPORTERS["json"](DIFFERENT, color=False)
    document = json.loads(text)
    assert text.isascii()
    assert {k: document[k] for k in ("version", "old", "new", "same", "summary")} == {
        "version": 1,
        "old": "old.yaml",
        "new": "new.yaml",
        "same": False,
        "summary": "4 changes, 1 reduces what people are told",
    }
    assert document["changes"][0] == {
        "topic": "rights",
        "kind": "removed",
        "item": "right erasure",
        "path": "$.rights[2]",
        "old": {"kind": "erasure"},
        "new": None,
        "reduces": True,
        "reason": "a right removed",
    }
    assert len(document["changes"]) == 4
