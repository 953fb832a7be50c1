"""Nothing lost: Ctrl-C mid-run and parallel workers still leave complete results for what finished."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pathwalk.report.summary import write_summary

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

INI = "[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\n"
FAST = 'Feature: Quick\n  Scenario: Products\n    Given I open the home page\n    When I follow "Products"\n'
SLOW = "Feature: Slow\n  Scenario: A long wait\n    Given I open the home page\n    When I wait 600 seconds\n"


def test_ctrl_c_keeps_every_finished_journey(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    journeys = pytester.mkdir("journeys")
    journeys.joinpath("a_quick.feature").write_text(FAST)
    journeys.joinpath("b_slow.feature").write_text(SLOW)
    run = subprocess.Popen([sys.executable, "-u", "-m", "pytest", "-v", "--alluredir=allure-results"],
                           cwd=pytester.path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert run.stdout is not None
    seen = ""
    while "b_slow.feature" not in seen:  # verbose pytest names a test before walking it, without a newline
        char = run.stdout.read(1)
        assert char, seen  # pytest ended before reaching the slow journey
        seen += char
    assert "a_quick.feature::test_products PASSED" in seen
    run.send_signal(signal.SIGINT)
    output = seen + run.stdout.read()
    assert run.wait(timeout=60) == pytest.ExitCode.INTERRUPTED, output

    summary = json.loads(pytester.path.joinpath("reports", "friction-summary.json").read_text())
    assert [(r["journey"], r["status"]) for r in summary["journeys"]] == [("Products", "pass")]
    assert pytester.path.joinpath("reports", "traces", "journeys-a_quick--products.json").exists()
    results = [json.loads(p.read_text()) for p in pytester.path.joinpath("allure-results").glob("*-result.json")]
    assert ("Products", "passed") in [(r["name"], r["status"]) for r in results]


def finished_journeys(journal: Path) -> list[str]:
    lines = journal.read_text().splitlines() if journal.exists() else []
    return [json.loads(line)["record"]["journey"] for line in lines if '"kind": "journey"' in line]


def test_a_killed_run_keeps_its_finished_journeys_and_never_shows_an_earlier_summary(
        pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    journeys = pytester.mkdir("journeys")
    journeys.joinpath("a_quick.feature").write_text(FAST)
    journeys.joinpath("b_quick.feature").write_text(FAST.replace("Products", "Help"))
    journeys.joinpath("c_slow.feature").write_text(SLOW)
    reports = pytester.path / "reports"
    earlier = write_summary(reports / "friction-summary.json",
                            [{"journey": "From an earlier run", "nodeid": "x", "status": "pass", "figures": {},
                              "breaches": []}], {"id": "earlier"})
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q"], cwd=pytester.path, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)  # its own group: browser included
    try:
        deadline = time.monotonic() + 120
        while len(finished_journeys(reports / "friction-journeys.jsonl")) < 2:  # both quick journeys written
            assert run.poll() is None and time.monotonic() < deadline, "the quick journeys did not finish"
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # as the OOM killer or a CI timeout would, the slow journey mid-walk
    assert run.wait(timeout=30) == -signal.SIGKILL

    assert not earlier.exists()  # removed when the run started: never taken for this run's
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "summary"], cwd=pytester.path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    head, *table = done.stdout.splitlines()
    assert "did not finish" in head and "2 journeys finished. Incomplete summary" in head
    assert [line.split()[0] for line in table[2:]] == ["Products", "Help"]  # by node id: a_quick, b_quick
    assert "From an earlier run" not in done.stdout and "A long wait" not in done.stdout


def test_parallel_workers_report_once_with_every_journey(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text("defaults:\n  clicks: 1\n")
    journeys = pytester.mkdir("journeys")
    for n, target in enumerate(("Products", "Help", "Basket", "Sign up")):
        journeys.joinpath(f"j{n}.feature").write_text(
            f'Feature: F{n}\n  Scenario: To {target}\n    Given I open the home page\n    When I follow "{target}"\n')
    journeys.joinpath("j4.feature").write_text(
        'Feature: F4\n  Scenario: Two clicks\n    Given I open the home page\n    When I follow "Help"\n'
        '    And I follow "Delivery"\n')
    result = pytester.runpytest_subprocess("-n", "2", "--alluredir=allure-results")
    result.assert_outcomes(passed=4, failed=1)
    output = result.stdout.str()
    assert output.count("pathwalk friction summary") == 1
    summary = json.loads(pytester.path.joinpath("reports", "friction-summary.json").read_text())
    assert sorted(r["journey"] for r in summary["journeys"]) == [
        "To Basket", "To Help", "To Products", "To Sign up", "Two clicks"]
    assert len(summary["run"]["base_url"]) == 2  # each worker served its own demo shop
    assert pytester.path.joinpath("allure-results", "categories.json").exists()


KILLER = '''
import os
import signal

from pytest_bdd import step


@step("the worker is killed")
def worker_killed():
    os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a CI timeout would
'''


def test_a_killed_worker_loses_only_its_own_journey(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    pytester.path.joinpath("conftest.py").write_text(KILLER)
    journeys = pytester.mkdir("journeys")
    targets = ("Products", "Help", "Basket", "Sign up")
    for n, target in enumerate(targets):
        journeys.joinpath(f"j{n}.feature").write_text(
            f'Feature: F{n}\n  Scenario: To {target}\n    Given I open the home page\n    When I follow "{target}"\n')
    journeys.joinpath("a_killer.feature").write_text(  # collected first: the replacement worker walks the rest
        "Feature: Killer\n  Scenario: Killed mid-walk\n    Given I open the home page\n    When the worker is killed\n"
        '    And I follow "Help"\n')
    result = pytester.runpytest_subprocess("-n", "2", "--alluredir=allure-results")
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED, output
    result.assert_outcomes(passed=4, failed=1)
    assert "replacing crashed worker" in output  # xdist carried on with a fresh worker
    result.stdout.fnmatch_lines(
        ["*worker 'gw*' crashed while running 'journeys/a_killer.feature::test_killed_mid_walk'*"])

    summary = json.loads(pytester.path.joinpath("reports", "friction-summary.json").read_text())
    finished = {r["journey"]: r for r in summary["journeys"]}
    assert sorted(finished) == sorted(f"To {t}" for t in targets)
    for record in finished.values():
        assert record["status"] == "pass"
        trace = json.loads(pytester.path.joinpath(record["trace"]).read_text())
        assert trace["journey"]["name"] == record["journey"] and trace["pages"]
    results = [json.loads(p.read_text()) for p in pytester.path.joinpath("allure-results").glob("*-result.json")]
    assert sorted((r["name"], r["status"]) for r in results) == sorted((f"To {t}", "passed") for t in targets)
