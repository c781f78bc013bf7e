"""``privacymodel audit`` run in process: the day judged on, ``--law all``, the reports, exit statuses, files that
cannot be audited."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from privacymodel.checks.audit import LAWS
from privacymodel.cli import audit
from tests.conftest import MINIMAL
from tests.helpers import invoke

OLD = "examples/customertimes-2020.yaml"
STATUS_ORDER = ["missing", "unclear", "referred", "present", "not-applicable"]


def policy(tmp_path: Path, text: str = "", name: str = "p.yaml", updated: str | None = "2024-01-01") -> Path:
    head = (
        MINIMAL.replace("  title: Example policy\n", f"  title: Example policy\n  last_updated: {updated}\n")
        if updated
        else MINIMAL
    )
    path = tmp_path / name
    path.write_text(head + text, encoding="utf-8")
    return path


def test_the_report_says_which_day_and_why(tmp_path: Path) -> None:
    path = policy(tmp_path)
    assert invoke("audit", str(path)).stdout.splitlines()[0] == (
        f"{path} (GDPR), as of 2024-01-01, the date the policy was last updated (document.last_updated)"
    )
    assert invoke("audit", "--as-of", "2014-10-01", str(path)).stdout.splitlines()[0] == (
        f"{path} (GDPR), as of 2014-10-01, the date asked for"
    )
    undated = policy(tmp_path, name="undated.yaml", updated=None)
    assert invoke("audit", str(undated)).stdout.splitlines()[0].endswith(", today, as the policy states no date")


def test_a_law_not_yet_in_force_passes(tmp_path: Path) -> None:
    result = invoke("audit", "--as-of", "2018-05-24", str(policy(tmp_path)))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "  0 missing, 0 unclear, 0 referred, 0 present, 23 not-applicable"
    assert "the GDPR applies from 2018-05-25 (Regulation (EU) 2016/679, Art. 99(2))" in result.stdout


@pytest.mark.parametrize("given", ["2014-13-01", "01/10/2014", "20141001", "yesterday", ""])
def test_a_malformed_date_is_a_usage_error(tmp_path: Path, given: str) -> None:
    result = invoke("audit", "--as-of", given, str(policy(tmp_path)))
    assert result.returncode == 2
    assert f"argument --as-of: not a date in the form YYYY-MM-DD: '{given}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_json_report_carries_the_day_and_the_law(tmp_path: Path) -> None:
    result = invoke("audit", "--format", "json", "--law", "ccpa", "--as-of", "2022-06-21", str(policy(tmp_path)))
    document = json.loads(result.stdout)
    assert (document["version"], document["law"]) == (1, "ccpa")
    [entry] = document["files"]
    assert entry["law"] == "ccpa"
    assert entry["as_of"] == {"date": "2022-06-21", "reason": "the date asked for"}
    assert entry["note"] is None
    assert entry["problems"] == []
    assert list(entry["summary"]) == STATUS_ORDER
    assert sum(entry["summary"].values()) == len(entry["findings"])
    assert set(entry["findings"][0]) == {"law", "item", "title", "article", "status", "message", "evidence"}
    correct = next(f for f in entry["findings"] if f["item"] == "right-correct")
    assert correct["status"] == "not-applicable"


def test_law_all_audits_each_law_the_policy_cites(tmp_path: Path) -> None:
    cites = policy(tmp_path, "laws:\n  - law: cpra\n  - law: gdpr\n", name="cites.yaml")
    silent = policy(tmp_path, name="silent.yaml")
    result = invoke("audit", "--law", "all", str(cites), str(silent))
    headers = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert [line.split(", as of")[0] for line in headers] == [f"{cites} (GDPR)", f"{cites} (CCPA)", f"{silent} (ALL)"]
    assert f"  the policy cites no law the audit covers; the audit covers {', '.join(LAWS)}: name one with --law" in result.stdout
    other = policy(tmp_path, "laws:\n  - law: swiss-fadp\n", name="other.yaml")
    assert (
        "  the policy cites no law the audit covers (it cites swiss-fadp); " in invoke("audit", "--law", "all", str(other)).stdout
    )
    document = json.loads(invoke("audit", "--law", "all", "--format", "json", str(cites), str(silent)).stdout)
    assert document["law"] == "all"
    assert [(entry["law"], bool(entry["findings"])) for entry in document["files"]] == [
        ("gdpr", True),
        ("ccpa", True),
        ("all", False),
    ]


def test_a_referred_item_does_not_fail(tmp_path: Path) -> None:
    text = (
        "data_categories:\n  - id: d\n    term: name\npurposes:\n  - id: p\n    term: marketing\n"
        "sale_of_data:\n  sold: false\n  shared: false\nrights:\n  - kind: know\n  - kind: delete\n"
        "  - kind: non-discrimination\nretention:\n  - id: r\n    period: P1Y\n"
        "laws:\n  - law: ccpa\n    separate_notice_url: https://acme.example/ccpa\n"
    )
    path = policy(tmp_path, text)
    result = invoke("audit", "--law", "ccpa", str(path))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "  0 missing, 0 unclear, 2 referred, 7 present, 2 not-applicable"
    assert "  referred       Cal. Civ. Code § 1798.106" in result.stdout


def test_reports_each_file_and_fails_on_missing_items(tmp_path: Path) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("privacymodel: 1.0.0\n", encoding="utf-8")
    result = invoke("audit", "--law", "ccpa", OLD, str(invalid))
    assert result.returncode == 1
    first, second = result.stdout.split("\n\n")
    assert first.startswith(f"{OLD} (CCPA), as of ")
    assert second.startswith(f"{invalid} (CCPA)\n  cannot audit: {invalid}:1:1: PM102 ")


def test_missing_items_come_first(tmp_path: Path) -> None:
    result = invoke("audit", str(policy(tmp_path)))
    assert result.returncode == 1
    statuses = [
        line.split()[0] for line in result.stdout.splitlines()[1:-1] if line.startswith("  ") and not line.startswith("   ")
    ]
    assert statuses == sorted(statuses, key=STATUS_ORDER.index)
    assert statuses[0] == "missing"


def test_a_file_that_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(file: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(audit, "read_file", unreadable)
    result = invoke("audit", OLD)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == f"  cannot audit: {OLD}: PM001 cannot read the file: Permission denied"


def test_a_broken_file_from_standard_input() -> None:
    result = invoke("audit", "-", stdin=b"privacymodel: 1.0.0\n")
    assert result.returncode == 1
    assert "cannot audit: <stdin>:1:1: PM102" in result.stdout


def test_fail_on_unclear(tmp_path: Path) -> None:
    general = policy(tmp_path, "children:\n  directed_at_children: false\n  knowingly_collects: false\n")
    assert invoke("audit", "--law", "coppa", str(general)).returncode == 0
    assert invoke("audit", "--law", "coppa", "--fail-on", "unclear", str(general)).returncode == 0
    silent = policy(tmp_path, "rights:\n  - kind: parental-review\n", name="silent.yaml")
    result = invoke("audit", "--law", "coppa", str(silent))
    assert result.returncode == 1  # the audience is not stated
    assert invoke("audit", "--law", "coppa", "--fail-on", "unclear", str(silent)).returncode == 1


def test_help_explains_the_day_and_the_exit_statuses() -> None:
    text = invoke("audit", "--help").stdout
    for words in (
        "--as-of YYYY-MM-DD",
        f"--law {{{','.join([*sorted(LAWS), 'all'])}}}",
        "last_updated, else",
        "referred",
        "exit status:",
    ):
        assert words in text
