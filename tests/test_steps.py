"""Every built-in step, walked for real in Chromium against tests/catalog_site.py.

One walk of a feature that uses the whole catalog; the tests read its outcome, traces, Allure
results and screenshots. A meta-test makes sure no catalog step is left without a walk.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pathwalk.steps import acting, expecting, navigation, who  # noqa: F401
from pathwalk.steps.catalog import CATALOG
from tests.catalog_site import catalog_site

pytestmark = pytest.mark.browser
SECRET = "s3cret-Value-Never-Logged@example.com"

FEATURE = """\
Feature: Every step in the catalog

  Scenario: Filling in the whole form
    Given I am a first-time customer
    And I open the home page
    When I follow "Form"
    And I fill in "Name" with "Ada"
    And I fill in my contact details:
      | Email | ada@example.com |
    And I choose "Express" from "Delivery speed"
    And I pick "Yes" for "Is this a gift?"
    And I pick the "Gift wrap" option
    And I tick "Send me offers"
    And I untick "Send me offers"
    And I upload "files/receipt.txt" to "Receipt"
    And I press "Send"
    Then I should be on "/thanks"
    And I should be on the "Thanks" page
    And I should see "speed=Express"
    And I should see "gift=Yes"
    And I should see "wrap=Gift wrap"
    And I should see "receipt=receipt.txt"
    And I should not see "offers=yes"

  Scenario: Moving around with links, keys, back and reload
    Given I am a first-time customer on the home page
    When I click "Second"
    And I go back
    Then I should be on "/"
    When I reload the page
    And I fill in "Search" with "blue mug"
    And I press the "Enter" key
    Then I should see "Results for blue mug"
    When I wait 0.3 seconds

  Scenario: A field the site cannot accept
    Given I am a first-time customer
    And I open "/form"
    When I fill in "Email" with "not an email"
    And I press "Send"
    Then the "Email" field should show an error
    And I should be on "/form"

  Scenario: On a phone
    Given I am a first-time customer on a phone
    And I open "/whoami"
    Then I should see "width=412"

  Scenario: As a persona from personas.yaml
    Given I am a first-time customer as "night-owl"
    And I open "/whoami"
    Then I should see "lang=de-DE dark=true width=1000"

  @persona:tablet
  Scenario: A persona chosen by tag
    Given I am a first-time customer
    And I open "/whoami"
    Then I should not see "width=1280"

  Scenario Outline: Searching for <thing>
    Given I am a first-time customer on the home page
    When I fill in "Search" with "<thing>"
    And I press the "Enter" key
    Then I should see "Results for <thing>"

    Examples:
      | thing      |
      | blue mug   |
      | red teapot |

  Scenario: Secrets and unique values
    Given I am a first-time customer
    And I open "/form"
    When I fill in "Name" with "{unique name}"
    And I fill in "Email" with "${CATALOG_SECRET_EMAIL}"
    And I press "Send"
    Then I should see "name=Walker"
"""
PERSONAS = """\
personas:
  night-owl: {viewport: {width: 1000, height: 700}, color_scheme: dark, locale: de-DE, timezone: Europe/Berlin}
