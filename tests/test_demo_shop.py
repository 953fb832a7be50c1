"""End-to-end tests of the bundled demo shop over real HTTP, using only urllib.

Each test gets its own cookie jar (a fresh visitor) against one shared shop.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import re
import socket
import struct
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import pytest

from pathwalk.demo import DemoShop, gift_finder
from pathwalk.demo import server as demo_server


@dataclass
class Reply:
    status: int
    headers: Message
    body: str
    url: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Surface 303s to the test instead of following them."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Visitor:
    """One browser-like client: a cookie jar plus GET/POST helpers."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self._follow = urllib.request.build_opener(cookies)
        self._stay = urllib.request.build_opener(cookies, _NoRedirect())

    def _open(self, request: urllib.request.Request, follow: bool) -> Reply:
        opener = self._follow if follow else self._stay
        try:
            with opener.open(request, timeout=10) as response:
                return Reply(response.status, response.headers, response.read().decode(), response.url)
        except urllib.error.HTTPError as error:
            with error:
                return Reply(error.code, error.headers, error.read().decode(), error.url)

    def get(self, path: str) -> Reply:
        return self._open(urllib.request.Request(self.base_url + path), follow=True)

    def post(self, path: str, data: dict[str, str], *, follow: bool = False) -> Reply:
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base_url + path, data=body), follow=follow)


def h1(body: str) -> str:
    headings = re.findall(r"<h1>(.*?)</h1>", body, re.S)
    assert len(headings) == 1, headings
    return str(headings[0])


def main_of(body: str) -> str:
    match = re.search(r"<main>(.*)</main>", body, re.S)
    assert match
    return match.group(1)


@pytest.fixture(scope="module")
def shop() -> Iterator[DemoShop]:
    with DemoShop(slow_seconds=0, hero_seconds=0) as running:
        yield running


@pytest.fixture
def visitor(shop: DemoShop) -> Visitor:
    return Visitor(shop.url)


def assert_redirect(reply: Reply, location: str) -> None:
    assert reply.status == 303
    assert reply.headers["Location"] == location


ADDRESS = {"street": "1 High Street", "city": "Leeds", "postcode": "LS1 1AA"}
CARD = {"card_number": "4111111111111111", "card_expiry": "12/30"}


def test_url_shape(shop: DemoShop) -> None:
    parts = urlsplit(shop.url)
    assert parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port
    assert not shop.url.endswith("/")


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Welcome to the Demo Shop"),
        ("/products", "Products"),
        ("/products/red-teapot", "Red teapot"),
        ("/basket", "Your basket"),
        ("/signup", "Create your account"),
        ("/checkout/details", "Checkout: your details"),
        ("/checkout/delivery", "Checkout: delivery"),
        ("/checkout/payment", "Checkout: payment"),
        ("/express", "Express checkout"),
        ("/help", "Help"),
        ("/help/delivery", "Delivery"),
        ("/help/returns", "Returns"),
        ("/help/contact", "Contact support"),
        ("/help/talk", "Talk to us"),
        ("/chat", "Chat with the Demo Shop"),
        ("/orders/track", "Where is my order?"),
        ("/help/wholesale", "Contact our wholesale team"),
        ("/courier", "Parcel tracking"),
        ("/about", "About us"),
        ("/checkout/options", "Delivery options"),
        ("/wishlist", "Something went wrong"),
        ("/collections/autumn", "The autumn collection"),
        ("/tea-club", "Join our tea club"),
        ("/tea-club/welcome", "Welcome to the tea club"),
        ("/tastings", "Tea tastings"),
        ("/tastings/book", "Book a tasting"),
        ("/tastings/booked", "You are booked in"),
        ("/gifts/", "Find a gift"),
        ("/gifts/ideas", "Find a gift"),  # no answers yet: the gift finder starts again
    ],
)
def test_pages_render(visitor: Visitor, path: str, heading: str) -> None:
    reply = visitor.get(path)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(reply.headers["Content-Length"]) == len(reply.body.encode())
    assert reply.body.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in reply.body
    assert h1(reply.body) == heading
    assert re.search(r"<title>.+ — Demo Shop</title>", reply.body)


