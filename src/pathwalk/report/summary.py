"""The run's friction summary: a table for the terminal and a versioned JSON file for tools."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pathwalk.jsonout import strict_json
from pathwalk.report.safe_text import one_line

SCHEMA = "pathwalk.summary/1"
# The headline (estimated customer seconds) first, then the figures every reader asks about;
# any other check over its budget is named in the "also over budget" column.
COLUMNS = (("effort_seconds", "effort s"), ("clicks", "clicks"), ("repeated_inputs", "repeated"),
           ("dead_ends", "dead ends"), ("form_fields", "fields"), ("wait_seconds", "wait s"))
SHOWN = {check for check, _ in COLUMNS}
ALSO = "also over budget"
ORDER = {"broken": 0, "fail": 1, "warn": 2, "pass": 3}


def write_summary(path: Path, records: Iterable[Mapping[str, Any]], run: Mapping[str, Any]) -> Path:
    """Write friction-summary.json atomically, so an interrupted run leaves a readable file."""
    data = {
        "schema": SCHEMA,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "run": dict(run),
        "journeys": sorted(records, key=lambda r: (ORDER.get(r["status"], 9), r["nodeid"])),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(strict_json(data, indent=2))
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return path


def _cell(record: Mapping[str, Any], check: str) -> str:
    value = record["figures"].get(check)
    if value is None:
        return "-"
    breached = {b["check"]: b["level"] for b in record["breaches"]}.get(check)
    mark = {"fail": " ✗", "warn": " !"}.get(breached or "", "")
    return f"{value:g}{mark}" if isinstance(value, int | float) else one_line(value)


def _also(record: Mapping[str, Any]) -> str:
    """Checks outside the columns that are over a budget, e.g. "errors 3 ✗, a11y_serious 1 !"."""
    return ", ".join(f"{one_line(b['check'])} {_cell(record, b['check'])}" for b in record["breaches"]
                     if b["check"] not in SHOWN)


def render_table(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Worst journeys first; ✗ marks a failed standard, ! a warning."""
    ordered = sorted(records, key=lambda r: (ORDER.get(r["status"], 9), r["nodeid"]))
    also = any(_also(r) for r in ordered)
    header = ["journey", *(title for _, title in COLUMNS), *([ALSO] if also else []), "verdict"]
    rows = [[one_line(r["journey"])[:60], *(_cell(r, c) for c, _ in COLUMNS), *([_also(r)] if also else []),
             one_line(r["status"]).upper()] for r in ordered]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    left = {0, len(header) - 2} if also else {0}

    def line(cells: list[str]) -> str:
        padded = (c.ljust(w) if i in left else c.rjust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded)

    return [line(header), "-" * len(line(header)), *(line(r) for r in rows)]


def load_summary(path: Path) -> dict[str, Any]:
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema != SCHEMA:
        raise ValueError(f"{path}: not a pathwalk summary ({schema!r}, expected {SCHEMA!r})")
    summary: dict[str, Any] = data
    return summary


def render_markdown(records: Iterable[Mapping[str, Any]]) -> str:
    """The same table in Markdown, for CI step summaries (e.g. $GITHUB_STEP_SUMMARY)."""
    ordered = sorted(records, key=lambda r: (ORDER.get(r["status"], 9), r["nodeid"]))
    header = ["journey", *(title for _, title in COLUMNS), ALSO, "verdict"]
    lines = ["## pathwalk friction summary", "", "| " + " | ".join(header) + " |",
             "|" + "---|" * len(header)]
    for r in ordered:
        cells = [one_line(r["journey"]), *(_cell(r, c) for c, _ in COLUMNS), _also(r), one_line(r["status"]).upper()]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def render_changes(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """What moved since the baseline, journey by journey; REGRESSED marks a change over its margin."""
    lines = []
    for r in sorted(records, key=lambda r: r["nodeid"]):
        for change in r.get("changes", []):
            mark = "  REGRESSED" if change["regressed"] else ""
            delta = change["after"] - change["before"]
            lines.append(f"{one_line(r['journey'])[:60]}: {one_line(change['check'])} {change['before']:g} → "
                         f"{change['after']:g} "
                         f"({delta:+g}){mark}")
    return lines or ["no figure changed"]
