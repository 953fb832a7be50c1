"""Hand-offs: the customer is sent away from the site, to another site or another channel.

Definition: one per
- ``handoff`` event: the recorder saw the customer sent to another origin, or to e-mail or the
  phone (mailto:, tel:);
- ``popup`` event: the site opened a new window or tab, unless a ``handoff`` event was recorded
  for the same action (one hand-off, counted once);
- click on a link whose target is mailto:, tel: or sms: when no ``handoff`` event carries that
  click's action index (traces where the recorder did not record the hand-off itself).
Each is a moderate finding naming what the customer did, if anything, and where it led. Every
hand-off is a place where the customer must start again elsewhere, and where many give up.
Source: Baymard Institute (sending customers off-site, e.g. to pay or to get help, costs
conversions); GOV.UK Service Standard point 2 and 3 (solve a whole problem; provide a joined-up
experience across all channels: every channel shift is work the service pushes onto the user).
"""

from __future__ import annotations

from pathwalk.checks.dead_clicks import CHANNEL_SCHEMES
from pathwalk.checks.error_clicks import doing
from pathwalk.findings import Check, CheckResult, Finding, element_evidence, finding
from pathwalk.trace import Action, Event, Trace

CHANNELS = {"mailto:": "e-mail", "tel:": "the phone", "sms:": "text messages"}
WHAT = {"handoff": "handed over to another site or channel", "popup": "a new window opened"}


def _action_of(trace: Trace, event: Event) -> Action | None:
    """The customer action the event followed, if it was more than opening a page."""
    if event.action is None or not 0 <= event.action < len(trace.actions):
        return None
    action = trace.actions[event.action]
    return None if action.kind == "open" else action


def _event_finding(trace: Trace, event: Event) -> Finding:
    action = _action_of(trace, event)
    after = f" after {doing(action)}" if action else ""
    detail = f": {event.detail}" if event.detail else ""
    return finding(trace, "handoffs", f"{WHAT[event.kind]}{after}{detail}", event.step, event.url,
                   element=action.element.describe() if action else "",
                   evidence=element_evidence(trace, action) if action else {}, severity="moderate")


def find_handoffs(trace: Trace) -> CheckResult:
    handed = {e.action for e in trace.events if e.kind == "handoff" and e.action is not None}
    found: list[tuple[int, Finding]] = [  # (action index, finding), to list them in the order they happened
        (-1 if event.action is None else event.action, _event_finding(trace, event))
        for event in trace.events
        if event.kind == "handoff" or (event.kind == "popup" and (event.action is None or event.action not in handed))
    ]
    for action in trace.actions:
        href = action.element.href
        scheme = next((s for s in CHANNEL_SCHEMES if href.lower().startswith(s)), None)
        if action.kind != "click" or scheme is None or action.index in handed:
            continue
        found.append((action.index, finding(
            trace, "handoffs", f"{doing(action)} hands the customer over to {CHANNELS[scheme]} ({href})",
            action.step, action.url, element=action.element.describe(), evidence=element_evidence(trace, action),
            severity="moderate")))
    found.sort(key=lambda item: item[0])
    return CheckResult("handoffs", len(found), [f for _, f in found])


CHECK = Check(
    name="handoffs",
    unit="hand-offs",
    definition="Times the customer is sent to another site, window or channel (e-mail, phone).",
    source="Baymard Institute (off-site steps lose customers); GOV.UK Service Standard (joined-up channels)",
    run=find_handoffs,
)
