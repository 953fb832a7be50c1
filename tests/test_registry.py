"""The project's own checks: found in friction_checks/, plugins and hooks, run like built-ins."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pathwalk.checks import BUILTIN_CHECKS, CheckFailed, run_checks
from pathwalk.findings import Check, CheckResult
from pathwalk.registry import CheckLoadError, load_checks
from tests.traces import click, make_trace, page

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = [c.name for c in BUILTIN_CHECKS]
STEPS_CHECK = '''
from pathwalk.findings import Check, CheckResult


def count_steps(trace):
    return CheckResult("steps", len(trace.steps), [])


CHECK = Check(name="steps", unit="steps", definition="Gherkin steps in the journey.", source="example",
              run=count_steps)
'''


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_a_module_in_friction_checks_is_loaded_after_the_builtins_with_its_origin(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "steps.py", STEPS_CHECK)
    write(tmp_path / "friction_checks", "_helpers.py", "raise RuntimeError('private modules are not loaded')")

    checks = load_checks(tmp_path)

    assert [c.name for c in checks] == [*BUILTIN, "steps"]
    assert checks[-1].origin.endswith("friction_checks/steps.py")
    assert run_checks(make_trace(), checks)["steps"] == CheckResult("steps", 4, [])


def test_no_friction_checks_folder_means_the_builtins_only(tmp_path: Path) -> None:
    assert [c.name for c in load_checks(tmp_path)] == BUILTIN


def test_a_module_may_offer_several_checks_in_a_checks_list(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "two.py", STEPS_CHECK + "\nCHECKS = [CHECK, Check(name='pages', unit='p', "
          "definition='d', source='s', run=lambda t: CheckResult('pages', len(t.pages), []))]\n")

    assert [c.name for c in load_checks(tmp_path)][-2:] == ["steps", "pages"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = 1\n", "two.py: defines no check. Add `CHECK = Check(name=..., unit=..., definition=..., "
                    "source=..., run=my_function)` (or a CHECKS list)."),
        ("CHECK = 'clicks'\n", "two.py: 'clicks' is not a pathwalk.findings.Check."),
        ("import os\n\n\nraise ValueError('no API key')\n",
         "two.py:4: the check module failed to load: ValueError: no API key"),
        ("def broken(:\n", "two.py:1: the check module failed to load: SyntaxError"),
    ],
)
def test_a_bad_check_module_is_one_error_naming_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "friction_checks", "two.py", text)

    with pytest.raises(CheckLoadError) as raised:
        load_checks(tmp_path)

    assert message in str(raised.value)


def test_a_name_already_taken_or_not_a_budget_key_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "clash.py", STEPS_CHECK.replace('"steps"', '"clicks"'))
    with pytest.raises(CheckLoadError, match=r"a check named 'clicks' already exists \(built-in\)"):
        load_checks(tmp_path)

    write(tmp_path / "friction_checks", "clash.py", STEPS_CHECK.replace('"steps"', '"Step Count"'))
    with pytest.raises(CheckLoadError, match=r"check name 'Step Count' must be a lowercase identifier"):
        load_checks(tmp_path)


def test_hook_checks_run_and_are_named_as_coming_from_the_hook(tmp_path: Path) -> None:
    extra = Check("pages", "pages", "Pages seen.", "example", lambda t: CheckResult("pages", len(t.pages), []))

    checks = load_checks(tmp_path, hooked=[[extra], None])

    assert checks[-1].name == "pages" and checks[-1].origin == "pytest_pathwalk_add_checks hook"
    assert run_checks(make_trace(pages=[page(0), page(1)]), checks)["pages"].value == 2


def test_a_check_that_raises_is_named_with_its_origin_and_journey() -> None:
    def explode(trace: object) -> CheckResult:
        raise ZeroDivisionError("division by zero")

    bad = Check("ratio", "x", "d", "s", explode, origin="friction_checks/ratio.py")

    with pytest.raises(CheckFailed) as raised:
        run_checks(make_trace(click("Go")), [bad])

    assert str(raised.value) == ("check 'ratio' (friction_checks/ratio.py) failed on journey 'A customer buys a "
                                 "lamp': ZeroDivisionError: division by zero")


def test_the_reference_project_example_counts_checkout_pages() -> None:
    checks = {c.name: c for c in load_checks(ROOT)}
    trace = make_trace(pages=[page(0, url="http://shop.test/basket"), page(1, url="http://shop.test/checkout/details"),
                              page(2, url="http://shop.test/checkout/delivery"),
                              page(3, url="http://shop.test/checkout/details")])

    result = checks["checkout_pages"].run(trace)

    assert result.value == 2
    assert [f.url for f in result.findings] == ["http://shop.test/checkout/details", "http://shop.test/checkout/delivery"]


def pathwalk_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pathwalk.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_pathwalk_checks_lists_every_check_with_definition_source_and_origin(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "steps.py", STEPS_CHECK)

    done = pathwalk_cli("checks", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{len(BUILTIN) + 1} checks; each name is a budget key in standards.yaml.")
    effort, friction = done.stdout.split("\nFriction: places where the site makes it harder\n")
    assert "\nclicks  [clicks]\n" in effort and "\nclicks  [" not in friction
    assert "\nrepeated_inputs  [" in friction and "\nrepeated_inputs  [" not in effort
    for check in BUILTIN_CHECKS:
        assert f"{check.name}  [{check.unit}]\n" in done.stdout
        assert f"Source: {check.source.split()[0]}" in done.stdout
    assert "steps  [steps]  from friction_checks/steps.py\n    Gherkin steps in the journey." in done.stdout


def test_pathwalk_schema_accepts_the_project_checks_as_budget_keys(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "steps.py", STEPS_CHECK)

    done = pathwalk_cli("schema", cwd=tmp_path)

    names = json.loads(done.stdout)["properties"]["defaults"]["propertyNames"]["enum"]
    assert "steps" in names and set(BUILTIN) <= set(names)


def test_a_broken_project_check_makes_the_cli_say_where(tmp_path: Path) -> None:
    write(tmp_path / "friction_checks", "steps.py", "CHECK = 3\n")

    done = pathwalk_cli("checks", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.startswith("pathwalk checks: friction_checks/steps.py: 3 is not a pathwalk.findings.Check.")
    assert "Traceback" not in done.stderr


# -- in a pytest run: a project check gets a budget and fails a journey like a built-in -----------
INI = """
[pytest]
pathwalk_base_url = demo
addopts = -p no:cacheprovider
"""
FEATURE = """\
Feature: Browsing the shop
  Scenario: Two clicks to a product
    Given I am a first-time customer on the home page
    When I follow "Products"
    And I follow "Blue mug"
    Then I should see "Add to basket"
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini(INI)
    pytester.mkdir("journeys").joinpath("shop.feature").write_text(FEATURE)
    write(pytester.path / "friction_checks", "steps.py", STEPS_CHECK)
    return pytester


