"""A small website and its third parties, served on this machine, and a HAR of a visit recorded by headless Chromium.

``site.test`` (127.0.0.1) sets a session cookie ``sid`` and a year-long ``prefs``, runs a script that sets ``_fbp``
(as the Meta pixel's script does) and sends it back, and shows two images: a pixel from ``tracker.test`` and an
advert from ``ads.test`` (both 127.0.0.2, another address as another site would be), which set ``uid`` and ``IDE``.
Chromium maps the three names to those addresses itself (``--host-resolver-rules``), so nothing is looked up.

``python -m tests.browser.evidence_site`` records a visit again into ``tests/formats/data/evidence/shop.har``,
indented, as the tests read it everywhere.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final

from tests.conftest import ROOT

FIXTURE: Final = ROOT / "tests" / "formats" / "data" / "evidence" / "shop.har"
SITE: Final = "site.test"
HOSTS: Final = {SITE: "127.0.0.1", "tracker.test": "127.0.0.2", "ads.test": "127.0.0.2"}
GIF: Final = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
DAY: Final = 86400


def _free_port(address: str) -> int:
    with socket.socket() as probe:
        probe.bind((address, 0))
        port: int = probe.getsockname()[1]
        return port


class _Handler(BaseHTTPRequestHandler):
    """Answers for every host; the ``Host`` header says which site is asked."""

    third_port = 0

    def log_message(self, format: str, *args: Any) -> None:
        """Serve quietly."""

    def _send(self, status: int, kind: str, body: bytes, cookies: list[str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for cookie in cookies:
            self.send_header("Set-Cookie", cookie)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        port = self.third_port
        if host == SITE and self.path == "/":
            page = (
                "<!DOCTYPE html><html lang=en><head><title>Shop</title><script src=/app.js></script></head>"
                f'<body><h1>Shop</h1><img alt="" src="http://tracker.test:{port}/pixel.gif">'
                f'<img alt="advert" src="http://ads.test:{port}/ad.gif"></body></html>'
            )
            cookies = ["sid=s-1f2e; Path=/; HttpOnly", f"prefs=dark; Max-Age={365 * DAY}; Path=/"]
            self._send(200, "text/html; charset=utf-8", page.encode(), cookies)
        elif host == SITE and self.path == "/app.js":
            script = f'document.cookie = "_fbp=fb.1.1700000000.42; max-age={90 * DAY}; path=/"; fetch("/ping");'
            self._send(200, "text/javascript", script.encode(), [])
        elif host == SITE:
            self._send(204, "text/plain", b"", [])
        elif host == "tracker.test":
            self._send(200, "image/gif", GIF, [f"uid=u-42; Max-Age={180 * DAY}; Path=/"])
        else:
            self._send(200, "image/gif", GIF, [f"IDE=ad-7; Max-Age={730 * DAY}; Path=/"])


@contextlib.contextmanager
def served() -> Iterator[tuple[int, int]]:
    """The site on 127.0.0.1 and the third parties on 127.0.0.2, each on a free port, in threads: the two ports."""
    ports = (_free_port("127.0.0.1"), _free_port("127.0.0.2"))
    handler = type("Handler", (_Handler,), {"third_port": ports[1]})
    servers = [
        ThreadingHTTPServer((address, port), handler) for address, port in zip(("127.0.0.1", "127.0.0.2"), ports, strict=True)
    ]
    threads = [threading.Thread(target=server.serve_forever, daemon=True) for server in servers]
    for thread in threads:
        thread.start()
    try:
        yield ports
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def record(chromium: Path, har: Path, flags: list[str]) -> None:
    """Visit the site with headless ``chromium`` driven by Playwright and record the visit as a HAR at ``har``."""
    from playwright.sync_api import sync_playwright

    rules = ", ".join(f"MAP {name} {address}" for name, address in HOSTS.items())
    with served() as (port, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=[*flags, "--no-proxy-server", f"--host-resolver-rules={rules}"]
        )
        try:
            context = browser.new_context(record_har_path=str(har))
            page = context.new_page()
            with page.expect_response(lambda response: response.url.endswith("/ping")):
                page.goto(f"http://{SITE}:{port}/", wait_until="load")
            context.close()  # writes the HAR
        finally:
            browser.close()


def main() -> int:
    """Record a visit into the fixture, indented."""
    from tests.browser.conftest import FLAGS, _chromium

    chromium = _chromium()
    if chromium is None:
        print("Chromium is not installed", file=sys.stderr)
        return 1
    raw = FIXTURE.with_suffix(".raw.har")
    record(chromium, raw, FLAGS)
    FIXTURE.write_text(json.dumps(json.loads(raw.read_text(encoding="utf-8")), indent=2) + "\n", encoding="utf-8")
    raw.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
