"""Finishing one walked journey: trace → checks → verdict, written down and published.

This is where the layers meet once per scenario; each layer stays testable on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pathwalk.checks import run_checks
from pathwalk.findings import CheckResult
from pathwalk.standards import Breach, StandardExceeded, Standards, Verdict, judge
from pathwalk.trace import Trace


def slug(nodeid: str) -> str:
    """A file name for a journey's artifacts, unique per test (outline examples included)."""
    name = nodeid.split("/")[-1].replace(".feature::test_", "--")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")[:150]


@dataclass
class Outcome:
    trace: Trace
    results: dict[str, CheckResult]
    verdict: Verdict
    trace_path: Path

    @property
    def status(self) -> str:
        return "broken" if self.trace.outcome == "broken" else self.verdict.status

    def record(self) -> dict[str, Any]:
        """The per-journey figures that travel in user_properties (and so survive xdist)."""
        journey = self.trace.journey
        return {
            "journey": journey.name,
            "feature": journey.feature,
            "feature_file": journey.feature_file,
            "line": journey.line,
            "nodeid": journey.nodeid,
            "tags": journey.tags,
            "status": self.status,
            "base_url": self.trace.base_url,
            "browser": self.trace.browser,
            "error": self.trace.error,
            "duration_s": self.trace.duration_s,
            "figures": {name: r.value for name, r in self.results.items()},
            "budgets": {name: {"warn": b.warn, "fail": b.fail} for name, b in self.verdict.budgets.items()},
            "breaches": [
                {"check": b.check, "level": b.level, "value": b.value, "budget": b.budget}
                for b in self.verdict.breaches
            ],
            "findings": [f.to_dict() for r in self.results.values() if r.check != "clicks" for f in r.findings],
            "trace": str(self.trace_path),
        }


def finish(trace: Trace, standards: Standards, traces_dir: Path) -> Outcome:
    """Run every check on the trace, judge it against its budgets and save the trace."""
    results = run_checks(trace)
    verdict = judge(results, standards.budgets_for(trace.journey.name, trace.journey.tags))
    path = trace.save(traces_dir / f"{slug(trace.journey.nodeid)}.json")
    return Outcome(trace, results, verdict, path)


def _explain(breach: Breach, trace: Trace) -> str:
    budget = f"{breach.budget:g}"
    lines = [f"Exceeds experience standard '{breach.check}': {breach.value:g} (budget {budget})"]
    for item in breach.findings:
        lines.append(f"  - {item.message}")
        lines.append(f"    at {item.where} on {item.url}")
    return "\n".join(lines)


def breach_error(outcome: Outcome) -> StandardExceeded:
    """One assertion naming every failed standard, its count, budget and where it happened."""
    journey = outcome.trace.journey
    parts = [_explain(b, outcome.trace) for b in outcome.verdict.failures()]
    head = f"Journey '{journey.name}' ({journey.feature_file}:{journey.line}) exceeds its experience standards"
    return StandardExceeded(head + "\n" + "\n".join(parts))
