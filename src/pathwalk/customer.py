"""What a first-time customer can do, found by what they see; every action is recorded.

Steps talk to a :class:`Customer`, never to CSS or XPath: targets are found by role and
accessible name, by label, or by visible text, as a person (or a screen reader) finds them.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Locator
from playwright.sync_api import Page as BrowserPage

from pathwalk.recorder import Recorder
from pathwalk.trace import Action


class JourneyError(Exception):
    """A step cannot be done as written; the message says what the customer saw instead.

    Not an AssertionError: a journey that cannot be walked is *broken*, not over its standards.
    """


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class Customer:
    """A first-time customer walking the site in one fresh browser context."""

    def __init__(self, page: BrowserPage, recorder: Recorder, base_url: str) -> None:
        self.page = page
        self.recorder = recorder
        self.base_url = base_url

    # -- finding things by what a person sees -------------------------------------------------
    def _one(self, candidates: Locator, what: str) -> Locator:
        """The single element meant, or a JourneyError naming what is there instead."""
        count = candidates.count()
        where = _path(self.page.url)
        if count == 0:
            raise JourneyError(f"No {what} on {where}. {self._visible_choices()}")
        if count == 1:
            return candidates
        hrefs = {candidates.nth(i).get_attribute("href") for i in range(count)}
        if None not in hrefs and len(hrefs) == 1:
            return candidates.first  # the same link shown twice (e.g. body and footer) is one choice
        raise JourneyError(f"{count} elements match {what} on {where}; make the step more specific.")

    def _visible_choices(self) -> str:
        names = self.page.get_by_role("button").all_inner_texts() + self.page.get_by_role("link").all_inner_texts()
        shown = sorted({" ".join(n.split()) for n in names if n.strip()})
        return f"Buttons and links here: {', '.join(repr(n) for n in shown)}." if shown else "Nothing here to click."

    def clickable(self, name: str) -> Locator:
        """A button or link with this accessible name."""
        button = self.page.get_by_role("button", name=name, exact=True)
        link = self.page.get_by_role("link", name=name, exact=True)
        return self._one(button.or_(link), f"button or link named '{name}'")

    def button(self, name: str) -> Locator:
        return self._one(self.page.get_by_role("button", name=name, exact=True), f"button named '{name}'")

    def link(self, name: str) -> Locator:
        return self._one(self.page.get_by_role("link", name=name, exact=True), f"link named '{name}'")

    def field(self, label: str) -> Locator:
        return self._one(self.page.get_by_label(label, exact=True), f"field labelled '{label}'")

    # -- doing things ---------------------------------------------------------------------------
    def open(self, path: str = "/") -> Action:
        url = urljoin(self.base_url + "/", path.lstrip("/"))
        return self.recorder.act("open", lambda: self.page.goto(url))

    def click(self, name: str) -> Action:
        target = self.clickable(name)
        return self.recorder.act("click", target.click, target)

    def follow(self, name: str) -> Action:
        target = self.link(name)
        return self.recorder.act("click", target.click, target)

    def press(self, name: str) -> Action:
        target = self.button(name)
        return self.recorder.act("click", target.click, target)

    def fill(self, label: str, value: str) -> Action:
        target = self.field(label)
        return self.recorder.act("fill", lambda: target.fill(value), target, value)

    def select(self, label: str, option: str) -> Action:
        target = self.field(label)
        return self.recorder.act("select", lambda: target.select_option(label=option), target, option)

    def check(self, label: str) -> Action:
        target = self.field(label)
        return self.recorder.act("check", target.check, target)

    def uncheck(self, label: str) -> Action:
        target = self.field(label)
        return self.recorder.act("uncheck", target.uncheck, target)

    def sees(self, text: str) -> None:
        """Assert the text is visible; say what the page shows when it is not."""
        if self.page.get_by_text(text).filter(visible=True).count() == 0:
            heading = self.page.get_by_role("heading", level=1).all_inner_texts()
            shown = f"'{heading[0]}'" if heading else "no heading"
            raise JourneyError(f"Expected to see '{text}' on {_path(self.page.url)}, which shows {shown}.")