@pytest.mark.parametrize("path", ["/gift-cards", "/products/purple-hat", "/nowhere"])
def test_unknown_paths_answer_the_404_page(visitor: Visitor, path: str) -> None:
    reply = visitor.get(path)
    assert reply.status == 404
    assert h1(reply.body) == "Page not found"
    assert "Sorry, we could not find that page." in reply.body
    assert '<a href="/">Back to the home page</a>' in reply.body
    assert '<nav aria-label="Main">' in reply.body


def test_standard_layout_links(visitor: Visitor) -> None:
    body = visitor.get("/").body
    for href, text in [("/", "Home"), ("/products", "Products"), ("/app/", "Gift finder"),
                       ("/tastings", "Tea tastings"), ("/basket", "Basket"), ("/help", "Help"),
                       ("/signup", "Sign up"), ("/help/returns", "Returns"), ("/gift-cards", "Gift cards"),
                       ("/wishlist", "Wish list"), ("/tea-club", "Tea club"),
                       ("/collections/autumn", "Autumn collection"), ("/gifts/", "Simple gift finder"),
                       ("/about", "About us")]:
        assert f'<a href="{href}">{text}</a>' in body
    for slug, name in [("blue-mug", "Blue mug"), ("red-teapot", "Red teapot"), ("green-scarf", "Green scarf")]:
        assert f'<a href="/products/{slug}">{name}</a>' in body
    assert "<footer>" in body


def test_session_cookie_is_set_once(visitor: Visitor) -> None:
    first = visitor.get("/")
    cookie = first.headers["Set-Cookie"]
    assert cookie.startswith("shop_session=")
    assert "HttpOnly" in cookie and "Path=/" in cookie and "SameSite=Lax" in cookie
    assert visitor.get("/products").headers["Set-Cookie"] is None
    assert [c.name for c in visitor.jar] == ["shop_session"]


def test_add_to_basket(visitor: Visitor) -> None:
    assert "Your basket is empty." in visitor.get("/basket").body
    assert_redirect(visitor.post("/basket/add", {"product": "blue-mug"}), "/basket")
    assert_redirect(visitor.post("/basket/add", {"product": "blue-mug"}), "/basket")
    body = visitor.get("/basket").body
    assert "Blue mug" in body and "£16.00" in body
    assert '<a href="/basket">Basket</a> <span>(2 items)</span>' in body
    assert '<button type="button">Apply coupon</button>' in body
    assert 'action="/checkout/details"' in body and 'action="/express"' in body
    assert 'action="/checkout/options"' in body and ">Choose delivery</button>" in body


def test_add_unknown_product_is_404(visitor: Visitor) -> None:
    assert visitor.post("/basket/add", {"product": "purple-hat"}).status == 404


def test_baskets_are_per_session(shop: DemoShop) -> None:
    alice, bob = Visitor(shop.url), Visitor(shop.url)
    alice.post("/basket/add", {"product": "green-scarf"})
    assert "Green scarf" in alice.get("/basket").body
    assert "Your basket is empty." in bob.get("/basket").body


def test_frictiony_checkout_flow(visitor: Visitor) -> None:
    visitor.post("/basket/add", {"product": "red-teapot"})
    details = {"full_name": "Ada Lovelace", "email": "ada@example.com"}
    assert_redirect(visitor.post("/checkout/details", details), "/checkout/delivery")
    assert_redirect(visitor.post("/checkout/delivery", ADDRESS), "/checkout/payment")
    payment_page = visitor.get("/checkout/payment").body
    assert 'name="billing_street"' in payment_page and "same as" not in payment_page.lower()
    billing = {"billing_street": "1 High Street", "billing_city": "Leeds", "billing_postcode": "LS1 1AA"}
    assert_redirect(visitor.post("/checkout/payment", {**CARD, **billing}), "/checkout/confirmation")
    confirmation = visitor.get("/checkout/confirmation")
    assert h1(confirmation.body) == "Thank you for your order"
    assert re.search(r"Your order number is DS-\d{6}\.", confirmation.body)
    assert '<a href="/products">Continue shopping</a>' in confirmation.body
    assert "Your basket is empty." in visitor.get("/basket").body


