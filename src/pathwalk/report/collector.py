"""The run's outputs, written once on the controller from every journey's published record.

Each journey publishes its record in ``user_properties`` (JSON, so it survives xdist and is
readable in JUnit XML); this collector gathers them from test reports, appends each to the run's
journal as it arrives (see ``journal``), prints the terminal summary, and writes
friction-summary.json, the journey overview SVG, Allure's categories and environment, the
baseline and the CI step summary at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pathwalk.baseline import save_baseline
from pathwalk.collect import is_journey_file
from pathwalk.journey import Outcome
from pathwalk.jsonout import strict_json
from pathwalk.report.allure_run import write_run_files
from pathwalk.report.journal import add_journey, finish_journal, start_journal
from pathwalk.report.journey_map import overview_svg
from pathwalk.report.safe_text import one_line
from pathwalk.report.summary import render_changes, render_markdown, render_table, write_summary
from pathwalk.settings import Settings

RECORD = "pathwalk.record"


def user_properties(outcome: Outcome) -> list[tuple[str, object]]:
    """The record plus one property per figure, for JUnit XML readers."""
    figures = [(f"pathwalk.{name}", f"{value:g}") for name, value in outcome.figures.items()]
    return [(RECORD, strict_json(outcome.record())), ("pathwalk.status", outcome.status),
            *figures]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
        self.run = {"id": uuid.uuid4().hex[:12], "started": _now()}
        self.started = False

    def _start(self) -> None:
        """At the run's first journey: a fresh journal, and the last run's summary gone, never shown as this one's."""
        if not self.started:
            self.started = True
            start_journal(self.settings.journal, self.run)
            self.settings.summary.unlink(missing_ok=True)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if not self.started and is_journey_file((self.config.rootpath / report.location[0]).resolve(),
                                                self.settings.journeys):
            self._start()
        if report.when == "call":
            for record in (json.loads(str(value)) for name, value in report.user_properties if name == RECORD):
                self._start()
                self.records.append(record)
                add_journey(self.settings.journal, record)

    def run_info(self) -> dict[str, Any]:
        values = {key: sorted({str(r[key]) for r in self.records if r.get(key)})
                  for key in ("base_url", "browser", "persona")}
        return {**self.run, "commit": _commit(self.config.rootpath), **values}

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
                        f"warning: '{one_line(record['journey'])}': {one_line(breach['check'])} {breach['value']:g} "
                        f"is over the warn level {breach['budget']:g}", yellow=True)
        if self.settings.compare is not None:
            terminalreporter.section(f"pathwalk compared with baseline '{self.settings.compare.stem}'")
            for line in render_changes(self.records):
                terminalreporter.write_line(line)
        terminalreporter.write_line(f"summary: {self.settings.summary}")
        if self.settings.save is not None:
            terminalreporter.write_line(f"baseline saved: {self.settings.save}")

    def pytest_sessionfinish(self, exitstatus: int) -> None:
        if not self.started:
            return
        run = {**self.run_info(), "exit_status": int(exitstatus)}
        write_summary(self.settings.summary, self.records, run)
        finish_journal(self.settings.journal, _now())
        if not self.records:
            return
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
