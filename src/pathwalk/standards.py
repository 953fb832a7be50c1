"""Experience standards: budgets per journey, loaded from YAML and compared with check results.

File shape (version 1)::

    version: 1
    defaults:                 # every journey
      clicks: {warn: 8, fail: 12}
      repeated_inputs: 0      # a bare number is the fail level
    stages:   {purchase: {clicks: 10}}       # journeys tagged @stage:purchase
    personas: {mobile: {wait_seconds: 3}}    # journeys tagged @persona:mobile
    features: {"Buying a product": {form_fields: 11}}
    tags:     {checkout: {clicks: 10}}       # journeys tagged @checkout
    journeys:                                # by scenario name; wins over all the rest
      "A customer looks for how to return an item": {clicks: 4}

A value above ``fail`` fails the journey; above ``warn`` it passes with a warning.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pathwalk.findings import CheckResult, Finding
from pathwalk.standards_schema import OVERRIDES, first_error
from pathwalk.yamlsafe import Document, YamlFileError, read_yaml


class StandardsFileError(Exception):
    """standards.yaml cannot be used; the message names the file, line and what to change."""


class StandardExceeded(AssertionError):
    """A journey costs the customer more effort than its experience standard allows."""


@dataclass(frozen=True)
class Budget:
    warn: float | None = None
    fail: float | None = None


@dataclass(frozen=True)
class Breach:
    check: str
    level: str  # "warn" | "fail"
    value: float
    budget: float
    findings: tuple[Finding, ...]


@dataclass
class Verdict:
    """How one journey measured up: "pass", "warn" or "fail", with every breach."""

    breaches: list[Breach] = field(default_factory=list)
    budgets: dict[str, Budget] = field(default_factory=dict)

    @property
    def status(self) -> str:
        levels = {b.level for b in self.breaches}
        return "fail" if "fail" in levels else "warn" if "warn" in levels else "pass"

    def failures(self) -> list[Breach]:
        return [b for b in self.breaches if b.level == "fail"]


@dataclass
class Standards:
    defaults: dict[str, Budget] = field(default_factory=dict)
    stages: dict[str, dict[str, Budget]] = field(default_factory=dict)
    personas: dict[str, dict[str, Budget]] = field(default_factory=dict)
    features: dict[str, dict[str, Budget]] = field(default_factory=dict)
    tags: dict[str, dict[str, Budget]] = field(default_factory=dict)
    journeys: dict[str, dict[str, Budget]] = field(default_factory=dict)
    source: str = "(built-in)"
    lines: dict[tuple[str, ...], int] = field(default_factory=dict, compare=False, repr=False)

    def unknown_names(self, known: Mapping[str, Iterable[str]]) -> list[str]:
        """Overrides naming no journey, stage, feature or persona in ``known`` (by section), each said
        with its line and the closest known name: a misspelt name would otherwise never apply."""
        problems = []
        for section, names in known.items():
            choices = sorted(set(names))
            for name in getattr(self, section):
                if name not in choices:
                    close = difflib.get_close_matches(name, choices, n=1)
                    hint = f" Did you mean '{close[0]}'?" if close else ""
                    line = self.lines.get((section, name)) or self.lines.get((section, f"@{name}"), 0)
                    problems.append(f"{self.source}:{line}: {section}.{name}: no {section[:-1]} of that name "
                                    f"was collected, so these budgets apply to nothing.{hint}")
        return problems

    def budgets_for(self, journey: str, tags: Iterable[str] = (), *, feature: str | None = None,
                    stage: str | None = None, persona: str | None = None) -> dict[str, Budget]:
        """Budgets for one journey; each layer overrides the one before it, check by check:
        defaults → stage → persona → feature → tags (in the journey's tag order) → journey."""
        budgets = dict(self.defaults)
        budgets.update(self.stages.get(stage or "", {}))
        budgets.update(self.personas.get(persona or "", {}))
        budgets.update(self.features.get(feature or "", {}))
        for tag in tags:
            budgets.update(self.tags.get(tag.lstrip("@"), {}))
        budgets.update(self.journeys.get(journey, {}))
        return budgets


def judge(results: Mapping[str, CheckResult], budgets: Mapping[str, Budget]) -> Verdict:
    """Compare figures with budgets; findings beyond the budget are the evidence of a breach."""
    verdict = Verdict(budgets=dict(budgets))
    for name, budget in budgets.items():
        result = results.get(name)
        if result is None:
            continue
        for level, limit in (("fail", budget.fail), ("warn", budget.warn)):
            if limit is not None and result.value > limit:
                beyond = result.findings[int(limit):] if result.counts_findings else result.findings
                verdict.breaches.append(Breach(name, level, result.value, limit, tuple(beyond)))
                break
    return verdict


class _Loader:
    """Turns standards.yaml's data into Standards; every error points at the line of its key."""

    def __init__(self, document: Document) -> None:
        self.path = document.path
        self.data = document.data
        self.line_of = document.line_of
        self.lines = document.lines

    def fail(self, keys: tuple[str, ...], message: str) -> StandardsFileError:
        line = self.line_of(keys) if keys else 1
        where = f"{self.path}:{line}" if line else str(self.path)
        return StandardsFileError(f"{where}: {'.'.join(keys) or 'file'}: {message}")

    def budgets(self, value: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Budget]:
        budgets = {}
        for name, limit in (value or {}).items():
            budget = Budget(fail=float(limit)) if not isinstance(limit, dict) else Budget(**limit)
            if budget.warn is not None and budget.fail is not None and budget.warn > budget.fail:
                raise self.fail((*keys, name), f"warn ({budget.warn:g}) is above fail ({budget.fail:g})")
            budgets[name] = budget
        return budgets

    def load(self, checks: Iterable[str]) -> Standards:
        data = {} if self.data is None else self.data
        if not isinstance(data, dict):
            raise self.fail((), "expected a mapping with 'defaults' and overrides (see README)")
        problem = first_error(data, checks, self.line_of)
        if problem is not None:
            raise self.fail(*problem)
        overrides = {
            section: {
                str(name).lstrip("@"): self.budgets(entry, (section, str(name)))
                for name, entry in (data.get(section) or {}).items()
            }
            for section in OVERRIDES
        }
        return Standards(defaults=self.budgets(data.get("defaults"), ("defaults",)), source=str(self.path),
                         lines=self.lines, **overrides)


def load_standards(path: Path, known_checks: Iterable[str]) -> Standards:
    """Read and validate a standards file; any problem raises one StandardsFileError."""
    if not path.exists():
        raise StandardsFileError(
            f"{path}: standards file not found. Create it (see README) or point "
            "--pathwalk-standards / the pathwalk_standards ini key at yours."
        )
    try:
        document = read_yaml(path, "standards file")
    except YamlFileError as exc:
        raise StandardsFileError(str(exc)) from None
    return _Loader(document).load(known_checks)
