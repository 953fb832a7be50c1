"""Collecting journeys: every ``.feature`` file in the journey folders becomes a test module.

QA adds a journey by adding a feature file; no Python ``scenarios()`` module is needed.
A feature that cannot be parsed is one failure naming file, line and problem (every problem);
the other journeys still run, and the run exits 2 (README: Exit codes).
"""

from __future__ import annotations

import difflib
import re
import types
import warnings
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import scenario
from pytest_bdd.parser import Feature, ScenarioTemplate, Step

from pathwalk.feature_file import JourneyFileError, read_feature

UNREADABLE = ("pathwalk", "unreadable journey file")  # a user property: it reaches the xdist controller


class NothingToWalk(UserWarning):
    """A feature file, or a scenario, that is valid Gherkin but holds no journey."""


def is_journey_file(path: Path, journey_dirs: tuple[Path, ...]) -> bool:
    return path.suffix == ".feature" and any(path.is_relative_to(d) for d in journey_dirs)


def _test_name(name: str, taken: set[str]) -> str:
    base = "test_" + (re.sub(r"\W+", "_", name.lower()).strip("_") or "journey")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def _walk() -> None:
    """The scenario body: everything a journey does is in its steps."""


def own_steps(template: ScenarioTemplate) -> list[Step]:
    """The scenario's steps without the Background's: as in Gherkin, a background alone is no journey."""
    return template.steps[len(template.all_background_steps):]


KEYWORDS = ("Given", "When", "Then", "And", "But")


def _not_a_step(path: Path, shown: Path, template: ScenarioTemplate) -> str:
    """Why a scenario has no steps: a line Gherkin took as description, usually a misspelt keyword."""
    described = [line.strip() for line in template.description.splitlines() if line.strip()]
    step_like = next((text for text in described if text[0].isupper()), None)
    if step_like is None:
        return ""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    number = next((n for n, line in enumerate(lines[template.line_number:], template.line_number + 1)
                   if line.strip() == step_like), template.line_number)
    word = step_like.split(" ", 1)[0]
    close = difflib.get_close_matches(word, KEYWORDS, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return f"\n{shown}:{number}: '{word}' is not a step keyword ({', '.join(KEYWORDS)}).{hint}"


class UnreadableJourney(pytest.Item):
    """A feature file (or scenario) that cannot be walked: one failure saying why; others still run."""

    def __init__(self, *, message: str, line: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message
        self.line = line
        self.user_properties.append(UNREADABLE)

    def runtest(self) -> None:
        raise JourneyFileError(self.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value) if isinstance(excinfo.value, JourneyFileError) else str(excinfo.getrepr())

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line, f"{self.path.name}: {self.name}"


class UnreadableExit:
    """Exit 2 when a journey file could not be read, though every other journey was walked."""

    def __init__(self) -> None:
        self.seen = False

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seen = self.seen or (report.failed and any(tuple(p) == UNREADABLE for p in report.user_properties))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.seen and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            session.exitstatus = pytest.ExitCode.INTERRUPTED


class JourneyFile(pytest.Module):
    """A feature file collected as a module of pytest-bdd scenario tests."""

    _read: tuple[Feature | None] | None = None

    @property
    def shown(self) -> Path:
        """The file as the reader knows it: relative to the project root."""
        root = self.config.rootpath
        return self.path.relative_to(root) if self.path.is_relative_to(root) else self.path

    def feature(self) -> Feature | None:
        if self._read is None:  # read once: collect() and _getobj() both need it
            self._read = (read_feature(self.path, self.shown),)
        return self._read[0]

    def _nothing_to_walk(self, line: int, message: str) -> None:
        """A warning, not a failure: Gherkin allows it, but the reader should know nothing was walked."""
        warnings.warn_explicit(NothingToWalk(message), NothingToWalk, str(self.path), line)

    def _getobj(self) -> types.ModuleType:
        module = types.ModuleType("pathwalk_journey_" + re.sub(r"\W", "_", self.path.stem))
        module.__file__ = str(self.path)
        taken: set[str] = set()
        feature = self.feature()
        for key, template in feature.scenarios.items() if feature else ():
            if own_steps(template):
                test = scenario(self.path.name, key, features_base_dir=str(self.path.parent))(_walk)
                setattr(module, _test_name(template.name, taken), test)
        return module

    def _importtestmodule(self) -> Any:  # pytest may call this instead of _getobj
        return self._getobj()

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        try:
            feature = self.feature()
            collected = list(super().collect())
        except JourneyFileError as exc:
            return [UnreadableJourney.from_parent(self, name=self.path.name, message=str(exc), line=exc.line - 1)]
        if feature is None:
            self._nothing_to_walk(1, f"{self.shown}: no `Feature:`, so there is nothing to walk; write a Feature "
                                     "with a Scenario, or delete the file.")
            return collected
        if not feature.scenarios:
            self._nothing_to_walk(feature.line_number, f"{self.shown}:{feature.line_number}: feature "
                                  f"'{feature.name}' has no scenarios, so there is nothing to walk; write a "
                                  "Scenario with steps, or delete the file.")
        for template in feature.scenarios.values():
            if own_steps(template):
                continue
            where = f"{self.shown}:{template.line_number}: scenario '{template.name}' has no steps"
            why = _not_a_step(self.path, self.shown, template)
            if why:
                collected.append(UnreadableJourney.from_parent(self, name=template.name, message=f"{where}.{why}",
                                                               line=template.line_number - 1))
            else:
                self._nothing_to_walk(template.line_number,
                                      f"{where}, so it is not walked; give it steps, or delete it.")
        return collected
