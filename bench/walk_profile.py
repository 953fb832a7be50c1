"""Where an instrumented walk spends its time: one `pytest journeys` with pathwalk's functions timed.

Not part of run_all.py. Loads bench/walk_timers.py as a pytest plugin (``-p walk_timers``), which
wraps pathwalk's recorder, customer, browser, plugin and Allure functions with wall-clock timers;
prints each timer's total and calls, and "A < B" for the part of A spent inside B.

    .venv/bin/python bench/walk_profile.py [feature files] [extra pytest options, e.g. --pathwalk-tracing=off]

Feature files given (``journeys/buying.feature``) are walked instead of all of ``journeys``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from harness import BENCH, ROOT, BenchError, run_pytest, walk_args


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    targets = [a for a in args if a.endswith(".feature")] or ["journeys"]
    extra = [a for a in args if not a.endswith(".feature")]
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-profile-") as tmp:
        timers = Path(tmp) / "timers.json"
        os.environ["PATHWALK_BENCH_TIMERS"] = str(timers)
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(BENCH), os.environ.get("PYTHONPATH")) if p)
        try:
            args = walk_args(Path(tmp) / "reports", "-p", "walk_timers", *extra, targets=targets)
            run = run_pytest(args, ROOT, expected=(0, 1))
        except BenchError as exc:
            print(f"walk profile: not measured: {exc}", file=sys.stderr)
            return 1
        data = json.loads(timers.read_text(encoding="utf-8"))
    print(f"walk: {run.seconds:.1f} s wall ({run.outcome()}, exit {run.returncode}); pathwalk's parts:")
    print(f"{'seconds':>8}  {'calls':>5}  timer  (A < B: the part of A inside B)")
    for name, total in sorted(data["totals"].items(), key=lambda item: -item[1]):
        print(f"{total:8.2f}  {data['calls'][name]:5d}  {name}")
    for name, count in data.get("counts", {}).items():
        print(f"{name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
