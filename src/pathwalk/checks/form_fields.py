"""Form fields: how many fields the customer had to fill in or choose.

Definition: distinct fields (per page) the customer filled, selected, ticked or unticked.
Source: Baymard Institute's checkout benchmark (an average checkout asks for 11.3 fields;
8 is achievable).
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Trace

FIELD_KINDS = frozenset({"fill", "select", "check", "uncheck", "upload"})


def count_form_fields(trace: Trace) -> CheckResult:
    seen: set[tuple[int | None, str]] = set()
    found = []
    for action in trace.actions:
        element = action.element
        identity = (action.page, element.field_name or element.label or element.name)
        if action.kind not in FIELD_KINDS or identity in seen:
            continue
        seen.add(identity)
        found.append(finding(trace, "form_fields", f"filled in {element.describe()}", action.step, action.url,
                             element=element.describe()))
    return CheckResult("form_fields", len(found), found)


CHECK = Check(
    name="form_fields",
    unit="form fields",
    definition="Distinct form fields the customer filled in, chose or ticked.",
    source="Baymard Institute checkout usability benchmark (11.3 fields on average)",
    run=count_form_fields,
)
