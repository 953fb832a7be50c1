"""The recorder: turns a journey's step boundaries, actions and page arrivals into a trace.

It only observes and writes down; judging is left to checks. Every new document the customer
reaches is read once (ways forward, fields, status) and photographed, so findings can show it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from playwright.sync_api import Error, Locator, TimeoutError
from playwright.sync_api import Page as BrowserPage

from pathwalk.errors import SiteError
from pathwalk.trace import Action, Element, Event, Field, Journey, Page, Step, Trace


def _first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else "no details"


@cache
def probe_js() -> str:
    return files("pathwalk").joinpath("probe.js").read_text(encoding="utf-8").strip().rstrip(";")


class Recorder:
    """Records one scenario walked in one browser page."""

    def __init__(self, journey: Journey, page: BrowserPage, artifacts: Path, base_url: str = "",
                 browser: str = "", timeout_s: float = 30.0) -> None:
        self.timeout_s = timeout_s
        self._page = page
        self.artifacts = artifacts
        self.trace = Trace(journey=journey, base_url=base_url, browser=browser,
                           started_at=datetime.now(UTC).isoformat(timespec="seconds"))
        self.page = page
        self._salt = secrets.token_bytes(16)  # per journey and never stored: hashes only compare within
        self._t0 = time.monotonic()
        self._document: tuple[float, str] | None = None
        self._opened = 0  # windows the current document had opened when last read
        self.current_step: int | None = None

    @property
    def page(self) -> BrowserPage:
        return self._page

    @page.setter
    def page(self, page: BrowserPage) -> None:
        """Watch what the page does to the customer besides their own actions."""
        self._page = page
        page.on("dialog", self._dialog)
        page.on("crash", lambda _: self.event("crash", "the page crashed (its renderer died)"))
        page.context.on("page", self._popup)

    def event(self, kind: str, detail: str) -> None:
        self.trace.events.append(Event(kind, self.current_step, self._page.url, detail[:300], self.now()))

    def _dialog(self, dialog: Any) -> None:
        """A customer closes a dialog; leaving the page is allowed (else navigation would hang)."""
        self.event("dialog", f"{dialog.type}: {dialog.message}")
        with suppress(Error):
            dialog.accept() if dialog.type == "beforeunload" else dialog.dismiss()

    def _popup(self, popup: BrowserPage) -> None:
        """A new window or tab the site opened is closed, so the journey stays in its tab (the page
        itself counts what it opened: see observe)."""
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
        """Do one customer action, timing it until the page has settled, and record it."""
        page = self.observe()
        element = Element(**target.evaluate(f"el => ({probe_js()}).describe(el)")) if target else Element()
        box = self._box(target) if target else None
        action = Action(
            index=len(self.trace.actions), step=self.current_step, kind=kind, url=self.page.url,
            page=page.index if page else None, element=element,
            value_hash=self.hash_value(value) if value is not None else None,
            value_length=len(value) if value is not None else 0, started=self.now(), box=box,
        )
        self.trace.actions.append(action)
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
        self.observe()
        return action

    def _box(self, target: Locator) -> list[float] | None:
        """The target's box in page coordinates (the screenshots are full pages)."""
        try:
            box = target.bounding_box(timeout=2000)
            scroll = self.page.evaluate("[scrollX, scrollY]")
        except Error:
            return None
        if box is None:
            return None
        return [round(box["x"] + scroll[0]), round(box["y"] + scroll[1]), round(box["width"]), round(box["height"])]

    def observe(self) -> Page | None:
        """Read the current document; record it if the customer has just arrived there."""
        try:
            seen: dict[str, Any] = self.page.evaluate(f"() => ({probe_js()}).page()")
        except Error:
            return self.trace.pages[-1] if self.trace.pages else None  # mid-navigation or closed
        key = (float(seen["document"]), str(seen["url"]))
        if key[1] == "about:blank":
            return None  # the empty tab before the customer arrives anywhere
        same_document = key == self._document and bool(self.trace.pages)
        opened = int(seen.get("opened") or 0) - (self._opened if same_document else 0)
        if opened > 0:
            self.event("popup", f"the site opened {opened} new window{'s' if opened > 1 else ''}")
        self._opened = int(seen.get("opened") or 0)
        if same_document:
            return self.trace.pages[-1]
        self._document = key
        page = Page(
            index=len(self.trace.pages), step=self.current_step, url=seen["url"], status=seen["status"],
            title=seen["title"], heading=seen["heading"], links=seen["links"], buttons=seen["buttons"],
            forms=seen["forms"], fields=[Field(**f) for f in seen["fields"]], arrived=self.now(),
            scale=float(seen.get("scale") or 1.0),
        )
        page.screenshot = self._screenshot(page.index)
        self.trace.pages.append(page)
        return page

    def _screenshot(self, index: int) -> str | None:
        path = self.artifacts / f"page-{index:02d}.png"
        try:
            self.page.screenshot(path=str(path), full_page=True)
        except Error:
            return None
        return str(path)

    def finish(self, error: BaseException | None = None) -> Trace:
        self.trace.duration_s = self.now()
        if error is not None:
            self.trace.outcome = "broken"
            self.trace.error = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return self.trace
