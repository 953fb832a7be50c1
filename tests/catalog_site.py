"""A small site with every kind of control the step catalog acts on, served on 127.0.0.1.

The demo shop is a shop; this site exists so each built-in step (dropdowns, radios, uploads,
keys, field errors, ambiguous buttons, personas' locale and viewport) has something real to do.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from email.parser import BytesParser
from email.policy import HTTP
from html import escape
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.browsing import serve

NAV = '<nav aria-label="Main"><a href="/">Home</a> <a href="/form">Form</a> <a href="/second">Second</a></nav>'

FORM = """
<form method="post" action="/form" enctype="multipart/form-data" aria-label="Order">
  <label for="name">Name</label><input id="name" name="name">
  <label for="email">Email</label><input id="email" name="email" type="email" required>
  <label for="speed">Delivery speed</label>
  <select id="speed" name="speed"><option>Standard</option><option>Express</option></select>
  <fieldset><legend>Is this a gift?</legend>
    <input type="radio" id="gy" name="gift" value="Yes"><label for="gy">Yes</label>
    <input type="radio" id="gn" name="gift" value="No"><label for="gn">No</label></fieldset>
  <fieldset><legend>Wrapping</legend>
    <input type="radio" id="wg" name="wrap" value="Gift wrap"><label for="wg">Gift wrap</label>
    <input type="radio" id="wp" name="wrap" value="Plain"><label for="wp">Plain</label></fieldset>
  <input type="checkbox" id="offers" name="offers" value="yes"><label for="offers">Send me offers</label>
  <label for="receipt">Receipt</label><input id="receipt" name="receipt" type="file">
  <button>Send</button>
</form>"""

AMBIGUOUS = """
<form aria-label="Delivery" action="/thanks"><button>Continue</button></form>
<form aria-label="Billing" action="/thanks"><button>Continue</button></form>"""

WHOAMI = """<p id="who"></p><script>
document.getElementById("who").textContent =
  `lang=${navigator.language} dark=${matchMedia("(prefers-color-scheme: dark)").matches} width=${innerWidth}`;
</script>"""

PAGES = {
    "/": ("Catalog test site", '<p>Search: <form action="/search"><label for="q">Search</label>'
                               '<input id="q" name="q"></form></p>'),
    "/form": ("Form", FORM),
    "/second": ("Second page", "<p>Nothing else here.</p>"),
    "/ambiguous": ("Two ways on", AMBIGUOUS),
    "/whoami": ("Who am I", WHOAMI),
    "/newsletter": ("Newsletter",
                    '<form action="/thanks"><input name="addr" type="email"><button>Join</button></form>'),
}


def page(title: str, body: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title></head>'
            f"<body>{NAV}<main><h1>{escape(title)}</h1>{body}</main></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/search":
            query = parse_qs(url.query).get("q", [""])[0]
            self._send(200, page("Search", f"<p>Results for {escape(query)}</p>"))
        elif url.path == "/thanks":
            fields = parse_qs(url.query)
            shown = " ".join(f"{k}={escape(v[0])}" for k, v in sorted(fields.items()))
            self._send(200, page("Thanks", f"<p>{shown or 'received'}</p>"))
        elif url.path in PAGES:
            self._send(200, page(*PAGES[url.path]))
        else:
            self._send(404, page("Page not found", "<p>Nothing here.</p>"))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        head = f"Content-Type: {self.headers.get('Content-Type')}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.rfile.read(length))
        fields = []
        for part in message.iter_parts():
            name, filename = part.get_param("name", header="content-disposition"), part.get_filename()
            value = filename or part.get_content()
            if value:
                fields.append((str(name), str(value)))
        self._send(303, location=f"/thanks?{urlencode(fields)}")


def catalog_site() -> AbstractContextManager[str]:
    return serve(Handler)
