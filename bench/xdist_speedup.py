"""xdist speedup: `pytest journeys -n 2` against `pytest journeys -n 0` (pytest-xdist).

Each run is a fresh pytest subprocess in the repository root with pathwalk's default settings,
timed from start to exit; with ``-n 2`` each of the two workers starts its own demo shop and
Chromium, and the controller writes the run's outputs. The order alternates between repetitions;
the figures are medians. Both must walk the same scenarios with the same exit code (1: four
reference journeys fail their standards on purpose). There is no goal: the figure says what a
second worker buys on this machine.

    .venv/bin/python bench/xdist_speedup.py [--repeat N] [--workers N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from harness import ROOT, BenchError, PytestRun, Result, log, median, print_results, run_pytest, seconds, walk_args


def run(repeat: int = 3, workers: int = 2, say: Callable[[str], None] = log) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-xdist-") as tmp:
        work = Path(tmp)
        counter = iter(range(10**6))

        def walk(n: int) -> Callable[[], PytestRun]:
            def go() -> PytestRun:
                reports = work / f"reports-{next(counter)}"
                done = run_pytest(walk_args(reports, "-n", str(n)), ROOT, expected=(0, 1))
                shutil.rmtree(reports, ignore_errors=True)
                return done

            return go

        kinds = {"-n 0": walk(0), f"-n {workers}": walk(workers)}
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        outcomes: set[tuple[int, int]] = set()
        for index in range(repeat):
            order = list(kinds) if index % 2 == 0 else list(reversed(kinds))
            done = {kind: kinds[kind]() for kind in order}
            for kind, result in done.items():
                times[kind].append(result.seconds)
                outcomes.add((result.scenarios, result.returncode))
            say(f"  run {index + 1}/{repeat}: " + ", ".join(
                f"{kind} {seconds(done[kind].seconds)} ({done[kind].outcome()}, exit {done[kind].returncode})"
                for kind in order))
        if len(outcomes) != 1:
            raise BenchError(f"the runs differ in scenarios walked or exit code: {sorted(outcomes)}")

    serial, parallel = median(times["-n 0"]), median(times[f"-n {workers}"])
    scenarios = outcomes.pop()[0]
    return [Result(f"xdist speedup (-n {workers})", f"{serial / parallel:.2f}x",
                   f"-n 0 {seconds(serial)} vs -n {workers} {seconds(parallel)}, median of {repeat}, "
                   f"{scenarios} scenarios")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each kind (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="xdist workers of the parallel run (default 2)")
    args = parser.parse_args(argv)
    try:
        results = run(args.repeat, args.workers)
    except BenchError as exc:
        print(f"xdist speedup: not measured: {exc}", file=sys.stderr)
        return 1
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
