"""Largest Contentful Paint: how long the slowest page took to show its main content.

Definition: the figure is the worst LCP (seconds, two decimals) over the pages visited that
reported one; pages that did not (client-side routes, browsers without the API, traces older
than pathwalk.trace/2) are left out, and a journey with none reads 0. Each page over 2.5 s is a
finding: serious when it "needs improvement" (over 2.5 s), critical when "poor" (over 4 s).
The figure is seconds, not findings.
Interaction to Next Paint (``Page.inp_s``) is recorded but not judged here: how fast the page
answers the customer's actions is already judged per action by ``wait_seconds``.
Source: web.dev, "Largest Contentful Paint (LCP)" and "Defining the Core Web Vitals metrics
thresholds" (good <= 2.5 s, poor > 4 s, at the 75th percentile of page loads).
"""

from __future__ import annotations

from collections.abc import Callable

from pathwalk.checks.pages_visited import page_name
from pathwalk.findings import Check, CheckResult, finding, page_evidence
from pathwalk.trace import Page, Trace

GOOD_S = 2.5
POOR_S = 4.0


def worst_vital(trace: Trace, check: str, measure: Callable[[Page], float | None], good: float, poor: float,
                digits: int, say: Callable[[Page, float], str]) -> CheckResult:
    """The worst measured value of a Web Vital, with a finding per page past ``good``."""
    measured = [(page, value) for page in trace.pages if (value := measure(page)) is not None]
    found = [
        finding(trace, check, say(page, value), page.step, page.url,
                evidence=page_evidence(page),
                severity="critical" if value > poor else "serious")
        for page, value in measured
        if value > good
    ]
    return CheckResult(check, round(max((v for _, v in measured), default=0.0), digits), found,
                       counts_findings=False)


def worst_lcp(trace: Trace) -> CheckResult:
    def say(page: Page, value: float) -> str:
        rating = "poor" if value > POOR_S else "needs improvement"
        return f"'{page_name(page)}' showed its main content after {value:.2f} s (LCP {rating}; good is 2.5 s or less)"

    return worst_vital(trace, "lcp_seconds", lambda page: page.lcp_s, GOOD_S, POOR_S, 2, say)


CHECK = Check(
    name="lcp_seconds",
    unit="s worst LCP",
    definition="The worst Largest Contentful Paint of the pages visited: time until the main content shows.",
    source="web.dev Core Web Vitals: LCP good <= 2.5 s, poor > 4 s",
    run=worst_lcp,
)
