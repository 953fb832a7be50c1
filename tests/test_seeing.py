"""What a person perceives, on pages built from patterns real sites use (tests/seeing_site.py).

Real `pytest` runs walk the site in Chromium; the tests read the traces. Names must be the ones
Chromium's accessibility tree gives (compared with Playwright's role queries), fields must be
the ones a person sees, each field its own, and the built-in steps must find what a person
would call the field, button or link.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pathwalk.checks import run_checks
from pathwalk.trace import Trace
from tests.browsing import live_page, serve
from tests.seeing_site import Site

pytestmark = pytest.mark.browser

FEATURE = """\
Feature: Seeing as the customer sees

  Scenario: Log in with marked labels
    Given I open "/login"
    When I fill in "Username" with "ada"
    And I fill in "Password" with "correct-horse"
    And I press "Log in"
    Then I should see "Signed in."

  Scenario: Give my details
    Given I open "/fields"
    When I fill in "City" with "Leeds"
    And I fill in "Email" with "ada@example.com"
    And I fill in "Message" with "Hello there"
    And I tick "I agree"
    And I tick "Gift wrap"
    And I tick "Card"
    And I tick "Row 1"
    And I tick "Row 2"
    And I press "Send"
    Then I should see "We have your details."

  Scenario: Follow links named by what is inside them
    Given I open "/links"
    When I follow "Basket"
    And I follow "Back"
    And I follow "Edit this page"
    Then I should see "Editing."

  Scenario: Buy tickets by typing the quantity
    Given I open "/tickets"
    When I fill in "Regular ticket" with "2"
    And I press "Add to cart"
    Then I should see "In your cart."

  Scenario: Set a quantity with the stepper
    Given I open "/stepper"
    When I press "+ Student ticket: Increase quantity"
    And I press "+ Student ticket: Increase quantity"
    And I press "Add to cart"
    Then I should see "In your cart."

  Scenario: Tick a row the page added
    Given I open "/list"
    When I press "Add a row"
    And I tick "Pick 2"
    Then I should see "List"
"""


@dataclass
class Walked:
    run: subprocess.CompletedProcess[str]
    traces: dict[str, Trace]
    site: str

    def figures(self, journey: str) -> dict[str, float]:
        return {name: result.value for name, result in run_checks(self.traces[journey]).items()}


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Walked:
    root = tmp_path_factory.mktemp("seeing")
    (root / "journeys").mkdir()
    (root / "journeys" / "seeing.feature").write_text(FEATURE)
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (root / "standards.yaml").write_text("version: 1\n")
    with serve(Site) as site:
        run = subprocess.run([sys.executable, "-m", "pytest", f"--pathwalk-base-url={site}", "-rA",
                              "--pathwalk-screenshots=never", "--pathwalk-a11y=off"],
                             cwd=root, capture_output=True, text=True, timeout=600)
    summary = json.loads((root / "reports" / "friction-summary.json").read_text())
    traces = {r["journey"]: Trace.load(Path(r["trace"])) for r in summary["journeys"]}
    return Walked(run, traces, site)


def test_every_journey_is_walked_with_the_built_in_steps(walked: Walked) -> None:
    broken = {name: trace.error for name, trace in walked.traces.items() if trace.outcome != "passed"}
    assert broken == {}, walked.run.stdout[-3000:]
    assert len(walked.traces) == 6


def test_labels_marked_with_a_colon_or_star_and_a_submit_input_are_found_and_named(walked: Walked) -> None:
    actions = walked.traces["Log in with marked labels"].actions
    assert [(a.kind, a.element.role, a.element.label or a.element.name) for a in actions[1:]] == [
        ("fill", "textbox", "Username:"), ("fill", "textbox", "Password *"), ("click", "button", "Log in")]
    assert walked.figures("Log in with marked labels")["form_fields"] == 2


def test_fields_are_named_as_chromium_names_them_and_only_shown_ones_count(walked: Walked) -> None:
    trace = walked.traces["Give my details"]
    shown = [(f.role, f.label) for f in trace.pages[0].fields]
    assert shown == [
        ("textbox", "Search the site"),  # the header's search
        ("textbox", "City"),  # an image-only label: the placeholder the customer reads
        ("textbox", "Town or village"),  # an empty label: the title
        ("textbox", ""),  # a display:none label names nothing: unlabelled
        ("textbox", "Email required"),
        ("textbox", "Message"),  # a rich-text editor
        ("checkbox", "I agree"),  # a transparent native box whose label draws the box
        ("checkbox", "Row 1"), ("checkbox", "Row 2"),  # one name, two fields
        ("checkbox", "Gift wrap"), ("checkbox", "Card"),  # no name: each its own field
        ("textbox", "Search this list"),  # the page's own "q", another form than the header's
    ]  # left out: the checkbox that is a menu button, the hover-only (transparent) box
    figures = walked.figures("Give my details")
    assert figures["unlabelled_fields"] == 1
    assert figures["fields_shown"] == 12 + 1  # the form, then the thank-you page's header search
    assert figures["form_fields"] == 8


def test_names_in_the_trace_are_the_ones_playwright_finds_by_role(walked: Walked) -> None:
    trace = walked.traces["Give my details"]
    # City and Town or village are named by what the customer reads (placeholder, title), where
    # Chromium's name is empty; Message is a bare contenteditable, which Chromium calls an editable
    # "generic" and Playwright gives no role, so it is found by its label.
    named = [f for f in trace.pages[0].fields if f.label and f.label not in ("City", "Town or village", "Message")]
    with serve(Site) as site, live_page() as page:
        page.goto(f"{site}/fields")
        for field in named:
            role = "textbox" if field.role == "textbox" else "checkbox"
            assert page.get_by_role(role, name=field.label, exact=True).count() == 1, field.label
        assert page.get_by_role("button", name="Menu", exact=True).count() == 1
        assert page.get_by_label("Message", exact=True).count() == 1
        assert page.get_by_role("textbox", name="City").count() == page.get_by_role("textbox", name="Town").count() == 0


def test_links_named_by_an_image_or_a_title_with_an_access_key_are_followed(walked: Walked) -> None:
    actions = walked.traces["Follow links named by what is inside them"].actions
    assert [(a.element.role, a.element.name) for a in actions[1:]] == [
        ("link", "Basket"), ("link", "Back"), ("link", "Edit this page [e]")]


def test_a_label_shared_with_a_section_finds_the_field(walked: Walked) -> None:
    fill = walked.traces["Buy tickets by typing the quantity"].actions[1]
    assert (fill.kind, fill.element.role, fill.element.label) == ("fill", "spinbutton", "Regular ticket")


def test_a_field_the_page_adds_is_shown_on_that_view(walked: Walked) -> None:
    trace = walked.traces["Tick a row the page added"]
    assert [f.label for f in trace.pages[0].fields] == ["Search the site", "Pick 1", "Pick 2"]
    assert walked.figures("Tick a row the page added")["fields_shown"] == 3


def test_a_stepper_sets_a_field_and_its_clicks_are_neither_dead_nor_rage(walked: Walked) -> None:
    trace = walked.traces["Set a quantity with the stepper"]
    # form0 is the header's search
    assert [a.set_fields for a in trace.actions[1:3]] == [["form1|name:n~0"], ["form1|name:n~0"]]
    figures = walked.figures("Set a quantity with the stepper")
    assert (figures["form_fields"], figures["dead_clicks"], figures["rage_clicks"], figures["clicks"]) == (1, 0, 0, 3)
