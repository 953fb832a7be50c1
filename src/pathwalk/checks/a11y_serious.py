"""Accessibility: serious and critical barriers on the pages the customer reached.

Definition: the figure is the number of axe-core rule violations of impact "serious" or
"critical", counted once per page visit and rule (a rule failing on five elements of one page
is one barrier on that visit; the same page visited again counts again). Every violation,
minor and moderate ones too, is a finding with axe-core's impact as its severity, naming the
rule, how many elements break it and where ("Form elements must have labels (label) on 2
elements at /signup"), so the report shows all of them while the budget judges the ones that
block people; a violation without a known impact is listed as moderate. Pages that were not
checked (``Page.a11y`` is None: axe-core not available, or a trace older than
pathwalk.trace/2) add nothing.
Source: axe-core (Deque) impact levels: minor, moderate, serious, critical; the rules map to
WCAG 2.2 success criteria at levels A and AA.
"""

from __future__ import annotations

from pathwalk.checks.errors import short_url
from pathwalk.findings import SEVERITIES, Check, CheckResult, finding, page_evidence
from pathwalk.trace import Trace

BLOCKING = frozenset({"serious", "critical"})


def find_a11y_serious(trace: Trace) -> CheckResult:
    found = []
    blocking: set[tuple[int, str]] = set()
    for page in trace.pages:
        for violation in page.a11y or []:
            impact = violation.impact if violation.impact in SEVERITIES else "moderate"
            if impact in BLOCKING:
                blocking.add((page.index, violation.rule))
            elements = f"{violation.nodes} element{'' if violation.nodes == 1 else 's'}"
            evidence = {"rule": violation.rule, "impact": impact, **page_evidence(page)}
            found.append(finding(trace, "a11y_serious",
                                 f"{violation.help or violation.rule} ({violation.rule}) on {elements} "
                                 f"at {short_url(page.url)}",
                                 page.step, page.url, element=violation.target, evidence=evidence, severity=impact))
    return CheckResult("a11y_serious", len(blocking), found, counts_findings=False)


CHECK = Check(
    name="a11y_serious",
    unit="serious a11y violations",
    definition="axe-core accessibility violations of impact serious or critical, once per page visit and rule.",
    source="axe-core impact levels (Deque); WCAG 2.2 A and AA",
    run=find_a11y_serious,
)
