"""Baselines: a run's figures saved under a name, so later runs can show and fail regressions.

Modelled on pytest-benchmark's save / compare / compare-fail: ``--pathwalk-save main`` stores
every journey's figures; ``--pathwalk-compare main`` shows what changed; with
``--pathwalk-compare-fail clicks:0,wait_seconds:10%`` a journey whose figure grew by more than
the margin (an absolute amount, or a percentage of the saved figure) fails.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pathwalk.jsonout import strict_json

SCHEMA = "pathwalk.baseline/1"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class BaselineError(ValueError):
    """A baseline name, file or margin cannot be used; the message says what to change."""


@dataclass(frozen=True)
class Margin:
    check: str
    amount: float
    percent: bool

    def allows(self, before: float, after: float) -> bool:
        limit = before * self.amount / 100 if self.percent else self.amount
        return after - before <= limit + 1e-9

    def __str__(self) -> str:
        return f"+{self.amount:g}{'%' if self.percent else ''}"


@dataclass(frozen=True)
class Change:
    """One figure of one journey that differs from the baseline."""

    check: str
    before: float
    after: float
    margin: Margin | None = None

    @property
    def regressed(self) -> bool:
        return self.margin is not None and not self.margin.allows(self.before, self.after)

    def describe(self) -> str:
        allowed = f", allowed {self.margin}" if self.margin else ""
        return f"{self.check}: {self.before:g} → {self.after:g} ({self.after - self.before:+g}{allowed})"


def parse_margins(spec: str, known: Iterable[str]) -> dict[str, Margin]:
    """``clicks:1,wait_seconds:10%`` → margins per check."""
    known = set(known)
    margins = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        check, sep, amount = part.partition(":")
        found = re.fullmatch(r"(\d+(?:\.\d+)?)(%?)", amount.strip())
        if not sep or not found:
            raise BaselineError(f"--pathwalk-compare-fail: {part!r} is not CHECK:N or CHECK:N% (e.g. clicks:1)")
        if check not in known:
            close = difflib.get_close_matches(check, sorted(known), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise BaselineError(f"--pathwalk-compare-fail: unknown check {check!r}.{hint} "
                                f"Known: {', '.join(sorted(known))}")
        margins[check] = Margin(check, float(found.group(1)), bool(found.group(2)))
    return margins


def baseline_path(folder: Path, name: str) -> Path:
    if not NAME.match(name):
        raise BaselineError(f"baseline name {name!r}: use letters, digits, '.', '_' or '-' (e.g. main)")
    return folder / f"{name}.json"


def save_baseline(path: Path, records: Iterable[Mapping[str, Any]], run: Mapping[str, Any]) -> Path:
    data = {
        "schema": SCHEMA,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "run": dict(run),
        "journeys": {r["nodeid"]: {"journey": r["journey"], "figures": r["figures"]} for r in records},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(strict_json(data, indent=2), encoding="utf-8")
    return path


def load_baseline(path: Path) -> dict[str, dict[str, float]]:
    """Figures per journey (by test id) of a saved baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"no baseline at {path}; save one first with --pathwalk-save {path.stem}") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if data.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a pathwalk baseline (schema {data.get('schema')!r})")
    return {nodeid: entry["figures"] for nodeid, entry in data["journeys"].items()}


def compare(figures: Mapping[str, float], before: Mapping[str, float], margins: Mapping[str, Margin]) -> list[Change]:
    """Every figure that changed since the baseline, each with its margin when one is set."""
    return [
        Change(check, before[check], value, margins.get(check))
        for check, value in figures.items()
        if check in before and value != before[check]
    ]
