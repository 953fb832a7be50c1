"""Checks throughput: load + run_checks + judge over 1,000 stored traces, no browser involved.

The traces are the real ones of one walk of the reference journeys (``--walk DIR`` reuses a
walk's reports folder; without it the script walks once into a temporary folder). From those five
it saves 1,000 variants to a temporary folder: each a copy of one of them (in turn) with its own
journey name and node id, and its waits scaled by a factor between 0.5 and 1.5 (so no two
neighbours have the same figures). Then it times, in this process, what re-judging stored traces costs: reading
standards.yaml once, then for every file ``Trace.load``, ``run_checks`` and ``judge`` against
the journey's budgets. The files were just written, so they are read from the page cache.

    .venv/bin/python bench/checks_throughput.py [--repeat N] [--traces N] [--walk REPORTS_DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from harness import ROOT, BenchError, Result, log, median, print_results, sample_walk

from pathwalk.checks import run_checks
from pathwalk.journey import budgets_for
from pathwalk.registry import load_checks
from pathwalk.standards import judge, load_standards
from pathwalk.trace import Trace

GOAL_S = 1.0


def save_variants(walk: Path, into: Path, count: int) -> list[Path]:
    """``count`` variants of the walk's traces saved as ``variant-NNNN.json`` in ``into``."""
    bases = [Trace.load(path) for path in sorted((walk / "traces").glob("*.json"))]
    if not bases:
        raise BenchError(f"no traces in {walk / 'traces'}")
    paths = []
    for index in range(count):
        trace = Trace.from_dict(bases[index % len(bases)].to_dict())
        trace.journey.name = f"{trace.journey.name} (variant {index})"
        trace.journey.nodeid = f"{trace.journey.nodeid}[variant-{index}]"
        factor = 0.5 + (index * 7 % 11) / 10
        for action in trace.actions:
            action.settled_s = round(action.settled_s * factor, 3)
        paths.append(trace.save(into / f"variant-{index:04d}.json"))
    return paths


def judge_all(paths: list[Path]) -> tuple[dict[str, float], Counter[str]]:
    """Time standards loading once, then load, check and judge every trace; seconds per phase."""
    phases = dict.fromkeys(("standards", "load", "checks", "judge", "total"), 0.0)
    verdicts: Counter[str] = Counter()
    started = time.perf_counter()
    checks = load_checks(ROOT)  # the built-ins and the reference project's own, as a walk runs them
    standards = load_standards(ROOT / "standards.yaml", (c.name for c in checks))
    phases["standards"] = time.perf_counter() - started
    for path in paths:
        t0 = time.perf_counter()
        trace = Trace.load(path)
        t1 = time.perf_counter()
        results = run_checks(trace, checks)
        t2 = time.perf_counter()
        verdict = judge(results, budgets_for(standards, trace))
        t3 = time.perf_counter()
        phases["load"] += t1 - t0
        phases["checks"] += t2 - t1
        phases["judge"] += t3 - t2
        verdicts[verdict.status] += 1
    phases["total"] = time.perf_counter() - started
    return phases, verdicts


def run(repeat: int = 3, count: int = 1000, walk: Path | None = None, say: Callable[[str], None] = log) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="pathwalk-bench-checks-") as tmp:
        work = Path(tmp)
        if walk is None:
            say("checks throughput: walking the reference journeys once for real traces ...")
            walk = sample_walk(work / "walk")
        paths = save_variants(walk, work / "variants", count)
        size = sum(path.stat().st_size for path in paths)
        runs = []
        for index in range(repeat):
            phases, verdicts = judge_all(paths)
            runs.append(phases)
            say(f"  run {index + 1}/{repeat}: {phases['total']:.3f} s "
                f"(verdicts: {', '.join(f'{n} {v}' for v, n in sorted(verdicts.items()))})")

    figures = {phase: median([r[phase] for r in runs]) for phase in runs[0]}
    total = figures["total"]
    return [Result(f"checks throughput ({count} traces)", f"{total:.3f} s",
                   f"{count / total:,.0f} traces/s; load {figures['load']:.3f} s, run_checks "
                   f"{figures['checks']:.3f} s, judge {figures['judge']:.3f} s, standards.yaml "
                   f"{figures['standards']:.3f} s; {size / count / 1024:.1f} KiB per trace; median of {repeat}",
                   f"< {GOAL_S:g} s", total < GOAL_S)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over all traces (default 3)")
    parser.add_argument("--traces", type=int, default=1000, help="how many trace variants (default 1000)")
    parser.add_argument("--walk", type=Path, help="reports folder of an earlier walk (default: walk once now)")
    args = parser.parse_args(argv)
    try:
        results = run(args.repeat, args.traces, args.walk)
    except BenchError as exc:
        print(f"checks throughput: not measured: {exc}", file=sys.stderr)
        return 1
    print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
