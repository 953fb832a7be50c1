"""Error clicks: the customer clicked and the page's own code broke.

Definition: a click, tick, choice or upload (the ``clicks`` kinds) under which the recorder
caught at least one uncaught JavaScript exception, i.e. an ``exception`` event whose ``action``
is that click's index. One finding per click however many exceptions followed (the first one's
message is quoted, the rest counted); serious, because what the customer asked for usually did
not happen and nothing tells them. Exceptions before any action, or after typing, opening a
page or pressing a key, are not error clicks (``errors`` counts every exception).
Source: Sentry session replay "error clicks" and FullStory "error clicks" (a click followed by
a JavaScript error).
"""

from __future__ import annotations

from collections import defaultdict

from pathwalk.checks.clicks import CLICK_KINDS
from pathwalk.findings import Check, CheckResult, element_evidence, finding
from pathwalk.trace import Action, Event, Trace

_DOING = {"click": "clicking", "check": "ticking", "uncheck": "unticking", "select": "choosing in",
          "upload": "uploading to"}


def doing(action: Action) -> str:
    """What the customer did, as a phrase: "clicking the 'Pay' button"."""
    return f"{_DOING.get(action.kind, action.kind)} {action.element.describe()}"


def find_error_clicks(trace: Trace) -> CheckResult:
    thrown: dict[int, list[Event]] = defaultdict(list)
    for event in trace.events:
        if event.kind == "exception" and event.action is not None:
            thrown[event.action].append(event)
    found = []
    for action in trace.actions:
        errors = thrown.get(action.index)
        if action.kind not in CLICK_KINDS or not errors:
            continue
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        found.append(finding(
            trace, "error_clicks", f"{doing(action)} raised a JavaScript error: {errors[0].detail}{more}",
            action.step, action.url, element=action.element.describe(),
            evidence=element_evidence(trace, action), severity="serious"))
    return CheckResult("error_clicks", len(found), found)


CHECK = Check(
    name="error_clicks",
    unit="error clicks",
    definition="Clicks, ticks and choices followed by an uncaught JavaScript exception (one per click).",
    source="Sentry and FullStory: error clicks",
    run=find_error_clicks,
)
