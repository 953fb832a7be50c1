"""A sign-in page for the secrets test, served on 127.0.0.1: the secret goes into a text field and
a password field at fixed places (so a screenshot's pixels there can be read), then in a form body."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.browsing import serve

# Where the text field is drawn, in CSS pixels of the window: (left, top, width, height).
NICKNAME_BOX = (20, 120, 320, 44)

FORM = (
    "<h1>Sign in</h1><form method='post' action='/signed'>"
    f"<label for='nick'>Nickname</label><input id='nick' name='nick' style='position:absolute; "
    f"left:{NICKNAME_BOX[0]}px; top:{NICKNAME_BOX[1]}px; width:{NICKNAME_BOX[2]}px; height:{NICKNAME_BOX[3]}px; "
    "box-sizing:border-box; font-size:24px; background:#fff; color:#222; border:1px solid #888'>"
    "<div style='position:absolute; top:200px; left:20px'><label for='pw'>Password</label>"
    "<input id='pw' name='pw' type='password'> <button>Sign in</button></div></form>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, html: str) -> None:
        data = f"<!doctype html><html lang='en'><head><title>Secrets</title></head><body>{html}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._send(FORM if self.path == "/" else "<h1>Help</h1><p>Search the help.</p>")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._send("<h1>Welcome</h1><p>You are signed in.</p>")


@contextmanager
def secret_site() -> Iterator[str]:
    with serve(Handler) as url:
        yield url
