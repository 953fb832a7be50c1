"""Accessibility of each page the customer reaches, checked with axe-core (Deque Systems).

Rules: axe-core's rules tagged ``wcag2a``, ``wcag2aa``, ``wcag21a``, ``wcag21aa`` and
``wcag22aa``, i.e. the WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA, the level laws
and policies ask for (EN 301 549, Section 508, the European Accessibility Act). axe-core's
``best-practice`` rules (landmarks, heading order...) are left out: they are not WCAG failures,
and on most sites they would bury the failures. Experimental rules stay off (axe-core's default).
Each violation is stored as ``Violation(rule, impact, help, nodes, target)``: axe-core's rule id,
its impact (minor, moderate, serious, critical), its one-line help, how many elements break it
and the first of them as axe-core points at it (``>>>`` steps into an open shadow root).

Where axe-core comes from: the file named by ``PATHWALK_AXE``, else
``node_modules/axe-core/axe.min.js`` in the project's rootdir, the current directory or a folder
above either (``npm ci`` installs the version package-lock.json pins). Without it, pages'
``a11y`` stays None (not checked), the walk goes on, and one warning per run says so.

Scope and cost: axe-core runs once per page recorded (a new document or a client-side route),
after its screenshot, on the main document with its open shadow roots and its iframes, same- or
cross-origin. A page without iframes gets one ``axe.run`` (``iframes: false``); a page with
them gets axe-core's partial run in each frame it names (``runPartial``, driven from here
through Playwright's frames, so no frame has to answer axe-core's own messages and a frame that
is gone only drops out) and one ``finishRun`` in the page. A violation's target then starts
with the iframe's selector. Its script (650 kB) comes with each journey's browser context as
an init script (``init_script``) that only wraps it in a function: the browser pre-parses it in
each document and frame (about 10 ms) and runs it on the document's first check. Sending it
through Playwright for every page instead cost about 50 ms more a page (bench/walk_profile.py).
Neither way is a ``<script>`` element, so a Content-Security-Policy cannot block it and the
page's DOM is not touched; the globals it would set are kept off the page (``window.axe`` stays
the site's own). A page opened without the init script gets the script sent through
Playwright. A page with more than MAX_ELEMENTS elements is not checked (None): axe-core's time
grows with the page (seconds for a thousand links on a 2-core machine), and a walk must stay
quick on huge pages.

Checked once: a journey suite meets the same pages again and again (the home page in every
journey). A page whose URL, window size and markup (the document's HTML with its open shadow
roots', hashed in the page, and each iframe's the same way) match a page already checked by
this process gets that page's violations without running axe-core again (about 100 ms saved
each time; ``Axe.reused`` counts them). Anything that could change what axe-core finds (text,
attributes, classes, inline styles, elements added by scripts, another viewport) changes the
markup or the key.
"""

from __future__ import annotations

import os
import warnings
from contextlib import suppress
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Error, Frame
from playwright.sync_api import Page as BrowserPage

from pathwalk.trace import Violation

AXE_ENV = "PATHWALK_AXE"
AXE_FILE = Path("node_modules") / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
MAX_ELEMENTS = 3000

OPTIONS: dict[str, Any] = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": list(TAGS)}}

# The end of a script holding axe-core's `results`: its violations as rows. A target is a list of
# selectors, one per iframe; a list inside is a shadow path.
ROWS_JS = """
  const step = (s) => Array.isArray(s) ? s.join(" >>> ") : String(s);
  return results.violations.map((v) => ({rule: v.id, impact: v.impact || "", help: v.help || "",
    nodes: v.nodes.length, target: v.nodes.length ? v.nodes[0].target.map(step).join(" ") : ""}));
}"""

# Runs axe-core where it was injected: "missing" (inject it first), null (too big to check) or
# the violations.
RUN_JS = """async ([options, most]) => {
  if (document.getElementsByTagName("*").length > most) return null;
  const axe = window.__pathwalkAxe;
  if (!axe) return "missing";
  const results = await axe.run({exclude: ["[data-pathwalk-mask]"]}, {...options, iframes: false});""" + ROWS_JS

# The same, for a page with iframes: axe-core's partial run in each frame (the frames axe-core
# names, in its order), then finishRun in the page.
FRAMES_JS = """(context) => window.__pathwalkAxe ? window.__pathwalkAxe.utils.getFrameContexts(context)
  .map((f) => [f.frameSelector, f.frameContext]) : "missing" """
PARTIAL_JS = "([context, options]) => window.__pathwalkAxe.runPartial(context, options)"
FRAME_ELEMENT_JS = "(selector) => window.__pathwalkAxe.utils.shadowSelect(selector)"
FINISH_JS = """async ([partials, options]) => {
  const results = await window.__pathwalkAxe.finishRun(partials, options);""" + ROWS_JS
# axe-core's context for a whole document: fields pathwalk masked (black boxes over secrets, see
# mask.js) are left out, as their contrast is pathwalk's doing, not the site's.
WHOLE: dict[str, list[str]] = {"exclude": ["[data-pathwalk-mask]"]}

# What a page's violations depend on, as one key: null when the page is too big to check. The
# HTML is hashed twice (FNV-1a and a Murmur-style multiplier: 64 bits) so only the key leaves the page.
KEY_JS = """(most) => {
  if (document.getElementsByTagName("*").length > most) return null;
  let html = document.documentElement ? document.documentElement.outerHTML : "";
  const roots = [document];
  for (let i = 0; i < roots.length && roots.length < 500; i++) {
    for (const el of roots[i].querySelectorAll("*")) {
      if (el.shadowRoot) { roots.push(el.shadowRoot); html += "\u0000" + el.shadowRoot.innerHTML; }
    }
  }
  let a = 0x811c9dc5, b = 0x9747b28c;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 1540483477);
  }
  const hash = (a >>> 0).toString(16) + (b >>> 0).toString(16);
  return [location.href, innerWidth, innerHeight, html.length, hash].join(" ");
}"""
KEPT = 2000  # keys remembered per process (the oldest are forgotten first)

