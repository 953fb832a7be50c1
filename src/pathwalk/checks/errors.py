"""Errors: the site's failures the customer runs into on the way.

Definition: one per error event the recorder caught and one per broken image:
- ``exception`` (an uncaught JavaScript exception): serious;
- ``crash`` (the page's renderer died): critical;
- ``request_failed`` (a request that got no answer) and ``http_error`` (a sub-resource that
  answered HTTP >= 400): moderate;
- ``console_error`` (the page logged an error): minor;
- each image on a page visit that did not load (``Page.broken_images``): moderate.
Not counted, because they are not the site failing the customer: requests ending in
``net::ERR_ABORTED`` (cancelled by a navigation, a download or the page itself) or
``net::ERR_BLOCKED_BY_CLIENT`` (blocked by pathwalk, which records a ``handoff`` instead: see
``handoffs``); console messages "Failed to load resource", Chromium's echo of a request already
counted; and an image request answering HTTP >= 400 on a URL whose visits report broken
images, as many as those visits report (the broken image is the same failure, counted once); and
a broken image whose request pathwalk blocked (an image request ending in
``net::ERR_BLOCKED_BY_CLIENT`` on that URL: another origin outside ``pathwalk_allow_origins``),
as many as were blocked there.
An image request is one whose detail names an image file (.png, .jpg, .gif, .webp, .avif,
.svg, .ico, .bmp) or the word "image".
Source: Sentry and FullStory error tracking (JavaScript and network errors in the customer's
session); Baymard Institute on error handling; Nielsen's heuristic 9 (help users recognise and
recover from errors).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from pathwalk.checks.pages_visited import page_name
from pathwalk.findings import Check, CheckResult, Finding, finding, page_evidence
from pathwalk.trace import Event, Trace

SEVERITY = {"exception": "serious", "crash": "critical", "request_failed": "moderate", "http_error": "moderate",
            "console_error": "minor"}
WHAT = {"exception": "a JavaScript error", "crash": "the page crashed", "request_failed": "a request failed",
        "http_error": "a resource answered with an error", "console_error": "a console error"}
BLOCKED = "net::ERR_BLOCKED_BY_CLIENT"
NOT_THE_SITES = ("net::ERR_ABORTED", BLOCKED)
ECHO = "failed to load resource"
_IMAGE = re.compile(r"\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)\b|\bimage\b", re.IGNORECASE)


def short_url(url: str) -> str:
    """The URL without scheme and host, the way a reader names a page: "/signup"."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{parts.path or '/'}{query}{fragment}"


def counted(event: Event) -> bool:
    """An error of the site's own making, not pathwalk's or a repeat of one already counted."""
    if event.kind not in SEVERITY:
        return False
    if event.kind == "request_failed" and any(code in event.detail for code in NOT_THE_SITES):
        return False
    return not (event.kind == "console_error" and event.detail.lower().startswith(ECHO))


def find_errors(trace: Trace) -> CheckResult:
    broken = Counter[str]()
    for page in trace.pages:
        broken[page.url] += max(page.broken_images, 0)
    blocked = Counter(e.url for e in trace.events if e.kind == "request_failed" and BLOCKED in e.detail
                      and _IMAGE.search(e.detail))
    found: list[Finding] = []
    for event in trace.events:
        if not counted(event):
            continue
        if event.kind == "http_error" and broken[event.url] > 0 and _IMAGE.search(event.detail):
            broken[event.url] -= 1  # the same missing picture as a broken image below
            continue
        said = f"{WHAT[event.kind]} on {short_url(event.url)}" + (f": {event.detail}" if event.detail else "")
        found.append(finding(trace, "errors", said, event.step, event.url, severity=SEVERITY[event.kind],
                             evidence={"kind": event.kind}))
    for page in trace.pages:
        spared = min(blocked[page.url], max(page.broken_images, 0))  # pathwalk's doing, not the site's
        blocked[page.url] -= spared
        shown = page.broken_images - spared
        for n in range(1, shown + 1):
            of = f" ({n} of {shown})" if shown > 1 else ""
            found.append(finding(trace, "errors", f"an image did not load on '{page_name(page)}'{of}", page.step,
                                 page.url, severity="moderate",
                                 evidence={"kind": "broken_image", **page_evidence(page)}))
    found.sort(key=lambda f: -1 if f.step is None else f.step)  # step by step, events before images
    return CheckResult("errors", len(found), found)


CHECK = Check(
    name="errors",
    unit="errors",
    definition="Errors met on the way: uncaught JavaScript exceptions, crashes, failed requests, HTTP errors "
    "of page resources, console errors and broken images.",
    source="Sentry/FullStory error tracking; Nielsen heuristic 9 (recognise and recover from errors)",
    run=find_errors,
)
