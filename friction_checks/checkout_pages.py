"""Checkout pages: how many pages the customer goes through to pay (the reference project's own check).

An example of a project check: pathwalk runs every module in ``friction_checks/`` that defines
``CHECK``, and its name becomes a budget key in standards.yaml (``checkout_pages: 3``).

Definition: distinct checkout pages visited, a page being checkout when its URL path starts
with ``/checkout`` or ``/express`` (the demo shop's checkout). Source: Baymard Institute's
checkout benchmark: the average checkout has 5.1 steps; fewer is better.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pathwalk.findings import Check, CheckResult, finding
from pathwalk.trace import Trace

CHECKOUT_PATHS = ("/checkout", "/express")


def count_checkout_pages(trace: Trace) -> CheckResult:
    seen: set[str] = set()
    found = []
    for page in trace.pages:
        path = urlsplit(page.url).path
        if path.startswith(CHECKOUT_PATHS) and path not in seen:
            seen.add(path)
            found.append(finding(trace, "checkout_pages", f"checkout page {len(seen)}: {page.heading or path}",
                                 page.step, page.url, severity="minor"))
    return CheckResult("checkout_pages", len(found), found)


CHECK = Check(
    name="checkout_pages",
    unit="checkout pages",
    definition="Distinct checkout pages (URL path /checkout... or /express...) the customer goes through.",
    source="Baymard Institute checkout benchmark (5.1 steps on average)",
    run=count_checkout_pages,
)
