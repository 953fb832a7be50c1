"""The recorder in a real Chromium: what each action did in answer, views, page text and events.

A small loopback site offers one signal per button or page; each test walks it with the
Customer API in a fresh context and asserts what the trace says.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from pathwalk.a11y import AXE_FILE, Axe
from pathwalk.browser import Walk, launch_chromium
from pathwalk.customer import Customer
from pathwalk.effects import DEAD_CLICK_WINDOW_S
from pathwalk.personas import DEFAULT, Persona
from pathwalk.recorder import MAX_CAPTURE_PX, Recorder
from pathwalk.report.evidence import png_size
from pathwalk.trace import Journey, Trace
from tests.browsing import serve

pytestmark = pytest.mark.browser


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CLOSED = _closed_port()
DOT = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
PAGES = {
    "/": f"""<h1>Home</h1><p id="out">Waiting</p>
<button>Nothing</button>
<button onclick="setTimeout(() => out.textContent = 'Answered', 300)">Later</button>
<button onclick="history.pushState({{}}, '', '/app/next'); document.querySelector('h1').textContent = 'Next view'">
Route</button>
<button onclick="console.error('Something broke'); out.textContent = 'Logged'">Log</button>
<button onclick="out.textContent = 'Thrown'; throw new TypeError('the basket is undefined')">Throw</button>
<button onclick="fetch('http://127.0.0.1:{CLOSED}/api').catch(() => {{}})">Fetch</button>
<button onclick="const t = performance.now(); while (performance.now() - t < 150); out.textContent = 'Done'">
Slow</button>
<button onclick="alert('Saved')">Alert</button>
<button onclick="window.open('/images')">Window</button>
<a href="/images" target="_blank">Courier</a>""",
    "/images": f"<h1>Images</h1><img src='/missing.png' alt='Missing'><img src='{DOT}' alt='Dot'>",
    "/login": "<h1>Sign in</h1><form method='post' action='/welcome'><label>Password <input type='password' "
              "name='password'></label><label>Code <input name='code'></label><button>Sign in</button></form>",
    "/long": "<h1 style='margin:0;height:50px'>Long</h1><div style='height:3000px'></div>"
             "<button style='display:block;height:40px;margin:0' onclick='this.textContent = \"Reached\"'>"
             "Far down</button>",
    "/own-axe": "<h1>Own axe</h1><input name='nickname'><script>window.axe = 'the site\\'s';"
                " window.define = () => { window.amdCalled = true; }; window.define.amd = true;</script>",
    "/tall-shift": "<h1>Tall and shifting</h1><p>Text that a late banner pushes down.</p><div style='height:3000px'>"
                   "</div><button onclick='this.textContent = \"Read\"'>Read on</button><script>setTimeout(() => "
                   "document.body.insertAdjacentHTML('afterbegin', '<div style=\"height:300px\">Banner</div>'), 200)"
                   "</script>",
    "/tall-resize": "<h1>Tall and responsive</h1><p id='size'>Wide</p><div style='height:3000px'></div>"
                    "<button>Nothing</button><script>addEventListener('resize', () => "
                    "document.getElementById('size').textContent = 'Resized ' + innerHeight)</script>",
    "/endless": "<h1>Endless</h1><div style='height:200000px'></div><button>Down there</button>",
    "/framed": "<h1>Framed</h1><iframe src='/inner' title='Inner form' width='400' height='200'></iframe>",
    "/inner": "<p id='msg'>Ready</p><button onclick=\"setTimeout(() => msg.textContent = 'Saved', 300)\">Save</button>"
              "<button>Nothing here</button>",
    "/shift": "<h1>Shifting</h1><p>Text that a late banner pushes down.</p><script>setTimeout(() => "
              "document.body.insertAdjacentHTML('afterbegin', '<div style=\"height:300px\">Banner</div>'), 200)"
              "</script>",
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, html: str, csp: str = "") -> None:
        body = (f"<!doctype html><html lang='en'><head><title>Recorder</title></head>"
                f"<body style='margin:0'>{html}</body></html>").encode()
        self.send_response(status)
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/framed-a11y":  # one frame from this origin, one from another (localhost)
            port = self.server.server_address[1]
            self._send(200, "<h1>Frames to check</h1><iframe src='/unlabelled' title='Ours'></iframe>"
                            f"<iframe src='http://localhost:{port}/unlabelled' title='Theirs'></iframe>")
        elif self.path == "/unlabelled":
            self._send(200, "<p>Your code</p><input name='code'>")
        elif self.path == "/own-axe":  # scripts only from the site itself, and no eval
            self._send(200, PAGES[self.path], csp="script-src 'self' 'unsafe-inline'")
        elif self.path in PAGES:
            self._send(200, PAGES[self.path])
        else:
            self._send(404, "<h1>Not found</h1><a href='/'>Home</a>")

    def do_POST(self) -> None:
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        password, code = form["password"][0], form["code"][0]
        self._send(200, f"<h1>Welcome</h1><p>Your password is {password} and your code is {code}.</p>"
                        f"<a href='/'>Home</a><script>console.error('Signed in with {password}')</script>")


@pytest.fixture(scope="module")
def chromium() -> Iterator[tuple[Playwright, Browser]]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield playwright, browser
        browser.close()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(Handler) as url:
        yield url


@contextmanager
def walking(chromium: tuple[Playwright, Browser], site: str, artifacts: Path, journey: str = "recorder",
            axe: Axe | None = None, with_init_script: bool = True) -> Iterator[Customer]:
    """A first-time customer in a fresh context, recorded (axe-core: as an init script, or sent per page)."""
    playwright, browser = chromium
    scripts = (axe.init_script,) if axe and with_init_script else ()
    walk = Walk(browser, playwright.devices, site, timeout_s=10, init_scripts=scripts)
    try:
        recorder = Recorder(Journey(name=journey), walk.open(Persona(DEFAULT)), artifacts, site, timeout_s=10, axe=axe)
        recorder.begin_step("When", "the customer walks", 1)
        yield Customer(recorder, walk)
    finally:
        walk.close()


@pytest.fixture
def customer(chromium: tuple[Playwright, Browser], site: str, tmp_path: Path) -> Iterator[Customer]:
    with walking(chromium, site, tmp_path) as walker:
        yield walker


@pytest.fixture
def axe() -> Axe:
    """A fresh axe-core (its own count of runs and reused answers)."""
    axe_file = Path(__file__).resolve().parents[1] / AXE_FILE
    assert axe_file.is_file(), f"axe-core is not installed at {axe_file}: run `npm ci` (package.json pins it)"
    return Axe(axe_file)


def trace(customer: Customer) -> Trace:
    return customer.recorder.trace


def events(customer: Customer) -> list[tuple[str, str, int | None, int | None]]:
    return [(e.kind, e.detail, e.action, e.step) for e in trace(customer).events]


def test_a_button_that_does_nothing_is_watched_for_the_dead_click_window(customer: Customer) -> None:
    customer.open("/")
    began = time.monotonic()
    dead = customer.press("Nothing")
    took = time.monotonic() - began
    assert (dead.watched, dead.navigated, dead.mutations, dead.requests, dead.feedback_s) == (True, False, 0, 0, None)
    assert DEAD_CLICK_WINDOW_S - 0.1 <= took < DEAD_CLICK_WINDOW_S + 2.0
    assert dead.settled_s < DEAD_CLICK_WINDOW_S  # the watch is not a wait the customer had
    assert len(trace(customer).pages) == 1


def test_a_late_answer_is_timed_and_costs_no_extra_watch(customer: Customer) -> None:
    customer.open("/")
    began = time.monotonic()
    late = customer.press("Later")
    took = time.monotonic() - began
    assert (late.watched, late.navigated, late.mutations, late.requests) == (True, False, 1, 0)
    assert late.feedback_s is not None and 0.3 <= late.feedback_s < DEAD_CLICK_WINDOW_S
    assert took < DEAD_CLICK_WINDOW_S


def test_dialogs_and_new_windows_answer_a_click_without_a_watch(customer: Customer) -> None:
    customer.open("/")
    began = time.monotonic()
    alerted, opened = customer.press("Alert"), customer.press("Window")
    assert time.monotonic() - began < DEAD_CLICK_WINDOW_S  # both together, in less than one watch
    assert events(customer) == [("dialog", "alert: Saved", alerted.index, 0),
                                ("popup", "the site opened 1 new window", opened.index, 0)]
    assert (opened.mutations, opened.requests, opened.navigated) == (0, 0, False)
    assert opened.feedback_s is not None  # the window opening is the answer


def test_a_link_that_opens_a_new_window_is_a_popup_not_a_dead_click(customer: Customer) -> None:
    customer.open("/")
    began = time.monotonic()
    courier = customer.follow("Courier")
    assert time.monotonic() - began < DEAD_CLICK_WINDOW_S  # the new window is the answer: no watch
    assert courier.element.href == f"{customer.base_url}/images"  # where the link leads, absolute
    assert events(customer) == [("popup", "the site opened 1 new window", courier.index, 0)]
    assert courier.feedback_s is not None and not courier.navigated
    assert len(trace(customer).pages) == 1  # the customer stays in their tab


def test_opening_a_page_is_a_navigation_with_its_requests(customer: Customer) -> None:
    opened = customer.open("/images")
    assert (opened.navigated, opened.requests) == (True, 2)  # the document and the missing image
    assert opened.feedback_s is not None and opened.feedback_s < 1


def test_a_client_side_route_change_is_a_route_page(customer: Customer) -> None:
    customer.open("/")
    routed = customer.press("Route")
    home, view = trace(customer).pages
    assert (routed.navigated, routed.mutations, routed.page) == (True, 1, 0)
    assert (home.kind, view.kind) == ("document", "route")
    assert (view.url, view.heading, view.status) == (f"{customer.base_url}/app/next", "Next view", 200)
    assert view.screenshot is not None and Path(view.screenshot).is_file()
    assert view.lcp_s is None and home.lcp_s is not None  # LCP belongs to page loads
    customer.press("Later")
    assert len(trace(customer).pages) == 2  # acting on the route view does not make it new again


def test_console_errors_and_exceptions_name_the_action_that_caused_them(customer: Customer) -> None:
    customer.open("/")
    logged, thrown = customer.press("Log"), customer.press("Throw")
    assert events(customer) == [("console_error", "Something broke", logged.index, 0),
                                ("exception", "TypeError: the basket is undefined", thrown.index, 0)]


def test_a_failed_request_is_an_event_and_a_request(customer: Customer) -> None:
    customer.open("/")
    with customer.page.expect_event("requestfailed"):  # Playwright may tell of the failure a moment later
        fetched = customer.press("Fetch")
    assert (fetched.requests, fetched.mutations) == (1, 0)
    assert fetched.feedback_s is not None and fetched.feedback_s < DEAD_CLICK_WINDOW_S
    assert events(customer) == [("request_failed", f"net::ERR_CONNECTION_REFUSED: http://127.0.0.1:{CLOSED}/api",
                                 fetched.index, 0)]


def test_a_missing_image_is_broken_and_an_http_error(customer: Customer) -> None:
    customer.open("/images")
    assert trace(customer).pages[0].broken_images == 1
    assert events(customer) == [("http_error", f"HTTP 404: {customer.base_url}/missing.png", 0, 0)]


def test_a_missing_page_is_its_status_not_an_event(customer: Customer) -> None:
    customer.open("/nowhere")
    assert trace(customer).pages[0].status == 404
    assert trace(customer).pages[0].text == "Not found Home"
    assert events(customer) == []


def test_secrets_the_page_echoes_are_redacted_from_its_text(customer: Customer,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATHWALK_TEST_CODE", "tea-club-4711")
    customer.open("/login")
    customer.fill("Password", "hunter2-secret")
    customer.fill("Code", "${PATHWALK_TEST_CODE}")
    customer.press("Sign in")
    welcome = trace(customer).pages[-1]
    assert welcome.text == "Welcome Your password is *** and your code is ***. Home"
    assert events(customer) == [("console_error", "Signed in with ***", 3, 0)]  # the press
    stored = trace(customer).to_json()
    assert "hunter2" not in stored and "tea-club" not in stored


def test_a_target_far_down_the_page_is_scrolled_to(customer: Customer) -> None:
    customer.open("/long")
    page = trace(customer).pages[0]
    assert (page.scroll_height, page.viewport_height) == (3090, 720)
    far = customer.press("Far down")
    assert far.scroll_px == 3090 - 720  # its bottom lay 2,370 px below the window
    assert far.box is not None and far.box[1::2] == [3050, 40]  # in page coordinates (full-page screenshots)
    customer.open("/")
    assert customer.press("Later").scroll_px == 0


def test_web_vitals_are_read_and_refreshed_while_the_customer_stays(customer: Customer) -> None:
    customer.open("/shift")
    customer.page.get_by_text("Banner", exact=True).wait_for()
    # Layout shifts, like interactions, are reported once the frame showing them is painted.
    customer.page.wait_for_function("() => window.__pathwalk.read(false).cls > 0")
    page = customer.recorder.observe()  # as at the end of a step
    assert page is not None and page.lcp_s is not None and page.lcp_s > 0
    assert page.cls is not None and page.cls > 0.05  # the banner pushed the text down
    assert page.inp_s is None  # no interaction yet
    customer.open("/")
    customer.press("Slow")
    # The browser reports an interaction after the next frame is shown; the next read picks it up.
    customer.page.wait_for_function("() => window.__pathwalk.read(false).inp >= 150")
    home = customer.recorder.observe()
    assert home is not None and home.cls == 0 and home.inp_s is not None and home.inp_s >= 0.15


@pytest.mark.parametrize("with_init_script", [True, False], ids=["init-script", "sent-per-page"])
def test_axe_core_checks_a_page_with_a_strict_csp_and_leaves_the_sites_globals_alone(
        chromium: tuple[Playwright, Browser], site: str, tmp_path: Path, axe: Axe, with_init_script: bool) -> None:
    with walking(chromium, site, tmp_path, "axe", axe, with_init_script) as customer:
        customer.open("/own-axe")
        page = customer.recorder.trace.pages[0]
        assert [(v.rule, v.nodes) for v in page.a11y or []] == [("label", 1)]  # the unlabelled nickname field
        seen = customer.page.evaluate("() => [window.axe, window.amdCalled === undefined,"
                                      " Object.keys(window).filter((k) => k.startsWith('__pathwalkAxe'))]")
        assert seen == ["the site's", True, []]  # its own axe, its AMD loader never called, ours unlisted
        assert customer.page.evaluate("typeof window.__pathwalkAxeLoad === 'function'") is with_init_script


def test_axe_core_checks_a_page_once_and_again_only_when_its_markup_changes(
        chromium: tuple[Playwright, Browser], site: str, tmp_path: Path, axe: Axe) -> None:
    found = []
    for journey in ("first", "second"):  # two first-time customers, each in a fresh context
        with walking(chromium, site, tmp_path / journey, journey, axe) as customer:
            customer.open("/own-axe")
            customer.page.evaluate("document.querySelector('h1').insertAdjacentHTML('afterend', '<input name=late>')")
            found.append([[(v.rule, v.nodes) for v in page.a11y or []] for page in customer.recorder.trace.pages])
            found[-1].append([(v.rule, v.nodes) for v in axe.check(customer.page) or []])
    assert found == [[[("label", 1)], [("label", 2)]]] * 2  # the same answers both times
    assert (axe.runs, axe.reused) == (2, 2)  # the second customer's pages were not checked again


def test_a_tall_page_keeps_its_late_layout_shifts_and_is_photographed_whole_before_it_is_left(
        customer: Customer) -> None:
    customer.open("/tall-shift")
    customer.page.get_by_text("Banner", exact=True).wait_for()
    # A whole-page capture on arrival would resize the view, and Chromium would leave this shift out.
    customer.page.wait_for_function("() => window.__pathwalk.read(false).cls > 0", timeout=5000)
    page = customer.recorder.observe()
    assert page is not None and page.cls is not None and page.cls > 0.05 and page.screenshot
    assert png_size(Path(page.screenshot).read_bytes())[1] == page.viewport_height  # the window, for now
    customer.press("Read on")  # far below the window
    assert png_size(Path(page.screenshot).read_bytes())[1] >= 3300  # whole now: the banner, text and spacer


def test_an_endlessly_tall_page_is_photographed_to_a_bounded_size(customer: Customer) -> None:
    customer.open("/endless")
    page = customer.recorder.trace.pages[0]
    customer.press("Down there")  # the whole-page picture is taken before this action
    assert page.screenshot is not None
    assert png_size(Path(page.screenshot).read_bytes())[1] == MAX_CAPTURE_PX


def test_a_page_that_fits_the_window_is_photographed_once_on_arrival(customer: Customer) -> None:
    customer.open("/shift")
    page, window = customer.recorder.trace.pages[0], customer.page.viewport_size
    assert page.screenshot and window is not None
    shot = Path(page.screenshot)
    assert png_size(shot.read_bytes()) == (window["width"], window["height"])
    taken = shot.stat().st_mtime_ns
    customer.open("/")
    customer.recorder.finish()
    assert shot.stat().st_mtime_ns == taken  # not taken again


def test_the_whole_page_capture_before_an_action_is_no_answer_to_it(customer: Customer) -> None:
    customer.open("/tall-resize")
    customer.press("Nothing")  # the capture before it resizes the view; the page answers the resize
    action = trace(customer).actions[-1]
    assert action.watched and action.mutations == 0 and action.feedback_s is None  # still a dead click


def test_a_click_inside_an_iframe_is_answered_by_what_the_frame_does(customer: Customer) -> None:
    customer.open("/framed")
    began = time.monotonic()
    save = customer.press("Save")  # the frame changes its own text 0.3 s later; the page does nothing
    took = time.monotonic() - began
    assert save.element.frame == f"{customer.base_url}/inner"
    assert (save.watched, save.navigated, save.mutations) == (True, False, 1)
    assert save.feedback_s is not None and 0.3 <= save.feedback_s < DEAD_CLICK_WINDOW_S
    assert took < DEAD_CLICK_WINDOW_S  # answered: not watched for the whole window
    began = time.monotonic()
    dead = customer.press("Nothing here")
    took = time.monotonic() - began
    assert (dead.watched, dead.mutations, dead.feedback_s) == (True, 0, None)  # still a dead click
    assert DEAD_CLICK_WINDOW_S - 0.1 <= took < DEAD_CLICK_WINDOW_S + 2.0


def test_axe_core_checks_the_pages_iframes_too_same_origin_or_not(
        chromium: tuple[Playwright, Browser], site: str, tmp_path: Path, axe: Axe) -> None:
    with walking(chromium, site, tmp_path, "frames", axe) as customer:
        customer.open("/framed-a11y")
        assert len(customer.page.frames) == 3
        [label] = customer.recorder.trace.pages[0].a11y or []
        assert (label.rule, label.nodes) == ("label", 2)  # the unlabelled field in each frame
        assert label.target == 'iframe[src$="unlabelled"]:nth-child(2) input'  # the first, through its frame
