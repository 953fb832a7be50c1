"""Run-level Allure files: categories that sort pathwalk's own messages, the environment table,
and which Allure config `pathwalk report` uses."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from allure_commons.utils import format_exception
from pytest_bdd.exceptions import StepDefinitionNotFoundError

from pathwalk.checks import run_checks
from pathwalk.customer import JourneyError
from pathwalk.journey import Outcome, breach_error
from pathwalk.report.allure_run import (
    CATEGORIES,
    DEFAULT_CONFIG,
    environment_properties,
    find_config,
    write_run_files,
)
from pathwalk.standards import Budget, judge
from pathwalk.suggest import undefined_step_message
from pathwalk.trace import Action, Field, Page
from tests.traces import click, fill, make_trace, page

ROOT = Path(__file__).resolve().parents[1]
STRICT = {"clicks": Budget(None, 1), "repeated_inputs": Budget(None, 0), "dead_ends": Budget(None, 0),
          "unlabelled_fields": Budget(None, 0)}


def category(status: str, error: BaseException) -> str | None:
    """The first category Allure gives a result, checked both ways Allure matches a message:
    Allure 2 matches the whole message, Allure 3 searches it."""
    message = format_exception(type(error), error)  # what allure-pytest-bdd puts in statusDetails
    allure2 = next((c["name"] for c in CATEGORIES
                    if status in c["matchedStatuses"] and re.fullmatch(c["messageRegex"], message)), None)
    allure3 = next((c["name"] for c in CATEGORIES
                    if status in c["matchedStatuses"] and re.search(c["messageRegex"], message)), None)
    assert allure2 == allure3, message
    return allure2


def breach(*actions: Action, pages: Sequence[Page] = ()) -> BaseException:
    trace = make_trace(*actions, pages=pages)
    results = run_checks(trace)
    return breach_error(Outcome(trace, results, judge(results, STRICT), Path("t.json")))


def test_a_repeated_input_is_its_own_category_even_with_other_breaches() -> None:
    error = breach(fill("Email", "ada@x.io", autocomplete="email"), fill("Confirm email", "ada@x.io"),
                   click("A"), click("B"), click("C"), pages=(page(0, status=404),))
    assert category("failed", error) == "Repeated input"


def test_a_dead_end_is_its_own_category() -> None:
    assert category("failed", breach(click("Help"), pages=(page(0, status=404),))) == "Dead end"


def test_an_unlabelled_field_is_its_own_category() -> None:
    unlabelled = page(0, forms=1, fields=[Field(label="", field_name="addr")])
    assert category("failed", breach(click("Join"), pages=(unlabelled,))) == "Unlabelled field"


def test_other_standards_fall_under_exceeds_experience_standard() -> None:
    assert category("failed", breach(click("A"), click("B"))) == "Exceeds experience standard"


@pytest.mark.parametrize("error", [
    StepDefinitionNotFoundError(undefined_step_message("journeys/a.feature:7", "When", "I fly", [])),
    StepDefinitionNotFoundError("Step definition is not found: When \"I fly\". Line 7 in scenario \"A\""),
    JourneyError("No link named 'Help' on /. Buttons and links here: 'Home'."),
    JourneyError("No button named 'Pay' on /checkout. Nothing here to click."),
    JourneyError("No field labelled 'Email' on /signup. Nothing here to click."),
    JourneyError("2 elements match link named 'Help' on /: 1. link 'Help' in the header; 2. link 'Help' in the "
                 "footer. Make the step more specific."),
])
def test_journeys_that_need_fixing(error: BaseException) -> None:
    assert category("broken", error) == "Journey needs fixing (undefined or ambiguous step)"


@pytest.mark.parametrize("error", [
    RuntimeError("Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/"),
    RuntimeError("Locator.click: Timeout 30000ms exceeded."),
    RuntimeError("the page answered HTTP 503"),
])
def test_site_errors(error: BaseException) -> None:
    assert category("broken", error) == "Site error"


def test_a_failed_journey_is_never_put_in_a_broken_category() -> None:
    assert category("failed", AssertionError("HTTP 500 net:: Timeout No button")) is None


def test_run_files_hold_the_categories_and_an_escaped_environment(tmp_path: Path) -> None:
    run = {"commit": "abc123", "base_url": ["http://127.0.0.1:8000"], "browser": ["chromium 131"],
           "persona": ["desktop", "mobile ünïcode"]}
    write_run_files(tmp_path / "results", run)
    assert json.loads((tmp_path / "results" / "categories.json").read_text()) == CATEGORIES
    lines = (tmp_path / "results" / "environment.properties").read_text(encoding="ascii").splitlines()
    assert lines == ["Base\\ URL=http://127.0.0.1:8000", "Browser=chromium 131", "Commit=abc123",
                     "Personas=desktop, mobile \\u00fcn\\u00efcode"]


def test_missing_run_metadata_shows_a_dash() -> None:
    assert "Commit=-\n" in environment_properties({"commit": None})


def test_the_projects_own_allurerc_wins_over_pathwalks(tmp_path: Path) -> None:
    assert find_config(tmp_path) == DEFAULT_CONFIG
    (tmp_path / "allurerc.yaml").write_text("name: mine\n")
    assert find_config(tmp_path) == tmp_path / "allurerc.yaml"


def test_the_reference_projects_allurerc_is_the_one_pathwalk_ships() -> None:
    """allurerc.mjs at the repo root shows users pathwalk's default; they must not drift apart."""
    assert (ROOT / "allurerc.mjs").read_text() == DEFAULT_CONFIG.read_text()
