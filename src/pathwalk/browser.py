"""Launching Chromium for journeys: Playwright's own build if installed, else the system's.

Playwright's bundled Chromium cannot be downloaded everywhere (closed networks, CI images),
so launching falls back to a system Chromium (Debian's ``chromium`` at /usr/bin/chromium,
or ``PATHWALK_CHROMIUM``). The flags keep Chromium from calling home, which a closed network
answers with floods of refused connections.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Error, Page, Playwright

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
    "Install a browser with `make setup` (or `pathwalk install-browser`): it runs "
    "`playwright install chromium` and falls back to `apt-get install -y chromium`; "
    "or set PATHWALK_CHROMIUM to a Chromium executable."
)


class BrowserNotFound(RuntimeError):
    """No Chromium could be launched; the message says how to install one."""


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


class Walk:
    """The browser side of one journey: a fresh context and page for the persona walking it.

    Switching persona mid-journey (a step "on a phone") closes the old context and opens a new
    one: the customer is still a first-time customer, now on another device.
    """

    def __init__(self, browser: Browser, devices: dict[str, Any], base_url: str) -> None:
        self.browser = browser
        self.devices = devices
        self.base_url = base_url
        self.context: BrowserContext | None = None
        self.persona: Persona | None = None

    def open(self, persona: Persona) -> Page:
        """A fresh context (no cookies, storage or cache) with the persona's device and network."""
        self.close()
        options = persona.context_options(self.devices)
        self.context = self.browser.new_context(base_url=self.base_url, service_workers="block", **options)
        self.persona = persona
        page = self.context.new_page()
        if persona.network:
            session = self.context.new_cdp_session(page)
            session.send("Network.emulateNetworkConditions", {"offline": False, **NETWORKS[persona.network]})
        return page

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None


def install_browser() -> int:
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
