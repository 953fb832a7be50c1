"""A loopback site with one page per pattern real sites use to name and show fields and controls.

Each page is a pattern met on real open-source apps (see docs/accuracy.md), never a copy of one:
what the HTML does and what a person perceives are in the comment beside it. tests/test_seeing.py
walks it and states the exact figures expected.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

HEADER = """<header><nav><a href="/">Home</a> <a href="/help">Help</a></nav>
<form action="/search" role="search"><input name="q" aria-label="Search the site"></form></header>"""


def html(title: str, body: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            "<style>.sr{position:absolute;opacity:0} .ghost{opacity:0} .box{display:inline-block;width:12px;"
            "height:12px;border:1px solid #333}</style></head>"
            f"<body>{HEADER}<main><h1>{title}</h1>{body}</main></body></html>").encode()


PAGES: dict[str, tuple[str, str]] = {
    # Labels ending in ":" or "*" and a submit input named by its value: the customer reads
    # "Username", "Password" and the button "Log in".
    "/login": ("Log in", """<form action="/welcome">
<label for="u">Username:</label> <input id="u" name="user">
<label for="p">Password *</label> <input id="p" name="pass" type="password">
<input type="submit" value="Log in"></form>"""),
    "/welcome": ("Welcome", "<p>Signed in.</p>"),
    # Names Chromium gives and pathwalk must take: an image-only label with a placeholder (named by
    # the placeholder), an empty label with a title (the title), a display:none label (no name at
    # all: unlabelled), a label with a "required" badge inside, a rich-text editor, a checkbox that
    # is a menu button, a hover-only control (transparent: not shown), a styled checkbox whose
    # native box is transparent but whose label draws one (shown), a page search "q" besides the
    # header's "q", two row checkboxes sharing a name, and two nameless boxes.
    "/fields": ("Your details", """
<input type="checkbox" role="button" aria-label="Menu">
<form action="/done" id="details">
<label for="city"><img src="/pin.png" alt=""></label> <input id="city" placeholder="City">
<label for="town"></label> <input id="town" name="town" title="Town or village">
<label for="nick" style="display:none">Nickname</label> <input id="nick" name="nick">
<label for="email">Email <i>required</i></label> <input id="email" name="email" type="email">
<div contenteditable="true" aria-label="Message"></div>
<input class="ghost" name="hover" aria-label="Quick note">
<input type="checkbox" id="terms" name="terms" class="sr"><label for="terms"><span class="box"></span> I agree</label>
<input type="checkbox" name="row" value="1" aria-label="Row 1">
<input type="checkbox" name="row" value="2" aria-label="Row 2">
<input type="checkbox" aria-label="Gift wrap"> <input type="checkbox" aria-label="Card">
<button>Send</button></form>
<form action="/search-here"><input name="q" aria-label="Search this list"></form>"""),
    "/done": ("Thank you", "<p>We have your details.</p>"),
    # Controls named only by what is inside them, or by a title with an access-key hint.
    "/links": ("Links", """<p><a href="/basket"><img src="/basket.png" alt="Basket"></a>
<a href="/edit" title="Edit this page [e]"><svg width="10" height="10" aria-hidden="true"></svg></a></p>"""),
    "/basket": ("Basket", '<p>Your basket is empty.</p><a href="/links">Back</a>'),
    "/edit": ("Edit", '<p>Editing.</p><a href="/links">Back</a>'),
    # A quantity box labelled by the product's heading, which also labels the product's article:
    # the customer types into the one box.
    "/tickets": ("Tickets", """<form action="/cart"><article aria-labelledby="t1"><h2 id="t1">Regular ticket</h2>
<input type="number" name="qty" aria-labelledby="t1" value="0"></article><button>Add to cart</button></form>"""),
    "/cart": ("Cart", "<p>In your cart.</p>"),
    # A stepper: "+" raises the quantity box by script (a property, no DOM change, no request);
    # a person sees the number go up.
    "/stepper": ("Stepper", """<form action="/cart"><label for="n">Student ticket</label>
<input type="number" id="n" name="n" value="0">
<button type="button" aria-label="+ Student ticket: Increase quantity"
 onclick="document.getElementById('n').value = Number(document.getElementById('n').value) + 1">+</button>
<button>Add to cart</button></form>"""),
    # A row added on the same view: its checkbox is shown on that view too.
    "/list": ("List", """<ul id="rows"><li><input type="checkbox" name="pick" aria-label="Pick 1"></li></ul>
<button type="button" onclick="document.getElementById('rows').insertAdjacentHTML('beforeend',
 '<li><input type=checkbox name=pick aria-label=&quot;Pick 2&quot;></li>')">Add a row</button>"""),
}


class Site(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path not in PAGES and path not in ("/", "/help", "/search", "/search-here"):
            self.send_response(204)  # images: none, quietly
            self.end_headers()
            return
        title, body = PAGES.get(path, ("Home", '<p><a href="/login">Log in</a></p>'))
        page = html(title, body)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)
