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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pathwalk.findings import CheckResult, Finding
from pathwalk.standards_schema import OVERRIDES, first_error


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
    """Parses standards.yaml, keeping each key's line so every error can point at it."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines: dict[tuple[str, ...], int] = {}
        try:
            self._index(yaml.compose(text), ())
            self.data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise StandardsFileError(f"{path}{line}: not valid YAML ({problem}). Fix the syntax there.") from None

    def _index(self, node: yaml.Node | None, keys: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                sub = (*keys, str(key_node.value))
                self.lines[sub] = key_node.start_mark.line + 1
                self._index(value_node, sub)

    def line_of(self, keys: tuple[str, ...]) -> int:
        return next((self.lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.lines), 0)

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
                         **overrides)


def load_standards(path: Path, known_checks: Iterable[str]) -> Standards:
    """Read and validate a standards file; any problem raises one StandardsFileError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StandardsFileError(
            f"{path}: standards file not found. Create it (see README) or point "
            "--pathwalk-standards / the pathwalk_standards ini key at yours."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StandardsFileError(f"{path}: cannot read standards file: {exc}") from None
    return _Loader(path, text).load(known_checks)
