"""Effort: the seconds a first-time customer would spend on the journey (the headline figure).

Definition: the Keystroke-Level Model's estimate of an average person doing the journey's
actions, plus the waits that were measured. Operators (Card, Moran & Newell 1980):
K = 0.28 s per character (an average non-secretary typist, 40 words a minute), P = 1.1 s to
point at a target with the mouse, B = 0.1 s to press or release the button (a click is BB =
0.2 s), H = 0.4 s to move the hand between keyboard and mouse, M = 1.35 s to prepare
mentally (find the target, decide). R is the page's measured answer: the action's
``settled_s``. The hand starts on the mouse and is tracked from action to action:

- open, wait (and any kind not listed): R only; the customer arrives or waits.
- click, check, uncheck, upload (the click opening the file picker), back, reload:
  M + [H if the hand is on the keyboard] + P + BB + R; the hand ends on the mouse.
- fill of n characters: M + [H] + P + BB (click into the field) + H + n*K + R; the hand ends on
  the keyboard, so the next click costs an H to come back.
- select: M + [H] + P + BB + P + BB + R (open the list, choose); the hand ends on the mouse.
- press (``key``): [H if the hand is on the mouse] + K + R; no M, the key completes typing.

The figure is the sum, rounded to 0.1 s. One finding per step that costs time, costliest
first: "'When I fill in my details' costs 14.2 s (3 decisions, 42 keystrokes, 2.1 s waiting)".
``effort_by_step`` gives the seconds per step for reports.
Example: clicking "Checkout", filling "Email" with 16 characters, then pressing Enter costs
(M + P + BB) + (M + P + BB + H + 16K) + K = 2.65 + 7.53 + 0.28 = 10.46 s before waits.
Source: Card, Moran & Newell, "The Keystroke-Level Model for User Performance Time with
Interactive Systems", Communications of the ACM 23(7), 1980.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathwalk.checks.keystrokes import KEY_KINDS, typed
from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Action, Trace

K_S = 0.28  # per character typed
P_S = 1.1  # point with the mouse
B_S = 0.1  # press or release the mouse button
H_S = 0.4  # home the hand between keyboard and mouse
M_S = 1.35  # mental preparation
CLICK_S = 2 * B_S
POINT_KINDS = frozenset({"click", "check", "uncheck", "upload", "back", "reload"})
MOUSE, KEYBOARD = "mouse", "keyboard"


@dataclass(frozen=True)
class Effort:
    """Estimated seconds (operators and waits) and what they are made of."""

    seconds: float = 0.0
    decisions: int = 0
    keystrokes: int = 0
    waiting_s: float = 0.0

    def __add__(self, other: Effort) -> Effort:
        return Effort(self.seconds + other.seconds, self.decisions + other.decisions,
                      self.keystrokes + other.keystrokes, self.waiting_s + other.waiting_s)


def action_effort(action: Action, hand: str = MOUSE) -> tuple[Effort, str]:
    """One action's effort given where the hand is, and where the hand ends up."""
    wait = action.settled_s
    if action.kind in KEY_KINDS:
        return Effort((H_S if hand == MOUSE else 0.0) + K_S + wait, 0, 1, wait), KEYBOARD
    if action.kind not in POINT_KINDS | {"fill", "select"}:
        return Effort(wait, 0, 0, wait), hand
    seconds = M_S + (H_S if hand == KEYBOARD else 0.0) + P_S + CLICK_S + wait
    if action.kind == "fill":
        characters = typed(action)
        return Effort(seconds + H_S + characters * K_S, 1, characters, wait), KEYBOARD
    if action.kind == "select":
        seconds += P_S + CLICK_S
    return Effort(seconds, 1, 0, wait), MOUSE


def step_efforts(trace: Trace) -> dict[int | None, Effort]:
    """Effort per Gherkin step (None: actions outside any step), in the order steps first cost."""
    efforts: dict[int | None, Effort] = {}
    hand = MOUSE
    for action in trace.actions:
        effort, hand = action_effort(action, hand)
        efforts[action.step] = efforts.get(action.step, Effort()) + effort
    return efforts


def effort_by_step(trace: Trace) -> dict[int | None, float]:
    """Estimated seconds per step (to the millisecond; the journey's figure rounds the sum)."""
    return {step: round(effort.seconds, 3) for step, effort in step_efforts(trace).items()}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _made_of(effort: Effort) -> str:
    parts = [_plural(effort.decisions, "decision") if effort.decisions else "",
             _plural(effort.keystrokes, "keystroke") if effort.keystrokes else "",
             f"{effort.waiting_s:.1f} s waiting" if round(effort.waiting_s, 1) else ""]
    return ", ".join(part for part in parts if part)


def estimate_effort(trace: Trace) -> CheckResult:
    efforts = step_efforts(trace)
    costly = sorted(((step, e) for step, e in efforts.items() if round(e.seconds, 1) > 0),
                    key=lambda item: (-round(item[1].seconds, 1), item[0] is None, item[0] or 0))
    found = []
    for step, effort in costly:
        shown = trace.step(step)
        name = f"'{shown.title}'" if shown else "Outside any step, the journey"
        url = next((a.url for a in trace.actions if a.step == step), "")
        found.append(finding(trace, "effort_seconds",
                             f"{name} costs {effort.seconds:.1f} s ({_made_of(effort)})",
                             step, url, severity="minor"))
    total = round(sum((e.seconds for e in efforts.values()), 0.0), 1)
    return CheckResult("effort_seconds", total, found, counts_findings=False)


CHECK = Check(
    name="effort_seconds",
    unit="s estimated effort",
    definition="Estimated seconds a customer spends: Keystroke-Level Model operators for each action "
    "(typing, pointing, clicking, deciding) plus the measured waits.",
    source="Card, Moran & Newell 1980: the Keystroke-Level Model (K 0.28 s, P 1.1 s, B 0.1 s, H 0.4 s, M 1.35 s)",
    run=estimate_effort,
    measures="effort",
)
