"""Iframes as a customer sees them: part of the page, whichever site serves them.

probe.js reads the page's own document, its open shadow roots and its visible same-origin
iframes. A cross-origin iframe (a card form served by a payment provider, say) is out of a
script's reach, so those are read here, through Playwright's frames, and merged into what the
probe saw: their fields (``Field.frame`` is the iframe document's URL), links, buttons and forms.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from playwright.sync_api import Error, Frame
from playwright.sync_api import Page as BrowserPage


def _depth(frame: Frame) -> int:
    depth, parent = 0, frame.parent_frame
    while parent is not None:
        depth, parent = depth + 1, parent.parent_frame
    return depth


def child_frames(page: BrowserPage) -> list[Frame]:
    """The page's iframes, nested ones included, parents before their children."""
    frames = [f for f in page.frames if f != page.main_frame and not f.is_detached()]
    return sorted(frames, key=_depth)


def with_frames(page: BrowserPage, seen: dict[str, Any], read: str) -> dict[str, Any]:
    """``seen`` (probe.js's page()) with the controls of the visible iframes it could not reach.

    ``read`` is the probe's page() expression, evaluated in each such frame; the frames a probe
    has read (its ``frames``: URLs of the iframe documents it reached) are not read twice.
    """
    done = Counter(str(url) for url in seen.get("frames") or [])
    for frame in child_frames(page):
        if done[frame.url] > 0:
            done[frame.url] -= 1
            continue
        try:
            if not frame.frame_element().is_visible():
                continue
            inner: dict[str, Any] = frame.evaluate(read)
        except Error:
            continue  # detached or navigating meanwhile: nothing there to read
        for key in ("links", "buttons", "forms"):
            seen[key] = int(seen.get(key) or 0) + int(inner.get(key) or 0)
        seen["fields"] = [*seen.get("fields", []), *inner.get("fields", [])]
        done.update(str(url) for url in inner.get("frames") or [])
    return seen
