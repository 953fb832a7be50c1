"""CI gating as a team meets it: precedence of budgets, warn vs fail vs broken, outputs, baselines."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pathwalk.browser import video_encoder

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ENCODER = video_encoder()  # resolved before pytester points HOME at a temporary folder
INI = "[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\nmarkers = checkout\n"

LAYERS = """\
@stage:discover
Feature: Browsing
  Scenario: Products in one click
    Given I am a first-time customer on the home page
    When I follow "Products"

  @checkout
  Scenario: A mug in three clicks
    Given I am a first-time customer on the home page
    When I follow "Products"
    And I follow "Blue mug"
    And I press "Add to basket"

  @checkout
  Scenario: A mug on a strict budget
    Given I am a first-time customer on the home page
    When I follow "Products"
    And I follow "Blue mug"
    And I press "Add to basket"

  @persona:phone
  Scenario: A link that is not there
    Given I am a first-time customer on the home page
    When I follow "Nowhere"
"""
# Each layer undoes the one before: stage lifts the defaults' warn level, the tag lifts the
# stage's fail level, the journey's own entry tightens the tag's budget again.
LAYERED_STANDARDS = """\
defaults:
  clicks: {warn: 0, fail: 5}
stages:
  discover: {clicks: {warn: 1, fail: 2}}
tags:
  checkout: {clicks: {warn: 2, fail: 3}}
journeys:
  "A mug on a strict budget": {clicks: 2}
"""


def make_project(pytester: pytest.Pytester, feature: str, standards: str) -> pytest.Pytester:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text(standards)
    pytester.mkdir("journeys").joinpath("journey.feature").write_text(feature)
    return pytester


def summary(pytester: pytest.Pytester) -> dict[str, dict[str, object]]:
    data = json.loads(pytester.path.joinpath("reports", "friction-summary.json").read_text())
    return {r["journey"]: r for r in data["journeys"]}


def test_precedence_warn_fail_broken_and_every_output(pytester: pytest.Pytester, tmp_path: Path) -> None:
    project = make_project(pytester, LAYERS, LAYERED_STANDARDS)
    step_summary = tmp_path / "step-summary.md"
    project._monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step_summary))
    result = project.runpytest_subprocess("--junitxml=junit.xml", f"--alluredir={tmp_path / 'allure'}")
    result.assert_outcomes(passed=2, failed=2)

    records = summary(project)
    assert {name: r["status"] for name, r in records.items()} == {
        "Products in one click": "pass",  # stage (warn 1) overrides defaults (warn 0)
        "A mug in three clicks": "warn",  # tag (fail 3) overrides stage (fail 2)
        "A mug on a strict budget": "fail",  # journey (fail 2) overrides tag (fail 3)
        "A link that is not there": "broken",
    }
    assert records["Products in one click"]["stage"] == "discover"
    assert records["A link that is not there"]["persona"] == "phone"
    assert records["A mug on a strict budget"]["breaches"] == [
        {"check": "clicks", "level": "fail", "value": 3, "budget": 2.0}]

    output = result.stdout.str()
    result.stdout.fnmatch_lines([
        "*Exceeds experience standard 'clicks': 3 (budget 2)*",
        "*2 of 4 journeys within their standards*",
        "*warning: 'A mug in three clicks': clicks 3 is over the warn level 2*",
    ])
    assert "Unknown pytest.mark.stage" not in output and "Unknown pytest.mark.persona" not in output

    statuses = {r["name"]: r["status"] for r in map(json.loads, map(Path.read_text,
                                                                   (tmp_path / "allure").glob("*-result.json")))}
    assert statuses["A mug on a strict budget"] == "failed"  # over a standard
    assert statuses["A link that is not there"] == "broken"  # could not be walked
    assert statuses["A mug in three clicks"] == "passed"

    cases = ET.parse(project.path / "junit.xml").getroot().iter("testcase")
    props = {c.get("name"): {p.get("name"): p.get("value") for p in c.iter("property")} for c in cases}
    assert props["test_a_mug_in_three_clicks"]["pathwalk.clicks"] == "3"
    assert props["test_a_mug_in_three_clicks"]["pathwalk.status"] == "warn"
    assert json.loads(props["test_products_in_one_click"]["pathwalk.record"])["figures"]["clicks"] == 1

    markdown = step_summary.read_text()
    assert "| journey | effort s | clicks |" in markdown
    assert re.search(r"\| A mug on a strict budget \| [\d.]+ \| 3 ✗ \|.*\| FAIL \|", markdown)


def test_quiet_lists_only_journeys_that_need_attention(pytester: pytest.Pytester) -> None:
    project = make_project(pytester, LAYERS, LAYERED_STANDARDS)
    result = project.runpytest_subprocess("-q")
    section = result.stdout.str().split("pathwalk friction summary", 1)[1]
    assert "A mug on a strict budget" in section and "A link that is not there" in section
    assert "Products in one click" not in section
    assert "warning:" not in section


SMOOTH = "A guest buys the blue mug through the express checkout"


def reference_project(pytester: pytest.Pytester) -> pytest.Pytester:
    """The demo's own buying journeys and shop steps, in a temporary project."""
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text((ROOT / "standards.yaml").read_text())
    pytester.mkdir("journeys").joinpath("buying.feature").write_text((ROOT / "journeys/buying.feature").read_text())
    pytester.mkdir("steps").joinpath("shop.py").write_text((ROOT / "steps/shop.py").read_text())
    pytester.path.joinpath("steps", "__init__.py").write_text("")
    checks = pytester.mkdir("friction_checks")  # standards.yaml budgets the project's own checks too
    for module in (ROOT / "friction_checks").glob("*.py"):
        checks.joinpath(module.name).write_text(module.read_text())
    pytester.makeconftest('pytest_plugins = ["steps.shop"]')
    return pytester


