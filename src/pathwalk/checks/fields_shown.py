"""Fields shown: how many form fields the journey puts in front of the customer.

Definition: the visible form fields of every page view the customer had in front of them,
filled or not (a form that shows twelve fields costs reading and deciding even if only eight are
needed). Counted per view: a form shown again after a validation error, or a page the customer
comes back to, asks again and counts again; within one view a field counts once (a radio group's
buttons are one field; other controls sharing a name, and controls without a name, are each a
field), and fields the page adds or reveals in answer to the customer without a new view count
on that view. Each view that shows fields is a finding: "'Checkout' asks for 5 fields
(3 required, 2 optional)". The figure is fields, not findings. Compare with ``form_fields``, the
fields the customer actually filled.
Source: Baymard Institute's checkout usability benchmark: an average checkout shows 11.3 form
fields over 5.1 steps, and 8 fields are enough for most.
"""

from __future__ import annotations

from pathwalk.checks.common import shown_key
from pathwalk.checks.pages_visited import page_name
from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Field, Trace


def count_fields_shown(trace: Trace) -> CheckResult:
    total = 0
    found = []
    for page in trace.pages:
        shown: dict[tuple[str, str], Field] = {}  # a radio group's buttons share a key: one field
        for position, field in enumerate(page.fields):
            shown.setdefault((field.frame, shown_key(field, position)), field)
        if not shown:
            continue
        total += len(shown)
        required = sum(f.required for f in shown.values())
        found.append(finding(
            trace, "fields_shown",
            f"'{page_name(page)}' asks for {len(shown)} field{'s' if len(shown) != 1 else ''} "
            f"({required} required, {len(shown) - required} optional)",
            page.step, page.url, severity="minor"))
    return CheckResult("fields_shown", total, found, counts_findings=False)


CHECK = Check(
    name="fields_shown",
    unit="fields shown",
    definition="Form fields shown on each page view the customer has, filled or not.",
    source="Baymard Institute checkout benchmark (11.3 fields over 5.1 steps on average; 8 achievable)",
    run=count_fields_shown,
    measures="effort",
)
