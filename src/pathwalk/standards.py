"""Experience standards: budgets per journey, loaded from YAML and compared with check results.

File shape (version 1)::

    version: 1
    defaults:                 # every journey
      clicks: {warn: 8, fail: 12}
      repeated_inputs: 0      # a bare number is the fail level
    tags:                     # journeys tagged @checkout
      checkout: {clicks: 10}
    journeys:                 # by scenario name; wins over tags and defaults
      "A customer looks for how to return an item": {clicks: 4}

A value above ``fail`` fails the journey; above ``warn`` it passes with a warning.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pathwalk.findings import CheckResult, Finding

SECTIONS = ("version", "defaults", "tags", "journeys")


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
    tags: dict[str, dict[str, Budget]] = field(default_factory=dict)
    journeys: dict[str, dict[str, Budget]] = field(default_factory=dict)
    source: str = "(built-in)"

    def budgets_for(self, journey: str, tags: Iterable[str] = ()) -> dict[str, Budget]:
        """Budgets for one journey: defaults, then its tags (in order), then its own entry."""
        budgets = dict(self.defaults)
        for tag in tags:
            budgets.update(self.tags.get(tag, {}))
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
                beyond = result.findings[int(limit):] if result.value == len(result.findings) else result.findings
                verdict.breaches.append(Breach(name, level, result.value, limit, tuple(beyond)))
                break
    return verdict


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


class _Loader:
    """Validates the parsed YAML, reporting problems with the line they are on."""

    def __init__(self, path: Path, text: str, known: Iterable[str]) -> None:
        self.path = path
        self.known = sorted(known)
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

    def fail(self, keys: tuple[str, ...], message: str) -> StandardsFileError:
        line = next((self.lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.lines), None)
        where = f"{self.path}:{line}" if line else str(self.path)
        return StandardsFileError(f"{where}: {'.'.join(keys) or 'file'}: {message}")

    def budgets(self, value: Any, keys: tuple[str, ...]) -> dict[str, Budget]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(keys, "expected a mapping of check names to budgets, e.g. `clicks: 10`")
        return {str(name): self.budget(limit, (*keys, str(name))) for name, limit in value.items()}

    def budget(self, value: Any, keys: tuple[str, ...]) -> Budget:
        name = keys[-1]
        if name not in self.known:
            close = difflib.get_close_matches(name, self.known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise self.fail(keys, f"unknown check '{name}'.{hint} Known checks: {', '.join(self.known)}.")
        if _number(value):
            return Budget(fail=float(value))
        if isinstance(value, dict) and value and set(value) <= {"warn", "fail"}:
            for level, limit in value.items():
                if not _number(limit):
                    raise self.fail((*keys, level), f"expected a number >= 0, got {limit!r}")
            budget = Budget(warn=value.get("warn"), fail=value.get("fail"))
            if budget.warn is not None and budget.fail is not None and budget.warn > budget.fail:
                raise self.fail(keys, f"warn ({budget.warn}) is above fail ({budget.fail})")
            return budget
        raise self.fail(keys, f"expected a number or {{warn: N, fail: N}}, got {value!r}")

    def load(self) -> Standards:
        data = self.data
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.fail((), "expected a mapping with 'defaults', 'tags' and 'journeys'")
        for key in data:
            if key not in SECTIONS:
                close = difflib.get_close_matches(str(key), SECTIONS, n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                raise self.fail((str(key),), f"unknown section.{hint} Sections: {', '.join(SECTIONS)}.")
        if data.get("version", 1) != 1:
            raise self.fail(("version",), f"unsupported version {data['version']!r}; this pathwalk reads version 1")
        groups = {}
        for section in ("tags", "journeys"):
            entries = data.get(section) or {}
            if not isinstance(entries, dict):
                raise self.fail((section,), "expected a mapping of names to budgets")
            groups[section] = {
                str(name).lstrip("@"): self.budgets(b, (section, str(name))) for name, b in entries.items()
            }
        return Standards(
            defaults=self.budgets(data.get("defaults"), ("defaults",)),
            tags=groups["tags"],
            journeys=groups["journeys"],
            source=str(self.path),
        )


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
    return _Loader(path, text, known_checks).load()
