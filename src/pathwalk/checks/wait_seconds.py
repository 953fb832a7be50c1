"""Waits: the longest time the customer waited after an action for the page to settle.

Definition: the figure is the longest wait (seconds, one decimal) from the start of an action
to the page being loaded again. Each wait over 1 s is a finding, serious because past 1 s the
customer's flow of thought is interrupted, critical past 10 s, where attention is lost and
customers leave; when the recorder saw the page's first visible answer its time is named too
("first feedback after 0.3 s"). An action that settled within 1 s but showed nothing for over
1 s (a script that answers late, after the load) is a moderate finding; it does not change the
figure, which stays the longest settle time.
Source: Nielsen, "Response Times: The 3 Important Limits" (0.1 s, 1 s, 10 s), after Miller 1968
and Card, Robertson & Mackinlay 1991.
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, Finding, element_evidence, finding
from pathwalk.trace import Action, Trace

NOTICEABLE_S = 1.0  # flow of thought interrupted
ATTENTION_LOST_S = 10.0  # attention lost


def _what(trace: Trace, action: Action) -> tuple[str, str]:
    """The action in words and the URL it happened at; opening a page names the page it opened
    (the tab was still blank when the customer asked for it)."""
    if action.kind != "open":
        return f"{action.kind} on {action.element.describe()}", action.url
    opened = next((page for page in trace.pages if page.arrived >= action.started), None)
    url = opened.url if opened else action.url
    return f"opening {url}", url


def _slow(trace: Trace, action: Action) -> Finding | None:
    what, url = _what(trace, action)
    feedback = action.feedback_s
    if action.settled_s > NOTICEABLE_S:
        first = f", first feedback after {feedback:.1f} s" if feedback is not None else ""
        message = f"waited {action.settled_s:.1f} s after {what}{first}"
        severity = "critical" if action.settled_s > ATTENTION_LOST_S else "serious"
    elif feedback is not None and feedback > NOTICEABLE_S:
        message, severity = f"no visible answer for {feedback:.1f} s after {what}", "moderate"
    else:
        return None
    return finding(trace, "wait_seconds", message, action.step, url, element=action.element.describe(),
                   evidence=element_evidence(trace, action), severity=severity)


def longest_wait(trace: Trace) -> CheckResult:
    found = [slow for action in trace.actions if (slow := _slow(trace, action)) is not None]
    value = round(max((a.settled_s for a in trace.actions), default=0.0), 1)
    return CheckResult("wait_seconds", value, found, counts_findings=False)


CHECK = Check(
    name="wait_seconds",
    unit="s longest wait",
    definition="The longest wait after an action for the page to settle; each wait over 1 s is listed "
    "(over 10 s: critical), and so is an answer that took over 1 s to show.",
    source="Nielsen: Response Times, the 3 important limits (0.1 s, 1 s, 10 s)",
    run=longest_wait,
)
