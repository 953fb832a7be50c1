"""Launching Chromium for journeys: Playwright's own build if installed, else the system's.

Playwright's bundled Chromium cannot be downloaded everywhere (closed networks, CI images),
so launching falls back to a system Chromium (Debian's ``chromium`` at /usr/bin/chromium,
or ``PATHWALK_CHROMIUM``). The flags keep Chromium from calling home, which a closed network
answers with floods of refused connections.

With ``--pathwalk-browser-ws`` the browser is not launched here but by a Playwright browser
server (``playwright run-server``, or a grid speaking its protocol): the client sends its launch
options in the ``x-playwright-launch-options`` header, and the server applies ``args`` and
``executablePath`` only when started with ``--unsafe`` (Playwright's ``filterLaunchOptions``).
Requests to loopback hosts are carried back through the connection (``expose_network``), so a
site served on this machine (``demo``, a dev server) is reached from a browser on another.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from contextlib import suppress
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Error, Page, Playwright

from pathwalk.handoffs import Boundaries
from pathwalk.personas import NETWORKS, Persona

QUIET_FLAGS = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "Install a browser with `pathwalk install-browser`: it runs "
    "`playwright install chromium` and falls back to `apt-get install -y chromium`; "
    "or set PATHWALK_CHROMIUM to a Chromium executable."
)


class BrowserNotFound(RuntimeError):
    """No Chromium could be launched; the message says how to install one."""


class BrowserUnreachable(BrowserNotFound):
    """The browser server named by --pathwalk-browser-ws did not answer."""


def system_chromium() -> str | None:
    """Path of a system Chromium, preferring PATHWALK_CHROMIUM when set."""
    configured = os.environ.get("PATHWALK_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in SYSTEM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _missing_executable(error: Error) -> bool:
    return "Executable doesn't exist" in str(error) or "executable doesn't exist" in str(error).lower()


def launch_chromium(playwright: Playwright, headless: bool = True) -> Browser:
    """Launch Playwright's Chromium, or the system's when Playwright's is not installed."""
    chromium = playwright.chromium
    explicit = os.environ.get("PATHWALK_CHROMIUM")
    if not explicit:
        try:
            return chromium.launch(headless=headless, args=list(QUIET_FLAGS))
        except Error as exc:
            if not _missing_executable(exc):
                raise
    path = system_chromium()
    if path is None:
        raise BrowserNotFound(f"No Chromium found for Playwright. {INSTALL_HINT}")
    try:
        return chromium.launch(headless=headless, executable_path=path, args=list(QUIET_FLAGS))
    except Error as exc:
        raise BrowserNotFound(f"Chromium at {path} did not start: {exc.message}. {INSTALL_HINT}") from None


def connect_chromium(playwright: Playwright, ws_endpoint: str, headless: bool = True,
                     timeout_s: float = 30.0) -> Browser:
    """A Chromium launched by the browser server at ``ws_endpoint``: the server's own first, then the
    one PATHWALK_CHROMIUM names, else a system Chromium's path (for a server on this machine)."""
    options: dict[str, Any] = {"headless": headless, "args": list(QUIET_FLAGS)}
    explicit = os.environ.get("PATHWALK_CHROMIUM")
    paths: list[str | None] = [explicit] if explicit else [None]
    found = None if explicit else system_chromium()
    if found:
        paths.append(found)
    for path in paths:
        sent = {**options, "executablePath": path} if path else options
        try:
            return playwright.chromium.connect(ws_endpoint, timeout=timeout_s * 1000, expose_network="<loopback>",
                                               headers={"x-playwright-launch-options": json.dumps(sent)})
        except Error as exc:
            if not _missing_executable(exc):
                reason = (exc.message.strip().splitlines() or ["no answer"])[0]
                reason = reason.removeprefix("BrowserType.connect: ").removeprefix("WebSocket error: ")
                raise BrowserUnreachable(
                    f"Cannot connect to the browser server at {ws_endpoint}: {reason}. Check --pathwalk-browser-ws "
                    "(or pathwalk_browser_ws, PATHWALK_BROWSER_WS) and that `playwright run-server` runs there."
                ) from None
    raise BrowserNotFound(
        f"The browser server at {ws_endpoint} has no Chromium: run `playwright install chromium` on its machine, or "
        "start it with `playwright run-server --unsafe` and set PATHWALK_CHROMIUM to a Chromium path there.")


