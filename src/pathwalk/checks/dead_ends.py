"""Dead ends: pages the customer reaches that offer no way forward.

Definition: a page visit that answered HTTP 400 or above, or that shows no visible link,
enabled button or form leading on (the "contact support" page with nothing to contact).
Each page visit counts once. Source: Nielsen's heuristic 3 "User control and freedom"
(clearly marked exits) and Baymard's findings on error pages.
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Page, Trace


def dead_end_reason(page: Page) -> str | None:
    """Why the page leaves the customer stuck, or None if it offers a way on."""
    if page.status is not None and page.status >= 400:
        return f"the page answered HTTP {page.status}"
    if page.ways_forward == 0:
        return "no link, button or form leads on"
    return None


def find_dead_ends(trace: Trace) -> CheckResult:
    found = []
    for page in trace.pages:
        reason = dead_end_reason(page)
        if reason is None:
            continue
        evidence = {"screenshot": page.screenshot} if page.screenshot else {}
        title = page.heading or page.title
        found.append(finding(trace, "dead_ends", f"dead end at '{title}': {reason}", page.step, page.url,
                             evidence=evidence))
    return CheckResult("dead_ends", len(found), found)


CHECK = Check(
    name="dead_ends",
    unit="dead ends",
    definition="Pages with no way forward: HTTP status >= 400, or no visible link, button or form.",
    source="Nielsen heuristic 3 (User control and freedom); Baymard error-page research",
    run=find_dead_ends,
)
