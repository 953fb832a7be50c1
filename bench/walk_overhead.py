"""Walk overhead: `pytest journeys` with pathwalk against bare pytest-bdd + Playwright on the same journeys.

Three kinds of run, each a fresh pytest subprocess timed from start to exit (wall clock):

- bare: a temporary copy of bench/bare_project/ with the first reference journeys (FEATURES), plain
  pytest-bdd steps driving Playwright directly (follow a link, press a button, fill a field by
  its label), a fresh context per scenario, pathwalk and allure-pytest-bdd disabled
  (``-p no:pathwalk -p no:allure_pytest_bdd``);
- instrumented: ``pytest journeys`` in the repository root, as `make demo` runs it (recording,
  a screenshot per page, checks, standards, Allure results, Playwright tracing retain-on-failure);
- instrumented with ``--pathwalk-tracing=off``, to show what Playwright tracing costs on its own.

Both walk the demo shop, which has one deliberate 1.5 s wait that two of the journeys meet. The
order of the runs alternates between repetitions; the figures are medians. The instrumented run
exits 1 (four journeys fail their standards on purpose), the bare one 0; both must run the same
number of scenarios.

    .venv/bin/python bench/walk_overhead.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from harness import (
    BENCH,
    ROOT,
    BenchError,
    PytestRun,
    Result,
    log,
    median,
    print_results,
    run_pytest,
    seconds,
    walk_args,
)

GOAL = 1.10
BARE_ARGS = ["-p", "no:pathwalk", "-p", "no:allure_pytest_bdd", "-p", "no:cacheprovider"]


# The reference journeys both sides can walk: the bare project implements their steps with plain
# Playwright (the demo's later journeys use steps only pathwalk's reference project defines).
FEATURES = ("journeys/buying.feature", "journeys/signing_up.feature", "journeys/getting_help.feature")


def bare_project(into: Path) -> Path:
    """bench/bare_project/ with a copy of the benchmarked journeys, in a folder of its own."""
    project = into / "bare"
    shutil.copytree(BENCH / "bare_project", project, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "journeys").mkdir()
    for feature in FEATURES:
        shutil.copy2(ROOT / feature, project / feature)
    return project


def run(repeat: int = 3, say: Callable[[str], None] = log) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-walk-") as tmp:
        work = Path(tmp)
        project = bare_project(work)
        counter = iter(range(10**6))

        def bare() -> PytestRun:
            return run_pytest(BARE_ARGS, project, expected=(0,))

        def instrumented(*extra: str) -> Callable[[], PytestRun]:
            def walk() -> PytestRun:
                reports = work / f"reports-{next(counter)}"
                done = run_pytest(walk_args(reports, *extra, targets=FEATURES), ROOT, expected=(0, 1))
                shutil.rmtree(reports, ignore_errors=True)
                return done

            return walk

        kinds: dict[str, Callable[[], PytestRun]] = {
            "bare": bare,
            "instrumented": instrumented(),
            "tracing off": instrumented("--pathwalk-tracing=off"),
        }
        say("walk overhead: warm-up (one bare run, not timed) ...")
        bare()  # pays the one-off costs (disk cache, bytecode of the copied project) outside the figures
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        scenarios: dict[str, set[int]] = {kind: set() for kind in kinds}
        for index in range(repeat):
            order = list(kinds) if index % 2 == 0 else list(reversed(kinds))
            done = {kind: kinds[kind]() for kind in order}
            for kind, result in done.items():
                times[kind].append(result.seconds)
                scenarios[kind].add(result.scenarios)
            say(f"  run {index + 1}/{repeat}: " + ", ".join(
                f"{kind} {seconds(done[kind].seconds)} ({done[kind].outcome()}, exit {done[kind].returncode})"
                for kind in order))
        counts = set().union(*scenarios.values())
        if len(counts) != 1 or 0 in counts:
            raise BenchError(f"the runs did not walk the same scenarios: {scenarios}")

    bare_s, walked_s, untraced_s = (median(times[kind]) for kind in kinds)
    n = f"median of {repeat}, {counts.pop()} scenarios"
    overhead, untraced = walked_s / bare_s, untraced_s / bare_s
    return [
        Result("walk overhead", f"{overhead:.2f}x",
               f"instrumented {seconds(walked_s)} vs bare {seconds(bare_s)}, {n}", f"<= {GOAL:.2f}x",
               overhead <= GOAL),
        Result("walk overhead, tracing off", f"{untraced:.2f}x",
               f"instrumented with --pathwalk-tracing=off {seconds(untraced_s)} vs bare {seconds(bare_s)}, {n}",
               f"<= {GOAL:.2f}x", untraced <= GOAL),
        Result("cost of Playwright tracing", f"{walked_s / untraced_s:.2f}x",
               f"tracing retain-on-failure {seconds(walked_s)} vs off {seconds(untraced_s)}, "
               f"{walked_s - untraced_s:+.1f} s, {n}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each kind (default 3)")
    args = parser.parse_args(argv)
    try:
        results = run(args.repeat)
    except BenchError as exc:
        print(f"walk overhead: not measured: {exc}", file=sys.stderr)
        return 1
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