def unreachable(url: str, timeout_s: float) -> str | None:
    """Why the site cannot be reached at all (None if it answers, even with an error status)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout_s):
            return None
    except urllib.error.HTTPError:
        return None  # it answered: the journeys will meet (and count) whatever it said
    except (urllib.error.URLError, OSError) as exc:
        return str(getattr(exc, "reason", exc))


@cache
def observer_js() -> str:
    """The init script counting what each page does (DOM changes, route changes, windows opened,
    Web Vitals), read by the recorder from the page itself: Playwright reports events
    asynchronously, possibly after the journey has ended."""
    return files("pathwalk").joinpath("observer.js").read_text(encoding="utf-8")


class Walk:
    """The browser side of one journey: a fresh context and page for the persona walking it.

    Switching persona mid-journey (a step "on a phone") closes the old context and opens a new
    one: the customer is still a first-time customer, now on another device.
    """

    def __init__(self, browser: Browser, devices: dict[str, Any], base_url: str, *, tracing: bool = False,
                 video_dir: Path | None = None, timeout_s: float = 30.0, allow_origins: tuple[str, ...] = (),
                 downloads: Path | None = None, init_scripts: tuple[str, ...] = ()) -> None:
        """``init_scripts``: run in every document of every context, after the observer's."""
        self.init_scripts = init_scripts
        self.timeout_ms = timeout_s * 1000
        self.boundaries = Boundaries(base_url, allow_origins, downloads)
        self.browser = browser
        self.devices = devices
        self.base_url = base_url
        self.tracing = tracing
        self.video_dir = video_dir
        self.context: BrowserContext | None = None
        self.persona: Persona | None = None
        self.videos: list[Path] = []
        self._tracing_now = False

    def open(self, persona: Persona) -> Page:
        """A fresh context (no cookies, storage or cache) with the persona's device and network."""
        self.close()
        options = persona.context_options(self.devices)
        if self.video_dir is not None:
            options["record_video_dir"] = str(self.video_dir)
        self.context = self.browser.new_context(base_url=self.base_url, service_workers="block", accept_downloads=True,
                                                **options)
        for script in (observer_js(), *self.init_scripts):
            self.context.add_init_script(script)
        self.boundaries.attach(self.context)
        self.context.set_default_timeout(self.timeout_ms)
        self.context.set_default_navigation_timeout(self.timeout_ms)
        self.persona = persona
        if self.tracing:
            self.context.tracing.start(screenshots=True, snapshots=True, sources=False, title=persona.name)
            self._tracing_now = True
        page = self.context.new_page()
        if page.video is not None:
            self.videos.append(Path(page.video.path()))
        if persona.network:
            session = self.context.new_cdp_session(page)
            session.send("Network.emulateNetworkConditions", {"offline": False, **NETWORKS[persona.network]})
        return page

    def group(self, name: str) -> None:
        """Open a named group in the Playwright trace (one per Gherkin step)."""
        if self._tracing_now and self.context is not None:
            with suppress(Error):  # the browser may have died under the journey
                self.context.tracing.group(name)

    def group_end(self) -> None:
        if self._tracing_now and self.context is not None:
            with suppress(Error):
                self.context.tracing.group_end()

    def stop_tracing(self, keep: Path | None) -> Path | None:
        """Stop the trace, saving it to ``keep`` (or discarding it when None)."""
        if not self._tracing_now or self.context is None:
            return None
        self._tracing_now = False
        try:
            self.context.tracing.stop(path=str(keep) if keep else None)
        except Error:
            return None  # the browser died: there is no trace to keep
        return keep

    def settle(self) -> None:
        """Let the site's downloads finish saving (see pathwalk.handoffs)."""
        if self.context is not None and self.context.pages:
            self.boundaries.settle(self.context.pages[0], self.timeout_ms / 1000)

    def close(self) -> None:
        """Close the context; its video is complete only after this."""
        if self.context is not None:
            self.settle()
            self.stop_tracing(None)
            with suppress(Error):
                self.context.close()
            self.context = None


def _playwright_revision(name: str) -> str | None:
    import playwright

    listing = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    try:
        entries = json.loads(listing.read_text())["browsers"]
    except (OSError, ValueError, KeyError):
        return None
    return next((str(e["revision"]) for e in entries if e.get("name") == name), None)


def video_encoder() -> Path | None:
    """Where Playwright looks for the ffmpeg it records videos with (Linux)."""
    revision = _playwright_revision("ffmpeg")
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    return root / f"ffmpeg-{revision}" / "ffmpeg-linux" if revision else None


def install_video_encoder() -> bool:
    """Playwright's ffmpeg, or the system's linked where Playwright looks (videos are optional)."""
    target = video_encoder()
    if target is None or target.exists():
        return target is not None
    done = subprocess.run([sys.executable, "-m", "playwright", "install", "ffmpeg"], capture_output=True, text=True)
    if done.returncode == 0 and target.exists():
        return True
    system = shutil.which("ffmpeg")
    if system is None and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "ffmpeg"],
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, capture_output=True)
        system = shutil.which("ffmpeg")
    if system is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(system)
    return True


def install_browser() -> int:
    """Chromium (for walking) and ffmpeg (for optional videos), each Playwright's or the system's."""
    status = _install_chromium()
    if status == 0:
        print("pathwalk: video recording " + ("ready." if install_video_encoder() else
              "unavailable (no ffmpeg); --pathwalk-video needs `playwright install ffmpeg`."))
    return status


def _install_chromium() -> int:
    """Make a Chromium available: Playwright's download first, Debian's package as the fallback."""
    print("pathwalk: installing Chromium with `playwright install chromium` ...", flush=True)
    try:
        done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode == 0:
            print("pathwalk: Playwright's Chromium is installed.")
            return 0
    except subprocess.TimeoutExpired:
        pass
    print("pathwalk: Playwright's download is not available here; using a system Chromium.", flush=True)
    found = system_chromium()
    if found:
        print(f"pathwalk: found {found}.")
        return 0
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            if subprocess.run(command, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}).returncode:
                break
        found = system_chromium()
        if found:
            print(f"pathwalk: installed Debian's chromium at {found}.")
            return 0
    print(f"pathwalk: could not install a browser. {INSTALL_HINT}", file=sys.stderr)
    return 1