# Runs the loader the init script left in a top-level document: false when there is none.
LOAD_JS = "() => { const load = window.__pathwalkAxeLoad; if (!load) return false; load(); return true; }"


class AxeMissing(UserWarning):
    """axe-core could not be found: pages are walked but not checked for accessibility."""


class Axe:
    """axe-core's script, read once per run, and how to check a page with it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.checked: dict[str, list[Violation]] = {}  # by KEY_JS's key, oldest first
        self.runs = self.reused = 0  # pages axe-core checked, and pages given an earlier page's answer
        # Inside a function whose own `define` and `module` hide the page's (a site using AMD or
        # CommonJS would otherwise get axe-core registered); the window.axe it sets is moved aside.
        self.inject = ("() => { const define = undefined, module = undefined, exports = undefined;"
                       " const had = Object.getOwnPropertyDescriptor(window, 'axe');\n"
                       + path.read_text(encoding="utf-8") +
                       "\n; Object.defineProperty(window, '__pathwalkAxe', {value: window.axe, configurable: true});"
                       " if (had) Object.defineProperty(window, 'axe', had); else delete window.axe; }")

    @property
    def init_script(self) -> str:
        """For ``BrowserContext.add_init_script``: axe-core as a function top-level documents keep
        (not enumerable, so a site listing window's properties does not meet it) until a check."""
        return ("Object.defineProperty(window, '__pathwalkAxeLoad',"
                f" {{value: {self.inject}, configurable: true}});")

    def check(self, page: BrowserPage) -> list[Violation] | None:
        """The page's violations; None when it could not be checked (too big, gone, script failed)."""
        try:
            frames = page.main_frame.child_frames
            key: str | None = page.evaluate(KEY_JS, MAX_ELEMENTS)
            if key is None:
                return None
            key += "".join(f" | {self._frame_key(frame)}" for frame in frames)
            if key in self.checked:
                self.reused += 1
                return [replace(v) for v in self.checked[key]]
            if frames:
                found: Any = self._with_frames(page)
            else:
                found = page.evaluate(RUN_JS, [OPTIONS, MAX_ELEMENTS])
                if found == "missing":
                    self._load(page.main_frame)
                    found = page.evaluate(RUN_JS, [OPTIONS, MAX_ELEMENTS])
        except Error:
            return None
        if not isinstance(found, list):
            return None
        self.runs += 1
        violations = [Violation(**v) for v in found]
        self.checked[key] = violations
        if len(self.checked) > KEPT:
            del self.checked[next(iter(self.checked))]
        return [replace(v) for v in violations]

    def _load(self, frame: Frame) -> None:
        """axe-core in this frame's document: from the init script's loader, else sent now."""
        if not frame.evaluate(LOAD_JS):
            frame.evaluate(self.inject)

    def _frame_key(self, frame: Frame) -> str:
        try:
            return str(frame.evaluate(KEY_JS, MAX_ELEMENTS))
        except Error:
            return f"{frame.url} (not read)"

    def _with_frames(self, page: BrowserPage) -> list[dict[str, Any]]:
        """A page with iframes: axe-core's partial run in every frame it reaches, put together
        in the page (runPartial and finishRun, as axe-core documents for frames it cannot message)."""
        partials = self._partials(page.main_frame, WHOLE)
        found: list[dict[str, Any]] = page.evaluate(FINISH_JS, [partials, OPTIONS])
        return found

    def _partials(self, frame: Frame, context: Any) -> list[Any]:
        """The frame's partial result, then its frames' in axe-core's order (None for one gone)."""
        contexts = frame.evaluate(FRAMES_JS, context)
        if contexts == "missing":
            self._load(frame)
            contexts = frame.evaluate(FRAMES_JS, context)
        results: list[Any] = [frame.evaluate(PARTIAL_JS, [context, OPTIONS])]
        for selector, inner in contexts:
            child = None
            with suppress(Error):
                element = frame.evaluate_handle(FRAME_ELEMENT_JS, selector).as_element()
                child = element.content_frame() if element else None
            if child is None:
                results.append(None)
                continue
            try:
                results.extend(self._partials(child, inner))
            except Error:
                results.append(None)
        return results


def find_axe(*starts: Path) -> Path | None:
    """``PATHWALK_AXE`` if set (existing or not), else the first node_modules copy at or above a start."""
    named = os.environ.get(AXE_ENV)
    if named:
        path = Path(named).expanduser()
        return path if path.is_file() else None
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / AXE_FILE).is_file():
                return folder / AXE_FILE
    return None


def load_axe(root: Path) -> Axe | None:
    """axe-core for this run (found from the rootdir and the current directory), or None with a warning."""
    return _load(os.environ.get(AXE_ENV, ""), root.resolve(), Path.cwd().resolve())


@cache
def _load(named: str, root: Path, cwd: Path) -> Axe | None:
    path = find_axe(root, cwd)
    if path is not None:
        with suppress(OSError):
            return Axe(path)
    where = f"{AXE_ENV}={named} is not a readable file" if named else (
        f"no {AXE_FILE} in {root}, {cwd} or a folder above")
    warnings.warn(AxeMissing(f"pathwalk: axe-core not found ({where}); pages are walked but not checked "
                             f"for accessibility (a11y: null). Run `npm install axe-core` in the project, "
                             f"or set {AXE_ENV} to its axe.min.js."), stacklevel=3)
    return None
