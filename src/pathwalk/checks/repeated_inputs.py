"""Repeated inputs: the same information asked of the customer again.

Definition: a field filled (or chosen) after an earlier, different field that asked for the same
thing: the same meaning (autocomplete token with its billing/shipping qualifier removed, else
the input type for email/password/tel, else the label without words like "billing" or
"confirm") or the same value typed again (3+ characters, compared by salted hash). A "confirm
password" field therefore counts. Refilling the same field (a correction) does not.
Source: WCAG 2.2 SC 3.3.7 Redundant Entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pathwalk.findings import Check, CheckResult, Finding, element_evidence, finding
from pathwalk.trace import Action, Element, Trace

INPUT_KINDS = frozenset({"fill", "select"})
_QUALIFIERS = frozenset({"shipping", "billing", "home", "work", "mobile", "fax", "pager", "webauthn"})
_PASSWORD_TOKENS = frozenset({"new-password", "current-password"})
_LABEL_NOISE = frozenset(
    {"billing", "delivery", "shipping", "confirm", "confirmation", "your", "repeat", "re", "enter", "again",
     "the", "please", "retype", "type", "new"}
)
MIN_VALUE_LENGTH = 3


def meaning(element: Element) -> str:
    """What a field asks for, independent of which form or page asks it."""
    tokens = [
        t for t in element.autocomplete.lower().split() if not t.startswith("section-") and t not in _QUALIFIERS
    ]
    if tokens and tokens[-1] not in ("on", "off"):
        return "password" if tokens[-1] in _PASSWORD_TOKENS else tokens[-1]
    if element.input_type in ("email", "password", "tel"):
        return element.input_type
    words = re.findall(r"[a-z0-9]+", (element.label or element.name or element.field_name).lower())
    return " ".join(w for w in words if w not in _LABEL_NOISE)


@dataclass(frozen=True)
class _Asked:
    field: tuple[int | None, str]
    meaning: str
    value_hash: str | None
    value_length: int
    action: Action


def _field_identity(action: Action) -> tuple[int | None, str]:
    element = action.element
    return action.page, element.field_name or element.label or element.name


def _repeats(asked: _Asked, earlier: _Asked) -> bool:
    if asked.field == earlier.field:
        return False
    if asked.meaning and asked.meaning == earlier.meaning:
        return True
    long_enough = asked.value_length >= MIN_VALUE_LENGTH
    return long_enough and asked.value_hash is not None and asked.value_hash == earlier.value_hash


def find_repeated_inputs(trace: Trace) -> CheckResult:
    history: list[_Asked] = []
    reported: set[tuple[int | None, str]] = set()
    found: list[Finding] = []
    for action in trace.actions:
        if action.kind not in INPUT_KINDS:
            continue
        asked = _Asked(_field_identity(action), meaning(action.element), action.value_hash,
                       action.value_length, action)
        first = next((e for e in history if _repeats(asked, e)), None)
        if first is not None and asked.field not in reported:
            reported.add(asked.field)
            what = asked.meaning if asked.meaning and asked.meaning == first.meaning else "the same value"
            found.append(finding(
                trace, "repeated_inputs",
                f"{action.element.describe()} asks again for {what}, already given in "
                f"{first.action.element.describe()} at step {trace.where(first.action.step)}",
                action.step, action.url, element=action.element.describe(),
                evidence={"first_url": first.action.url, "first_where": trace.where(first.action.step),
                          **element_evidence(trace, action)},
            ))
        history.append(asked)
    return CheckResult("repeated_inputs", len(found), found)


CHECK = Check(
    name="repeated_inputs",
    unit="repeated inputs",
    definition="Information the customer is asked for again: the same meaning or the same value, "
    "including confirm fields.",
    source="WCAG 2.2 SC 3.3.7 Redundant Entry",
    run=find_repeated_inputs,
)
