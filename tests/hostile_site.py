"""A site that misbehaves in every way a real one can, served on 127.0.0.1 for pathwalk's tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.browsing import serve

RELEASE = threading.Event()  # set when the server stops, so the never-answering page lets go

PAGES = {
    "/": "<h1>Hostile</h1><a href='/next'>Next</a>",
    "/next": "<h1>Next</h1><a href='/'>Home</a>",
    "/dialogs": "<h1>Dialogs</h1><script>alert('Welcome!'); confirm('Accept cookies?');</script>"
                "<a href='/next'>Next</a>",
    "/popups": "<h1>Popups</h1><script>for (let i = 0; i < 20; i++) window.open('/next?' + i);</script>"
               "<a href='/next'>Next</a>",
    "/huge": "<h1>Huge</h1><script>const f = document.createDocumentFragment();"
             "for (let i = 0; i < 60000; i++) { const a = document.createElement('a'); a.href = '/next?' + i;"
             "a.textContent = 'item ' + i; f.appendChild(a); } document.body.appendChild(f);</script>"
             "<a href='/next'>Next</a>",
    # terminal escapes in the page's text: clear the screen, a hidden OSC 8 link, a bell, a C1 CSI
    "/escapes": "<h1>\x1b[2JEscapes \x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\\x07\x9b31m</h1>"
                "<script>console.error('\\x1b[2J\\x1b]8;;https://evil.example/\\x1b\\\\logged"
                "\\x1b]8;;\\x1b\\\\ \\x07');</script><a href='/next'>Next</a>",
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, html: str = "", headers: dict[str, str] | None = None) -> None:
        body = f"<!doctype html><html lang='en'><head><title>Hostile</title></head><body>{html}</body></html>"
        data = body.encode()
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(data)),
                            **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path.startswith("/broken"):
            self._send(500, "<h1>Internal error</h1>")
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/hang":
            RELEASE.wait()  # never answers while the test runs
        else:
            self._send(200, PAGES.get(path, PAGES["/next"]))


@contextmanager
def hostile_site() -> Iterator[str]:
    RELEASE.clear()
    with serve(Handler) as url:
        try:
            yield url
        finally:
            RELEASE.set()  # let the never-answering requests go before the server stops
