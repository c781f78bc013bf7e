"""Rendering: the privacy label and the details, in Markdown and self-contained HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import privacymodel as pm
from tests.conftest import EXAMPLES, MINIMAL, ROOT
from tests.helpers import invoke

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Checker(HTMLParser):
    """Collects tags and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def parse_html(text: str) -> _Checker:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_cookie_is_in_the_cookie_table(example: Path) -> None:
    policy = pm.load(example)
    markdown = pm.render(policy, "md")
    table = markdown.split("### Cookies and trackers")[1].split("###")[0]
    for cookie in policy.cookies or ():
        if cookie.name:
            assert f"| `{cookie.name}` |" in table
        elif cookie.name_prefix:
            assert f"| `{cookie.name_prefix}…` |" in table
    assert table.count("\n| ") - 1 == len(policy.cookies or ())  # a row each, plus the header
    page = pm.render(policy, "html")
    for cookie in policy.cookies or ():
        if cookie.name:
            assert f"<code>{cookie.name}</code>" in page


def label_of(example: str) -> dict[str, str]:
    """The privacy label of an example's Markdown rendering, question to answer."""
    markdown = pm.render(pm.load(ROOT / "examples" / example), "md")
    return dict(re.findall(r"^\| \*\*(.+?)\*\* \| (.*) \|$", markdown, re.MULTILINE))


def test_silence_is_shown_as_not_stated() -> None:
    label = label_of("customertimes-software-2022.yaml")
    assert label["How to reach them"] == "not stated"
    assert label["Minimum age"] == "not stated"
    assert label["Is Do Not Track honoured"] == "not stated"
    assert label["Who receives it"] == "Google Analytics"


def test_stated_denials_are_shown_as_such() -> None:
    label = label_of("customer360-2014.yaml")
    assert label["Is it sold"] == "no"
    assert label["Is Do Not Track honoured"] == "no"
    assert label["Minimum age"] == "13"
    assert label["Where it goes"] == "US (safe harbor, consent)"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_html_is_well_formed_self_contained_and_accessible(example: Path) -> None:
    page = pm.render(pm.load(example), "html")
    checker = parse_html(page)
    assert checker.errors == []
    assert checker.stack == []
    tags = [tag for tag, _ in checker.tags]
    assert "script" not in tags
    assert "link" not in tags
    assert "img" not in tags
    assert not any(name in attrs for _, attrs in checker.tags for name in ("src", "href"))
    assert "url(" not in page
    assert "@import" not in page
    assert tags.count("h1") == 1
    assert 'scope="col"' in page
    assert 'scope="row"' in page
    assert '<html lang="en">' in page


def test_values_are_escaped() -> None:
    text = MINIMAL.replace("Example policy", "<script>alert(1)</script> | *bold*")
    page = pm.render(pm.loads(text), "html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    markdown = pm.render(pm.loads(text), "md")
    assert "\\<script\\>" in markdown
    assert "\\| \\*bold\\*" in markdown


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        pm.render(pm.loads(MINIMAL), "pdf")  # type: ignore[arg-type]


def test_command_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    result = invoke("render", "--format", "html", "--out", str(out), "examples/customers-ai-2023.yaml")
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = invoke("render", "-", stdin=b"privacymodel: 1.0.0\n")
    assert bad.returncode == 1
    assert "PM102" in bad.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (see the README to install it)")
def test_html_renders_in_chromium(tmp_path: Path) -> None:
    """Headless Chromium opens the page and takes a screenshot at phone width."""
    assert CHROMIUM is not None
    page = tmp_path / "summary.html"
    page.write_text(pm.render(pm.load(ROOT / "examples" / "customertimes-2020.yaml"), "html"), encoding="utf-8")
    shot = tmp_path / "summary.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--no-first-run", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=390,2400", page.as_uri()],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
