"""Collecting journeys: every ``.feature`` file in the journey folders becomes a test module.

QA adds a journey by adding a feature file; no Python ``scenarios()`` module is needed.
A feature that cannot be parsed is one collection error naming file, line and problem.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import scenario
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.feature import get_feature


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


class JourneyFile(pytest.Module):
    """A feature file collected as a module of pytest-bdd scenario tests."""

    def _getobj(self) -> types.ModuleType:
        module = types.ModuleType("pathwalk_journey_" + re.sub(r"\W", "_", self.path.stem))
        module.__file__ = str(self.path)
        try:
            feature = get_feature(str(self.path.parent), self.path.name)
        except GherkinParseError as exc:
            raise JourneyFileError(
                f"{self.path}:{exc.line}: {exc.message}\n  {exc.line_content.strip()}\n"
                "Fix the Gherkin at that line (see docs: Feature:, Scenario:, Given/When/Then)."
            ) from None
        except UnicodeDecodeError as exc:
            raise JourneyFileError(f"{self.path}: not UTF-8 text ({exc.reason}); save it as UTF-8.") from None
        taken: set[str] = set()
        for name in feature.scenarios:
            test = scenario(self.path.name, name, features_base_dir=str(self.path.parent))(_walk)
            setattr(module, _test_name(name, taken), test)
        return module

    def _importtestmodule(self) -> Any:  # pytest may call this instead of _getobj
        return self._getobj()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        if isinstance(excinfo.value, JourneyFileError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)