def test_checkout_by_following_redirects(visitor: Visitor) -> None:
    visitor.post("/basket/add", {"product": "blue-mug"})
    reply = visitor.post("/checkout/delivery", ADDRESS, follow=True)
    assert reply.status == 200 and reply.url.endswith("/checkout/payment")
    assert h1(reply.body) == "Checkout: payment"


def test_express_flow(visitor: Visitor) -> None:
    visitor.post("/basket/add", {"product": "green-scarf"})
    form = main_of(visitor.get("/express").body)
    assert form.count("<form") == 1
    names = re.findall(r'name="([a-z_]+)"', form)
    assert names == ["full_name", "email", "street", "city", "postcode", "card_number", "card_expiry"]
    data = {"full_name": "Ada Lovelace", "email": "ada@example.com", **ADDRESS, **CARD}
    assert_redirect(visitor.post("/express", data), "/checkout/confirmation")
    assert re.search(r"Your order number is DS-\d{6}\.", visitor.get("/checkout/confirmation").body)
    assert "Your basket is empty." in visitor.get("/basket").body


def test_order_numbers_increase(visitor: Visitor) -> None:
    visitor.post("/express", {})
    first = re.findall(r"DS-(\d{6})", visitor.get("/checkout/confirmation").body)
    visitor.post("/express", {})
    second = re.findall(r"DS-(\d{6})", visitor.get("/checkout/confirmation").body)
    assert int(second[0]) == int(first[0]) + 1


def test_signup_password_mismatch(visitor: Visitor) -> None:
    reply = visitor.post("/signup", {"name": "Ada", "email": "ada@example.com", "password": "one",
                                     "password_confirm": "two"})
    assert reply.status == 200
    assert '<p role="alert">Passwords do not match</p>' in reply.body
    assert 'value="Ada"' in reply.body and 'value="ada@example.com"' in reply.body
    assert h1(visitor.get("/").body) == "Welcome to the Demo Shop"


def test_signup_missing_field(visitor: Visitor) -> None:
    reply = visitor.post("/signup", {"name": "Ada", "email": "", "password": "x", "password_confirm": "x"})
    assert reply.status == 200
    assert '<p role="alert">Please fill in every field</p>' in reply.body


def test_signup_success_and_escaping(visitor: Visitor) -> None:
    name = '<script>alert("x")</script>'
    data = {"name": name, "email": "a@example.com", "password": "pw", "password_confirm": "pw"}
    assert_redirect(visitor.post("/signup", data), "/")
    body = visitor.get("/").body
    assert "<script>" not in body
    assert h1(body) == "Welcome, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_signup_error_escapes_values(visitor: Visitor) -> None:
    data = {"name": '"><script>', "email": "a@example.com", "password": "a", "password_confirm": "b"}
    body = visitor.post("/signup", data).body
    assert "<script>" not in body and 'value="&quot;&gt;&lt;script&gt;"' in body


def test_form_fields_are_labelled(visitor: Visitor) -> None:
    for path in ["/signup", "/checkout/details", "/checkout/delivery", "/checkout/payment", "/express"]:
        body = visitor.get(path).body
        ids = re.findall(r'<input type="(?!hidden)[a-z]+" id="([a-z_]+)"', body)
        assert ids, path
        for field_id in ids:
            assert f'<label for="{field_id}">' in body, (path, field_id)
        assert body.count(" required>") == len(ids), path


