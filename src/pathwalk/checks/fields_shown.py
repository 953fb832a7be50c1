"""Fields shown: how many form fields the journey puts in front of the customer.

Definition: distinct visible form fields on the pages the customer visited, filled or not (a
form that shows twelve fields costs reading and deciding even if only eight are needed). A
field shown again at the same URL, in the same frame, with the same name (else label, else
position) is the same field: a radio group's buttons are one field, and a form shown again
after a validation error, or when the customer comes back, is not counted twice. Each page that
shows new fields is a finding: "'Checkout' asks for 5 fields (3 required, 2 optional)". The
figure is fields, not findings. Compare with ``form_fields``, the fields the customer actually filled.
Source: Baymard Institute's checkout usability benchmark: an average checkout shows 11.3 form
fields over 5.1 steps, and 8 fields are enough for most.
"""

from __future__ import annotations

from pathwalk.checks.pages_visited import page_name
from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Field, Trace


def count_fields_shown(trace: Trace) -> CheckResult:
    seen: set[tuple[str, str, str]] = set()
    found = []
    for page in trace.pages:
        shown: dict[tuple[str, str, str], Field] = {}  # a radio group's buttons share a name: one field
        for position, field in enumerate(page.fields):
            shown.setdefault((page.url, field.frame, field.field_name or field.label or f"#{position}"), field)
        new = [field for identity, field in shown.items() if identity not in seen]
        if not new:
            continue
        more = " more" if len(new) < len(shown) else ""
        seen.update(shown)
        required = sum(f.required for f in new)
        found.append(finding(
            trace, "fields_shown",
            f"'{page_name(page)}' asks for {len(new)}{more} field{'s' if len(new) != 1 else ''} "
            f"({required} required, {len(new) - required} optional)",
            page.step, page.url, severity="minor"))
    return CheckResult("fields_shown", len(seen), found, counts_findings=False)


CHECK = Check(
    name="fields_shown",
    unit="fields shown",
    definition="Distinct form fields shown on the pages the customer visits, filled or not.",
    source="Baymard Institute checkout benchmark (11.3 fields over 5.1 steps on average; 8 achievable)",
    run=count_fields_shown,
    measures="effort",
)
