"""Hand counts against pathwalk's figures: the comparison `make field` prints.

Pure functions over counts.yaml data and traces, so `make test` checks them on small stored inputs
without installing any app. Each figure is compared as a number; for repeated inputs and dead
ends, a figure below the hand count is a miss, one above it a false flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pathwalk.checks import run_checks
from pathwalk.trace import Trace
from pathwalk.yamlsafe import read_yaml

# counts.yaml's figures, in the order they are printed, and the check each one compares with.
FIGURES: dict[str, str] = {
    "clicks": "clicks", "keystrokes": "keystrokes", "fields_shown": "fields_shown", "fields_filled": "form_fields",
    "pages": "pages_visited", "repeated_inputs": "repeated_inputs", "security_reentries": "security_reentries",
    "dead_ends": "dead_ends",
    "failed_requests": "errors", "console_errors": "errors",
}
LISTED = ("repeated_inputs", "security_reentries", "dead_ends")  # hand counts that list each case
ERROR_KINDS = {"failed_requests": ("request_failed", "http_error"), "console_errors": ("console_error",)}


class CountsError(ValueError):
    """counts.yaml is not as field/README.md describes; the message names file:line."""


@dataclass
class HandCount:
    journey: str
    figures: dict[str, int]
    false_findings: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""


@dataclass
class Row:
    """One figure of one journey: the hand count, pathwalk's, and whether they agree."""

    app: str
    journey: str
    figure: str
    hand: int
    pathwalk: int | None  # None: the journey has no trace (not walked)

    @property
    def exact(self) -> bool:
        return self.pathwalk == self.hand

    @property
    def misses(self) -> int:
        return max(0, self.hand - (self.pathwalk or 0)) if self.figure in LISTED else 0

    @property
    def false_flags(self) -> int:
        return max(0, (self.pathwalk or 0) - self.hand) if self.figure in LISTED else 0


def load_counts(path: Path) -> dict[str, HandCount]:
    """Every journey's hand count in a counts.yaml, checked: each figure a count or a list of cases."""
    document = read_yaml(path, "hand counts")
    journeys = (document.data or {}).get("journeys") if isinstance(document.data, dict) else None
    if not isinstance(journeys, dict):
        raise CountsError(f"{path}:1: expected `journeys:` with one mapping per journey (see field/README.md)")
    counts = {}
    for name, entry in journeys.items():
        line = document.line_of(("journeys", str(name)))
        if not isinstance(entry, dict):
            raise CountsError(f"{path}:{line}: journeys.{name}: expected a mapping of figures")
        figures = {}
        for figure in FIGURES:
            value = entry.get(figure)
            if figure in LISTED and isinstance(value, list):
                value = len(value)
            if type(value) is not int or value < 0:
                where = document.line_of(("journeys", str(name), figure))
                raise CountsError(f"{path}:{where}: journeys.{name}.{figure}: expected a count"
                                  f"{' or a list of cases' if figure in LISTED else ''}, got {value!r}")
            figures[figure] = value
        counts[str(name)] = HandCount(str(name), figures, list(entry.get("false_findings") or []),
                                      str(entry.get("notes") or ""))
    return counts


def figures_of(trace: Trace) -> dict[str, int]:
    """pathwalk's figures for one trace, named as counts.yaml names them."""
    results = run_checks(trace)
    figures = {}
    for figure, check in FIGURES.items():
        if figure in ERROR_KINDS:
            figures[figure] = sum(1 for f in results[check].findings
                                  if (f.evidence or {}).get("kind") in ERROR_KINDS[figure])
        else:
            figures[figure] = int(results[check].value)
    return figures


def compare(app: str, counts: Mapping[str, HandCount], traces: Mapping[str, Trace]) -> list[Row]:
    """A row per journey and figure; journeys with a hand count but no trace read None."""
    rows = []
    for name, hand in counts.items():
        walked = figures_of(traces[name]) if name in traces else None
        for figure in FIGURES:
            rows.append(Row(app, name, figure, hand.figures[figure], None if walked is None else walked[figure]))
    return rows


def table(rows: Iterable[Row]) -> str:
    """A Markdown table: per app and journey, each figure as hand/pathwalk, marked when they differ."""
    rows = list(rows)
    head = "| app | journey | " + " | ".join(FIGURES) + " |"
    lines = [head, "|" + "---|" * (len(FIGURES) + 2)]
    seen: dict[tuple[str, str], dict[str, Row]] = {}
    for row in rows:
        seen.setdefault((row.app, row.journey), {})[row.figure] = row
    for (app, journey), figures in seen.items():
        cells = []
        for figure in FIGURES:
            row = figures[figure]
            walked = "-" if row.pathwalk is None else str(row.pathwalk)
            cells.append(f"{row.hand}" if row.exact else f"**{row.hand}/{walked}**")
        lines.append(f"| {app} | {journey} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def tally(rows: Iterable[Row]) -> str:
    """"N of M figures exact", per figure too, with misses and false flags of the listed figures."""
    rows = list(rows)
    exact = sum(r.exact for r in rows)
    parts = [f"{exact} of {len(rows)} figures exact"]
    for figure in FIGURES:
        mine = [r for r in rows if r.figure == figure]
        if mine:
            extra = (f", {sum(r.misses for r in mine)} missed, {sum(r.false_flags for r in mine)} false flags"
                     if figure in LISTED else "")
            parts.append(f"  {figure}: {sum(r.exact for r in mine)} of {len(mine)} exact{extra}")
    return "\n".join(parts)
