"""Finishing one walked journey: trace → checks → verdict (and baseline changes), saved and summarised.

This is where the layers meet once per scenario; each layer stays testable on its own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pathwalk.baseline import Change, Margin, compare
from pathwalk.checks import BUILTIN_CHECKS, EFFORT_CHECKS, run_checks
from pathwalk.findings import Check, CheckResult, Finding
from pathwalk.standards import Breach, Budget, StandardExceeded, Standards, Verdict, judge
from pathwalk.trace import Trace

STAGE, PERSONA = "stage:", "persona:"


SLUG_MAX = 120  # characters of a journey's file name, before its ".json"


def slug(nodeid: str) -> str:
    """A file name for a journey's artifacts, unique per test: the whole node id (folders, file,
    scenario and outline example), readable. Where characters had to be replaced, or the name is
    cut to ``SLUG_MAX``, a short hash of the whole node id keeps it apart from every other."""
    name = nodeid.replace(".feature::test_", "--").replace("/", "-")
    clean = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.") or "journey"
    if clean == name and len(clean) <= SLUG_MAX:
        return clean
    digest = hashlib.sha1(nodeid.encode("utf-8")).hexdigest()[:8]
    return f"{clean[:SLUG_MAX - 9].rstrip('-.')}-{digest}"


def tagged(tags: list[str], prefix: str) -> str | None:
    """The value of a ``@stage:purchase`` / ``@persona:mobile`` style tag, if the journey has one."""
    return next((t[len(prefix):] for t in tags if t.startswith(prefix)), None)


@dataclass
class Outcome:
    trace: Trace
    results: dict[str, CheckResult]
    verdict: Verdict
    trace_path: Path
    changes: list[Change] = field(default_factory=list)

    @property
    def regressions(self) -> list[Change]:
        return [c for c in self.changes if c.regressed]

    @property
    def status(self) -> str:
        if self.trace.outcome == "broken":
            return "broken"
        return "fail" if self.regressions else self.verdict.status

    @property
    def figures(self) -> dict[str, float]:
        return {name: r.value for name, r in self.results.items()}

    @property
    def friction(self) -> list[Finding]:
        """The findings that point at friction (effort checks' findings only itemise the work)."""
        return [f for r in self.results.values() if r.check not in EFFORT_CHECKS for f in r.findings]

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
            "stage": tagged(journey.tags, STAGE),
            "persona": self.trace.persona,
            "status": self.status,
            "base_url": self.trace.base_url,
            "browser": self.trace.browser,
            "error": self.trace.error,
            "duration_s": self.trace.duration_s,
            "figures": self.figures,
            "budgets": {name: {"warn": b.warn, "fail": b.fail} for name, b in self.verdict.budgets.items()},
            "breaches": [
                {"check": b.check, "level": b.level, "value": b.value, "budget": b.budget}
                for b in self.verdict.breaches
            ],
            "changes": [
                {"check": c.check, "before": c.before, "after": c.after, "regressed": c.regressed}
                for c in self.changes
            ],
            "findings": [f.to_dict() for f in self.friction],
            "trace": str(self.trace_path),
        }


def budgets_for(standards: Standards, trace: Trace) -> dict[str, Budget]:
    journey = trace.journey
    return standards.budgets_for(journey.name, journey.tags, feature=journey.feature,
                                 stage=tagged(journey.tags, STAGE), persona=trace.persona)


def finish(trace: Trace, standards: Standards, traces_dir: Path,
           baseline: Mapping[str, Mapping[str, float]] | None = None,
           margins: Mapping[str, Margin] | None = None, checks: Iterable[Check] = BUILTIN_CHECKS) -> Outcome:
    """Run every check on the trace, judge it against its budgets (and baseline) and save the trace.

    The trace is saved first, so a check that fails still leaves the walk's record behind.
    """
    path = trace.save(traces_dir / f"{slug(trace.journey.nodeid)}.json")
    results = run_checks(trace, checks)
    verdict = judge(results, budgets_for(standards, trace))
    outcome = Outcome(trace, results, verdict, path)
    before = (baseline or {}).get(trace.journey.nodeid)
    if before is not None:
        outcome.changes = compare(outcome.figures, before, margins or {})
    return outcome


def _explain(breach: Breach) -> str:
    lines = [f"Exceeds experience standard '{breach.check}': {breach.value:g} (budget {breach.budget:g})"]
    for item in breach.findings:
        lines.append(f"  - {item.message}")
        lines.append(f"    at {item.where} on {item.url}")
    return "\n".join(lines)


def breach_error(outcome: Outcome) -> StandardExceeded:
    """One assertion naming every failed standard and regression, with counts, budgets and places."""
    journey = outcome.trace.journey
    parts = [_explain(b) for b in outcome.verdict.failures()]
    parts += [f"Regressed against the baseline: {c.describe()}" for c in outcome.regressions]
    head = f"Journey '{journey.name}' ({journey.feature_file}:{journey.line}) exceeds its experience standards"
    return StandardExceeded(head + "\n" + "\n".join(parts))
