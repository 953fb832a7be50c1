"""The run's outputs, written once on the controller from every journey's published record.

Each journey publishes its record in ``user_properties`` (JSON, so it survives xdist and is
readable in JUnit XML); this collector gathers them from test reports, prints the terminal
summary, and writes friction-summary.json, the journey overview SVG, Allure's categories and
environment, the baseline and the CI step summary at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pathwalk.baseline import save_baseline
from pathwalk.journey import Outcome
from pathwalk.report.allure_run import write_run_files
from pathwalk.report.journey_map import overview_svg
from pathwalk.report.summary import render_changes, render_markdown, render_table, write_summary
from pathwalk.settings import Settings

RECORD = "pathwalk.record"


def user_properties(outcome: Outcome) -> list[tuple[str, object]]:
    """The record plus one property per figure, for JUnit XML readers."""
    figures = [(f"pathwalk.{name}", f"{value:g}") for name, value in outcome.figures.items()]
    return [(RECORD, json.dumps(outcome.record(), ensure_ascii=False)), ("pathwalk.status", outcome.status),
            *figures]


def _commit(root: Path) -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


class RunReport:
    """Registered on the controller only (never on xdist workers)."""

    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.records: list[dict[str, Any]] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            self.records.extend(json.loads(str(value)) for name, value in report.user_properties if name == RECORD)

    def run_info(self) -> dict[str, Any]:
        values = {key: sorted({str(r[key]) for r in self.records if r.get(key)})
                  for key in ("base_url", "browser", "persona")}
        return {"commit": _commit(self.config.rootpath), **values}

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.records:
            return
        terminalreporter.section("pathwalk friction summary")
        quiet = terminalreporter.verbosity < 0
        shown = [r for r in self.records if r["status"] != "pass"] if quiet else self.records
        for line in render_table(shown) if shown else []:
            terminalreporter.write_line(line)
        within = sum(r["status"] in ("pass", "warn") for r in self.records)
        terminalreporter.write_line(f"{within} of {len(self.records)} journeys within their standards")
        for record in self.records:
            for breach in record["breaches"]:
                if breach["level"] == "warn" and not quiet:
                    terminalreporter.write_line(
                        f"warning: '{record['journey']}': {breach['check']} {breach['value']:g} "
                        f"is over the warn level {breach['budget']:g}", yellow=True)
        if self.settings.compare is not None:
            terminalreporter.section(f"pathwalk compared with baseline '{self.settings.compare.stem}'")
            for line in render_changes(self.records):
                terminalreporter.write_line(line)
        terminalreporter.write_line(f"summary: {self.settings.summary}")
        if self.settings.save is not None:
            terminalreporter.write_line(f"baseline saved: {self.settings.save}")

    def pytest_sessionfinish(self) -> None:
        if not self.records:
            return
        run = self.run_info()
        write_summary(self.settings.summary, self.records, run)
        (self.settings.reports / "journey-overview.svg").write_text(overview_svg(self.records), encoding="utf-8")
        alluredir = getattr(self.config.option, "allure_report_dir", None)
        if alluredir:  # allure-pytest-bdd resolves --alluredir against the working directory too
            write_run_files(Path(os.path.abspath(alluredir)), run)
        if self.settings.save is not None:
            save_baseline(self.settings.save, self.records, run)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as out:
                out.write(render_markdown(self.records) + "\n")
