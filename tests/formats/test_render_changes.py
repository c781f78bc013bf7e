"""The change report: what changed between two versions for the people it affects, reductions first, old beside new."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import privacymodel as pm
from privacymodel.formats.render.changes import change_report
from privacymodel.strategies import policies
from tests.conftest import MINIMAL, ROOT
from tests.formats.test_render import parse_html
from tests.helpers import invoke

OLD = ROOT / "examples" / "customertimes-2020.yaml"
NEW = ROOT / "examples" / "customertimes-software-2022.yaml"


def report(old: str, new: str, format: str = "md") -> str:
    before, after = pm.loads(old), pm.loads(new)
    return change_report(before, after, pm.diff(before, after), format)  # type: ignore[arg-type]


def rows(markdown: str, section: str) -> list[list[str]]:
    """The body rows of the table under the ``## section`` heading, cell by cell."""
    part = markdown.split(f"## {section}\n")[1].split("\n## ", maxsplit=1)[0]
    lines = [line for line in part.splitlines() if line.startswith("| ")][1:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


SOLD = MINIMAL + "sale_of_data:\n  sold: false\n"
KEPT = MINIMAL + "retention:\n  - id: r\n    period: P90D\n"
RIGHT = MINIMAL + "rights:\n  - kind: erasure\n    law: gdpr\n"


def test_data_now_sold_comes_first_with_old_and_new_side_by_side() -> None:
    old = SOLD + "rights:\n  - kind: erasure\n    law: gdpr\n"
    new = SOLD.replace("sold: false", "sold: true") + "rights:\n  - kind: access\n"
    first = rows(report(old, new), "What may affect you most")
    assert first[0] == ["Your data is now sold", "no", "yes"]
    assert first[1] == ["You lose a right", "delete your data (GDPR)", "not in this version"]


def test_retention_longer_in_words() -> None:
    first = rows(report(KEPT, KEPT.replace("P90D", "P2Y")), "What may affect you most")
    assert first == [["Your data is kept longer: all data: how long it is kept", "90 days", "2 years"]]


def test_no_change_says_so() -> None:
    text = report(RIGHT, RIGHT)
    assert "The two versions say the same." in text
    assert "Nothing: no change takes anything from the people the policy covers." in text


def test_a_right_added_is_no_reduction() -> None:
    text = report(MINIMAL, RIGHT)
    assert "Nothing: no change takes anything" in text
    assert rows(text, "Your rights") == [["Right added", "not in this version", "delete your data (GDPR)"]]


def test_the_examples_report() -> None:
    before, after = pm.load(OLD), pm.load(NEW)
    text = change_report(before, after, pm.diff(before, after), "md")
    first = rows(text, "What may affect you most")
    assert first[0] == [
        "Something they said they do not do is no longer ruled out",
        (
            "not share name, physical address, email address, telephone number or personal data (kind not stated) with "
            "advertisers without your consent"
        ),
        "not in this version",
    ]
    assert [row[0] for row in first].index("You lose a right") > 0  # ranked after what is no longer ruled out
    assert ["You lose a place to complain", "supervisory authority", "not in this version"] in first
    assert ["Kind of person removed", "parent", "not in this version"] in rows(text, "Whose data")
    assert ["Law removed", "GDPR", "not in this version"] in rows(text, "Other statements")
    assert ["Document: last updated", "13 August 2020", "21 June 2022"] in rows(text, "The policy itself")
    assert "Tracker removed" in text
    assert "|  |" not in text  # every item removed or added is named
    page = change_report(before, after, pm.diff(before, after), "html")
    checker = parse_html(page)
    assert checker.errors == []
    assert checker.stack == []
    assert {tag for tag, _ in checker.tags}.isdisjoint({"script", "img", "link"})
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in checker.tags if tag == "th")


def test_values_are_escaped_in_the_report() -> None:
    hostile = MINIMAL.replace("Example policy", "<b>|*x*|</b>")
    text = report(MINIMAL, hostile)
    assert "\\<b\\>\\|\\*x\\*\\|\\</b\\>" in text
    page = report(MINIMAL, hostile, "html")
    assert "<b>" not in page
    assert "&lt;b&gt;|*x*|&lt;/b&gt;" in page


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        report(MINIMAL, MINIMAL, "pdf")


@pytest.mark.parametrize(("format", "start"), [("md", "# What changed: "), ("html", "<!DOCTYPE html>\n")])
def test_the_command_writes_the_report(format: str, start: str) -> None:
    differ = invoke("diff", "--format", format, str(OLD), str(NEW))
    assert differ.returncode == 1
    assert differ.stdout.startswith(start)
    assert "You lose a right" in differ.stdout
    same = invoke("diff", "--format", format, str(OLD), str(OLD))
    assert same.returncode == 0
    assert "The two versions say the same." in same.stdout


@settings(max_examples=30)
@given(policies(), policies())
def test_any_two_policies_make_a_report(old: pm.PrivacyPolicy, new: pm.PrivacyPolicy) -> None:
    changes = pm.diff(old, new)
    markdown = change_report(old, new, changes, "md")
    assert markdown.startswith("# What changed: ")
    assert markdown.count("\n## ") == 1 + len({c.topic for c in changes if not c.reduces})
    checker = parse_html(change_report(old, new, changes, "html"))
    assert checker.errors == []
    assert checker.stack == []
