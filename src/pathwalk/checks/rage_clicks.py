"""Rage clicks: the customer had to click the same thing again.

Definition: a click action that directly follows a click on the same element (same role,
name, link target and frame, and the same box when both were measured, so two "Add to basket"
buttons side by side stay two elements) on the same page visit, when that earlier click did not
navigate and set no field (pressing a stepper's "+" twice for two tickets is its use). Only
consecutive actions count: typing or ticking something in between makes the next
click a new attempt, not a repeat. Each repeat counts one, and is a moderate finding.
Analytics tools call 3+ rapid clicks a rage click; a scripted customer repeats a click only
when a journey step says so (because once was not enough), so every repeat counts here.
Source: FullStory and Contentsquare "rage clicks" (repeated clicks on one element, a sign the
page did not answer as expected).
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, element_evidence, finding
from pathwalk.trace import Action, Trace


def same_target(earlier: Action, later: Action) -> bool:
    """Both clicks hit the same element of the same page visit."""
    a, b = earlier.element, later.element
    boxes_differ = earlier.box is not None and later.box is not None and earlier.box != later.box
    return (earlier.page == later.page and a.role == b.role and (a.name or a.label) == (b.name or b.label)
            and a.href == b.href and a.frame == b.frame and not boxes_differ)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def find_rage_clicks(trace: Trace) -> CheckResult:
    found = []
    run = 1  # clicks in a row on the current element
    for earlier, later in zip(trace.actions, trace.actions[1:], strict=False):
        repeat = (earlier.kind == "click" and later.kind == "click" and not earlier.navigated
                  and not earlier.set_fields and same_target(earlier, later))
        run = run + 1 if repeat else 1
        if repeat:
            found.append(finding(
                trace, "rage_clicks",
                f"clicked {later.element.describe()} again ({ordinal(run)} click in a row; the page did not change)",
                later.step, later.url, element=later.element.describe(),
                evidence=element_evidence(trace, later), severity="moderate"))
    return CheckResult("rage_clicks", len(found), found)


CHECK = Check(
    name="rage_clicks",
    unit="repeated clicks",
    definition="Clicks on the same element right after a click on it that did not lead anywhere "
    "(each repeat counts).",
    source="FullStory and Contentsquare: rage clicks",
    run=find_rage_clicks,
)