def test_compare_fail_catches_a_click_added_to_the_smooth_journey(pytester: pytest.Pytester) -> None:
    project = reference_project(pytester)
    saved = project.runpytest_subprocess("-k", "express", "--pathwalk-save", "main")
    saved.assert_outcomes(passed=1)
    baseline = json.loads(project.path.joinpath(".pathwalk", "baselines", "main.json").read_text())
    assert baseline["schema"] == "pathwalk.baseline/1"
    [entry] = baseline["journeys"].values()
    assert entry["journey"] == SMOOTH and entry["figures"]["clicks"] == 4

    feature = project.path / "journeys" / "buying.feature"
    feature.write_text(feature.read_text().replace(
        '    And I press "Express checkout"\n', '    And I follow "Basket"\n    And I press "Express checkout"\n'))

    shown = project.runpytest_subprocess("-k", "express", "--pathwalk-compare", "main")
    shown.assert_outcomes(passed=1)  # compare alone reports, it does not gate
    shown.stdout.fnmatch_lines(["*compared with baseline 'main'*", f"{SMOOTH}: clicks 4 → 5 (+1)"])

    gated = project.runpytest_subprocess("-k", "express", "--pathwalk-compare", "main",
                                         "--pathwalk-compare-fail", "clicks:0,form_fields:10%")
    gated.assert_outcomes(failed=1)
    gated.stdout.fnmatch_lines([
        "*Regressed against the baseline: clicks: 4 → 5 (+1, allowed +0)*",
        f"{SMOOTH}: clicks 4 → 5 (+1)  REGRESSED",
    ])
    assert summary(project)[SMOOTH]["status"] == "fail"

    allowed = project.runpytest_subprocess("-k", "express", "--pathwalk-compare", "main",
                                           "--pathwalk-compare-fail", "clicks:1")
    allowed.assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pathwalk-compare", "nope"], "*no baseline at *nope.json; save one first with --pathwalk-save nope*"),
        (["--pathwalk-compare-fail", "clicks:1"], "*--pathwalk-compare-fail needs --pathwalk-compare NAME*"),
        (["--pathwalk-compare", "x", "--pathwalk-compare-fail", "clicks"], "*'clicks' is not CHECK:N or CHECK:N%*"),
        (["--pathwalk-compare", "x", "--pathwalk-compare-fail", "clix:1"],
         "*unknown check 'clix'. Did you mean 'clicks'? Known: a11y_serious, *"),
        (["--pathwalk-save", "../up"], "*baseline name '../up': use letters, digits*"),
    ],
)
def test_bad_baseline_options_are_usage_errors(pytester: pytest.Pytester, args: list[str], message: str) -> None:
    project = make_project(pytester, LAYERS, LAYERED_STANDARDS)
    result = project.runpytest_subprocess(*args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])


def test_screenshot_and_video_options(pytester: pytest.Pytester, tmp_path: Path) -> None:
    project = make_project(pytester, LAYERS.split("  @checkout")[0], "version: 1\n")
    assert ENCODER is not None and ENCODER.exists(), "make setup runs `pathwalk install-browser`, which adds ffmpeg"
    project._monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(ENCODER.parent.parent))  # pytester moves HOME
    always = project.runpytest_subprocess("--pathwalk-screenshots=always", "--pathwalk-video=on",
                                          f"--alluredir={tmp_path / 'always'}")
    always.assert_outcomes(passed=1)
    [result] = [json.loads(p.read_text()) for p in (tmp_path / "always").glob("*-result.json")]
    assert [a["name"] for s in result["steps"] for a in s.get("attachments", [])] == ["After the step"] * 2
    assert [a["name"] for a in result["attachments"] if a["type"] == "video/webm"] == ["Video"]

    never = project.runpytest_subprocess("--pathwalk-screenshots=never", "--pathwalk-tracing=on",
                                         f"--alluredir={tmp_path / 'never'}",
                                         f"--pathwalk-reports={tmp_path / 'never-reports'}")
    never.assert_outcomes(passed=1)
    [result] = [json.loads(p.read_text()) for p in (tmp_path / "never").glob("*-result.json")]
    assert all(not s.get("attachments") for s in result["steps"])
    assert any(a["name"].startswith("Playwright trace") for a in result["attachments"])  # tracing=on keeps it
    [trace] = [json.loads(p.read_text()) for p in (tmp_path / "never-reports" / "traces").glob("*.json")]
    assert trace["pages"] and all(page["screenshot"] is None for page in trace["pages"])  # none taken at all
    assert not list((tmp_path / "never-reports").rglob("*.png"))

    bad = project.runpytest_subprocess("-o", "pathwalk_screenshots=sometimes")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*pathwalk_screenshots = 'sometimes': use one of on-friction, always, never*"])
