"""Keystrokes: the characters the customer has to type.

Definition: the length of every value typed into a field (``fill``) plus one per key pressed
(``press`` in hand-made traces, ``key`` as the recorder names it). Choosing in a drop-down,
clicking and ticking are not typing. Each fill or key press is a finding with its count; a fill
of an empty value (clearing a field) types nothing and is left out. The figure is characters,
not findings. Every character costs time (0.28 s for an average typist in the Keystroke-Level
Model) and a chance of a typo. Source: Card, Moran & Newell, "The Keystroke-Level Model for User
Performance Time with Interactive Systems", CACM 23(7), 1980.
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Action, Trace

KEY_KINDS = frozenset({"press", "key"})


def typed(action: Action) -> int:
    """Characters the customer typed in this action: the value's length, or 1 for a key."""
    if action.kind == "fill":
        return action.value_length
    return 1 if action.kind in KEY_KINDS else 0


def _said(action: Action, count: int) -> str:
    if action.kind == "fill":
        return f"typed {count} character{'s' if count != 1 else ''} into {action.element.describe()}"
    key = action.element.name or action.element.label
    return f"pressed {key}" if key else "pressed a key"


def count_keystrokes(trace: Trace) -> CheckResult:
    found = []
    total = 0
    for action in trace.actions:
        count = typed(action)
        if count == 0:
            continue
        total += count
        found.append(finding(trace, "keystrokes", _said(action, count), action.step, action.url,
                             element=action.element.describe() if action.kind == "fill" else "",
                             severity="minor"))
    return CheckResult("keystrokes", total, found, counts_findings=False)


CHECK = Check(
    name="keystrokes",
    unit="keystrokes",
    definition="Characters the customer types: the length of each value typed plus one per key pressed.",
    source="Card, Moran & Newell 1980: the Keystroke-Level Model (K = 0.28 s per character)",
    run=count_keystrokes,
    measures="effort",
)
