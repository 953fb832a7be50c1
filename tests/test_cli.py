"""The `pathwalk` command as a user runs it: real subprocesses, stopped with Ctrl-C (SIGINT)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from allure_commons import model2
from allure_commons.logger import AllureFileLogger

from pathwalk.report.journal import add_journey, finish_journal, start_journal
from pathwalk.report.summary import write_summary

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def running(*args: str, cwd: Path = ROOT) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start `pathwalk ARGS`, wait for the URL it prints, and stop it with Ctrl-C afterwards."""
    process = subprocess.Popen([sys.executable, "-m", "pathwalk.cli", *args], cwd=cwd, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    try:
        url = ""
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                url = found.group(0)
                break
        assert url, process.stderr.read() if process.stderr else ""
        yield process, url
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_demo_serves_the_shop_until_ctrl_c() -> None:
    with running("demo") as (process, url), urllib.request.urlopen(url) as response:
        assert "Welcome to the Demo Shop" in response.read().decode()
    assert process.returncode == 0


def test_report_explains_when_there_are_no_results(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "report", "--results", str(tmp_path / "none")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert "no Allure results in" in done.stderr and "make demo" in done.stderr


def test_report_explains_a_missing_allure_cli(tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    results.mkdir()
    (results / "x-result.json").write_text("{}")
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "report", "--results", str(results)],
                          cwd=tmp_path, capture_output=True, text=True)  # no node_modules here
    assert done.returncode == 2
    assert "the Allure 3 CLI (npm package 'allure') is not installed" in done.stderr


def test_summary_prints_the_last_walk(tmp_path: Path) -> None:
    record = {"journey": "Finding the mug", "nodeid": "journeys/a.feature::test_a", "status": "fail",
              "figures": {"clicks": 3, "dead_ends": 1}, "breaches": [{"check": "dead_ends", "level": "fail"}]}
    path = write_summary(tmp_path / "friction-summary.json", [record], {})
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "summary", "--file", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0
    assert re.search(r"Finding the mug\s+-\s+3\s+-\s+1 ✗\s+-\s+-\s+FAIL", done.stdout), done.stdout


def test_summary_without_a_walk_says_what_to_do(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "summary", "--file", str(tmp_path / "nope.json")],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Walk the journeys first" in done.stderr


def summary_of(reports: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pathwalk.cli", "summary", "--file",
                           str(reports / "friction-summary.json")], capture_output=True, text=True)


def journey(name: str) -> dict[str, object]:
    return {"journey": name, "nodeid": f"journeys/a.feature::test_{name}", "status": "pass",
            "figures": {"clicks": 1}, "breaches": []}


def test_summary_of_a_run_that_did_not_finish_lists_its_journeys_as_incomplete(tmp_path: Path) -> None:
    write_summary(tmp_path / "friction-summary.json", [journey("Earlier")], {"id": "run-1"})
    start_journal(tmp_path / "friction-journeys.jsonl", {"id": "run-2", "started": "2026-12-07T04:00:00+00:00"})
    add_journey(tmp_path / "friction-journeys.jsonl", journey("Finished"))

    done = summary_of(tmp_path)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (f"Run run-2 started 2026-12-07T04:00:00+00:00 did not finish (or is still running): "
                        f"1 journeys finished. Incomplete summary from {tmp_path / 'friction-journeys.jsonl'}:")
    assert lines[1] == f"  ({tmp_path / 'friction-summary.json'} is from an earlier run, run-1: not shown.)"
    assert re.search(r"Finished\s+-\s+1\s", done.stdout)
    assert "Earlier" not in done.stdout


def test_summary_of_a_finished_run_names_the_run(tmp_path: Path) -> None:
    journal = tmp_path / "friction-journeys.jsonl"
    start_journal(journal, {"id": "run-3", "started": "2026-12-07T04:00:00+00:00"})
    add_journey(journal, journey("Finished"))
    write_summary(tmp_path / "friction-summary.json", [journey("Finished")],
                  {"id": "run-3", "started": "2026-12-07T04:00:00+00:00", "exit_status": 2})
    finish_journal(journal, "2026-12-07T04:01:00+00:00")

    done = summary_of(tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        f"Friction summary (1 journeys, {tmp_path / 'friction-summary.json'}, run run-3 started "
        "2026-12-07T04:00:00+00:00):",
        "  The run was interrupted: only the journeys that finished are shown (incomplete).",
    ]


@pytest.mark.browser
def test_report_open_serves_the_built_report(tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    AllureFileLogger(str(results)).report_result(
        model2.TestResult(uuid="1", name="A journey", fullName="a#b", status=model2.Status.PASSED, start=1, stop=2))
    serve = running("report", "--results", str(results), "--output", str(tmp_path / "html"), "--open")
    with serve as (_, url), urllib.request.urlopen(url + "index.html") as response:
        assert response.status == 200
        assert "<html" in response.read().decode().lower()


def test_the_published_schema_is_the_one_pathwalk_validates_with() -> None:
    """standards.schema.json (for editors) must not drift from the checks pathwalk knows."""
    done = subprocess.run([sys.executable, "-m", "pathwalk.cli", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == json.loads((ROOT / "standards.schema.json").read_text())
    assert "clicks" in json.loads(done.stdout)["properties"]["defaults"]["propertyNames"]["enum"]
