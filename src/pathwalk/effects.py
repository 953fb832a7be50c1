"""What the page did in answer to a customer's action, from observer.js's counters.

The recorder reads the page (probe.js) and the observer's counters (observer.js, an init script
in every document) in one evaluate just before an action and again once the page has settled;
these functions turn the two readings into the action's figures, each from the action's start
until the page settled:

- ``navigated``: a new document, or a client-side route change (history.pushState or
  replaceState, back or forward within the document, a hash change).
- ``mutations``: DOM changes (MutationObserver records: added or removed nodes, attributes,
  text) in the document acted on; after a new document, those its scripts made once it was
  parsed. Changes pathwalk makes itself happen outside the window, or are marked data-pathwalk.
- ``requests``: requests the page made (Playwright's request events, so the document's own
  request and requests that never got an answer count too).
- ``feedback_s``: time from the action's start to the first of these (None: none seen).
- ``set_fields``: for a click, the page's fields (their keys) whose value changed in that view
  besides the target's own (a stepper's "+" sets the quantity box by script, no DOM change);
  that is an answer too.
- ``watched``: the observer answered both readings, so the figures above were measured
  (False: unknown, not "nothing happened").

For a target inside an iframe (same-origin or not), the observer in that frame is read too (it
runs in every frame), so changes the frame makes count as the action's answer as well.

A click that has shown none of them by the time the page settled is watched until
``DEAD_CLICK_WINDOW_S`` after it started: PostHog's dead-click window (posthog-js
``DeadClicksAutoCaptureConfig.mutation_threshold_ms``, 2,500 ms by default: a click followed by
no DOM change within it is dead). So a dead click costs at most 2.5 s, and a click that answered
nothing extra; nor does one answered by a dialog, a new window, a hand-off to another site or
app, or a download (``VISIBLE_EVENTS``: recorded as events, which the dead_clicks check reads).
Typing, ticking and choosing answer by themselves (the value shows, the box ticks), so they are
not waited on.

``scroll_px``: how far outside the window the target lay before the action (Playwright then
scrolls it into view): 0 when its middle was in view, where a click lands; else the scroll that
shows it whole (its bottom's distance below the window, or its top's above).

Web Vitals (observer.js, per view; a route change starts a new view): ``lcp_s`` the largest
contentful paint of a page load (None for route views: LCP is defined for loads only); ``cls``
the largest session window of layout shifts without recent input (gaps under 1 s, at most 5 s,
as Core Web Vitals define it: web.dev/articles/cls); ``inp_s`` the longest interaction (event
timing entries of 16 ms or more; with fewer than 50 interactions INP is the longest one, as the
web-vitals library computes it), 0 when the customer interacted and every answer was quicker,
None before any interaction.
"""

from __future__ import annotations

from typing import Any

from pathwalk.trace import Action, Page

DEAD_CLICK_WINDOW_S = 2.5
WATCHED_KINDS = ("click",)  # actions whose silence is waited for
VISIBLE_EVENTS = ("dialog", "popup", "handoff", "download", "crash")  # answers a silent click needs no watch for
# True once the page has answered since the recorder's mark: a new document, a new URL or an effect.
ANSWERED_JS = """([origin, url]) => performance.timeOrigin !== origin || location.href !== url
  || !window.__pathwalk || window.__pathwalk.answered()"""

Reading = dict[str, Any]  # the page as read: probe.js's page() with "watch" (the observer's counters)


def answered(before: Reading | None, after: Reading | None) -> bool:
    """Whether the page has shown any answer between the two readings (True if unmeasurable)."""
    old, new = (before or {}).get("watch"), (after or {}).get("watch")
    if before is None or after is None or old is None or new is None:
        return True  # nothing to wait for
    return (new["origin"] != old["origin"] or after["url"] != before["url"] or new["first"] is not None
            or bool(set_fields(before, after)))


def set_fields(before: Reading | None, after: Reading | None) -> list[str]:
    """Keys of the page's own fields whose value changed between the two readings of one view (a
    script setting a property is no DOM change: a stepper's "+" raising the quantity box)."""
    old, new = (before or {}).get("watch"), (after or {}).get("watch")
    if not before or not after or old is None or new is None or new["origin"] != old["origin"] \
            or after["url"] != before["url"]:
        return []
    held = {f.get("key"): f.get("value") for f in before.get("fields") or [] if f.get("key") and not f.get("frame")}
    return [str(f["key"]) for f in after.get("fields") or []
            if f.get("key") in held and not f.get("frame") and held[f["key"]] != f.get("value")]


def record_effects(action: Action, before: Reading | None, after: Reading | None, requests: int,
                   first_request_s: float | None, lag_s: float) -> None:
    """Fill in the action's answer from the readings before and after it.

    ``first_request_s``: when the first request came, from the action's start; ``lag_s``: from
    the reading before (where the page's clock was marked) to the action's start."""
    old, new = (before or {}).get("watch"), (after or {}).get("watch")
    action.watched, action.requests = old is not None and new is not None, requests
    firsts = [] if first_request_s is None else [first_request_s]
    if before is not None and after is not None and new is not None:
        if old is not None and new["origin"] == old["origin"]:
            action.mutations = int(new["mutations"]) - int(old["mutations"])
            action.navigated = new["routes"] != old["routes"] or after["url"] != before["url"]
            if new["first"] is not None:
                firsts.append(float(new["first"]) / 1000 - lag_s)
        else:
            action.navigated, action.mutations = True, int(new["mutations"])
            if old is not None:  # the new document's time origin is when its navigation started
                firsts.append((float(new["origin"]) - float(old["origin"]) - float(old["at"])) / 1000 - lag_s)
    action.feedback_s = round(max(0.0, min(firsts)), 3) if firsts else None
    if action.kind in WATCHED_KINDS:
        action.set_fields = [key for key in set_fields(before, after) if key != action.element.key]


def record_frame_effects(action: Action, before: dict[str, Any] | None, after: dict[str, Any] | None,
                         lag_s: float) -> None:
    """Add what the iframe the target sits in did (its own observer's counters, read before and
    after the action) to the action: its DOM changes, and its first change as feedback if sooner.
    ``lag_s``: from the frame's mark to the action's start. A frame that loaded another document
    meanwhile counts that document's changes."""
    if before is None or after is None:
        return
    same = after["origin"] == before["origin"]
    action.mutations += int(after["mutations"]) - (int(before["mutations"]) if same else 0)
    if same and after["first"] is not None:
        first = round(max(0.0, float(after["first"]) / 1000 - lag_s), 3)
        action.feedback_s = first if action.feedback_s is None else min(action.feedback_s, first)


def scroll_outside(top: float, bottom: float, window: float) -> int:
    """How far outside a window of this height an element lay (0 when its middle is in view)."""
    if 0 <= (top + bottom) / 2 < window:
        return 0
    return round(bottom - window if top > 0 else -top)


def _seconds(ms: Any) -> float | None:
    return None if ms is None else round(float(ms) / 1000, 3)


def record_vitals(page: Page, watch: dict[str, Any] | None) -> None:
    """The view's Web Vitals as the page reports them now (they change while the customer stays)."""
    if watch:
        page.lcp_s, page.inp_s = _seconds(watch.get("lcp")), _seconds(watch.get("inp"))
        page.cls = None if watch.get("cls") is None else round(float(watch["cls"]), 4)
