"""Run every pathwalk benchmark once and print one table (what `make bench` runs).

Prints the machine, each benchmark's progress and result lines, then the table. The goals are
reported ("goal met" / "goal missed"), never enforced: the exit code is 0 whatever the figures,
and 1 only when a benchmark could not be measured at all (a walk broke, node_modules missing).

    .venv/bin/python bench/run_all.py [--repeat N]

Each benchmark also runs alone: bench/walk_overhead.py, bench/xdist_speedup.py,
bench/checks_throughput.py, bench/report_build.py (see their docstrings).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import checks_throughput
import report_build
import walk_overhead
import xdist_speedup
from harness import BenchError, Result, load_average, log, print_machine, print_results, sample_walk, table


def measure(title: str, bench: Callable[[], list[Result]], failures: list[str]) -> list[Result]:
    log(f"== {title}")
    started = time.perf_counter()
    try:
        results = bench()
    except BenchError as exc:
        log(f"{title}: not measured: {exc}")
        failures.append(title)
        return [Result(title, "not measured", str(exc).splitlines()[0])]
    print_results(results)
    log(f"({title} took {time.perf_counter() - started:.0f} s)\n")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions of each measurement (default 3)")
    parser.add_argument("--traces", type=int, default=1000, help="traces for the checks benchmark (default 1000)")
    parser.add_argument("--journeys", type=int, default=100, help="journeys for the report benchmark (default 100)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print_machine()
    failures: list[str] = []
    results = [
        *measure("walk overhead", lambda: walk_overhead.run(args.repeat), failures),
        *measure("xdist speedup", lambda: xdist_speedup.run(args.repeat), failures),
    ]
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-") as tmp:
        walk: Path | None = None
        log("== one walk of the reference journeys, for real traces (not timed)")
        try:
            walk = sample_walk(Path(tmp) / "walk")
        except BenchError as exc:
            log(f"the walk broke: {exc}")
        if walk is not None:
            sampled = walk
            results += measure("checks throughput",
                               lambda: checks_throughput.run(args.repeat, args.traces, sampled), failures)
            results += measure("report build", lambda: report_build.run(args.repeat, args.journeys, sampled), failures)
        else:
            failures += ["checks throughput", "report build"]
            results += [Result(name, "not measured", "the walk for real traces broke")
                        for name in ("checks throughput", "report build")]
    log(f"== pathwalk benchmarks ({time.perf_counter() - started:.0f} s in all)")
    for line in table(results):
        log(line)
    log(f"load average at the end (1/5/15 min): {load_average()}")
    if failures:
        log(f"not measured: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
