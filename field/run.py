"""`make field`: set up each field-trial app, walk its journeys with pathwalk, compare with the hand counts.

It reports, it does not gate: the exit code is 0 whatever the figures, and non-zero only when an
app could not be set up or walked. `python -m field.run [APP ...]` walks some apps only.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from field.compare import CountsError, Row, compare, load_counts, table, tally
from pathwalk.trace import Trace, TraceError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REPORTS = ROOT / "reports" / "field"
SETUP_TIMEOUT_S = 1800  # a first install from the package registries
WALK_TIMEOUT_S = 1800


class AppFailed(Exception):
    """An app could not be set up or walked; the message says which and why."""


def apps(names: list[str]) -> list[Path]:
    found = sorted(p for p in HERE.iterdir() if (p / "setup.sh").is_file() and (p / "counts.yaml").is_file())
    if names:
        unknown = set(names) - {p.name for p in found}
        if unknown:
            raise SystemExit(f"make field: no field app named {', '.join(sorted(unknown))}; "
                             f"apps: {', '.join(p.name for p in found)}")
        found = [p for p in found if p.name in names]
    return found


def set_up(app: Path) -> str:
    """Run the app's setup.sh; its last line says the base URL."""
    print(f"field: setting up {app.name} ...", flush=True)
    started = time.monotonic()
    try:
        done = subprocess.run(["bash", str(app / "setup.sh")], capture_output=True, text=True,
                              timeout=SETUP_TIMEOUT_S, cwd=app)
    except subprocess.TimeoutExpired:
        raise AppFailed(f"{app.name}: setup.sh did not finish within {SETUP_TIMEOUT_S} s") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("BASE_URL="):
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise AppFailed(f"{app.name}: setup.sh failed (exit {done.returncode}):\n{tail}")
    print(f"field: {app.name} is up at {lines[-1].removeprefix('BASE_URL=')} "
          f"({time.monotonic() - started:.0f} s)", flush=True)
    return lines[-1].removeprefix("BASE_URL=")


def walk(app: Path, base_url: str) -> dict[str, Trace]:
    """Walk the app's journeys with pathwalk; each journey's trace by journey name."""
    reports = REPORTS / app.name
    print(f"field: walking {app.name}'s journeys ...", flush=True)
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "journeys", f"--pathwalk-base-url={base_url}",
                               f"--pathwalk-reports={reports}", "-q", "-p", "no:cacheprovider"],
                              cwd=app, capture_output=True, text=True, timeout=WALK_TIMEOUT_S,
                              env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    except subprocess.TimeoutExpired:
        raise AppFailed(f"{app.name}: the walk did not finish within {WALK_TIMEOUT_S} s") from None
    (REPORTS / f"{app.name}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode > 1:  # 0: within standards, 1: some journeys failed; both are figures to compare
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise AppFailed(f"{app.name}: the walk broke (pytest exit {done.returncode}):\n{tail}")
    traces = {}
    for path in sorted((reports / "traces").glob("*.json")):
        try:
            trace = Trace.load(path)
        except TraceError as exc:
            raise AppFailed(f"{app.name}: {exc}") from None
        traces[trace.journey.name] = trace
    return traces


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or "unknown"


def main(argv: list[str]) -> int:
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    false_findings: list[str] = []
    failed: list[str] = []
    for app in apps(argv):
        try:
            counts = load_counts(app / "counts.yaml")
            traces = walk(app, set_up(app))
        except (AppFailed, CountsError) as exc:
            print(f"field: {exc}", file=sys.stderr, flush=True)
            failed.append(app.name)
            continue
        unwalked = sorted(set(counts) - set(traces))
        if unwalked:
            print(f"field: {app.name}: no trace for {', '.join(unwalked)}", file=sys.stderr)
        rows += compare(app.name, counts, traces)
        for name, hand in counts.items():
            for item in hand.false_findings:
                false_findings.append(f"- {app.name} / {name}: {item.get('check', '?')}: "
                                      f"{item.get('finding', '')} ({item.get('why', '')})")
    stamp = (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit()}, "
             f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    text = "\n\n".join([f"Field trials: {stamp}", "Each cell: hand count; **hand/pathwalk** where they differ.",
                        table(rows), tally(rows), "False findings marked by hand:\n" + ("\n".join(false_findings)
                                                                                      or "- none")])
    (REPORTS / "accuracy.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\nfield: the table is in {REPORTS / 'accuracy.md'}")
    if failed:
        print(f"field: could not set up or walk: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
