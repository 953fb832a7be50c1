"""Test helpers for looking at what pathwalk produces the way a person would: in Chromium."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import BaseRequestHandler
from typing import Any

from playwright.sync_api import Page, sync_playwright

from pathwalk.browser import launch_chromium


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(handler: Callable[..., BaseRequestHandler]) -> Iterator[str]:
    """Serve a request handler on 127.0.0.1 with an ephemeral port, for as long as the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a folder (reports fetch their data over HTTP, so file:// will not do)."""
    with serve(functools.partial(_QuietHandler, directory=str(directory))) as url:
        yield url


@contextmanager
def live_page(width: int = 1400, height: int = 1000) -> Iterator[Page]:
    """A Chromium page kept open for several steps (click through a report, screenshot each view)."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def open_in_chromium(url: str, wait_for: str, screenshot: Path | None = None) -> str:
    """Open a page, wait until `wait_for` is visible, and return the page's visible text."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.get_by_text(wait_for).first.wait_for(timeout=30_000)
            if screenshot is not None:
                page.screenshot(path=str(screenshot), full_page=True)
            return page.inner_text("body")
        finally:
            browser.close()
