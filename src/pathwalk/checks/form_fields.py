"""Form fields: how many fields the customer had to fill in or choose.

Definition: distinct fields (per page) the customer filled, selected, ticked or unticked. Each
finding says whether the page marked the field required or optional, when the page's list of
fields (matched by name, else label, in the same frame) has it.
Source: Baymard Institute's checkout benchmark (an average checkout asks for 11.3 fields;
8 is achievable).
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding, page_of
from pathwalk.trace import Action, Trace

FIELD_KINDS = frozenset({"fill", "select", "check", "uncheck", "upload"})


def asked_as(trace: Trace, action: Action) -> str:
    """How the action's page asked for the field: " (required)", " (optional)", or "" if not listed."""
    page = page_of(trace, action)
    element = action.element
    for field in page.fields if page else []:
        same = (field.field_name == element.field_name if field.field_name and element.field_name
                else bool(field.label) and field.label == element.label)
        if same and field.frame == element.frame:
            return " (required)" if field.required else " (optional)"
    return ""


def count_form_fields(trace: Trace) -> CheckResult:
    seen: set[tuple[int | None, str]] = set()
    found = []
    for action in trace.actions:
        element = action.element
        identity = (action.page, element.field_name or element.label or element.name)
        if action.kind not in FIELD_KINDS or identity in seen:
            continue
        seen.add(identity)
        found.append(finding(trace, "form_fields", f"filled in {element.describe()}{asked_as(trace, action)}",
                             action.step, action.url, element=element.describe()))
    return CheckResult("form_fields", len(found), found)


CHECK = Check(
    name="form_fields",
    unit="form fields",
    definition="Distinct form fields the customer filled in, chose or ticked.",
    source="Baymard Institute checkout usability benchmark (11.3 fields on average)",
    run=count_form_fields,
    measures="effort",
)
