"""The run's journal, reports/friction-journeys.jsonl: one JSON line per journey as it finishes.

friction-summary.json is written once, at the end; a run killed before then (SIGKILL, out of
memory, a CI timeout) would lose every journey it walked. The controller therefore starts a fresh
journal when the run's first journey starts (a line with the run's id and start time), appends each
finished journey's record, flushed to disk, and a last line once the summary is written. A journal
without that last line is a run that did not finish; ``pathwalk summary`` then shows what it holds.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pathwalk.jsonout import strict_json as strict_json

SCHEMA = "pathwalk.journal/1"
JOURNAL = "friction-journeys.jsonl"  # beside friction-summary.json


def _append(path: Path, entry: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(strict_json(entry) + "\n")
        out.flush()
        os.fsync(out.fileno())  # on disk before the next journey starts: a kill loses no finished journey


def start_journal(path: Path, run: dict[str, Any]) -> None:
    """Replace the last run's journal with this run's first line (``run`` has its id and start time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    _append(tmp, {"kind": "start", "schema": SCHEMA, "run": run})
    tmp.replace(path)


def add_journey(path: Path, record: dict[str, Any]) -> None:
    _append(path, {"kind": "journey", "record": record})


def finish_journal(path: Path, finished: str) -> None:
    _append(path, {"kind": "finished", "finished": finished})


@dataclass
class Journal:
    run: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)
    finished: str | None = None  # when the run wrote its summary; None: it did not finish (or is still going)

    @property
    def run_id(self) -> str | None:
        value = self.run.get("id")
        return str(value) if value is not None else None


def read_journal(path: Path) -> Journal:
    """The run in a journal; a last line cut short by a kill mid-write is left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = json.loads(lines[0]) if lines else None
    except ValueError:
        start = None
    if not isinstance(start, dict) or start.get("schema") != SCHEMA or not isinstance(start.get("run"), dict):
        raise ValueError(f"{path}: not a pathwalk journal (its first line should name {SCHEMA!r})")
    journal = Journal(run=start["run"])
    for number, line in enumerate(lines[1:], 2):
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict):
            if number == len(lines):
                break
            raise ValueError(f"{path}:{number}: not a journal entry (a JSON object)")
        if entry.get("kind") == "journey" and isinstance(entry.get("record"), dict):
            journal.records.append(entry["record"])
        elif entry.get("kind") == "finished":
            journal.finished = str(entry.get("finished"))
    return journal
