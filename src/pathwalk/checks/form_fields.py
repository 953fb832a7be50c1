"""Form fields: how many fields the customer had to fill in or choose.

Definition: distinct fields the customer filled, selected, ticked or unticked, over the whole
journey. A field is the same field wherever its page is shown again (after a validation error,
when the customer comes back, with another query string): refilling it is a correction, not a
field more. Fields are told apart by their page's address (without the query), frame, form and
name: radio buttons of one name are one field, other controls sharing a name are each a field,
controls without name each a field. A field a click set (a stepper's "+" raising a quantity)
is a field filled too. Each finding says whether the page marked the field required or optional,
when the page's list of fields has it.
Source: Baymard Institute's checkout benchmark (an average checkout asks for 11.3 fields;
8 is achievable).
"""

from __future__ import annotations

from pathwalk.checks.common import FieldKey, action_field, field_key, same_field
from pathwalk.findings import Check, CheckResult, finding, page_of
from pathwalk.trace import Action, Trace

FIELD_KINDS = frozenset({"fill", "select", "check", "uncheck", "upload"})


def asked_as(trace: Trace, action: Action) -> str:
    """How the action's page asked for the field: " (required)", " (optional)", or "" if not listed."""
    page = page_of(trace, action)
    for field in page.fields if page else []:
        if same_field(field, action):
            return " (required)" if field.required else " (optional)"
    return ""


def count_form_fields(trace: Trace) -> CheckResult:
    seen: set[FieldKey] = set()
    found = []
    for action in trace.actions:
        element = action.element
        if action.kind in FIELD_KINDS and (identity := action_field(action)) not in seen:
            seen.add(identity)
            found.append(finding(trace, "form_fields", f"filled in {element.describe()}{asked_as(trace, action)}",
                                 action.step, action.url, element=element.describe()))
        for key in action.set_fields:  # set by a click: a stepper's "+"
            if (identity := field_key(action.url, "", key)) in seen:
                continue
            seen.add(identity)
            page = page_of(trace, action)
            listed = next((f for f in (page.fields if page else []) if f.key == key), None)
            what = f"the '{listed.label}' field" if listed and listed.label else "a field"
            found.append(finding(trace, "form_fields", f"set {what} by pressing {element.describe()}",
                                 action.step, action.url, element=what))
    return CheckResult("form_fields", len(found), found)


CHECK = Check(
    name="form_fields",
    unit="form fields",
    definition="Distinct form fields the customer filled in, chose or ticked.",
    source="Baymard Institute checkout usability benchmark (11.3 fields on average)",
    run=count_form_fields,
    measures="effort",
)
