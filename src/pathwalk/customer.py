"""What a first-time customer can do, found by what they see; every action is recorded.

Steps talk to a :class:`Customer`, never to CSS or XPath: targets are found by role and
accessible name, by label, or by visible text, as a person (or a screen reader) finds them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Error, Frame, Locator
from playwright.sync_api import Page as BrowserPage

from pathwalk.browser import Walk
from pathwalk.errors import JourneyError
from pathwalk.frames import child_frames
from pathwalk.handoffs import origin
from pathwalk.personas import Persona
from pathwalk.recorder import Recorder
from pathwalk.trace import Action
from pathwalk.values import JourneyValues, MissingSecret

# Where an element sits, in words: its nearest landmark and that landmark's name or heading.
_PLACE_JS = """el => {
  const names = {NAV: "navigation", HEADER: "header", FOOTER: "footer", MAIN: "main content",
                 FORM: "form", SECTION: "section", ASIDE: "sidebar", FIELDSET: "group", DIALOG: "dialog"};
  const box = el.closest("nav, header, footer, main, form, section, aside, fieldset, dialog");
  if (!box) return "";
  const title = box.getAttribute("aria-label") || box.querySelector("legend, h1, h2, h3")?.innerText || "";
  return names[box.tagName] + (title ? ` '${title.trim()}'` : "");
}"""


# A line of Playwright's aria snapshot: `- button "Save"`, `- link "Help":`, `- textbox`.
_ROLE_NAME = re.compile(r'^- (\w+)(?: "((?:[^"\\]|\\.)*)")?')
_CHOICE = re.compile(r'^\s*- (button|link) "((?:[^"\\]|\\.)*)"', re.MULTILINE)

SEE_WAIT_S = 5.0  # how long "I should see" looks for its text: Playwright's default for expect()

# How a target is found in one scope: the page, or one of its iframes.
Locate = Callable[[BrowserPage | Frame], Locator]

# What a field step may act on: form controls, never the section or article a label also names.
FIELD_CONTROLS = ("input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset])"
                  ":not([type=image]), select, textarea, [contenteditable]:not([contenteditable=false]), "
                  "[role=textbox], [role=searchbox], [role=combobox], [role=spinbutton], [role=slider], "
                  "[role=switch], [role=checkbox], [role=radio], [role=listbox]")
FieldRole = Literal["textbox", "searchbox", "combobox", "spinbutton", "slider", "switch", "checkbox", "radio",
                    "listbox"]
FIELD_ROLES: tuple[FieldRole, ...] = get_args(FieldRole)
# Marks a label carries besides its words: "Username:", "Email *", "Email (required)", "Emailrequired".
_LABEL_MARKS = r"\s*[:*]?\s*(\(?([Rr]equired|[Oo]ptional)\)?)?\s*[:*]?\s*"
# A hint some sites append to a control's title for its access key: "Edit this page [e]".
_ACCESS_KEY = r"\s*\[[^\]]{1,20}\]"


def _tiers(*tiers: Locate) -> Locate:
    """The first way of finding that finds something in the scope (the last one, empty, if none):
    what the customer reads exactly wins over a looser reading of the same words."""

    def locate(scope: BrowserPage | Frame) -> Locator:
        for tier in tiers[:-1]:
            found = tier(scope)
            if found.count():
                return found
        return tiers[-1](scope)

    return locate


def _named_like(label: str, marks: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(label)}{marks}$")


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class Customer:
    """A first-time customer walking the site in one fresh browser context."""

    def __init__(self, recorder: Recorder, walk: Walk, here: Path | None = None) -> None:
        self.recorder = recorder
        self.walk = walk
        self.here = here or Path.cwd()
        self.values: JourneyValues = recorder.values  # one per journey: the recorder redacts its secrets

    @property
    def page(self) -> BrowserPage:
        return self.recorder.page

    @property
    def base_url(self) -> str:
        return self.walk.base_url

    def become(self, persona: Persona) -> None:
        """Start again as a first-time customer with another persona (device, network...)."""
        self.recorder.page = self.walk.open(persona)
        self.recorder.trace.persona = persona.name

    def value(self, text: str) -> str:
        """The value to type: ``${ENV}`` secrets and ``{unique ...}`` values expanded."""
        try:
            return self.values.expand(text)
        except MissingSecret as exc:
            raise JourneyError(str(exc)) from None

    # -- finding things by what a person sees -------------------------------------------------
    def _find(self, locate: Locate, what: str) -> Locator:
        """The single element meant, or a JourneyError naming what is there instead.

        Looked for in the page (open shadow roots included: Playwright's locators pierce them),
        and only where the page has none, in its iframes, whichever site serves them.
        """
        where = _path(self.page.url)
        candidates = locate(self.page)
        groups, frames = [("", candidates, candidates.count())], []
        if groups[0][2] == 0:
            frames = child_frames(self.page)
            groups = [(f" in the frame {self._frame_name(f)}", c, n) for f in frames
                      for c in [locate(f)] if (n := c.count())]
        count = sum(n for _, _, n in groups)
        if count == 0:
            status = self.recorder.trace.pages[-1].status if self.recorder.trace.pages else None
            answered = f" (the page answered HTTP {status})" if status and status >= 400 else ""
            looked = (f" nor in its frame{'s' if len(frames) > 1 else ''} "
                      f"{', '.join(self._frame_name(f) for f in frames)}") if frames else ""
            raise JourneyError(f"No {what} on {where}{looked}{answered}. {self._visible_choices(frames)}")
        if count == 1:
            return groups[0][1]
        found = [(place, located.nth(i)) for place, located, n in groups for i in range(n)]
        hrefs = {element.get_attribute("href") for _, element in found}
        if len(groups) == 1 and None not in hrefs and len(hrefs) == 1:
            return groups[0][1].first  # the same link shown twice (e.g. body and footer) is one choice
        listed = "; ".join(f"{i + 1}. {self._describe(element)}{place}" for i, (place, element) in enumerate(found))
        raise JourneyError(f"{count} elements match {what} on {where}: {listed}. Make the step more specific.")

    def _frame_name(self, frame: Frame) -> str:
        """An iframe as a reader finds it: its path on the page's own site, else its whole URL."""
        same_site = urlsplit(frame.url)[:2] == urlsplit(self.page.url)[:2]
        return _path(frame.url) if same_site else frame.url

    def _describe(self, element: Locator) -> str:
        """An element as a screen reader announces it (role and accessible name), and where it is."""
        said = _ROLE_NAME.match(element.aria_snapshot().strip().splitlines()[0] if element.count() else "")
        if said:
            role, text = said.group(1), said.group(2) or ""
        else:
            role = element.evaluate("el => el.getAttribute('role') || el.tagName.toLowerCase()")
            text = " ".join((element.inner_text() or element.get_attribute("aria-label") or "").split())
        role = "field" if role in FIELD_ROLES else {"a": "link", "input": "field", "select": "field",
                                                      "textarea": "field"}.get(role, role)
        place = element.evaluate(_PLACE_JS)
        return f"{role} '{text}'" + (f" in the {place}" if place else "")

    def _visible_choices(self, frames: list[Frame] | None = None) -> str:
        """The buttons and links a person could choose instead, by their accessible names."""
        names = []
        for scope in (self.page, *(frames or ())):
            try:
                tree = scope.locator("body").aria_snapshot()
            except Error:
                continue
            names += [m.group(2) for m in _CHOICE.finditer(tree)]
        shown = sorted({" ".join(n.split()) for n in names if n.strip()})
        return f"Buttons and links here: {', '.join(repr(n) for n in shown)}." if shown else "Nothing here to click."

    def clickable(self, name: str) -> Locator:
        """A button or link with this accessible name."""
        return self._find(_tiers(
            lambda scope: scope.get_by_role("button", name=name, exact=True).or_(
                scope.get_by_role("link", name=name, exact=True)),
            lambda scope: scope.get_by_role("button", name=_named_like(name, _ACCESS_KEY)).or_(
                scope.get_by_role("link", name=_named_like(name, _ACCESS_KEY)))), f"button or link named '{name}'")

    def button(self, name: str) -> Locator:
        return self._find(self._role("button", name), f"button named '{name}'")

    def link(self, name: str) -> Locator:
        return self._find(self._role("link", name), f"link named '{name}'")

    @staticmethod
    def _role(role: Literal["button", "link"], name: str) -> Locate:
        """By accessible name, exactly; else the same name with an access-key hint after it."""
        return _tiers(lambda scope: scope.get_by_role(role, name=name, exact=True),
                      lambda scope: scope.get_by_role(role, name=_named_like(name, _ACCESS_KEY)))

    def field(self, label: str) -> Locator:
        """A form control labelled so: by its label exactly; else by its accessible name with a
        mark after the words (":", "*", "required", "optional"); else by the placeholder a person
        reads in the box. Only form controls count: an article labelled the same is no field."""
        def by_name(scope: BrowserPage | Frame) -> Locator:
            found = scope.get_by_role(FIELD_ROLES[0], name=_named_like(label, _LABEL_MARKS))
            for role in FIELD_ROLES[1:]:
                found = found.or_(scope.get_by_role(role, name=_named_like(label, _LABEL_MARKS)))
            return found

        return self._find(_tiers(
            lambda scope: scope.get_by_label(label, exact=True).and_(scope.locator(FIELD_CONTROLS)),
            by_name,
            lambda scope: scope.get_by_placeholder(label, exact=True).and_(scope.locator(FIELD_CONTROLS)),
        ), f"field labelled '{label}'")

    def option(self, name: str, group: str | None = None) -> Locator:
        what = f"option '{name}'" + (f" in '{group}'" if group else "")
        return self._find(lambda scope: (scope.get_by_role("group", name=group, exact=True) if group else scope)
                          .get_by_role("radio", name=name, exact=True), what)

    # -- doing things ---------------------------------------------------------------------------
    def open(self, path: str = "/") -> Action:
        url = urljoin(self.base_url + "/", self.value(path).lstrip("/"))
        if not self.walk.boundaries.permitted(url):
            raise JourneyError(f"{origin(url)} is outside the allowed origins, so pathwalk does not open it. "
                               "Add it to --pathwalk-allow-origins (ini: pathwalk_allow_origins) to walk there.")
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
        target, typed = self.field(label), self.value(value)
        return self.recorder.act("fill", lambda: target.fill(typed), target, typed)

    def select(self, label: str, option: str) -> Action:
        target, chosen = self.field(label), self.value(option)
        return self.recorder.act("select", lambda: target.select_option(label=chosen), target, chosen)

    def check(self, label: str) -> Action:
        target = self.field(label)
        return self.recorder.act("check", target.check, target)

    def uncheck(self, label: str) -> Action:
        target = self.field(label)
        return self.recorder.act("uncheck", target.uncheck, target)

    def pick(self, name: str, group: str | None = None) -> Action:
        target = self.option(name, group)
        return self.recorder.act("check", target.check, target)

    def upload(self, label: str, file: str) -> Action:
        path = (self.here / file).resolve()
        if not path.is_file():
            raise JourneyError(f"No file to upload at {path}; paths are relative to the feature file.")
        target = self.field(label)
        return self.recorder.act("upload", lambda: target.set_input_files(path), target)

    def press_key(self, key: str) -> Action:
        """Press a key where the focus is; through a locator, so a navigation it starts is waited for."""
        focused = self.page.locator("*:focus")
        target = focused if focused.count() == 1 else self.page.locator("body")
        return self.recorder.act("key", lambda: target.press(key))

    def go_back(self) -> Action:
        return self.recorder.act("back", self.page.go_back)

    def reload(self) -> Action:
        return self.recorder.act("reload", self.page.reload)

    def wait(self, seconds: float) -> Action:
        """The customer waits; recorded as waiting time like any slow page."""
        return self.recorder.act("wait", lambda: self.page.wait_for_timeout(seconds * 1000))

    # -- what the customer expects ------------------------------------------------------------
    def _heading(self) -> str:
        heading = self.page.get_by_role("heading", level=1).all_inner_texts()
        return f"'{heading[0]}'" if heading else "no heading"

    def _shows(self, text: str, wait_s: float = 0.0) -> bool:
        """Whether the text is visible on the page or in one of its iframes (a customer sees both),
        looking again every 0.1 s for up to ``wait_s``."""
        deadline = time.monotonic() + wait_s
        while True:
            scopes: list[BrowserPage | Frame] = [self.page, *child_frames(self.page)]
            if any(_count_visible(scope, text) for scope in scopes):
                return True
            if time.monotonic() >= deadline:
                return False
            self.page.wait_for_timeout(100)

    def sees(self, text: str) -> None:
        """Assert the text is visible; say what the page shows when it is not.

        The customer gives the page a moment (SEE_WAIT_S, like Playwright's assertions): an answer
        that comes a little after the page settled (a route an iframe's message starts) is seen.
        """
        if not self._shows(text, min(SEE_WAIT_S, self.recorder.timeout_s)):
            raise JourneyError(f"Expected to see '{text}' on {_path(self.page.url)}, which shows {self._heading()}.")

    def does_not_see(self, text: str) -> None:
        if self._shows(text):
            raise JourneyError(f"Expected not to see '{text}' on {_path(self.page.url)}, but it is there.")

    def is_on(self, path: str) -> None:
        if urlsplit(self.page.url).path != path:
            raise JourneyError(f"Expected to be on {path}, but the customer is on {_path(self.page.url)}.")

    def is_on_page(self, title: str) -> None:
        headings = [" ".join(h.split()) for h in self.page.get_by_role("heading", level=1).all_inner_texts()]
        if title not in headings and title not in self.page.title():
            raise JourneyError(f"Expected the '{title}' page, but {_path(self.page.url)} shows {self._heading()}.")

    def sees_error_on(self, label: str) -> None:
        field = self.field(label)
        invalid = field.evaluate("el => el.getAttribute('aria-invalid') === 'true' || !el.checkValidity()")
        if not invalid:
            raise JourneyError(f"Expected the '{label}' field to show an error on {_path(self.page.url)}; it does not.")


def _count_visible(scope: BrowserPage | Frame, text: str) -> int:
    """Visible elements with the text; 0 in an iframe the app removed meanwhile (a customer sees none)."""
    try:
        return scope.get_by_text(text).filter(visible=True).count()
    except Error:
        if isinstance(scope, Frame) and scope.is_detached():
            return 0
        raise
