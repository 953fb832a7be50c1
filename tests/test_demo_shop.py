"""End-to-end tests of the bundled demo shop over real HTTP, using only urllib.

Each test gets its own cookie jar (a fresh visitor) against one shared shop.
"""

from __future__ import annotations

import http.cookiejar
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import pytest

from pathwalk.demo import DemoShop
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
    with DemoShop(slow_seconds=0) as running:
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
        ("/about", "About us"),
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
    for href, text in [("/", "Home"), ("/products", "Products"), ("/basket", "Basket"), ("/help", "Help"),
                       ("/signup", "Sign up"), ("/help/returns", "Returns"), ("/gift-cards", "Gift cards"),
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