def test_returns_page_is_bare_with_one_link(visitor: Visitor) -> None:
    body = visitor.get("/help/returns").body
    assert body.count("<a ") == 1
    assert '<a href="/help/contact">Contact support</a>' in body
    assert "<nav" not in body and "<footer" not in body
    assert "<form" not in body and "<button" not in body


def test_contact_page_is_a_dead_end(visitor: Visitor) -> None:
    body = visitor.get("/help/contact").body
    assert "Our support team will get back to you." in body
    for tag in ("<a", "<form", "<button"):
        assert tag not in body


def test_post_to_unknown_path_is_404(visitor: Visitor) -> None:
    assert visitor.post("/gift-cards", {"x": "1"}).status == 404


def test_stop_refuses_connections_and_is_idempotent() -> None:
    shop = DemoShop(slow_seconds=0).start()
    port = urlsplit(shop.url).port
    assert port is not None
    assert Visitor(shop.url).get("/").status == 200
    shop.stop()
    shop.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    with pytest.raises(RuntimeError):
        _ = shop.url


def test_two_shops_run_at_once() -> None:
    with DemoShop(slow_seconds=0) as first, DemoShop(slow_seconds=0) as second:
        assert first.url != second.url
        assert Visitor(first.url).get("/").status == 200
        assert Visitor(second.url).get("/").status == 200


def test_start_twice_is_an_error() -> None:
    with DemoShop(slow_seconds=0) as shop, pytest.raises(RuntimeError):
        shop.start()


def test_serve_forever_stops_cleanly_on_keyboard_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    ports: list[int] = []

    def interrupted(self: demo_server._ShopServer, poll_interval: float = 0.5) -> None:
        ports.append(self.server_port)
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_server._ShopServer, "serve_forever", interrupted)
    shop = DemoShop(slow_seconds=0)
    shop.serve_forever()  # returns instead of propagating the interrupt
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", ports[0]), timeout=5).close()


def test_serve_forever_after_start_blocks_until_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    shop = DemoShop(slow_seconds=0).start()
    port = urlsplit(shop.url).port
    thread = shop._thread
    assert thread is not None
    real_join = thread.join

    def join(timeout: float | None = None) -> None:
        if timeout is not None:  # serve_forever's wait: simulate Ctrl-C arriving there
            raise KeyboardInterrupt
        real_join()  # stop()'s final join

    monkeypatch.setattr(thread, "join", join)
    shop.serve_forever()
    assert not thread.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port or 0), timeout=5).close()


# -- the pages added so every friction check has somewhere to find friction -----------------

FIELD_IDS = re.compile(r'<(?:input type="(?!hidden|radio)[a-z]+"|select|textarea) id="([a-z_]+)"')


@pytest.mark.parametrize("path", ["/tastings/book", "/gifts/", "/orders/track", "/app/card", "/chat", "/tea-club"])
def test_fields_of_the_new_forms_are_labelled_except_the_tea_clubs_email(visitor: Visitor, path: str) -> None:
    body = visitor.get(path).body
    ids = FIELD_IDS.findall(body)
    assert ids, path
    for field_id in ids:
        assert f'<label for="{field_id}">' in body, (path, field_id)
    if path == "/tea-club":  # the deliberate unlabelled field: no id, label, aria-label, placeholder or title
        [email] = re.findall(r"<input [^>]*name=\"email\"[^>]*>", body)
        assert not re.search(r"\b(id|aria-label|aria-labelledby|placeholder|title)=", email)


def test_green_scarf_photo_is_missing_and_its_reviews_are_dropped(visitor: Visitor) -> None:
    body = visitor.get("/products/green-scarf").body
    assert '<img src="/images/green-scarf.jpg"' in body and 'fetch("/api/reviews/green-scarf")' in body
    assert visitor.get("/images/green-scarf.jpg").status == 404
    with pytest.raises(http.client.RemoteDisconnected):  # the connection closes with no answer at all
        urllib.request.urlopen(visitor.base_url + "/api/reviews/green-scarf", timeout=10)
    for slug in ("blue-mug", "red-teapot"):  # the buying journeys' products stay clean
        assert "<img" not in visitor.get(f"/products/{slug}").body


