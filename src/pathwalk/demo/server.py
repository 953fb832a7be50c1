"""HTTP server for the bundled demo shop: routing, cookie sessions and start/stop.

Standard library only, so `pathwalk demo` and the test suite work without extra
dependencies. Every POST answers 303 (Post/Redirect/Get) so reloads never resubmit.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pathwalk.demo import pages
from pathwalk.demo.assets import asset
from pathwalk.demo.campaigns import HERO_IMAGE
from pathwalk.demo.layout import Page, document
from pathwalk.demo.routes import Visit, page_for, partner_of
from pathwalk.demo.state import Account, ShopState

COOKIE_NAME = "shop_session"
_MAX_BODY = 64 * 1024

# POSTs that only move the customer on (what they sent is not kept).
_REDIRECTS = {"/checkout/details": "/checkout/delivery", "/tea-club": "/tea-club/welcome",
              "/app/card": "/app/card/sent"}
# The simple gift finder's pages: the answers each one keeps, and where it leads.
_GIFT_STEPS = {
    "/gifts/": (("recipient", "recipient_email", "sender", "budget"), "/gifts/ideas"),
    "/gifts/choose": (("product",), "/gifts/send"),
    "/gifts/send": (("message", "card_sender"), "/gifts/done"),
}


class _ShopServer(ThreadingHTTPServer):
    """Carries the shop's state and settings to the per-request handlers."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: ShopState, slow_seconds: float, hero_seconds: float) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.state = state
        self.slow_seconds = slow_seconds
        self.hero_seconds = hero_seconds
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup that can stall start-up.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server_version = "DemoShop/1.0"
    _token: str
    _new_session: bool

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: per-request lines on stderr would drown pathwalk's own output."""

    @property
    def _shop(self) -> _ShopServer:
        assert isinstance(self.server, _ShopServer)
        return self.server

    def do_GET(self) -> None:
        self._serve_get(send_body=True)

    def do_HEAD(self) -> None:
        self._serve_get(send_body=False)

    def do_POST(self) -> None:
        length_header = self.headers.get("Content-Length", "0")
        length = int(length_header) if length_header.isdigit() else 0
        if length > _MAX_BODY:
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        form = {key: values[0] for key, values in parse_qs(raw, keep_blank_values=True).items()}
        self._open_session()
        self._route_post(urlsplit(self.path).path, form)

    # -- sessions -----------------------------------------------------------

    def _open_session(self) -> None:
        """Resolve (or create) the visitor's session; a new one gets its cookie on this response."""
        token: str | None = None
        cookies: SimpleCookie = SimpleCookie()
        with contextlib.suppress(CookieError):  # A malformed Cookie header just means "no session".
            cookies.load(self.headers.get("Cookie", ""))
        if COOKIE_NAME in cookies:
            token = cookies[COOKIE_NAME].value
        self._token, self._new_session = self._shop.state.ensure_session(token)

    # -- routing ------------------------------------------------------------

    def _visit(self, query: str) -> Visit:
        host = self.headers.get("Host", "").rsplit(":", 1)[0] or str(self._shop.server_name)
        port = self._shop.server_port
        return Visit(self._shop.state.view(self._token), f"http://{host}:{port}", partner_of(host, port),
                     {key: values[0] for key, values in parse_qs(query).items()})

    def _serve_get(self, *, send_body: bool) -> None:
        parts = urlsplit(self.path)
        if parts.path.startswith("/api/reviews/"):
            self.close_connection = True  # Deliberate: the reviews service drops the request unanswered.
            return
        if parts.path.startswith(("/images/", "/static/")):
            self._send_asset(parts.path, send_body=send_body)
            return
        self._open_session()
        visit = self._visit(parts.query)
        status, page = HTTPStatus.OK, page_for(parts.path, visit)
        if page is None:
            status, page = HTTPStatus.NOT_FOUND, pages.not_found()
        self._send_page(status, page, visit.session.item_count, send_body=send_body)

    def _route_post(self, path: str, form: dict[str, str]) -> None:
        state = self._shop.state
        if path == "/basket/add":
            if state.add_to_basket(self._token, form.get("product", "")):
                self._redirect("/basket")
                return
        elif path == "/signup":
            self._signup(form)
            return
        elif path == "/checkout/delivery":
            time.sleep(self._shop.slow_seconds)  # The one deliberate slow step.
            self._redirect("/checkout/payment")
            return
        elif path in ("/checkout/payment", "/checkout/options", "/express"):
            state.place_order(self._token)
            self._redirect("/checkout/confirmation")
            return
        elif path == "/tastings/book":
            state.book_tasting(self._token, form.get("date", ""))
            self._redirect("/tastings/booked")
            return
        elif path in _GIFT_STEPS:
            fields, onward = _GIFT_STEPS[path]
            state.update_gift(self._token, {name: form.get(name, "") for name in fields})
            self._redirect(onward)
            return
        elif path in _REDIRECTS:
            self._redirect(_REDIRECTS[path])
            return
        count = state.view(self._token).item_count
        self._send_page(HTTPStatus.NOT_FOUND, pages.not_found(), count)

    def _signup(self, form: dict[str, str]) -> None:
        name, email = form.get("name", "").strip(), form.get("email", "").strip()
        password, confirm = form.get("password", ""), form.get("password_confirm", "")
        error = None
        if not (name and email and password and confirm):
            error = "Please fill in every field"
        elif password != confirm:
            error = "Passwords do not match"
        if error is None:
            self._shop.state.set_account(self._token, Account(name, email))
            self._redirect("/")
            return
        count = self._shop.state.view(self._token).item_count
        self._send_page(HTTPStatus.OK, pages.signup(error, name, email), count)

    # -- responses ----------------------------------------------------------

    def _send_session_cookie(self) -> None:
        if self._new_session:
            self.send_header("Set-Cookie", f"{COOKIE_NAME}={self._token}; Path=/; HttpOnly; SameSite=Lax")

    def _send_page(self, status: HTTPStatus, page: Page, item_count: int, *, send_body: bool = True) -> None:
        body = document(page, item_count).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self._send_session_cookie()
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_asset(self, path: str, *, send_body: bool) -> None:
        found = asset(path)
        if found is None:  # The green scarf's photo, among others: a deliberate broken image.
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if path == HERO_IMAGE:
            time.sleep(self._shop.hero_seconds)  # Deliberate: the hero image arrives late.
        body, content_type = found
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self._send_session_cookie()
        self.end_headers()


