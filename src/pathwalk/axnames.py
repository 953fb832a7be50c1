"""Names and roles as Chromium's accessibility tree has them: what a screen reader announces.

probe.js finds the page's fields and the action's target; their accessible names and roles are
then asked of Chromium itself (DevTools ``Accessibility.getPartialAXTree``), so a label that is
hidden, empty or made of an image or icon, a submit button's value, a link named by its image's
``alt`` all come out as the browser computes them, not as pathwalk would guess. Where DevTools
cannot be had (another browser, an element in a cross-origin iframe) probe.js's own reading stays.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import CDPSession, Error

from pathwalk.trace import Element

FIELDS_JS = "window[Symbol.for('pathwalk.fields')] || []"  # stashed by probe.js page()


def some_fields(at: list[int]) -> str:
    """The stashed fields at these places, as an expression for ax_nodes."""
    return f"(() => {{ const all = {FIELDS_JS}; return [{','.join(f'all[{i}]' for i in at)}]; }})()"


TARGET_JS = "[window[Symbol.for('pathwalk.target')]]"  # stashed by probe.js describe()
GROUP = "pathwalk-ax"

# Roles that make a control something to press or follow, whatever its tag: an
# <input type=checkbox role=button> menu toggle is a button to the customer, not a field.
NOT_FIELD_ROLES = frozenset({"button", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "tab",
                             "treeitem", "option", "presentation", "none"})


@dataclass(frozen=True)
class AxNode:
    """One element as the accessibility tree sees it."""

    role: str  # Chromium's role, lower case; a rich-text editor's root (contenteditable) is "textbox"
    name: str  # the computed accessible name ("" when it has none)


def _node(found: dict[str, Any]) -> AxNode | None:
    nodes = found.get("nodes") or []
    if not nodes:
        return None
    node = nodes[0]
    role = str((node.get("role") or {}).get("value") or "").lower()
    editable = any(p.get("name") == "editable" for p in node.get("properties") or [])
    if role in ("generic", "section", "") and editable:
        role = "textbox"
    return AxNode(role=role, name=" ".join(str((node.get("name") or {}).get("value") or "").split()))


def ax_nodes(session: CDPSession, expression: str) -> list[AxNode | None]:
    """The accessibility node of each element the expression gives (an array), in order.

    One DevTools call per element; an element already gone answers None. The expression is
    evaluated in the page's main world, where probe.js stashed the elements it read.
    """
    try:
        array = session.send("Runtime.evaluate", {"expression": expression, "objectGroup": GROUP})
        object_id = (array.get("result") or {}).get("objectId")
        if not object_id:
            return []
        listed = session.send("Runtime.getProperties", {"objectId": object_id, "ownProperties": True})
        items = sorted(((int(p["name"]), p["value"].get("objectId")) for p in listed.get("result") or []
                        if str(p.get("name", "")).isdigit() and p.get("value")), key=lambda item: item[0])
        found: list[AxNode | None] = []
        for _, element in items:
            if not element:
                found.append(None)
                continue
            try:
                found.append(_node(session.send("Accessibility.getPartialAXTree",
                                                {"objectId": element, "fetchRelatives": False})))
            except Error:
                found.append(None)
        return found
    except Error:
        return []
    finally:
        with suppress(Error):
            session.send("Runtime.releaseObjectGroup", {"objectGroup": GROUP})


def name_field(field: dict[str, Any], node: AxNode | None) -> bool:
    """Give probe.js's reading of a field Chromium's name and role; False when it is no field.

    The name is the accessible name; where that is empty, the placeholder or title a person can
    still read in or over the box (an empty or image-only ``<label>`` wins over both in Chromium,
    yet the customer sees the placeholder). No name, placeholder or title: unlabelled ("").
    """
    title = str(field.pop("title", "") or "")
    if node is None:
        return True
    if node.role in NOT_FIELD_ROLES and field.get("input_type") != "file":
        return False
    field["label"] = (node.name or str(field.get("placeholder") or "") or title)[:200]
    field["role"] = node.role
    return True


def name_element(element: Element, node: AxNode | None, hint: str = "") -> None:
    """Give the action's target Chromium's name and role (``hint``: its placeholder or title).

    A field keeps being described by its name, else what a person reads in or over it; a control
    the tree calls a button or link (a checkbox styled as a menu toggle) is no field.
    """
    if node is None:
        return
    if node.role:
        element.role = node.role
    if node.role in NOT_FIELD_ROLES and element.input_type != "file":
        element.key = ""
    if element.key:
        element.label = (node.name or hint)[:200]
    element.name = (node.name or element.name)[:200]
