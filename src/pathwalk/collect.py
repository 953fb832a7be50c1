"""Collecting journeys: every ``.feature`` file in the journey folders becomes a test module.

QA adds a journey by adding a feature file; no Python ``scenarios()`` module is needed.
A feature that cannot be parsed is one collection error naming file, line and problem.
"""

from __future__ import annotations

import difflib
import re
import types
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import scenario
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.feature import get_feature
from pytest_bdd.parser import Feature


class JourneyFileError(Exception):
    """A feature file is not valid Gherkin."""


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


KEYWORDS = ("Given", "When", "Then", "And", "But")


def _not_a_step(path: Path, shown: Path, start: int, end: int) -> str:
    """Why a scenario has no steps: usually a misspelt keyword that Gherkin took as description."""
    lines = path.read_text(encoding="utf-8").splitlines()[start:end]
    for number, line in enumerate(lines, start + 1):
        word = line.strip().split(" ", 1)[0]
        if word and not word.startswith(("#", "|", "@", '"""')) and word[0].isupper():
            close = difflib.get_close_matches(word, KEYWORDS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            return f"\n{shown}:{number}: '{word}' is not a step keyword ({', '.join(KEYWORDS)}).{hint}"
    return ""


def _problem(message: str) -> str:
    """Gherkin's own words for the problem, without pytest-bdd's "Unknown parsing error" wrapper."""
    if "Parser errors:" not in message:
        return message
    details = message.split("Parser errors:", 1)[1].strip().splitlines()
    return "; ".join(re.sub(r"^\(\d+:\d+\): ", "", line.strip()) for line in details)


class UnreadableJourney(pytest.Item):
    """A feature file (or scenario) that cannot be walked: one failure saying why; others still run."""

    def __init__(self, *, message: str, line: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message
        self.line = line

    def runtest(self) -> None:
        raise JourneyFileError(self.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value) if isinstance(excinfo.value, JourneyFileError) else str(excinfo.getrepr())

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line, f"{self.path.name}: {self.name}"


class JourneyFile(pytest.Module):
    """A feature file collected as a module of pytest-bdd scenario tests."""

    @property
    def shown(self) -> Path:
        """The file as the reader knows it: relative to the project root."""
        root = self.config.rootpath
        return self.path.relative_to(root) if self.path.is_relative_to(root) else self.path

    def _feature(self) -> Feature:
        if not self.path.read_bytes().strip():
            raise JourneyFileError(f"{self.shown}: empty feature file; start it with `Feature: <name>` and a "
                                   "Scenario, or delete it.")
        try:
            return get_feature(str(self.path.parent), self.path.name)
        except GherkinParseError as exc:
            raise JourneyFileError(
                f"{self.shown}:{exc.line}: {_problem(exc.message)}\n  {exc.line_content.strip()}\n"
                "Fix the Gherkin at that line (see docs/writing-journeys.md)."
            ) from None
        except UnicodeDecodeError as exc:
            raise JourneyFileError(f"{self.shown}: not UTF-8 text ({exc.reason}); save it as UTF-8.") from None
        except KeyError:
            raise JourneyFileError(f"{self.shown}: no `Feature:` found; a feature file starts with "
                                   "`Feature: <name>`.") from None

    def _getobj(self) -> types.ModuleType:
        module = types.ModuleType("pathwalk_journey_" + re.sub(r"\W", "_", self.path.stem))
        module.__file__ = str(self.path)
        taken: set[str] = set()
        for name, template in self._feature().scenarios.items():
            if template.steps:
                test = scenario(self.path.name, name, features_base_dir=str(self.path.parent))(_walk)
                setattr(module, _test_name(name, taken), test)
        return module

    def _importtestmodule(self) -> Any:  # pytest may call this instead of _getobj
        return self._getobj()

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        try:
            feature = self._feature()
            collected = list(super().collect())
        except JourneyFileError as exc:
            return [UnreadableJourney.from_parent(self, name=self.path.name, message=str(exc))]
        templates = list(feature.scenarios.values())
        for index, template in enumerate(templates):
            if not template.steps:
                end = templates[index + 1].line_number - 1 if index + 1 < len(templates) else None
                why = _not_a_step(self.path, self.shown, template.line_number, end or 10**9)
                message = f"{self.shown}:{template.line_number}: scenario '{template.name}' has no steps.{why}"
                collected.append(UnreadableJourney.from_parent(self, name=template.name, message=message,
                                                               line=template.line_number))
        return collected
