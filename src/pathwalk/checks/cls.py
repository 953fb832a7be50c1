"""Cumulative Layout Shift: how much a page's content jumped about under the customer.

Definition: the figure is the worst CLS (three decimals) over the pages visited that reported
one; pages that did not are left out, and a journey with none reads 0. Content that moves
while the customer reads or reaches for a button makes them lose their place or click the
wrong thing. Each page over 0.1 is a finding: serious when it "needs improvement" (over 0.1),
critical when "poor" (over 0.25). The figure is a score, not a count of findings.
Source: web.dev, "Cumulative Layout Shift (CLS)" and "Defining the Core Web Vitals metrics
thresholds" (good <= 0.1, poor > 0.25, at the 75th percentile of page loads).
"""

from __future__ import annotations

from pathwalk.checks.lcp_seconds import worst_vital
from pathwalk.checks.pages_visited import page_name
from pathwalk.findings import Check, CheckResult
from pathwalk.trace import Page, Trace

GOOD = 0.1
POOR = 0.25


def worst_cls(trace: Trace) -> CheckResult:
    def say(page: Page, value: float) -> str:
        rating = "poor" if value > POOR else "needs improvement"
        return f"'{page_name(page)}' shifted its layout by {value:.3f} (CLS {rating}; good is 0.1 or less)"

    return worst_vital(trace, "cls", lambda page: page.cls, GOOD, POOR, 3, say)


CHECK = Check(
    name="cls",
    unit="layout shift (worst page)",
    definition="The worst Cumulative Layout Shift of the pages visited: how much content moved unexpectedly.",
    source="web.dev Core Web Vitals: CLS good <= 0.1, poor > 0.25",
    run=worst_cls,
)
