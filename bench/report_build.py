"""Report build: `pathwalk report` (the pinned Allure 3 CLI) over the results of 100 journeys.

Walking 100 journeys would take minutes, so the results are made with the allure-python API
(``allure_commons`` ``AllureFileLogger`` and ``model2`` objects, as allure-pytest-bdd writes
them) from the real traces of one walk of the reference journeys (``--walk DIR`` reuses a walk's
reports folder; without it the script walks once into a temporary folder). Journey ``i`` is
trace ``i mod 5`` under its own name, judged again with ``finish`` against standards.yaml, and
carries what pathwalk attaches to a real result: labels (friction, persona, epic, feature,
story, one per figure, the feature's tag), a link per page, one Allure step per Gherkin step
with its written values and effort as parameters and its data table as CSV, the Friction table,
the journey map, the figures as JSON, a picture at each finding (the dead-end screenshot, or the
page with the element outlined), the journey trace, and the walk's Playwright trace for failed
journeys (80 of the 100). categories.json, environment.properties and journey-overview.svg are
written as at the end of a walk.

Then it times ``python -m pathwalk.cli report --results R --output O --history H`` from the
repository root (its allurerc.mjs, node_modules/ from `npm ci`), with no earlier report or
history, as a subprocess from start to exit. It also times the same for a single journey, the
fixed cost of starting Allure.

    .venv/bin/python bench/report_build.py [--repeat N] [--journeys N] [--walk REPORTS_DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from uuid import uuid4

from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import (
    Attachment,
    Label,
    Link,
    Parameter,
    Status,
    StatusDetails,
    TestResult,
    TestStepResult,
)
from harness import PYTHON, ROOT, BenchError, Result, clean_env, log, median, print_results, sample_walk, seconds

from pathwalk.journey import STAGE, Outcome, breach_error, finish, slug, tagged
from pathwalk.registry import load_checks
from pathwalk.report.allure import FRICTION_LABEL, friction_table
from pathwalk.report.allure_run import write_run_files
from pathwalk.report.evidence import evidence_pictures
from pathwalk.report.journey_map import journey_svg, overview_svg, step_breakdown
from pathwalk.standards import load_standards
from pathwalk.trace import Trace

GOAL_S = 2.0
STATUS = {"pass": Status.PASSED, "warn": Status.PASSED, "fail": Status.FAILED, "broken": Status.BROKEN}
PLAYWRIGHT_TRACE = "Playwright trace (open with `playwright show-trace`)"


def md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


@cache
def feature_lines(feature_file: str) -> tuple[str, ...]:
    path = ROOT / feature_file
    return tuple(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else ()


def data_table(feature_file: str, line: int) -> str | None:
    """The data table under the step on ``line`` (1-based) of the feature file, as allure-pytest-bdd's CSV."""
    rows = []
    for text in feature_lines(feature_file)[line:]:
        if not text.strip().startswith("|"):
            break
        rows.append(",".join(cell.strip() for cell in text.strip().strip("|").split("|")))
    return "\n".join(rows) if rows else None


