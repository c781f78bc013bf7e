"""``privacymodel audit`` and ``privacymodel diff`` run in process: reports, exit statuses, files that cannot be used."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from privacymodel.cli import audit
from tests.helpers import invoke

OLD = "examples/customertimes-2020.yaml"
NEW = "examples/customertimes-software-2022.yaml"


def test_audit_reports_each_file_and_fails_on_missing_items(tmp_path: Path) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("privacymodel: 1.0.0\n", encoding="utf-8")
    result = invoke("audit", "--law", "ccpa", OLD, str(invalid))
    assert result.returncode == 1
    first, second = result.stdout.split("\n\n")
    assert first.startswith(f"{OLD} (CCPA)\n")
    assert second.startswith(f"{invalid} (CCPA)\n  cannot audit: {invalid}:1:1: PM102 ")


def test_audit_of_a_file_that_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(file: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(audit, "read_file", unreadable)
    result = invoke("audit", OLD)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == f"  cannot audit: {OLD}: PM001 cannot read the file: Permission denied"


def test_audit_fail_on_unclear() -> None:
    document = json.loads(invoke("audit", "--format", "json", "--law", "coppa", NEW).stdout)
    summary = document["files"][0]["summary"]
    assert list(summary) == ["missing", "unclear", "present", "not-applicable"]
    expected = 1 if summary["missing"] or summary["unclear"] else 0
    assert invoke("audit", "--law", "coppa", "--fail-on", "unclear", NEW).returncode == expected


def test_diff_exit_status_says_whether_the_policies_differ() -> None:
    same = invoke("diff", OLD, OLD)
    assert same.returncode == 0
    differ = invoke("diff", "--color", "always", OLD, NEW)
    assert differ.returncode == 1
    assert "\x1b[1mReduces what people are told or can do\x1b[0m" in differ.stdout
    document = json.loads(invoke("diff", "--format", "json", OLD, NEW).stdout)
    assert (document["old"], document["new"], document["same"]) == (OLD, NEW, False)
