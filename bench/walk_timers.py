"""A pytest plugin that times pathwalk's own work during a walk (wall clock, per function), for walk_profile.py.

Loaded with ``-p walk_timers`` (bench/ on PYTHONPATH). It wraps a few pathwalk functions with
timers before the walk starts and, at the end, writes their totals as JSON to the file named by
``PATHWALK_BENCH_TIMERS``. Wall clock, not a profiler: Playwright's sync API runs on greenlets,
which profilers such as cProfile attribute wrongly. Timers nest (``act`` includes ``observe``,
which includes ``screenshot``); the driver subtracts to show each part on its own.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
STACK: list[str] = []  # the timers running now, outermost first


def add(name: str, seconds: float) -> None:
    TOTALS[name] += seconds
    CALLS[name] += 1


def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Time every call; a call inside another timer is also counted as "NAME < PARENT"."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        parent = STACK[-1] if STACK else None
        STACK.append(name)
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            STACK.pop()
            add(name, elapsed)
            if parent is not None and parent != name:
                add(f"{name} < {parent}", elapsed)

    return wrapper


def patch(owner: Any, attribute: str, name: str) -> None:
    """Wrap ``owner.attribute`` (skipped when this pathwalk has no such function)."""
    func = getattr(owner, attribute, None)
    if callable(func):
        setattr(owner, attribute, timed(name, func))


def timed_act(act: Callable[..., Any]) -> Callable[..., Any]:
    """Recorder.act, with the customer's action itself (perform) timed apart from the recording."""

    @functools.wraps(act)
    def wrapper(self: Any, kind: str, perform: Callable[[], Any], *args: Any, **kwargs: Any) -> Any:
        return act(self, kind, timed("action itself (perform)", perform), *args, **kwargs)

    return wrapper


def pytest_configure(config: pytest.Config) -> None:
    from playwright.sync_api import Locator

    from pathwalk import a11y, browser, customer, plugin, recorder
    from pathwalk.report import allure

    recorder.Recorder.act = timed_act(recorder.Recorder.act)  # type: ignore[method-assign]
    for owner, attribute, name in (
        (recorder.Recorder, "act", "act"),
        (recorder.Recorder, "observe", "observe"),
        (recorder.Recorder, "_screenshot", "screenshot"),
        (recorder.Recorder, "_box", "element box"),  # before b255203; read in _target since
        (recorder.Recorder, "_target", "element description + box"),
        (recorder.Recorder, "_photograph_whole", "whole-page photographs before leaving"),
        (recorder.Recorder, "_read", "page reading (probe + observer)"),
        (recorder.Recorder, "_wait_for_answer", "watching a silent click"),
        (recorder.Recorder, "_poll_for_answer", "watching a silent click in a frame"),
        (recorder, "with_frames", "fields in cross-origin frames"),
        (a11y.Axe, "check", "axe-core"),
        (customer.Customer, "_one", "finding the target"),
        (browser.Walk, "open", "context open (+ tracing start)"),
        (browser.Walk, "group", "trace group"),
        (browser.Walk, "group_end", "trace group end"),
        (browser.Walk, "stop_tracing", "stop tracing (+ save zip)"),
        (browser.Walk, "close", "context close"),
        (plugin, "_conclude", "conclude"),
        (plugin, "finish", "checks + judge + save trace"),
        (plugin, "_close_step", "close step"),
        (allure, "publish", "allure publish"),
        (Locator, "evaluate", "element probe (Locator.evaluate)"),
    ):
        patch(owner, attribute, name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, Any, Any]:
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        add("journeys (setup, call, teardown)", time.perf_counter() - started)


def pytest_unconfigure(config: pytest.Config) -> None:
    from pathwalk import a11y

    target = os.environ.get("PATHWALK_BENCH_TIMERS")
    axe = a11y.load_axe(config.rootpath)  # the run's own instance (load_axe is cached)
    counts = {"axe-core runs": axe.runs, "axe-core answers reused": axe.reused} if axe else {}
    if target:
        Path(target).write_text(json.dumps({"totals": TOTALS, "calls": CALLS, "counts": counts}, indent=2),
                                encoding="utf-8")