class DemoShop:
    """A small, deliberately imperfect shop that pathwalk's journeys and tests can walk."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, slow_seconds: float = 1.5,
                 hero_seconds: float = 3.0) -> None:
        """`slow_seconds`: the delivery step's delay; `hero_seconds`: the autumn hero image's."""
        self._host = host
        self._port = port
        self._slow_seconds = slow_seconds
        self._hero_seconds = hero_seconds
        self._state = ShopState()
        self._lock = threading.Lock()
        self._httpd: _ShopServer | None = None
        self._thread: threading.Thread | None = None  # daemon thread started by start()
        self._loop_thread: threading.Thread | None = None  # whichever thread runs the serve loop

    def _bind_locked(self) -> _ShopServer:
        """Create the listening server; the caller holds self._lock."""
        if self._httpd is not None:
            raise RuntimeError("DemoShop is already running")
        self._httpd = _ShopServer((self._host, self._port), self._state, self._slow_seconds, self._hero_seconds)
        return self._httpd

    def start(self) -> DemoShop:
        """Bind (port 0 picks a free port) and serve from a daemon thread."""
        with self._lock:  # Held until the thread runs, so a concurrent stop() always sees it.
            httpd = self._bind_locked()
            thread = threading.Thread(target=httpd.serve_forever, name="pathwalk-demo-shop", daemon=True)
            self._thread = self._loop_thread = thread
            thread.start()
        return self

    def serve_forever(self) -> None:
        """Block until stop() or Ctrl-C, for `pathwalk demo`.

        Works before start() (serves from the calling thread) and after it, so the
        CLI can start(), print the URL of an ephemeral port, then block here.
        """
        with self._lock:
            thread = self._thread
            httpd = self._bind_locked() if thread is None else None
            if httpd is not None:
                self._loop_thread = threading.current_thread()
        try:
            if httpd is not None:
                httpd.serve_forever()
            elif thread is not None:
                while thread.is_alive():
                    thread.join(timeout=1.0)  # A bounded wait so Ctrl-C is delivered on every OS.
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving and release the port; safe to call repeatedly or before start()."""
        with self._lock:
            httpd, loop_thread, thread = self._httpd, self._loop_thread, self._thread
            self._httpd = self._loop_thread = self._thread = None
        if httpd is None:
            return
        if loop_thread is not threading.current_thread():
            httpd.shutdown()  # Safe: the loop thread is committed to running serve_forever.
        if thread is not None:
            thread.join()
        httpd.server_close()

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. 'http://127.0.0.1:8123'."""
        httpd = self._httpd
        if httpd is None:
            raise RuntimeError("DemoShop is not running; call start() first")
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{httpd.server_port}"

    def __enter__(self) -> DemoShop:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
