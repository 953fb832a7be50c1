"""Clicks: every click, tick or choice the customer has to make.

Definition: one per click, check, uncheck, select or upload action (a select counts once, as a
choice; an upload is the click that opens the file picker). Opening a URL, typing and pressing
keys are not clicks. Fewer clicks to the goal is the usual interaction-cost measure (Nielsen
Norman Group, "Interaction Cost").
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Trace

CLICK_KINDS = frozenset({"click", "check", "uncheck", "select", "upload"})


def count_clicks(trace: Trace) -> CheckResult:
    found = [
        finding(trace, "clicks", f"{action.kind} on {action.element.describe()}", action.step, action.url,
                element=action.element.describe())
        for action in trace.actions
        if action.kind in CLICK_KINDS
    ]
    return CheckResult("clicks", len(found), found)


CHECK = Check(
    name="clicks",
    unit="clicks",
    definition="Clicks, ticks and choices the customer makes (click, check, uncheck, select).",
    source="Nielsen Norman Group: Interaction Cost",
    run=count_clicks,
    measures="effort",
)
