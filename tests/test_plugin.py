"""The pytest plugin as a user meets it: a real pytest run in a temporary project (pytester)."""

from __future__ import annotations

import json

import pytest

pytest_plugins = ["pytester"]

INI = """
[pytest]
pathwalk_base_url = demo
addopts = -p no:cacheprovider
"""
STANDARDS = """
version: 1
defaults:
  clicks: 1
  dead_ends: 0
"""
SHOP_FEATURE = """\
Feature: Browsing the shop
  Scenario: One click to the products
    Given I am a first-time customer on the home page
    When I follow "Products"
    Then I should see "Blue mug"

  Scenario: Two clicks to a product
    Given I am a first-time customer on the home page
    When I follow "Products"
    And I follow "Blue mug"
    Then I should see "Add to basket"

  Scenario: A step nobody wrote
    Given I am a first-time customer on the home page
    When I dance on the counter

  Scenario: A link that is not there
    Given I am a first-time customer on the home page
    When I follow "Free lunch"
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text(STANDARDS)
    pytester.mkdir("journeys")
    return pytester


@pytest.mark.browser
def test_journeys_are_walked_judged_and_summarised(project: pytest.Pytester) -> None:
    project.path.joinpath("journeys", "shop.feature").write_text(SHOP_FEATURE)
    result = project.runpytest_subprocess("-rA")
    result.assert_outcomes(passed=1, failed=3)
    output = result.stdout.str()

    # over budget: the standard, the count, the budget and where
    result.stdout.fnmatch_lines([
        "*Journey 'Two clicks to a product' (journeys/shop.feature:7) exceeds its experience standards",
        "*Exceeds experience standard 'clicks': 2 (budget 1)",
        "*at 'And I follow \"Blue mug\"' (journeys/shop.feature:10) on http://127.0.0.1:*/products",
    ])
    # a step that cannot be done says what the customer saw instead
    result.stdout.fnmatch_lines(["*No link named 'Free lunch' on /. Buttons and links here: *'Products'*"])
    # an undefined step names the feature file, the line and the closest steps that exist
    result.stdout.fnmatch_lines([
        "journeys/shop.feature:15: undefined step: When I dance on the counter",
        "  Did you mean:",
        "*`pathwalk steps` lists the built-in steps*",
    ])
    assert "def _conclude" not in output  # messages, not tracebacks of pathwalk's internals

    summary = json.loads(project.path.joinpath("reports", "friction-summary.json").read_text())
    assert summary["schema"] == "pathwalk.summary/1"
    statuses = {r["journey"]: r["status"] for r in summary["journeys"]}
    assert statuses == {
        "One click to the products": "pass",
        "Two clicks to a product": "fail",
        "A step nobody wrote": "broken",
        "A link that is not there": "broken",
    }
    traces = sorted(p.name for p in project.path.joinpath("reports", "traces").glob("*.json"))
    assert len(traces) == 4
    result.stdout.fnmatch_lines(["*pathwalk friction summary*", "journey*clicks*verdict*"])


BAD_GHERKIN = {
    "no_feature.feature": ("Scenario: no feature\n  Given I open the home page\n",
                           "journeys/no_feature.feature:1: expected: #EOF, *, got 'Scenario: no feature' "
                           "(a feature file starts with `Feature: <name>`)"),
    "table.feature": ("Feature: T\n  Scenario: t\n    Given I open the home page\n      | a | b |\n      | c |\n",
                      "journeys/table.feature:5: inconsistent cell count within the table"),
    "keyword.feature": ("Feature: K\n  Scenario: k\n    Givn I open the home page\n",
                        "journeys/keyword.feature:3: 'Givn' is not a step keyword (Given, When, Then, And, But). "
                        "Did you mean 'Given'?"),
}


@pytest.mark.browser
def test_bad_gherkin_is_one_failure_each_and_the_other_journeys_still_run(project: pytest.Pytester) -> None:
    journeys = project.path / "journeys"
    for name, (text, _) in BAD_GHERKIN.items():
        journeys.joinpath(name).write_text(text)
    journeys.joinpath("latin1.feature").write_bytes("Feature: Caf\u00e9\n".encode("latin-1"))
    journeys.joinpath("good.feature").write_text(SHOP_FEATURE.split("  Scenario: Two clicks")[0])
    result = project.runpytest_subprocess()
    result.assert_outcomes(passed=1, failed=len(BAD_GHERKIN) + 1)
    assert result.ret == pytest.ExitCode.INTERRUPTED  # README: a journey file could not be read
    for _, message in BAD_GHERKIN.values():
        result.stdout.fnmatch_lines([message])
    result.stdout.fnmatch_lines(["journeys/latin1.feature: not UTF-8 text (*); save it as UTF-8."])
    assert "Traceback" not in result.stdout.str() and "KeyError" not in result.stdout.str()


@pytest.mark.parametrize(
    ("standards", "message"),
    [
        ("defaults:\n  clics: 3\n",
         "*standards.yaml:2: defaults.clics: unknown check 'clics'. Did you mean 'clicks'?*"),
        ("defaults:\n  clicks: [1\n", "*standards.yaml:3: not valid YAML*"),
        ("defaults:\n  clicks: {warn: 9, fail: 3}\n",
         "*standards.yaml:2: defaults.clicks: warn (9) is above fail (3)*"),
        ("default:\n  clicks: 3\n", "*standards.yaml:1: default: unknown section. Did you mean 'defaults'?*"),
    ],
)
def test_malformed_standards_stop_the_run_with_file_line_and_fix(
    project: pytest.Pytester, standards: str, message: str
) -> None:
    project.path.joinpath("standards.yaml").write_text(standards)
    project.path.joinpath("journeys", "shop.feature").write_text(SHOP_FEATURE)
    result = project.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])


def test_a_missing_site_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.mkdir("journeys").joinpath("shop.feature").write_text(SHOP_FEATURE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*pathwalk: no site to walk. Set --pathwalk-base-url URL*"])


def test_a_base_url_that_is_not_a_url_is_a_usage_error(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("--pathwalk-base-url=shop.example")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*'shop.example' is not a URL; use http(s)://host*port* or 'demo'*"])


def test_plain_tests_are_untouched(pytester: pytest.Pytester) -> None:
    """Installed as a plugin, pathwalk stays out of the way of projects' ordinary tests."""
    pytester.makepyfile("def test_plain():\n    assert 1 + 1 == 2\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert not pytester.path.joinpath("reports").exists()
    assert "pathwalk friction summary" not in result.stdout.str()