"""


@dataclass
class Walked:
    root: Path
    run: subprocess.CompletedProcess[str]

    def summary(self) -> dict[str, dict[str, Any]]:
        data = json.loads((self.root / "reports" / "friction-summary.json").read_text())
        return {r["journey"]: r for r in data["journeys"]}

    def trace(self, journey: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(Path(self.summary()[journey]["trace"]).read_text())
        return data


def write_project(root: Path, feature: str) -> None:
    (root / "journeys" / "files").mkdir(parents=True)
    (root / "journeys" / "catalog.feature").write_text(feature)
    (root / "journeys" / "files" / "receipt.txt").write_text("a receipt\n")
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (root / "standards.yaml").write_text("version: 1\n")
    (root / "personas.yaml").write_text(PERSONAS)


def walk(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CATALOG_SECRET_EMAIL": SECRET}
    with catalog_site() as url:
        return subprocess.run([sys.executable, "-m", "pytest", f"--pathwalk-base-url={url}", "-rA",
                               "--alluredir=allure-results", "--junitxml=junit.xml", *args],
                              cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walked]:
    root = tmp_path_factory.mktemp("catalog")
    write_project(root, FEATURE)
    yield Walked(root, walk(root))


def test_every_catalog_step_is_walked_here() -> None:
    lines = [line.strip().split(" ", 1)[1] for line in FEATURE.splitlines()
             if line.strip().startswith(("Given ", "When ", "Then ", "And "))]
    unwalked = [doc.pattern for doc in CATALOG if not any(doc.matches(line) for line in lines)]
    assert unwalked == []


def test_every_journey_walks_green(walked: Walked) -> None:
    assert walked.run.returncode == 0, walked.run.stdout[-4000:]
    assert "9 passed" in walked.run.stdout


def test_actions_are_recorded_with_their_kinds(walked: Walked) -> None:
    kinds = [a["kind"] for a in walked.trace("Filling in the whole form")["actions"]]
    assert kinds == ["open", "click", "fill", "fill", "select", "check", "check", "check", "uncheck", "upload",
                     "click"]
    figures = walked.summary()["Filling in the whole form"]["figures"]
    assert figures["clicks"] == 8  # follow, select, 2 radios, tick, untick, upload, press
    assert figures["form_fields"] == 7  # name, email, speed, gift, wrap, offers, receipt

    moving = [a["kind"] for a in walked.trace("Moving around with links, keys, back and reload")["actions"]]
    assert moving == ["open", "click", "back", "reload", "fill", "key", "wait"]
    waited = walked.summary()["Moving around with links, keys, back and reload"]["figures"]["wait_seconds"]
    assert waited >= 0.3  # the customer's wait is reported as waiting time


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_personas_change_the_device_and_show_in_the_report(walked: Walked) -> None:
    summary = walked.summary()
    assert summary["On a phone"]["persona"] == "phone"
    assert summary["As a persona from personas.yaml"]["persona"] == "night-owl"
    assert summary["A persona chosen by tag"]["persona"] == "tablet"
    assert summary["Filling in the whole form"]["persona"] == "desktop"
    phone_shot = Path(walked.trace("On a phone")["pages"][-1]["screenshot"])
    desktop_shot = Path(walked.trace("Filling in the whole form")["pages"][-1]["screenshot"])
    assert png_size(desktop_shot) == (1280, 800)
    width, height = png_size(phone_shot)
    assert height > width  # a portrait phone screen, not the desktop's landscape one
    results = [json.loads(p.read_text()) for p in (walked.root / "allure-results").glob("*-result.json")]
    labels = {r["name"]: {x["name"]: x["value"] for x in r["labels"]} for r in results}
    assert labels["On a phone"]["persona"] == "phone"


def test_an_outline_example_is_a_journey_of_its_own(walked: Walked) -> None:
    outlines = sorted(r["nodeid"] for r in walked.summary().values() if r["journey"].startswith("Searching for"))
    assert len(outlines) == 2 and outlines[0] != outlines[1]
    assert all(Path(walked.summary()[j]["trace"]).exists() for j in walked.summary())


def test_unique_values_and_secrets(walked: Walked) -> None:
    journey = walked.summary()["Secrets and unique values"]
    filled = [a for a in walked.trace("Secrets and unique values")["actions"] if a["kind"] == "fill"]
    assert [a["value_length"] for a in filled] == [len("Walker 0123abcd"), len(SECRET)]  # both placeholders expanded
    assert journey["status"] == "pass"
    leaks = [str(p) for p in walked.root.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaks == []
    assert SECRET not in walked.run.stdout + walked.run.stderr
    results = [json.loads(p.read_text()) for p in (walked.root / "allure-results").glob("*-result.json")]
    secret_journey = next(r for r in results if r["name"] == "Secrets and unique values")
    assert 'And I fill in "Email" with "${CATALOG_SECRET_EMAIL}"' in [s["name"] for s in secret_journey["steps"]]


def test_a_field_without_a_label_is_a_finding_that_fails_its_standard(tmp_path: Path) -> None:
    write_project(tmp_path, 'Feature: F\n  Scenario: Joining the newsletter\n    Given I open "/newsletter"\n')
    (tmp_path / "standards.yaml").write_text("defaults:\n  unlabelled_fields: 0\n")
    run = walk(tmp_path)
    assert run.returncode == 1
    assert "Exceeds experience standard 'unlabelled_fields': 1 (budget 0)" in run.stdout
    assert "a email field 'addr' on 'Newsletter' has no label" in run.stdout


def test_a_missing_secret_is_a_broken_journey_that_says_what_to_export(tmp_path: Path) -> None:
    write_project(tmp_path, 'Feature: F\n  Scenario: S\n    Given I open "/form"\n'
                            '    When I fill in "Name" with "${NOT_SET_ANYWHERE}"\n')
    run = walk(tmp_path)
    assert run.returncode == 1
    assert "${NOT_SET_ANYWHERE} is not set in the environment; export NOT_SET_ANYWHERE" in run.stdout


def test_a_misspelt_step_gets_file_line_and_the_step_it_meant(tmp_path: Path) -> None:
    write_project(tmp_path, 'Feature: F\n  Scenario: S\n    Given I open the home page\n    When I folow "Form"\n')
    run = walk(tmp_path)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    at = lines.index("journeys/catalog.feature:4: undefined step: When I folow \"Form\"")
    assert lines[at + 1:at + 3] == ["  Did you mean:", '    When I follow "{name}"']


def test_an_ambiguous_target_lists_its_candidates(tmp_path: Path) -> None:
    write_project(tmp_path, 'Feature: F\n  Scenario: S\n    Given I open "/ambiguous"\n    When I press "Continue"\n')
    run = walk(tmp_path)
    assert run.returncode == 1
    assert ("2 elements match button named 'Continue' on /ambiguous: 1. button 'Continue' in the form 'Delivery'; "
            "2. button 'Continue' in the form 'Billing'. Make the step more specific.") in run.stdout
