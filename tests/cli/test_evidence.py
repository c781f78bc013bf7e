"""``privacymodel evidence``: exit statuses, the text, JSON and HTML reports, and located errors."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from tests.formats.evidence_helpers import SHOP_HAR, SHOP_POLICY, WEC, entry, har
from tests.helpers import invoke, run

DATA = SHOP_HAR.parent


def test_findings_are_printed_at_their_lines_and_the_exit_status_is_1() -> None:
    result = invoke("evidence", "shop.yaml", "shop.har", cwd=DATA)
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("shop.har:106:13: PM513 cookie 'prefs' set by site.test lasts 365 days")
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["PM513", "PM512", "PM514", "PM511", "PM511", "PM515"]
    assert lines[-2] == "shop.yaml:32:5: PM515 warning: cookie '_ga' is declared but no capture shows it ($.cookies[3])"
    assert lines[-1] == (
        "1 capture checked: 2 undeclared cookies, 1 cookie set by another party than declared, 1 cookie lasting longer "
        "than declared, 1 undeclared third-party host, 1 declared cookie not observed"
    )


def test_json_has_the_shape_validate_prints() -> None:
    result = invoke("evidence", "--format", "json", str(SHOP_POLICY), str(SHOP_HAR), str(WEC))
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["valid"] is False
    assert [entry["file"] for entry in document["files"]] == [str(SHOP_HAR), str(WEC), str(SHOP_POLICY)]
    assert document["summary"] == {"files": 3, "valid": 1, "invalid": 2, "errors": 10, "warnings": 1}
    first = document["files"][0]["problems"][0]
    assert first == {
        "code": "PM513",
        "severity": "error",
        "message": "cookie 'prefs' set by site.test lasts 365 days; the policy declares P30D, at most 30 days ($.cookies[1])",
        "path": "$.log.entries[0].response.headers[5]",
        "line": 106,
        "column": 13,
    }
    assert document["files"][2] == {
        "file": str(SHOP_POLICY),
        "valid": True,
        "problems": [
            {
                "code": "PM515",
                "severity": "warning",
                "message": "cookie '_ga' is declared but no capture shows it",
                "path": "$.cookies[3]",
                "line": 32,
                "column": 5,
            }
        ],
    }


def test_nothing_undeclared_exits_0(tmp_path: Path) -> None:
    capture = tmp_path / "visit.har"
    capture.write_text(json.dumps(har(entry("https://site.test/", set_cookies=("sid=1",)))), encoding="utf-8")
    result = invoke("evidence", str(SHOP_POLICY), str(capture))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "1 capture checked: 3 declared cookies not observed"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_page_with_every_finding_and_nothing_to_fetch(tmp_path: Path) -> None:
    hostile = tmp_path / "<b>visit.har"
    hostile.write_text(json.dumps(har(entry("https://site.test/", set_cookies=("<script>=1",)))), encoding="utf-8")
    result = invoke("evidence", "--format", "html", str(SHOP_POLICY), str(SHOP_HAR), str(hostile))
    assert result.returncode == 1
    page = _Page()
    page.feed(result.stdout)
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "b" not in page.tags
    text = "".join(page.text)
    assert "undeclared first-party cookie '_fbp' (Facebook, marketing) sent to site.test" in text
    assert "undeclared first-party cookie '<script>' set by site.test" in text
    assert page.tags.count("tr") == (1 + 5) + (1 + 1) + (1 + 1)  # per file: the head, then a row per finding


def test_a_capture_that_is_not_one_is_reported_at_its_place_and_the_rest_are_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.har"
    bad.write_text('{"log": {"version": "1.2",\n  "entries": [}', encoding="utf-8")
    other = tmp_path / "page.json"
    other.write_text('{"title": "x"}', encoding="utf-8")
    result = invoke("evidence", str(SHOP_POLICY), str(bad), str(other), str(SHOP_HAR))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:2:15: PM003 ")
    assert lines[1].startswith(f"{other}:1:1: PM501 not a capture")
    assert sum(line.startswith(str(SHOP_HAR)) for line in lines) == 5


def test_an_invalid_policy_is_reported_and_nothing_is_compared(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("privacymodel: 1.1.0\ndocument:\n  title: x\ncookies:\n  - nmae: a\n", encoding="utf-8")
    result = invoke("evidence", str(policy), str(SHOP_HAR))
    assert result.returncode == 1
    assert all(line.startswith(str(policy)) for line in result.stdout.splitlines()[:-1])
    assert result.stdout.splitlines()[-1] == "the policy is not valid: no capture was compared"
    assert "PM101" in result.stdout
    assert "shop.har" not in result.stdout


def test_the_policy_and_a_capture_may_come_from_standard_input() -> None:
    result = invoke("evidence", str(SHOP_POLICY), "-", stdin=SHOP_HAR.read_bytes())
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:106:13: PM513 ")
    assert invoke("evidence", "-", "-").returncode == 2


def test_usage_errors_exit_2() -> None:
    missing = invoke("evidence", str(SHOP_POLICY), "missing.har")
    assert missing.returncode == 2
    assert "no such file or directory: 'missing.har'" in missing.stderr
    assert invoke("evidence", str(SHOP_POLICY)).returncode == 2
    bad_site = invoke("evidence", "--site", "https://site.test/", str(SHOP_POLICY), str(SHOP_HAR))
    assert bad_site.returncode == 2
    assert "expected a host name" in bad_site.stderr


def test_the_site_can_be_given() -> None:
    result = invoke("evidence", "--site", "tracker.test", str(SHOP_POLICY), str(SHOP_HAR))
    assert "third-party host site.test is contacted" in result.stdout
    assert "cookie 'uid' is declared first-party" not in result.stdout  # tracker.test is now the site


def test_help_explains_the_findings_and_the_exit_statuses() -> None:
    result = run("evidence", "--help")
    assert result.returncode == 0
    for text in (
        "PM511",
        "PM512",
        "PM513",
        "PM514",
        "PM515",
        "exit status: 0 nothing undeclared",
        "--site HOST",
        "public-suffix",
    ):
        assert text in result.stdout, text
