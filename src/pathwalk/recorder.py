"""The recorder: turns a journey's step boundaries, actions and page arrivals into a trace.

It only observes and writes down; judging is left to checks. Every new view the customer
reaches is read once (ways forward, fields, status, text) and photographed, so findings can
show it: a new document, or a client-side route change within one (``Page.kind`` "route", so a
single-page app counts pages like a multi-page site). The photograph is of the window on
arrival, and of a page taller than the window whole just before the customer acts again or the
journey ends (see _photograph_whole). What the page does is counted in the page
by observer.js (an init script) and read in the same evaluate as the page itself. A page's
fields, links, buttons and forms include those in open shadow roots and visible iframes, whichever
site serves them (``Field.frame``; see frames.py), and ``a11y`` is what axe-core finds (a11y.py).

What an action did in answer (feedback, navigation, DOM changes, requests, scrolling; a silent
click watched for up to 2.5 s) and the Web Vitals are defined in effects.py. A page's ``text`` is
the start of its visible text (1,000 characters, whitespace collapsed, every secret typed so far
shown as ``***``: password fields and ``${ENV}`` values); its vitals are refreshed whenever the
customer acts on it and when a step ends, since they change while the customer stays.
Events (``Event.action``: the customer's latest action when it happened; Playwright delivers
them while the recorder waits on the page, before the next action starts): console errors,
uncaught exceptions, failed requests (except those pathwalk stopped itself) and sub-resources
answering HTTP >= 400 (the document's own status is its page's).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from playwright.sync_api import CDPSession, ConsoleMessage, Error, Frame, Locator, Request, Response, TimeoutError
from playwright.sync_api import Page as BrowserPage

from pathwalk import axnames, effects
from pathwalk.a11y import Axe
from pathwalk.effects import Reading
from pathwalk.errors import SiteError
from pathwalk.frames import with_frames
from pathwalk.redact import redact_in_place
from pathwalk.trace import Action, Element, Event, Field, Journey, Page, Step, Trace
from pathwalk.values import JourneyValues

TEXT_KEPT = 1000
# The largest picture taken of a page, in CSS pixels each way (Chromium's own texture limit):
# an endlessly tall page is photographed to here, not until the walk's time runs out.
MAX_CAPTURE_PX = 16384


def _first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else "no details"


@cache
def probe_js() -> str:
    return files("pathwalk").joinpath("probe.js").read_text(encoding="utf-8").strip().rstrip(";")


@cache
def mask_js() -> str:
    return files("pathwalk").joinpath("mask.js").read_text(encoding="utf-8").strip()


@cache
def read_js(mark: bool) -> str:
    """The page as probe.js reads it, with the observer's counters (marked: start timing anew)."""
    return (f"() => {{ const seen = ({probe_js()}).page(); seen.scroll = [scrollX, scrollY, innerHeight];"
            f" seen.watch = window.__pathwalk ? window.__pathwalk.read({str(mark).lower()}) : null;"
            " return seen; }")


def _field(seen: dict[str, Any]) -> dict[str, Any]:
    """probe.js's field as the trace's Field takes it (its title served only to name it, its
    value's fingerprint only to see a click set it: neither is written down)."""
    return {k: v for k, v in seen.items() if k not in ("title", "value")}


@cache
def describe_js() -> str:
    """probe.js's description of an element and, for one in the page itself, its box in the
    window (null when it is not rendered, as Playwright's bounding_box would say)."""
    return (f"el => {{ const seen = ({probe_js()}).describe(el); const r = el.getBoundingClientRect();"
            " const rendered = el.getClientRects().length > 0;"
            " seen.rect = seen.frame || !rendered ? null : [r.x, r.y, r.width, r.height]; return seen; }")


FRAME_READ_JS = "(mark) => window.__pathwalk ? window.__pathwalk.read(mark) : null"
FRAME_ANSWERED_JS = "() => !window.__pathwalk || window.__pathwalk.answered()"
POLL_S = 0.05  # how often a silent click on a target in a frame is looked at again


@dataclass
class FrameWatch:
    """The observer of the iframe an action's target sits in: its counters before and after."""

    frame: Frame
    before: Reading | None
    marked: float  # time.monotonic() of the frame's mark

    def read(self) -> Reading | None:
        try:
            seen: Reading | None = self.frame.evaluate(FRAME_READ_JS, False)
        except Error:
            return None  # detached or navigating
        return seen

    def answered(self) -> bool:
        try:
            return bool(self.frame.evaluate(FRAME_ANSWERED_JS))
        except Error:
            return True  # the frame went away or moved on: that is an answer


