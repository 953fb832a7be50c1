"""Scrolls: actions whose target was out of sight, so the customer had to scroll to find it.

Definition: one per action whose element lay outside the window when the customer came to act
on it (the recorder's ``scroll_px`` > 0: how far the page had to scroll to bring it into view).
Each is a finding saying how far ("scrolled 1,240 px to reach the 'Pay' button"), in screens
too when the window's height is known; moderate when it is more than one screen away (past
the second screenful), else minor. The evidence outlines the element on the page.
Source: Nielsen Norman Group, "Scrolling and Attention" (2018): 57% of viewing time is spent
above the fold and 74% in the first two screenfuls; what lies further down is easily missed.
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, element_evidence, finding, page_of
from pathwalk.trace import Trace


def count_scrolls(trace: Trace) -> CheckResult:
    found = []
    for action in trace.actions:
        if action.scroll_px <= 0:
            continue
        page = page_of(trace, action)
        screen = page.viewport_height if page else 0
        screens = f" ({action.scroll_px / screen:.1f} screens)" if screen else ""
        found.append(finding(
            trace, "scrolls",
            f"scrolled {action.scroll_px:,} px{screens} to reach {action.element.describe()}",
            action.step, action.url, element=action.element.describe(),
            evidence=element_evidence(trace, action),
            severity="moderate" if screen and action.scroll_px > screen else "minor"))
    return CheckResult("scrolls", len(found), found)


CHECK = Check(
    name="scrolls",
    unit="scrolls",
    definition="Actions whose target was out of sight, so the page had to scroll to reach it.",
    source="Nielsen Norman Group: Scrolling and Attention (57% of viewing time above the fold)",
    run=count_scrolls,
)
