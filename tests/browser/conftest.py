"""A headless Chromium driven by Playwright, and the axe-core accessibility checker to run in it.

Every test here is skipped, with the reason, where Chromium (``/usr/bin/chromium``, or the path in
``PRIVACYMODEL_CHROMIUM``), Playwright (``pip install -e '.[browser]'``) or axe-core (``npm ci --prefix
tests/browser``) is missing. Playwright drives the system's Chromium: no browser is downloaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SIZES = {"phone": (360, 740), "desktop": (1280, 900)}


def _chromium() -> Path | None:
    named = os.environ.get("PRIVACYMODEL_CHROMIUM")
    candidates = [named] if named else ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    executable = _chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; or set PRIVACYMODEL_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[browser]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe() -> str:
    """The source of axe-core, to add to a page."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm ci --prefix tests/browser)")
    return AXE.read_text(encoding="utf-8")


def open_page(browser: Any, html: str, size: str) -> Any:
    """A new page of ``size`` ('phone' or 'desktop') showing ``html``, which may fetch nothing."""
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.set_content(html, wait_until="load")
    assert [url for url in fetched if not url.startswith(("about:", "data:"))] == []
    return page
