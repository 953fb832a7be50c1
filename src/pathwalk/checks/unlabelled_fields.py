"""Unlabelled fields: form fields shown with no accessible name at all.

Definition: a visible field on a page the customer reached with no <label>, aria-label,
aria-labelledby, placeholder or title. Neither a customer glancing at it nor a screen reader
can tell what it asks for. Each field counts once per page visit.
Source: WCAG 2.2 SC 1.3.1 Info and Relationships, SC 3.3.2 Labels or Instructions, SC 4.1.2.
"""

from __future__ import annotations

from pathwalk.findings import Check, CheckResult, finding, page_evidence
from pathwalk.trace import Trace


def find_unlabelled_fields(trace: Trace) -> CheckResult:
    found = []
    for page in trace.pages:
        for field in page.fields:
            if field.label:
                continue
            named = f"'{field.field_name}'" if field.field_name else "without a name"
            kind = field.input_type or "field"
            found.append(finding(trace, "unlabelled_fields",
                                 f"a {kind} field {named} on '{page.heading or page.title}' has no label",
                                 page.step, page.url, element=f"{kind} field {named}",
                                 evidence=page_evidence(page)))
    return CheckResult("unlabelled_fields", len(found), found)


CHECK = Check(
    name="unlabelled_fields",
    unit="unlabelled fields",
    definition="Visible form fields with no accessible name (label, aria-label, placeholder or title).",
    source="WCAG 2.2 SC 1.3.1, 3.3.2 and 4.1.2",
    run=find_unlabelled_fields,
)