def test_autumn_hero_is_a_big_png_without_a_size_and_arrives_late() -> None:
    with DemoShop(slow_seconds=0, hero_seconds=0.4) as slow:
        page = Visitor(slow.url).get("/collections/autumn").body
        assert re.search(r'<img src="/images/autumn-hero.png" alt="[^"]+">', page)  # no width or height
        started = time.monotonic()
        reply = urllib.request.urlopen(slow.url + "/images/autumn-hero.png", timeout=10)
        png = reply.read()
        assert time.monotonic() - started >= 0.4
    assert reply.headers["Content-Type"] == "image/png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 900)
    assert zlib.decompress(png[41:-12])[:4] == b"\x00\xb5\x4a\x1e"  # first row: filter 0, then rust red


def test_talk_to_us_hands_over_to_another_site_email_and_phone(visitor: Visitor) -> None:
    port = urlsplit(visitor.base_url).port
    body = visitor.get("/help/talk").body
    assert f'<a href="http://localhost:{port}/chat">Chat with us</a>' in body
    assert '<a href="mailto:hello@demo-shop.example">Email us</a>' in body
    assert '<a href="tel:+442079460000">Call us</a>' in body
    chat = Visitor(f"http://localhost:{port}").get("/chat")  # the partner origin: same server, other name
    assert chat.status == 200 and h1(chat.body) == "Chat with the Demo Shop"
    assert f'<a href="http://127.0.0.1:{port}/">Back to the Demo Shop</a>' in chat.body


def test_help_lists_tracking_talking_and_wholesale(visitor: Visitor) -> None:
    body = visitor.get("/help").body
    assert '<a href="/orders/track">Where is my order?</a>' in body and '<a href="/help/talk">Talk to us</a>' in body
    assert '<a href="/help/wholesale">Wholesale orders</a>' in body


def test_wholesale_says_contact_us_and_gives_no_way_to(visitor: Visitor) -> None:
    page = main_of(visitor.get("/help/wholesale").body)
    assert "contact" in h1(page).lower()
    for channel in ("<form", "<input", "mailto:", "tel:", "@"):
        assert channel not in page
    assert not re.search(r"\d{7}", re.sub(r"[\s().-]", "", page))  # no phone number either


def test_courier_link_opens_another_site_in_a_new_window(visitor: Visitor) -> None:
    port = urlsplit(visitor.base_url).port
    body = visitor.get("/orders/track").body
    assert (f'<a href="http://localhost:{port}/courier" target="_blank">Follow your parcel with our courier</a>'
            in body)
    assert h1(Visitor(f"http://localhost:{port}").get("/courier").body) == "Parcel tracking"


def test_track_my_order_button_runs_a_handler_that_throws(visitor: Visitor) -> None:
    body = visitor.get("/orders/track").body
    assert '<button type="button" id="track">Track my order</button>' in body
    assert "window.orderService.lookup(" in body and "orderService =" not in body


def test_wish_list_is_an_error_page_answering_200(visitor: Visitor) -> None:
    reply = visitor.get("/wishlist")
    assert reply.status == 200 and h1(reply.body) == "Something went wrong"
    assert '<nav aria-label="Main">' in reply.body  # ways forward exist: only its words say it failed


def test_delivery_options_pay_button_comes_after_the_terms_and_places_the_order(visitor: Visitor) -> None:
    form = main_of(visitor.get("/checkout/options").body)
    assert form.index("</ol>") < form.index(">Pay on delivery</button>")
    assert form.count("<li>") == 14
    assert re.search(r'id="speed-standard" name="speed" value="standard" checked', form)
    visitor.post("/basket/add", {"product": "red-teapot"})
    assert_redirect(visitor.post("/checkout/options", {"speed": "next-day"}), "/checkout/confirmation")
    assert re.search(r"Your order number is DS-\d{6}\.", visitor.get("/checkout/confirmation").body)


