"""Where the customer leaves the walked site: other origins, mail and phone apps, downloaded files.

Each is written into the trace as an event (``handoff`` or ``download``), so a report shows where
a journey handed the customer over to somebody else:

- **Another origin** (scheme, host and port, as in RFC 6454): a top-level document that the
  customer reaches on an origin other than the base URL's is a ``handoff``. With
  ``pathwalk_allow_origins`` set, no request of the context reaches an origin outside the list (the
  base URL's is always allowed): a top-level navigation, the customer's tab's or a pop-up's, is
  answered ``204 No Content``, which by the HTML standard's navigate algorithm leaves the page as it
  was; every other request (iframes, images, scripts, fonts, ``fetch``, ``sendBeacon``, workers')
  is aborted as blocked by the client, which the ``errors`` check does not count against the site.
  Only the customer's own tab leaving is a ``handoff``; a blocked sub-resource is not the customer
  going anywhere. Playwright's routing sees only the first URL of a server redirect, so a 3xx
  redirect to a foreign origin is followed; it is recorded as a handoff that says so.
- **mailto: and tel: links**: the click is recorded as a ``handoff`` and its default action
  prevented. There is no mail or phone app to walk into, and headless Chromium, once asked to open
  one, stops following later clicks.
- **Downloads**: saved under the journey's ``downloads/`` folder in reports/, never elsewhere, and
  recorded as a ``download`` event. Playwright keeps its own copy in a temporary folder that it
  deletes with the browser context.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Download, Error, Frame, Page, Route

Report = Callable[[str, str], None]  # (event kind, detail)
APP_LINKS_JS = """document.addEventListener("click", event => {
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (link && /^(mailto|tel):/i.test(link.href)) { event.preventDefault(); window.__pathwalkHandoff(link.href); }
}, true);"""
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> str | None:
    """``scheme://host[:port]`` of an http(s) URL, the default port left out; None for other URLs."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    shown = f":{port}" if port is not None and port != DEFAULT_PORTS[parts.scheme] else ""
    return f"{parts.scheme}://{host}{shown}"


class Boundaries:
    """Watches one browser context for the customer leaving the site, and stops what is not allowed."""

    def __init__(self, base_url: str, allow_origins: Iterable[str] = (), downloads: Path | None = None) -> None:
        self.home = origin(base_url)
        self.allowed = {o for o in (origin(u) for u in allow_origins) if o}
        self.restricted = bool(self.allowed)
        self.downloads = downloads
        self.report: Report = lambda kind, detail: None
        self._where: str | None = self.home  # origin of the customer's current document
        self._main: Page | None = None  # the customer's tab (other pages are popups)
        self._saving = 0  # downloads being saved

    def permitted(self, url: str) -> bool:
        found = origin(url)
        return found is None or found == self.home or not self.restricted or found in self.allowed

    def attach(self, context: BrowserContext) -> None:
        """Watch a fresh context: its pages' navigations and downloads, and mailto:/tel: clicks."""
        self._where, self._main = self.home, None
        context.expose_binding("__pathwalkHandoff", lambda source, href: self.report(
            "handoff", f"left for {href} (not followed: a mail or phone app)"))
        context.add_init_script(APP_LINKS_JS)
        context.on("page", self._watch)
        if self.restricted:
            context.route(lambda url: not self.permitted(url), self._stop)

    def _watch(self, page: Page) -> None:
        page.on("download", self._download)
        if self._main is None:
            self._main = page
            page.on("framenavigated", self._arrived)

    def _stop(self, route: Route) -> None:
        """A request to an origin outside the list: a top-level navigation stays where it was, anything
        else is blocked, so the other origin never hears of it."""
        request = route.request
        try:
            frame = request.frame if request.is_navigation_request() else None
        except Error:
            frame = None  # a request without a frame (a worker's)
        if frame is None or frame.parent_frame is not None:
            with suppress(Error):  # the page may be gone already
                route.abort("blockedbyclient")
            return
        if frame.page is self._main:  # a popup's navigation is stopped too, but the popup is its own event
            self.report("handoff", f"left for {request.url} (not followed: not in pathwalk_allow_origins)")
        with suppress(Error):
            route.fulfill(status=204)

    def _arrived(self, frame: Frame) -> None:
        if frame.parent_frame is not None:
            return
        now = origin(frame.url)
        if now is None:
            return  # about:blank, error pages, data: URLs
        if now != self.home and now != self._where:
            how = ("followed" if not self.restricted else "followed: in pathwalk_allow_origins" if now in self.allowed
                   else "followed: a server redirect, which pathwalk_allow_origins cannot stop")
            self.report("handoff", f"left for {frame.url} ({how})")
        self._where = now

    def _download(self, download: Download) -> None:
        """Save the file under the journey's reports folder, and nowhere else."""
        name = Path(download.suggested_filename).name or "download"
        if self.downloads is None:
            with suppress(Error):
                download.cancel()
            self.report("download", f"{name} from {download.url} (not saved)")
            return
        self.downloads.mkdir(parents=True, exist_ok=True)
        target, n = self.downloads / name, 1
        while target.exists():
            n += 1
            target = self.downloads / f"{Path(name).stem}-{n}{Path(name).suffix}"
        target.touch()  # claimed now: another download of the same name gets the next one
        self.report("download", f"{name} from {download.url} (saved as downloads/{target.name})")
        self._saving += 1
        try:  # Playwright runs this handler beside the journey, which goes on meanwhile
            download.save_as(target)
        except Error as exc:
            target.unlink(missing_ok=True)
            self.report("download", f"{name} was not saved: {(exc.message.strip().splitlines() or ['failed'])[0]}")
        finally:
            self._saving -= 1

    def settle(self, page: Page, timeout_s: float) -> None:
        """Let downloads still in progress finish (within the timeout) before the journey is written down and
        its context, with Playwright's copies, is closed."""
        deadline = time.monotonic() + timeout_s
        while self._saving and time.monotonic() < deadline:
            try:
                page.wait_for_timeout(50)  # hands control to Playwright, which delivers the download
            except Error:
                return  # the page is gone, and with it the download