class Results:
    """Writes test results and attachments through allure-python's file logger."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.logger = AllureFileLogger(str(folder), clean=True)

    def data(self, body: str | bytes, name: str, mime: str, ext: str) -> Attachment:
        file_name = f"{uuid4()}-attachment.{ext}"
        self.logger.report_attached_data(body=body, file_name=file_name)
        return Attachment(name=name, source=file_name, type=mime)

    def file(self, source: Path, name: str, mime: str, ext: str) -> Attachment:
        file_name = f"{uuid4()}-attachment.{ext}"
        self.logger.report_attached_file(source=str(source), file_name=file_name)
        return Attachment(name=name, source=file_name, type=mime)

    def steps(self, outcome: Outcome, start_ms: int) -> list[TestStepResult]:
        trace = outcome.trace
        efforts = step_breakdown(trace)
        steps = []
        for step, effort in zip(trace.steps, efforts, strict=True):
            written = [Parameter(name=f"value {n + 1}", value=repr(v))
                       for n, v in enumerate(re.findall(r'"([^"]*)"', step.text))]
            effect = [Parameter(name=k, value=v) for k, v in effort.as_parameters().items()]
            table = data_table(trace.journey.feature_file, step.line)
            attachments = [self.data(table, "Data table", "text/csv", "csv")] if table else []
            steps.append(TestStepResult(
                name=step.title, status=Status.PASSED if step.outcome == "passed" else Status.FAILED,
                parameters=written + effect, attachments=attachments,
                start=start_ms + int(step.started * 1000), stop=start_ms + int((step.ended or step.started) * 1000)))
        return steps

    def evidence(self, outcome: Outcome) -> list[Attachment]:
        """The same pictures pathwalk.report.allure.attach_evidence attaches."""
        return [self.file(p.png, p.name, "image/png", "png") if p.png is not None
                else self.data(p.svg or "", p.name, "image/svg+xml", "svg") for p in evidence_pictures(outcome)]

    def journey(self, outcome: Outcome, playwright_trace: Path | None) -> None:
        """One test result as allure-pytest-bdd and pathwalk.report.allure.publish make it."""
        trace, journey = outcome.trace, outcome.trace.journey
        stop_ms = int(time.time() * 1000)
        start_ms = stop_ms - int(trace.duration_s * 1000)
        full_name = f"{journey.feature_file}:{journey.name}"
        stage = tagged(journey.tags, STAGE)
        labels = [Label("host", "bench"), Label("thread", "1-MainThread"), Label("framework", "pytest-bdd"),
                  Label("language", "cpython3"), Label("friction", FRICTION_LABEL[outcome.status]),
                  Label("persona", trace.persona), *([Label("stage", stage)] if stage else []),
                  Label("epic", f"Stage: {stage}" if stage else "Customer journeys"),
                  Label("feature", journey.feature), Label("story", journey.name),
                  *(Label(f"pathwalk.{name}", f"{r.value:g}") for name, r in outcome.results.items()),
                  *(Label("tag", tag) for tag in journey.tags if not tag.startswith(STAGE))]
        links = [Link(type="link", url=url, name=urlsplit(url).path or url)
                 for url in dict.fromkeys(page.url for page in trace.pages)]
        figures = {name: r.value for name, r in outcome.results.items()}
        attachments = [
            self.data(friction_table(outcome), "Friction", "text/html", "html"),
            self.data(journey_svg(outcome), "Journey map", "image/svg+xml", "svg"),
            self.data(json.dumps(figures, indent=2), "Friction figures", "application/json", "json"),
            *self.evidence(outcome),
            self.file(outcome.trace_path, "Journey trace", "application/json", "json"),
        ]
        if playwright_trace is not None and outcome.status in ("fail", "broken"):
            attachments.append(self.file(playwright_trace, PLAYWRIGHT_TRACE, "application/zip", "zip"))
        details = None
        if outcome.status == "fail":
            message = str(breach_error(outcome))
            details = StatusDetails(message=f"pathwalk.standards.StandardExceeded: {message}", trace=message)
        self.logger.report_result(TestResult(
            uuid=str(uuid4()), historyId=f"{md5(full_name)}.{md5('')}", testCaseId=md5(full_name),
            fullName=full_name, name=journey.name, status=STATUS[outcome.status], statusDetails=details,
            description=f"{journey.feature}: a reference journey, walked once and reported again.",
            steps=self.steps(outcome, start_ms), attachments=attachments, start=start_ms, stop=stop_ms,
            labels=labels, links=links, titlePath=[Path(journey.feature_file).parent.name, journey.feature]))


def write_results(walk: Path, folder: Path, journeys: int, playwright_traces: bool = True) -> Path:
    """``journeys`` results in ``folder/allure-results`` (the journey overview beside it); returns that folder.

    Without ``playwright_traces`` the results are as a walk with ``--pathwalk-tracing=off`` leaves them.
    """
    bases = [Trace.load(path) for path in sorted((walk / "traces").glob("*.json"))]
    if not bases:
        raise BenchError(f"no traces in {walk / 'traces'}")
    checks = load_checks(ROOT)
    standards = load_standards(ROOT / "standards.yaml", (c.name for c in checks))
    results = Results(folder / "allure-results")
    records = []
    for index in range(journeys):
        base = bases[index % len(bases)]
        trace = Trace.from_dict(base.to_dict())
        trace.journey.name = f"{base.journey.name} #{index + 1}"
        trace.journey.nodeid = f"{base.journey.nodeid}[{index + 1}]"
        outcome = finish(trace, standards, folder / "traces", checks=checks)
        zipped = walk / "traces" / slug(base.journey.nodeid) / "playwright-trace.zip"
        results.journey(outcome, zipped if playwright_traces and zipped.exists() else None)
        records.append(outcome.record())
    run = {"commit": None, **{key: sorted({str(r[key]) for r in records if r.get(key)})
                              for key in ("base_url", "browser", "persona")}}
    write_run_files(results.folder, run)
    (folder / "journey-overview.svg").write_text(overview_svg(records), encoding="utf-8")
    return results.folder


def build(results: Path, work: Path) -> float:
    """Seconds for one `pathwalk report` from scratch (no earlier report, no history)."""
    output, history = work / "allure-report", work / "history.jsonl"
    shutil.rmtree(output, ignore_errors=True)
    history.unlink(missing_ok=True)
    command = [PYTHON, "-m", "pathwalk.cli", "report", "--results", str(results), "--output", str(output),
               "--history", str(history)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=clean_env(), timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or not (output / "index.html").exists():
        raise BenchError(f"`{' '.join(command)}` exited {done.returncode}:\n{(done.stdout + done.stderr)[-3000:]}")
    return elapsed


def size_of(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1024 / 1024


def run(repeat: int = 3, journeys: int = 100, walk: Path | None = None,
        say: Callable[[str], None] = log) -> list[Result]:
    if not (ROOT / "node_modules" / ".bin" / "allure").exists():
        raise BenchError("the Allure 3 CLI is not installed: run `npm ci` (or `make setup`) in the repository")
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-report-") as tmp:
        work = Path(tmp)
        if walk is None:
            say("report build: walking the reference journeys once for real traces ...")
            walk = sample_walk(work / "walk")
        kinds = {
            f"{journeys} journeys": write_results(walk, work / "many", journeys),
            f"{journeys} journeys without Playwright traces": write_results(walk, work / "untraced", journeys, False),
            "1 journey": write_results(walk, work / "one", 1),
        }
        sizes = {kind: size_of(results) for kind, results in kinds.items()}
        for kind, (files, megabytes) in sizes.items():
            say(f"  {kind}: {files} result files, {megabytes:.1f} MiB")
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for index in range(repeat):
            for kind, results in kinds.items():
                times[kind].append(build(results, results.parent))
            say(f"  run {index + 1}/{repeat}: " + ", ".join(f"{kind} {seconds(t[-1])}" for kind, t in times.items()))
        report_files, report_mb = size_of(work / "many" / "allure-report")

    figures = {kind: median(t) for kind, t in times.items()}
    (main_kind, main_s), (untraced_kind, untraced_s), (one_kind, one_s) = figures.items()
    files, megabytes = sizes[main_kind]
    return [
        Result(f"report build ({main_kind})", seconds(main_s),
               f"pathwalk report over {files} result files, {megabytes:.1f} MiB; report {report_files} files, "
               f"{report_mb:.1f} MiB; median of {repeat}", f"< {GOAL_S:g} s", main_s < GOAL_S),
        Result(f"report build ({untraced_kind})", seconds(untraced_s),
               f"as with --pathwalk-tracing=off: {sizes[untraced_kind][0]} result files, "
               f"{sizes[untraced_kind][1]:.1f} MiB; median of {repeat}", f"< {GOAL_S:g} s", untraced_s < GOAL_S),
        Result(f"report build ({one_kind})", seconds(one_s),
               f"the fixed cost: Node.js and Allure start-up, the report's static files; median of {repeat}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed builds (default 3)")
    parser.add_argument("--journeys", type=int, default=100, help="journeys in the results (default 100)")
    parser.add_argument("--walk", type=Path, help="reports folder of an earlier walk (default: walk once now)")
    args = parser.parse_args(argv)
    try:
        results = run(args.repeat, args.journeys, args.walk)
    except BenchError as exc:
        print(f"report build: not measured: {exc}", file=sys.stderr)
        return 1
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
