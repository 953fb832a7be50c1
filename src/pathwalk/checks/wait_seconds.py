"""Waits: the longest time the customer waited after an action for the page to settle.

Definition: the figure is the longest wait (seconds, one decimal) from the start of an action
to the page being loaded again; each wait over 1 s is a finding, because past 1 s the
customer's flow of thought is interrupted (Nielsen, "Response Times: The 3 Important Limits":
0.1 s, 1 s, 10 s).
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, element_evidence, finding
from pathwalk.trace import Trace

NOTICEABLE_S = 1.0


def longest_wait(trace: Trace) -> CheckResult:
    found = [
        finding(trace, "wait_seconds",
                f"waited {action.settled_s:.1f} s after {action.kind} on {action.element.describe()}",
                action.step, action.url, element=action.element.describe(),
                evidence=element_evidence(trace, action))
        for action in trace.actions
        if action.settled_s > NOTICEABLE_S
    ]
    value = round(max((a.settled_s for a in trace.actions), default=0.0), 1)
    return CheckResult("wait_seconds", value, found, counts_findings=False)


CHECK = Check(
    name="wait_seconds",
    unit="s longest wait",
    definition="The longest wait after an action for the page to settle; each wait over 1 s is listed.",
    source="Nielsen: Response Times, the 3 important limits (0.1 s, 1 s, 10 s)",
    run=longest_wait,
)
