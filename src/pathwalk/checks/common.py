"""What several checks share: which field an action or a page's list means, the same way everywhere.

A field's identity is where it is asked (the page's address without its query or fragment, and
the iframe) and its key on that page (probe.js: its form and name; radio buttons of one name are
one field, other controls sharing a name are numbered in order, nameless ones by position).
Traces written before keys existed (pathwalk.trace/1 and /2) fall back to name, else label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pathwalk.findings import Finding, element_evidence, finding
from pathwalk.trace import Action, Element, Field, Trace

FieldKey = tuple[str, str, str]


def address(url: str) -> str:
    """The page a URL shows, without its query or fragment: ``?step=2`` or ``#top`` is the same form."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme else parts.path


def field_key(url: str, frame: str, key: str) -> FieldKey:
    """One field's identity across the journey (see the module docstring)."""
    return address(url), address(frame) if frame else "", key


def action_field(action: Action) -> FieldKey:
    """The field an action filled, chose or ticked."""
    element = action.element
    return field_key(action.url, element.frame, element.key or element.field_name or element.label or element.name)


def shown_key(field: Field, position: int) -> str:
    """A field's key on its page; for older traces its name (a radio group's buttons share it),
    else its label, else its position."""
    return field.key or field.field_name or field.label or f"#{position}"


def same_field(field: Field, action: Action) -> bool:
    """Whether a page's listed field is the one the action acted on (key, else name, else label)."""
    element = action.element
    if field.frame != element.frame:
        return False
    if field.key and element.key:
        return field.key == element.key
    if field.field_name and element.field_name:
        return field.field_name == element.field_name
    return bool(field.label) and field.label == element.label


# -- information asked again (repeated_inputs, security_reentries) -------------------------------
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


def entity(element: Element) -> str:
    """Whose information a field asks for, where autocomplete says (``section-guest2``): "" if not."""
    return next((t for t in element.autocomplete.lower().split() if t.startswith("section-")), "")


def secret(element: Element) -> bool:
    """A password or other credential: typing it again is a security re-entry (WCAG 3.3.7's exception)."""
    tokens = element.autocomplete.lower().split()
    return element.input_type == "password" or bool(_PASSWORD_TOKENS.intersection(tokens))


@dataclass(frozen=True)
class Asked:
    """One input the customer gave, and the earlier input it gave again (if any)."""

    action: Action
    field: FieldKey
    meaning: str
    first: Action | None = None
    same_meaning: bool = False

    @property
    def security(self) -> bool:
        """Re-entry of a credential: a confirm-password field or signing in again."""
        return self.first is not None and secret(self.action.element) and secret(self.first.element)


def _gives_again(action: Action, meant: str, earlier: Action, earlier_meant: str) -> bool | None:
    """Whether ``action`` gives the information ``earlier`` gave: True by meaning, False by value
    only, None when it does not."""
    if entity(action.element) != entity(earlier.element):
        return None  # another guest's, ticket's or recipient's details
    known = action.value_hash is not None and earlier.value_hash is not None
    if known and action.value_hash != earlier.value_hash:
        return None  # different information: a new address, another person's name, a new password
    if meant and meant == earlier_meant:
        return True
    return False if known and action.value_length >= MIN_VALUE_LENGTH else None


def asked_again(trace: Trace) -> list[Asked]:
    """Every field that asked again for information given in an earlier, different field, once
    per field (its first time), credited to the nearest earlier field that gave it."""
    history: list[Asked] = []
    again: list[Asked] = []
    reported: set[FieldKey] = set()
    for action in trace.actions:
        if action.kind not in INPUT_KINDS:
            continue
        asked = Asked(action, action_field(action), meaning(action.element))
        if asked.field not in reported:
            for earlier in reversed(history):
                if earlier.field == asked.field:
                    continue
                same = _gives_again(action, asked.meaning, earlier.action, earlier.meaning)
                if same is not None:
                    reported.add(asked.field)
                    again.append(Asked(action, asked.field, asked.meaning, earlier.action, same))
                    break
        history.append(asked)
    return again


def report_asked(trace: Trace, check: str, asked: Asked, severity: str | None = None) -> Finding:
    """One field asked again, as a finding of ``check``: what it asks and where it was given."""
    action, first = asked.action, asked.first
    assert first is not None
    what = asked.meaning if asked.same_meaning else "the same value"
    where = "in this step" if first.step == action.step else f"at step {trace.where(first.step)}"
    extra = {"severity": severity} if severity else {}
    return finding(
        trace, check, f"{action.element.describe()} asks again for {what}, already given in "
        f"{first.element.describe()} {where}",
        action.step, action.url, element=action.element.describe(),
        evidence={"first_url": first.url, "first_where": trace.where(first.step), **element_evidence(trace, action)},
        **extra,
    )
