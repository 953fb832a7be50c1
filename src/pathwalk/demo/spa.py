"""The gift finder as a single-page app: one document at /app/, routes changed by script.

The server sends the same shell for every /app/ path (so a route can be reloaded or linked
to); static/gift-finder.js draws each route's fields, moves between routes with
history.pushState, draws "Their email" inside an open shadow DOM web component and shows the
gift card as a form in an iframe (/app/card), which tells the app when it has been sent.
"""

from __future__ import annotations

import json
from html import escape

from pathwalk.demo.catalog import PRODUCTS, find_product
from pathwalk.demo.gift_finder import BUDGETS, CARD, START, choose_button
from pathwalk.demo.layout import Page, form


def _data() -> str:
    """What the script needs to draw the routes, as JSON that is safe inside a <script> element."""
    data = {
        "budgets": [{"value": value, "text": text} for value, text in BUDGETS],
        "products": [{"slug": p.slug, "name": p.name, "pence": p.price_pence, "choose": choose_button(p)}
                     for p in PRODUCTS],
        "start": [q.as_json() for q in START],
    }
    return json.dumps(data).replace("</", "<\\/")


def shell() -> Page:
    main = (
        '<div id="app"><p>Loading the gift finder…</p></div>\n'
        f'<script type="application/json" id="gift-data">{_data()}</script>'
    )
    # The app keeps the room its tallest view needs, so the footer never jumps as views change.
    head = "<style>#app{min-height:30rem}</style>\n"
    return Page("Find a gift", main, head=head, script='<script src="/static/gift-finder.js"></script>\n')


def card(product_slug: str) -> Page:
    """The gift card form shown in the app's iframe (bare: it is part of the app's page)."""
    product = find_product(product_slug)
    heading = f"A card to go with the {product.name}" if product else "A card to go with your gift"
    fields = [q.html() for q in CARD]
    main = f"<h2>{escape(heading)}</h2>\n{form('/app/card', fields, 'Send the gift')}"
    return Page("Gift card", main, bare=True)


def card_sent() -> Page:
    """After the card form is sent, tell the app (same origin) so it can move to its last route."""
    script = '<script>parent.postMessage({gift: "sent"}, location.origin);</script>\n'
    return Page("Gift card sent", "<p>Your card has been sent.</p>", bare=True, script=script)

