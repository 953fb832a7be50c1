"""Dead clicks: the customer clicked and nothing happened.

Definition: a click action (kind "click"; ticks and choices change state by themselves) that the
recorder watched for ``DEAD_CLICK_WINDOW_S`` seconds and that got no answer in that window: no
navigation (new document or client-side route), no DOM change, no field's value changed (a
stepper's "+" sets the quantity by script), no network request, and no
dialog, new window, hand-off, download or crash recorded under that action. Not counted:
clicks the recorder did not watch (``Action.watched`` is False, as in pathwalk.trace/1 traces,
where nothing was measured); clicks on mailto:, tel: and sms: links (the browser hands those to
another app: see ``handoffs``); clicks followed by an uncaught JavaScript exception (they are
``error_clicks``, the more specific cause, so one click is one finding). Each dead click is a
serious finding: the customer cannot tell whether anything happened.
Source: PostHog and Sentry session replay "dead clicks" (PostHog waits 2.5 s, Sentry 7 s);
Nielsen's heuristic 1, visibility of system status.
"""

from __future__ import annotations

from pathwalk.effects import DEAD_CLICK_WINDOW_S  # the recorder watches this long after a click
from pathwalk.findings import Check, CheckResult, element_evidence, finding
from pathwalk.trace import Action, Trace

CHANNEL_SCHEMES = ("mailto:", "tel:", "sms:")  # links the browser hands to another app
ANSWER_EVENTS = frozenset({"dialog", "popup", "handoff", "download", "crash", "exception"})


def is_dead(action: Action, answered: set[int]) -> bool:
    """The click was watched and nothing at all answered it."""
    return (
        action.kind == "click"
        and action.watched
        and not action.navigated
        and action.mutations == 0
        and action.requests == 0
        and not action.set_fields
        and action.index not in answered
        and not action.element.href.lower().startswith(CHANNEL_SCHEMES)
    )


def find_dead_clicks(trace: Trace) -> CheckResult:
    answered = {e.action for e in trace.events if e.kind in ANSWER_EVENTS and e.action is not None}
    found = [
        finding(trace, "dead_clicks",
                f"clicking {action.element.describe()} did nothing (no page change, no request, no visible "
                f"change within {DEAD_CLICK_WINDOW_S:g} s)",
                action.step, action.url, element=action.element.describe(),
                evidence=element_evidence(trace, action), severity="serious")
        for action in trace.actions
        if is_dead(action, answered)
    ]
    return CheckResult("dead_clicks", len(found), found)


CHECK = Check(
    name="dead_clicks",
    unit="dead clicks",
    definition=f"Clicks that got no answer within {DEAD_CLICK_WINDOW_S:g} s: no navigation, DOM change, "
    "request, dialog or new window.",
    source="PostHog/Sentry dead clicks (2.5 s / 7 s window); Nielsen heuristic 1 (visibility of system status)",
    run=find_dead_clicks,
)
