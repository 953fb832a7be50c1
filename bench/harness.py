"""Shared pieces of the benchmarks: timed pytest runs, medians, one result line per figure, the machine.

The benchmarks are measurements, not tests: nothing here asserts a time. A run that cannot be
measured (a walk that breaks, scenario counts that differ) raises BenchError instead.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
_COUNTS = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)")


class BenchError(RuntimeError):
    """A benchmark could not measure what it set out to (not a missed goal)."""


@dataclass
class Result:
    """One measured figure, with its goal; ``met`` is None when there is no goal."""

    name: str
    value: str
    detail: str
    goal: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "no goal set" if self.met is None else "goal met" if self.met else "goal missed"

    def line(self) -> str:
        goal = f" — goal {self.goal}: {self.verdict}" if self.goal else f" — {self.verdict}"
        return f"{self.name}: {self.value} ({self.detail}){goal}"


@dataclass
class PytestRun:
    """One pytest subprocess: its wall time, exit code and the outcome counts of its last line."""

    seconds: float
    returncode: int
    counts: dict[str, int] = field(default_factory=dict)
    output: str = ""

    @property
    def scenarios(self) -> int:
        return sum(self.counts.values())

    def outcome(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in sorted(self.counts.items()))


def clean_env() -> dict[str, str]:
    """The caller's environment without options that would change what pytest runs."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS")}


def run_pytest(args: Sequence[str], cwd: Path, expected: Sequence[int] = (0,)) -> PytestRun:
    """Run ``python -m pytest ARGS`` in ``cwd`` and time it from start to exit (wall clock)."""
    command = [PYTHON, "-m", "pytest", *args]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=clean_env(), timeout=900)
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    last = next((line for line in reversed(done.stdout.splitlines()) if _COUNTS.search(line)), "")
    counts: dict[str, int] = {}
    for number, what in _COUNTS.findall(last):
        key = "error" if what.startswith("error") else what
        counts[key] = counts.get(key, 0) + int(number)
    if done.returncode not in expected:
        raise BenchError(f"`{' '.join(command)}` in {cwd} exited {done.returncode} (expected "
                         f"{' or '.join(map(str, expected))}):\n{output[-3000:]}")
    return PytestRun(seconds, done.returncode, counts, output)


def walk_args(reports: Path, *extra: str, targets: Sequence[str] = ("journeys",)) -> list[str]:
    """``pytest journeys`` as `make demo` runs it, writing into ``reports`` instead of ./reports."""
    return [*targets, "-p", "no:cacheprovider", f"--pathwalk-reports={reports}",
            f"--alluredir={reports / 'allure-results'}", *extra]


def sample_walk(reports: Path) -> Path:
    """Walk the reference journeys once (default settings) into ``reports``; return that folder."""
    run = run_pytest(walk_args(reports), ROOT, expected=(0, 1))
    if not list((reports / "traces").glob("*.json")):
        raise BenchError(f"the walk wrote no traces into {reports / 'traces'}:\n{run.output[-3000:]}")
    return reports


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def chromium_version() -> str:
    """The version of the Chromium pathwalk launches (Playwright's, else the system's)."""
    from playwright.sync_api import sync_playwright

    from pathwalk.browser import launch_chromium

    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            version = browser.version
            browser.close()
    except Exception as exc:  # the figures can still be printed without it
        return f"unknown ({type(exc).__name__})"
    return version


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: anything else running skews every figure."""
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    memory = "unknown"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                   cpu)
        meminfo = Path("/proc/meminfo").read_text()
        kib = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus (nproc)": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "chromium": chromium_version(),
        "load average at start (1/5/15 min)": load_average(),
    }


def print_machine() -> None:
    for key, value in machine().items():
        print(f"{key}: {value}")
    print(flush=True)


def log(message: str) -> None:
    print(message, flush=True)


def print_results(results: Sequence[Result]) -> None:
    for result in results:
        print(result.line(), flush=True)


def table(results: Sequence[Result]) -> list[str]:
    """The final table: one row per figure."""
    header = ("benchmark", "result", "goal", "verdict")
    rows = [(r.name, r.value, r.goal or "-", r.verdict) for r in results]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [line(header), "-" * len(line(header)), *(line(row) for row in rows)]
