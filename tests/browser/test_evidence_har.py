"""A real visit: headless Chromium records a HAR of a small site on 127.0.0.1 whose page loads a pixel and an advert
from third parties on 127.0.0.2, and the shop's policy, which declares some of it, is checked against the HAR.

Skipped, with the reason, where Chromium or Playwright is missing; the HAR committed in ``tests/formats/data/evidence``
was recorded this way (``python -m tests.browser.evidence_site``), so the findings are tested everywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import privacymodel as pm
from tests.browser.conftest import FLAGS, _chromium
from tests.browser.evidence_site import FIXTURE
from tests.formats.evidence_helpers import SHOP_POLICY


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HAR of a visit to the site, recorded now."""
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; or set PRIVACYMODEL_CHROMIUM)")
    pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[browser]')")
    from tests.browser.evidence_site import record

    har = tmp_path_factory.mktemp("visit") / "visit.har"
    record(chromium, har, FLAGS)
    return har


def _findings(har: Path) -> list[tuple[str, str]]:
    """The findings, by code: the images load side by side, so the order of their entries may differ."""
    return sorted((p.code, p.message) for p in pm.evidence(pm.load(SHOP_POLICY), [har]))


def test_a_recorded_visit_shows_what_the_policy_leaves_out(recorded: Path) -> None:
    assert _findings(recorded) == [
        ("PM511", "undeclared first-party cookie '_fbp' (Facebook, marketing) sent to site.test"),
        ("PM511", "undeclared third-party cookie 'IDE' set by ads.test"),
        ("PM512", "cookie 'uid' is declared first-party ($.cookies[2]) but is set by tracker.test, another site than site.test"),
        ("PM513", "cookie 'prefs' set by site.test lasts 365 days; the policy declares P30D, at most 30 days ($.cookies[1])"),
        ("PM514", "third-party host ads.test is contacted but no recipient's domains cover it"),
        ("PM515", "cookie '_ga' is declared but no capture shows it"),
    ]


def test_the_committed_capture_is_such_a_recording(recorded: Path) -> None:
    assert _findings(FIXTURE) == _findings(recorded)
    fresh, committed = (json.loads(path.read_text(encoding="utf-8"))["log"] for path in (recorded, FIXTURE))
    assert fresh["creator"]["name"] == committed["creator"]["name"] == "Playwright"
    urls = [sorted(_without_port(e["request"]["url"]) for e in log["entries"]) for log in (fresh, committed)]
    assert (
        urls[0]
        == urls[1]
        == [
            "http://ads.test/ad.gif",
            "http://site.test/",
            "http://site.test/app.js",
            "http://site.test/ping",
            "http://tracker.test/pixel.gif",
        ]
    )


def _without_port(url: str) -> str:
    scheme, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    return f"{scheme}://{host.split(':')[0]}/{path}"
