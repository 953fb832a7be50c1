"""Reading a feature file as Gherkin reads it, into pytest-bdd's model of it.

pytest-bdd's own reader stops short of Gherkin: it shows only the first parse error (often as
"Unexpected token found"), rejects `*` steps and a UTF-8 byte order mark, and keeps only the last
of two scenarios with the same name. This reader runs Gherkin's parser itself (which recovers
from errors and reports them all) and keeps every scenario.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from gherkin.errors import CompositeParserException, ParserError, ParserException, UnexpectedEOFException
from gherkin.parser import Parser
from pytest_bdd.feature import features
from pytest_bdd.gherkin_parser import GherkinDocument
from pytest_bdd.gherkin_parser import Scenario as GherkinScenario
from pytest_bdd.gherkin_parser import Step as GherkinStep
from pytest_bdd.parser import Feature, FeatureParser, Rule, ScenarioTemplate, Step
from pytest_bdd.types import STEP_TYPE_BY_PARSER_KEYWORD

_LOCATION = re.compile(r"^\(\d+:\d+\): ")


class JourneyFileError(Exception):
    """A feature file is not valid Gherkin; the message names every problem with file:line."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line  # the first problem's


def gherkin_errors(shown: Path, lines: list[str], error: ParserError) -> JourneyFileError:
    """Every error Gherkin found, each with file:line, Gherkin's own words and the line itself."""
    blocks = []
    found = sorted(getattr(error, "errors", None) or [error], key=_line)  # in file order
    for each in found:
        line = _line(each)
        words = _LOCATION.sub("", str(each))
        if "#FeatureLine" in words:
            words += " (a feature file starts with `Feature: <name>`)"
        at_end = isinstance(each, UnexpectedEOFException) or not 0 < line <= len(lines)
        blocks.append(f"{shown}:{line}: {words}\n  {'(end of file)' if at_end else lines[line - 1].strip()}")
    where = "that line" if len(blocks) == 1 else "these lines"
    return JourneyFileError("\n".join(blocks) + f"\nFix the Gherkin at {where} (see docs/writing-journeys.md).",
                            _line(found[0]) or 1)


def _line(error: ParserError) -> int:
    return int(error.location["line"]) if isinstance(error, ParserException) else 0


class _Reader(FeatureParser):
    """pytest-bdd's reader, made to read what Gherkin reads."""

    def __init__(self, path: Path, shown: Path) -> None:
        super().__init__(str(path.parent), path.name, encoding="utf-8-sig")
        self.path, self.shown = path, shown
        self.templates: list[ScenarioTemplate] = []

    def _parse_feature_file(self) -> GherkinDocument:
        try:
            text = self.path.read_text(encoding="utf-8-sig")  # a byte order mark is not part of the text
        except UnicodeDecodeError as exc:
            raise JourneyFileError(f"{self.shown}: not UTF-8 text ({exc.reason}); save it as UTF-8.") from None
        try:
            document = Parser().parse(text)  # recovers from errors: all of them are reported at once
        except (CompositeParserException, ParserError) as exc:
            raise gherkin_errors(self.shown, text.splitlines(), exc) from None
        if "feature" not in document:
            raise _NoFeature
        return GherkinDocument.from_dict(document)

    def parse_steps(self, steps_data: list[GherkinStep]) -> list[Step]:
        """`*` (or a first And/But) takes the kind of the step before it; at the start, Given's."""
        if steps_data and steps_data[0].keyword_type not in STEP_TYPE_BY_PARSER_KEYWORD:
            steps_data = [replace(steps_data[0], keyword_type="Context"), *steps_data[1:]]
        return super().parse_steps(steps_data)

    def parse_scenario(self, scenario_data: GherkinScenario, feature: Feature,
                       rule: Rule | None = None) -> ScenarioTemplate:
        template = super().parse_scenario(scenario_data, feature, rule)
        self.templates.append(template)
        return template


class _NoFeature(Exception):
    """The file has no `Feature:` (empty, or comments only): valid Gherkin with nothing in it."""


def read_feature(path: Path, shown: Path) -> Feature | None:
    """The feature in a file, every scenario kept (a repeated name gets its line as its key), or None
    if the file has no feature. It is also what pytest-bdd's `scenario()` will find for this file."""
    reader = _Reader(path, shown)
    try:
        feature = reader.parse()
    except _NoFeature:
        return None
    feature.scenarios = OrderedDict()
    for template in reader.templates:
        taken = template.name in feature.scenarios
        key = f"{template.name} (line {template.line_number})" if taken else template.name
        feature.scenarios[key] = template
    features[os.path.abspath(path)] = feature
    return feature
