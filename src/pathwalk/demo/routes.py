"""Which page the demo shop shows at which path (GET); the server does the HTTP around it.

Each route is a function of the visit: the visitor's session, the query string, and the two
loopback origins the shop answers on (its own, and its partner: the same server under its
other name, which a browser treats as another site: the chat service lives there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pathwalk.demo import campaigns, gift_finder, pages, spa, support, tastings
from pathwalk.demo.catalog import find_product
from pathwalk.demo.delivery_options import delivery_options
from pathwalk.demo.layout import Page
from pathwalk.demo.state import SessionView


@dataclass(frozen=True)
class Visit:
    session: SessionView
    origin: str  # e.g. "http://127.0.0.1:8123", as the browser addressed the shop
    partner: str  # e.g. "http://localhost:8123": another origin to the browser, the same server
    query: dict[str, str] = field(default_factory=dict)


def partner_of(host: str, port: int) -> str:
    """The shop's other loopback name: 127.0.0.1 and localhost are different origins to a browser."""
    other = "127.0.0.1" if host == "localhost" else "localhost"
    return f"http://{other}:{port}"


_ROUTES: dict[str, Callable[[Visit], Page]] = {
    "/": lambda v: pages.home(v.session),
    "/products": lambda v: pages.product_list(),
    "/basket": lambda v: pages.basket(v.session),
    "/signup": lambda v: pages.signup(),
    "/checkout/details": lambda v: pages.checkout_details(),
    "/checkout/delivery": lambda v: pages.checkout_delivery(),
    "/checkout/payment": lambda v: pages.checkout_payment(),
    "/checkout/options": lambda v: delivery_options(),
    "/checkout/confirmation": lambda v: pages.confirmation(v.session),
    "/express": lambda v: pages.express(),
    "/wishlist": lambda v: pages.something_went_wrong(),
    "/about": lambda v: pages.about(),
    "/help": lambda v: support.help_index(),
    "/help/delivery": lambda v: support.help_delivery(),
    "/help/returns": lambda v: support.help_returns(),
    "/help/contact": lambda v: support.help_contact(),
    "/help/talk": lambda v: support.talk_to_us(v.partner + "/chat"),
    "/chat": lambda v: support.chat(v.partner),
    "/help/wholesale": lambda v: support.wholesale(),
    "/orders/track": lambda v: support.track_order(v.partner + "/courier"),
    "/courier": lambda v: support.courier(),
    "/collections/autumn": lambda v: campaigns.autumn_collection(),
    "/tea-club": lambda v: campaigns.tea_club(),
    "/tea-club/welcome": lambda v: campaigns.tea_club_welcome(),
    "/tastings": lambda v: tastings.tastings(),
    "/tastings/book": lambda v: tastings.book_tasting(),
    "/tastings/booked": lambda v: tastings.booked(v.session.tasting),
    "/gifts/": lambda v: gift_finder.simple_start(),
    "/gifts/ideas": lambda v: gift_finder.simple_ideas(dict(v.session.gift)),
    "/gifts/send": lambda v: gift_finder.simple_send(dict(v.session.gift)),
    "/gifts/done": lambda v: gift_finder.simple_done(dict(v.session.gift)),
    "/app/card": lambda v: spa.card(v.query.get("product", "")),
    "/app/card/sent": lambda v: spa.card_sent(),
}


def page_for(path: str, visit: Visit) -> Page | None:
    """The page at this path, or None (the server answers 404)."""
    if path in _ROUTES:
        return _ROUTES[path](visit)
    if path.startswith("/products/"):
        product = find_product(path.removeprefix("/products/"))
        return pages.product_detail(product) if product else None
    if path == "/app" or path.startswith("/app/"):
        return spa.shell()  # every route of the single-page app is the same document
    return None