@pytest.mark.browser
def test_a_project_check_is_budgeted_judged_and_summarised(project: pytest.Pytester) -> None:
    project.path.joinpath("standards.yaml").write_text("version: 1\ndefaults:\n  steps: 3\n")

    result = project.runpytest_subprocess()

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Exceeds experience standard 'steps': 4 (budget 3)"])
    summary = json.loads(project.path.joinpath("reports", "friction-summary.json").read_text())
    assert summary["journeys"][0]["figures"]["steps"] == 4


@pytest.mark.browser
def test_a_hook_check_from_conftest_runs_like_a_builtin(project: pytest.Pytester) -> None:
    project.path.joinpath("standards.yaml").write_text("version: 1\ndefaults:\n  pages_seen: 2\n")
    project.makeconftest("""
from pathwalk.findings import Check, CheckResult


def pytest_pathwalk_add_checks(config):
    return [Check("pages_seen", "pages", "Pages the customer saw.", "example",
                  lambda trace: CheckResult("pages_seen", len(trace.pages), []))]
""")

    result = project.runpytest_subprocess()

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Exceeds experience standard 'pages_seen': 3 (budget 2)"])


def test_a_broken_project_check_stops_the_run_before_walking(project: pytest.Pytester) -> None:
    project.path.joinpath("standards.yaml").write_text("version: 1\n")
    write(project.path / "friction_checks", "steps.py", "from pathwalk.findings import Chekc\n")

    result = project.runpytest_subprocess()

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: *friction_checks/steps.py:1: the check module failed to load: "
                                 "ImportError: cannot import name 'Chekc'*"])
    assert not project.path.joinpath("reports", "traces").exists()
