"""Captures and policies built in the evidence tests: HAR entries, policies declaring cookies and recipients."""

from __future__ import annotations

import json
from typing import Any, Final

import privacymodel as pm
from privacymodel.formats.evidence import Capture, read_capture
from tests.conftest import ROOT

DATA: Final = ROOT / "tests" / "formats" / "data" / "evidence"
SHOP_HAR: Final = DATA / "shop.har"
SHOP_POLICY: Final = DATA / "shop.yaml"
WEC: Final = DATA / "inspection.json"
DATE: Final = "Sun, 22 Nov 2026 12:00:00 GMT"
STARTED: Final = "2026-11-22T12:00:00.000Z"


def entry(
    url: str,
    *,
    set_cookies: tuple[str, ...] = (),
    sent: tuple[str, ...] = (),
    date: str | None = DATE,
    page: str = "page_1",
    **extra: Any,
) -> dict[str, Any]:
    """A HAR entry for a GET of ``url`` whose response sets ``set_cookies`` (Set-Cookie values) and whose request
    sends ``sent`` (cookie names)."""
    headers = [{"name": "Set-Cookie", "value": value} for value in set_cookies]
    if date is not None:
        headers.insert(0, {"name": "Date", "value": date})
    return {
        "pageref": page,
        "startedDateTime": STARTED,
        "time": 1.5,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [{"name": name, "value": "v"} for name in sent],
            "headers": [],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers,
            "content": {"size": 0, "mimeType": "text/html"},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": 0,
        },
        "cache": {},
        "timings": {"send": 0, "wait": 1, "receive": 0.5},
    } | extra


def har(*entries: dict[str, Any], version: str = "1.2") -> dict[str, Any]:
    """A HAR document of one page holding ``entries``."""
    page = {"startedDateTime": STARTED, "id": "page_1", "title": "Shop", "pageTimings": {}}
    return {"log": {"version": version, "creator": {"name": "test", "version": "1"}, "pages": [page], "entries": list(entries)}}


def capture(document: dict[str, Any] | str, file: str = "visit.har") -> Capture:
    """``document`` (data, written as indented JSON, or text) read as a capture named ``file``."""
    text = document if isinstance(document, str) else json.dumps(document, indent=2)
    return read_capture(text, file=file)


def policy(*, cookies: list[dict[str, Any]] | None = None, domains: list[str] | None = None) -> pm.PrivacyPolicy:
    """A policy declaring ``cookies``, and a recipient whose trackers use ``domains``."""
    data: dict[str, Any] = {
        "privacymodel": "1.1.0",
        "document": {"title": "Shop"},
        "controllers": [{"id": "shop", "name": "Shop Ltd"}],
    }
    if domains:
        data["recipients"] = [{"id": "partner", "name": "Partner", "kind": "advertising-network", "domains": domains}]
    if cookies:
        data["cookies"] = cookies
    return pm.structure(data)


def codes(problems: list[pm.Problem]) -> list[str]:
    """The codes of ``problems``, in order."""
    return [problem.code for problem in problems]
