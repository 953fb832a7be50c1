"""Hostile and broken sites: each journey is broken with its cause, and the run goes on."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hostile_site import hostile_site

pytestmark = pytest.mark.browser

FEATURE = """\
Feature: A hostile site
  Scenario: Every page answers 500
    Given I open "/broken/"
    When I follow "Next"

  Scenario: A redirect loop
    Given I open "/loop"

  Scenario: A page that never finishes loading
    Given I open "/hang"

  Scenario: Dialogs on arrival
    Given I open "/dialogs"
    When I follow "Next"
    Then I should see "Next"

  Scenario: A storm of popup windows
    Given I open "/popups"
    When I follow "Next"

  Scenario: A huge page
    Given I open "/huge"
    When I follow "Next"

  Scenario: A page that crashes the renderer
    Given I open "/"
    When I open "chrome://crash"

  Scenario: The browser dies
    Given I open "/"
    When the browser dies
    And I follow "Next"

  Scenario: Afterwards, a good journey
    Given I open "/"
    When I follow "Next"
    Then I should see "Home"
"""
CONFTEST = '''
from pytest_bdd import step

@step("the browser dies")
def browser_dies(page):
    page.context.browser.close()
'''


def walk(root: Path, base_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--pathwalk-base-url={base_url}",
                           "--pathwalk-timeout=10", "--alluredir=allure-results", *args],
                          cwd=root, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "journeys").mkdir()
    (root / "journeys" / "hostile.feature").write_text(FEATURE)
    (root / "conftest.py").write_text(CONFTEST)
    (root / "standards.yaml").write_text("version: 1\n")
    with hostile_site() as url:
        run = walk(root, url)
    summary = json.loads((root / "reports" / "friction-summary.json").read_text())
    return run, {r["journey"]: r for r in summary["journeys"]}


def test_every_journey_has_a_result_and_the_run_went_on(walked: tuple[Any, dict[str, Any]]) -> None:
    run, records = walked
    assert len(records) == 9, run.stdout[-3000:]
    assert records["Afterwards, a good journey"]["status"] == "pass"
    assert "Traceback" not in run.stdout


@pytest.mark.parametrize(("journey", "cause"), [
    ("Every page answers 500", "No link named 'Next' on /broken/ (the page answered HTTP 500)"),
    ("A redirect loop", "net::ERR_TOO_MANY_REDIRECTS"),
    ("A page that never finishes loading", "Timeout: the site did not answer within 10 s (open on"),
    ("A page that crashes the renderer", "The site failed on open at"),
])
def test_a_broken_site_breaks_the_journey_with_its_cause(walked: tuple[Any, dict[str, Any]], journey: str,
                                                         cause: str) -> None:
    run, records = walked
    assert records[journey]["status"] == "broken"
    assert cause in records[journey]["error"] + run.stdout


def test_dialogs_and_popups_are_recorded_and_closed(walked: tuple[Any, dict[str, Any]]) -> None:
    _, records = walked
    dialogs = json.loads(Path(records["Dialogs on arrival"]["trace"]).read_text())["events"]
    assert [(e["kind"], e["detail"]) for e in dialogs] == [("dialog", "alert: Welcome!"),
                                                           ("dialog", "confirm: Accept cookies?")]
    assert records["Dialogs on arrival"]["status"] == "pass"
    storm = json.loads(Path(records["A storm of popup windows"]["trace"]).read_text())
    assert [(e["kind"], e["detail"]) for e in storm["events"]] == [("popup", "the site opened 20 new windows")], (
        [(p["url"], p["title"]) for p in storm["pages"]], [(a["kind"], a["url"]) for a in storm["actions"]])
    assert records["A storm of popup windows"]["status"] == "pass"


def test_a_huge_page_is_walked(walked: tuple[Any, dict[str, Any]]) -> None:
    _, records = walked
    assert records["A huge page"]["status"] == "pass"


def test_a_dead_browser_is_replaced_for_the_next_journey(walked: tuple[Any, dict[str, Any]]) -> None:
    _, records = walked
    assert records["The browser dies"]["status"] == "broken"
    assert "has been closed" in records["The browser dies"]["error"]
    assert records["Afterwards, a good journey"]["status"] == "pass"


def test_an_unreachable_site_is_one_clear_message(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "a.feature").write_text('Feature: F\n  Scenario: S\n    Given I open "/"\n')
    (tmp_path / "standards.yaml").write_text("version: 1\n")
    with hostile_site() as url:
        closed = url  # the port is closed once the site stops
    run = walk(tmp_path, closed)
    assert run.returncode == 1
    assert f"Cannot reach {closed}: [Errno 111] Connection refused. Check --pathwalk-base-url" in run.stdout
    assert "Traceback" not in run.stdout


ESCAPES = """\
Feature: Terminal escapes
  Scenario: Escapes in the heading \x1b[31mand in the name\x1b[0m
    Given I open "/escapes"
    Then I should see "Nothing like it"

  @escapes
  Scenario: Escapes in a console error
    Given I open "/escapes"
    When I follow "Next"
"""
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # ESC included: any of these reaches the terminal raw


def test_page_text_reaches_the_terminal_without_escapes_or_control_characters(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "escapes.feature").write_text(ESCAPES)
    (tmp_path / "standards.yaml").write_text("version: 1\ntags:\n  escapes: {errors: 0}\n")
    with hostile_site() as url:
        run = walk(tmp_path, url, "--pathwalk-timeout=2", "-rA")
    summary = subprocess.run([sys.executable, "-m", "pathwalk.cli", "summary"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=60)

    assert run.returncode == 1, run.stdout[-3000:]
    # the messages still say what the page showed, in its words, without what would drive the terminal
    assert "Expected to see 'Nothing like it' on /escapes, which shows 'Escapes click here31m'." in run.stdout
    assert "a console error on /escapes: logged" in run.stdout
    assert "Escapes in the heading and in the name" in run.stdout  # the terminal table
    assert "Escapes in the heading and in the name" in summary.stdout  # `pathwalk summary`
    for output in (run.stdout, run.stderr, summary.stdout, summary.stderr):
        assert not CONTROL.search(output), repr(CONTROL.findall(output))
    records = json.loads((tmp_path / "reports" / "friction-summary.json").read_text())["journeys"]
    assert "\x1b[2J" in records[0]["error"]  # the record keeps the page's own text; only the outputs are cleaned