def test_tea_club_has_low_contrast_small_print_and_welcomes(visitor: Visitor) -> None:
    body = visitor.get("/tea-club").body
    assert ".small-print{color:#c4c4c4" in body and 'class="small-print"' in body
    assert_redirect(visitor.post("/tea-club", {"name": "Ada", "email": ""}), "/tea-club/welcome")


def test_booking_a_tasting_shows_the_date(visitor: Visitor) -> None:
    body = visitor.get("/tastings/book").body
    assert "<option>Saturday 14 June</option>" in body
    data = {"name": "Ada", "email": "ada@example.com", "date": "Saturday 14 June"}
    assert_redirect(visitor.post("/tastings/book", data), "/tastings/booked")
    assert "See you on Saturday 14 June." in visitor.get("/tastings/booked").body


def test_simple_gift_finder_asks_the_same_questions_as_the_app(visitor: Visitor) -> None:
    start = visitor.get("/gifts/").body
    assert FIELD_IDS.findall(start) == [q.name for q in gift_finder.START]
    answers = {"recipient": "Grace", "recipient_email": "grace@example.com", "sender": "Ada", "budget": "10"}
    assert_redirect(visitor.post("/gifts/", answers), "/gifts/ideas")
    ideas = visitor.get("/gifts/ideas").body
    assert h1(ideas) == "Gift ideas for Grace"
    assert re.findall(r">(Choose the [^<]+)</button>", ideas) == ["Choose the Blue mug"]  # only it is £10 or less
    assert_redirect(visitor.post("/gifts/choose", {"product": "blue-mug"}), "/gifts/send")
    send = visitor.get("/gifts/send").body
    assert h1(send) == "Send the Blue mug to Grace"
    assert FIELD_IDS.findall(send) == [q.name for q in gift_finder.CARD]
    assert_redirect(visitor.post("/gifts/send", {"message": "Happy birthday", "card_sender": "Ada"}), "/gifts/done")
    done = visitor.get("/gifts/done").body
    assert h1(done) == "Your gift is on its way"
    assert "The Blue mug will reach Grace within three working days." in done


@pytest.mark.parametrize("path", ["/app", "/app/", "/app/ideas", "/app/done"])
def test_every_app_route_is_the_same_shell(visitor: Visitor, path: str) -> None:
    body = visitor.get(path).body
    assert '<div id="app">' in body and '<script src="/static/gift-finder.js"></script>' in body
    data = json.loads(re.search(r'<script type="application/json" id="gift-data">(.*?)</script>', body, re.S)[1])
    assert data["start"] == [q.as_json() for q in gift_finder.START]
    assert [p["choose"] for p in data["products"]] == ["Choose the Blue mug", "Choose the Red teapot",
                                                         "Choose the Green scarf"]
    assert "<input" not in main_of(body)  # every field is drawn by the script


def test_app_script_and_gift_card_frame(visitor: Visitor) -> None:
    script = visitor.get("/static/gift-finder.js")
    assert script.status == 200 and script.headers["Content-Type"] == "text/javascript; charset=utf-8"
    for needle in ("history.pushState", "attachShadow({ mode: \"open\" })", "customElements.define", "<iframe"[1:]):
        assert needle in script.body, needle
    card = visitor.get("/app/card?product=blue-mug").body
    assert "A card to go with the Blue mug" in card and "<nav" not in card
    assert FIELD_IDS.findall(card) == [q.name for q in gift_finder.CARD]
    assert_redirect(visitor.post("/app/card", {"message": "Hi", "card_sender": "Ada"}), "/app/card/sent")
    assert 'parent.postMessage({gift: "sent"}, location.origin)' in visitor.get("/app/card/sent").body


def test_pages_ask_browsers_for_no_favicon(visitor: Visitor) -> None:
    assert '<link rel="icon" href="data:,">' in visitor.get("/").body