class Recorder:
    """Records one scenario walked in one browser page."""

    def __init__(self, journey: Journey, page: BrowserPage, artifacts: Path, base_url: str = "",
                 browser: str = "", timeout_s: float = 30.0, axe: Axe | None = None,
                 screenshots: bool = True) -> None:
        self.timeout_s = timeout_s
        self.screenshots = screenshots  # photograph each new view, for findings' evidence (about 45 ms each)
        self.axe = axe  # checks each new page's accessibility (None: pages' a11y is not checked)
        self._page = page
        self.artifacts = artifacts
        self.trace = Trace(journey=journey, base_url=base_url, browser=browser,
                           started_at=datetime.now(UTC).isoformat(timespec="seconds"))
        self.page = page
        self._salt = secrets.token_bytes(16)  # per journey and never stored: hashes only compare within
        self._t0 = time.monotonic()
        self._view: tuple[float, str, int] | None = None  # document (time origin), URL, route changes
        self._opened = 0  # windows the current document had opened when last read
        self._requests = 0  # requests the page has made so far
        self._first_request: float | None = None  # when the first request since an action started came
        self._popups = 0  # windows or tabs the site has opened so far
        self.values = JourneyValues()  # secrets typed so far (the customer expands values with it)
        self.aborted: set[str] = set()  # URLs pathwalk itself aborted: not the site's failures
        self.current_step: int | None = None
        self._devtools: tuple[BrowserPage, CDPSession] | None = None  # the page's DevTools session, for screenshots
        self._tall: tuple[Page, str] | None = None  # a page to photograph whole before it is left, and its URL

    @property
    def page(self) -> BrowserPage:
        return self._page

    @page.setter
    def page(self, page: BrowserPage) -> None:
        """Watch what the page does to the customer besides their own actions."""
        self._page = page
        page.on("dialog", self._dialog)
        page.on("crash", lambda _: self.event("crash", "the page crashed (its renderer died)"))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.event(
            "exception", _first_line(f"{error.name}: {error.message}" if error.name else error.message)))
        page.on("request", self._request)
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.context.on("page", self._popup)

    def event(self, kind: str, detail: str) -> None:
        latest = len(self.trace.actions) - 1 if self.trace.actions else None
        mask = self.values.mask  # a page may echo a secret anywhere: none is written down
        self.trace.events.append(Event(kind, self.current_step, mask(self._page.url), mask(detail)[:300], self.now(),
                                       latest))

    def _console(self, message: ConsoleMessage) -> None:
        # The browser's own "Failed to load resource" reports are recorded as request_failed/http_error.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.event("console_error", message.text)

    def _request(self, request: Request) -> None:
        self._requests += 1
        if self._first_request is None:
            self._first_request = time.monotonic()

    def _request_failed(self, request: Request) -> None:
        failure = request.failure or "no answer"
        handoffs = (e.detail for e in self.trace.events if e.kind == "handoff")
        if request.url in self.aborted or any(request.url in detail for detail in handoffs):
            return  # pathwalk stopped it (another origin is a hand-off, recorded as such)
        if request.is_navigation_request() and "ERR_ABORTED" in failure:
            return  # a navigation superseded by another, or turned into a download: nothing failed
        self.event("request_failed", f"{failure}: {request.url}")

    def _response(self, response: Response) -> None:
        if response.status < 400:
            return
        with suppress(Error):  # the document's own status is its page's; only sub-resources here
            if response.request.is_navigation_request() and response.frame.parent_frame is None:
                return
        self.event("http_error", f"HTTP {response.status}: {response.url}")

    def _dialog(self, dialog: Any) -> None:
        """A customer closes a dialog; leaving the page is allowed (else navigation would hang)."""
        self.event("dialog", f"{dialog.type}: {dialog.message}")
        with suppress(Error):
            dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss()

    def _popup(self, popup: BrowserPage) -> None:
        """A new window or tab the site opened is closed, so the journey stays in its tab (the page
        itself counts what it opened: see observe)."""
        self._popups += 1
        with suppress(Error):
            popup.close()

    def now(self) -> float:
        return round(time.monotonic() - self._t0, 3)

    # -- step boundaries (called from pytest-bdd hooks) --------------------------------------
    def begin_step(self, keyword: str, text: str, line: int) -> None:
        step = Step(index=len(self.trace.steps), keyword=keyword, text=text, line=line, started=self.now())
        self.trace.steps.append(step)
        self.current_step = step.index

    def end_step(self, outcome: str) -> None:
        if outcome == "passed":
            self.observe()  # a custom step may have navigated without the customer API
        step = self.trace.step(self.current_step)
        if step is not None:
            step.ended, step.outcome = self.now(), outcome

    def undefined_step(self, keyword: str, text: str, line: int) -> None:
        self.begin_step(keyword, text, line)
        self.end_step("undefined")

    # -- what the customer does and sees ------------------------------------------------------
    def hash_value(self, value: str) -> str:
        normalised = " ".join(value.split()).casefold().encode()
        return hmac.new(self._salt, normalised, hashlib.sha256).hexdigest()[:24]

    def act(self, kind: str, perform: Callable[[], Any], target: Locator | None = None,
            value: str | None = None) -> Action:
        """Do one customer action, timing it until the page has settled, and record it with what
        the page did in answer (see the module docstring)."""
        self._photograph_whole()  # before the mark: the capture's resize is no answer to this action
        if kind == "fill" and target is not None and value is not None:
            self._mask(target, value)
        before = self._read(mark=True)
        marked = time.monotonic()
        page = self._arrive(before)
        element, box, scroll_px = self._target(target, before) if target else (Element(), None, 0)
        inner = self._watch_frame(target) if target is not None and element.frame else None
        if value and element.input_type == "password":
            self.values.secrets_used.add(value)
        action = Action(
            index=len(self.trace.actions), step=self.current_step, kind=kind, url=self.values.mask(self.page.url),
            page=page.index if page else None, element=element,
            value_hash=self.hash_value(value) if value is not None else None,
            value_length=len(value) if value is not None else 0, started=self.now(), box=box,
            scroll_px=scroll_px,
        )
        self.trace.actions.append(action)
        requests, events, popups, self._first_request = self._requests, len(self.trace.events), self._popups, None
        started = time.monotonic()
        try:
            perform()
            self.page.wait_for_load_state("load")
        except TimeoutError:
            raise SiteError(f"Timeout: the site did not answer within {self.timeout_s:g} s "
                            f"({kind} on {action.url}).") from None
        except Error as exc:
            raise SiteError(f"The site failed on {kind} at {action.url}: {_first_line(exc.message)}") from None
        action.settled_s = round(time.monotonic() - started, 3)
        after = self._read()
        shown = self._requests > requests or self._popups > popups or any(
            e.kind in effects.VISIBLE_EVENTS for e in self.trace.events[events:])
        if kind in effects.WATCHED_KINDS and not shown and not effects.answered(before, after) and not (
                inner is not None and inner.answered()):
            after = self._wait_for_answer(started, after) if inner is None else self._poll_for_answer(
                started, after, inner)
        first_request = None if self._first_request is None else self._first_request - started
        effects.record_effects(action, before, after, self._requests - requests, first_request, started - marked)
        if inner is not None:
            effects.record_frame_effects(action, inner.before, inner.read(), started - inner.marked)
        self._arrive(after)
        return action

    def _mask(self, target: Locator, value: str) -> None:
        """Black out a field about to hold a secret (a password field, or a ``${ENV}`` value) in every
        picture taken from now on (see mask.js); a password typed is a secret from then on too."""
        try:
            password = bool(target.evaluate(mask_js(), self.values.holds_secret(value)))
        except Error:
            return  # not there (the action will say so)
        if password and value:
            self.values.secrets_used.add(value)

    def _watch_frame(self, target: Locator) -> FrameWatch | None:
        """Mark the observer of the iframe the target sits in (None: not in one, or gone)."""
        try:
            handle = target.element_handle(timeout=2000)
            frame = handle.owner_frame()
            handle.dispose()
            if frame is None or frame.parent_frame is None:
                return None
            return FrameWatch(frame, frame.evaluate(FRAME_READ_JS, True), time.monotonic())
        except Error:
            return None

    def _poll_for_answer(self, started: float, seen: Reading | None, inner: FrameWatch) -> Reading | None:
        """_wait_for_answer for a click in an iframe: the page and the frame looked at every
        POLL_S (a wait_for_function cannot watch two documents at once)."""
        if seen is None:
            return seen
        while time.monotonic() - started < effects.DEAD_CLICK_WINDOW_S:
            self.page.wait_for_timeout(POLL_S * 1000)
            try:
                if self.page.evaluate(effects.ANSWERED_JS, [seen["document"], seen["url"]]):
                    break
            except Error:
                break  # the page is moving on
            if inner.answered():
                break
        with suppress(Error):
            self.page.wait_for_load_state("load")
        return self._read()

    def _wait_for_answer(self, started: float, seen: Reading | None) -> Reading | None:
        """Watch a silent click until DEAD_CLICK_WINDOW_S after it started; the page as read then."""
        remaining = effects.DEAD_CLICK_WINDOW_S - (time.monotonic() - started)
        if seen is None or remaining <= 0:
            return seen
        try:
            self.page.wait_for_function(effects.ANSWERED_JS, arg=[seen["document"], seen["url"]],
                                        timeout=remaining * 1000)
        except Error:  # a TimeoutError too: nothing answered within the window
            pass
        else:
            with suppress(Error):
                self.page.wait_for_load_state("load")
        return self._read()

    def _target(self, target: Locator, seen: Reading | None) -> tuple[Element, list[float] | None, int]:
        """The target described, its box in page coordinates (the screenshots are whole pages) and
        how far outside the window it was (read before Playwright scrolls it into view).

        One evaluate reads all of it for a target in the page itself; a target in a frame needs
        Playwright's bounding_box, which knows where the frame sits."""
        described: dict[str, Any] = target.evaluate(describe_js())
        rect, hint = described.pop("rect"), str(described.pop("hint", "") or "")
        element = Element(**described)
        if not element.frame:
            axnames.name_element(element, next(iter(self._ax(axnames.TARGET_JS)), None), hint)
        if element.frame:
            rect = None
            with suppress(Error):
                found = target.bounding_box(timeout=2000)
                rect = found and [found["x"], found["y"], found["width"], found["height"]]
        if not rect:  # not rendered (display: none), or gone
            return element, None, 0
        try:
            scroll = seen["scroll"] if seen else self.page.evaluate("[scrollX, scrollY, innerHeight]")
        except Error:
            return element, None, 0
        x, y, width, height = rect  # in the window
        outside = effects.scroll_outside(y, y + height, scroll[2])
        return element, [round(x + scroll[0]), round(y + scroll[1]), round(width), round(height)], outside

    def observe(self) -> Page | None:
        """Read the current view; record it if the customer has just arrived there."""
        return self._arrive(self._read())

    def _read(self, mark: bool = False) -> Reading | None:
        try:
            seen: dict[str, Any] = self.page.evaluate(read_js(mark))
        except Error:
            return None  # mid-navigation or closed
        return seen

    def _arrive(self, seen: Reading | None) -> Page | None:
        """The page the customer is on: the last one recorded, or a new one for a new view."""
        if seen is None:
            return self.trace.pages[-1] if self.trace.pages else None
        url, watch = str(seen["url"]), seen.get("watch") or {}
        if url == "about:blank":
            return None  # the empty tab before the customer arrives anywhere
        view = (float(seen["document"]), url, int(watch.get("routes") or 0))
        same_document = self._view is not None and view[0] == self._view[0] and bool(self.trace.pages)
        opened = int(seen.get("opened") or 0) - (self._opened if same_document else 0)
        if opened > 0:
            self.event("popup", f"the site opened {opened} new window{'s' if opened > 1 else ''}")
        self._opened = int(seen.get("opened") or 0)
        if same_document and view == self._view:
            effects.record_vitals(self.trace.pages[-1], watch)
            self._more_fields(self.trace.pages[-1], seen)
            return self.trace.pages[-1]
        self._view = view
        seen["fields"] = self._named(seen["fields"], range(len(seen["fields"])))
        seen = with_frames(self.page, seen, f"() => ({probe_js()}).page()")  # cross-origin iframes too
        page = Page(
            index=len(self.trace.pages), step=self.current_step, url=self.values.mask(url), status=seen["status"],
            title=seen["title"], heading=seen["heading"], links=seen["links"], buttons=seen["buttons"],
            forms=seen["forms"], fields=[Field(**_field(f)) for f in seen["fields"]], arrived=self.now(),
            scale=float(seen.get("scale") or 1.0), kind="route" if same_document else "document",
            text=" ".join(self.values.mask(str(seen.get("text") or "")).split())[:TEXT_KEPT],
            broken_images=int(seen.get("broken_images") or 0), scroll_height=int(seen.get("scroll_height") or 0),
            viewport_height=int(seen.get("viewport_height") or 0),
        )
        effects.record_vitals(page, watch)
        page.screenshot = self._screenshot(page)
        page.a11y = self.axe.check(self.page) if self.axe else None
        self.trace.pages.append(page)
        return page

    def _more_fields(self, page: Page, seen: Reading) -> None:
        """Fields the page added or revealed since the customer arrived (a new row, a section
        opened by a click), without a new view: shown on this view too."""
        known = {f.key for f in page.fields if f.key}
        fresh = [i for i, f in enumerate(seen.get("fields") or []) if f.get("key") and f["key"] not in known]
        if fresh:
            fields = self._named([seen["fields"][i] for i in fresh], fresh)
            page.fields.extend(Field(**_field(f)) for f in fields if not f.get("frame"))

    def _named(self, fields: list[dict[str, Any]], stashed: Iterable[int]) -> list[dict[str, Any]]:
        """probe.js's fields with Chromium's names and roles; controls the tree calls buttons or
        links left out. ``stashed``: where each field sits in probe.js's stash of field elements."""
        at = list(stashed)
        nodes = self._ax(axnames.some_fields(at))
        nodes += [None] * (len(fields) - len(nodes))
        return [f for f, node in zip(fields, nodes, strict=True) if axnames.name_field(f, node)]

    def _ax(self, expression: str) -> list[axnames.AxNode | None]:
        session = self._session()
        return axnames.ax_nodes(session, expression) if session is not None else []

    def _session(self) -> CDPSession | None:
        """The page's DevTools session (None where the browser has none: not Chromium)."""
        if self._devtools is None or self._devtools[0] is not self.page:
            try:
                self._devtools = (self.page, self.page.context.new_cdp_session(self.page))
            except Error:
                return None
        return self._devtools[1]

    def _screenshot(self, page: Page) -> str | None:
        """Photograph the window now; a page taller than the window is photographed whole before
        the customer acts on it again or the journey ends (see _photograph_whole)."""
        if not self.screenshots:
            return None
        path = self.artifacts / f"page-{page.index:02d}.png"
        try:
            png, fits = self._capture(whole=False)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(png)
        except (Error, OSError):
            return None
        if not fits:
            self._tall = (page, self.page.url)
        return str(path)

    def _photograph_whole(self) -> None:
        """The whole of the tall page the customer is still on, over its window-sized picture.

        A whole-page capture resizes the view for a moment, and Chromium leaves layout shifts
        out of CLS for 0.5 s after a resize: taken on arrival it would hide the late banners CLS
        is about. Taken just before the customer's next action it costs nothing, since shifts
        within 0.5 s of an input are left out of CLS anyway (web.dev/articles/cls). The resize
        events it fires are handled before the action's window opens; a site that debounces
        them and redraws later could have that redraw taken for an answer to the action."""
        tall, self._tall = self._tall, None
        if tall is None or not self.trace.pages or tall[0] is not self.trace.pages[-1] or not tall[0].screenshot:
            return
        with suppress(Error, OSError):
            if self.page.url == tall[1]:
                Path(tall[0].screenshot).write_bytes(self._capture(whole=True)[0])

    def _capture(self, whole: bool) -> tuple[bytes, bool]:
        """A PNG of the window (``whole``: of the whole page), asked of Chromium directly through
        DevTools (Page.captureScreenshot), and whether the page fits the window. Playwright's
        full-page screenshot resizes the view on every page and waits for fonts and frames around
        it (about 95 ms a page against 45 here); it is the fallback where DevTools cannot be had."""
        try:
            session = self._session()
            if session is None:
                raise Error("no DevTools session")
            metrics = session.send("Page.getLayoutMetrics")
            size, view = metrics["cssContentSize"], metrics["cssLayoutViewport"]
            fits = size["height"] <= view["clientHeight"] and size["width"] <= view["clientWidth"]
            options: dict[str, Any] = {"format": "png", "optimizeForSpeed": True}
            if whole and not fits:  # bounded: a page can be endlessly tall, a picture of it cannot
                options.update(captureBeyondViewport=True, clip={
                    "x": 0, "y": 0, "width": min(size["width"], MAX_CAPTURE_PX),
                    "height": min(size["height"], MAX_CAPTURE_PX), "scale": 1})
            return base64.b64decode(session.send("Page.captureScreenshot", options)["data"]), fits
        except Error:
            self._devtools = None
            return self.page.screenshot(full_page=True, timeout=self.timeout_s * 1000), True

    def finish(self, error: BaseException | None = None) -> Trace:
        self.trace.duration_s = self.now()
        self._photograph_whole()
        if error is not None:
            self.trace.outcome = "broken"
            self.trace.error = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        redact_in_place(self.trace, self.values.secrets_used)  # whatever a page echoed, wherever it went
        return self.trace
