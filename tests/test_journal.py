"""The run's journal (one JSON line per finished journey) and the text made safe for terminals."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from pathwalk.report.journal import add_journey, finish_journal, read_journal, start_journal, strict_json
from pathwalk.report.safe_text import one_line, safe_text
from pathwalk.report.summary import render_markdown, render_table

HOSTILE = "\x1b[2JBuy\x1b]8;;https://evil.example/\x1b\\ now\x1b]8;;\x1b\\\x07\x9b31m\r\x00\x7f!"


def record(journey: str, figures: dict[str, float] | None = None) -> dict[str, object]:
    return {"journey": journey, "nodeid": f"j.feature::test_{journey}", "status": "pass", "figures": figures or {},
            "breaches": []}


def test_a_journal_holds_the_run_its_journeys_and_whether_it_finished(tmp_path: Path) -> None:
    path = tmp_path / "reports" / "friction-journeys.jsonl"
    start_journal(path, {"id": "r1", "started": "2026-01-01T00:00:00+00:00"})
    add_journey(path, record("one"))
    add_journey(path, record("two"))

    unfinished = read_journal(path)
    finish_journal(path, "2026-01-01T00:01:00+00:00")
    finished = read_journal(path)

    assert (unfinished.run_id, [r["journey"] for r in unfinished.records], unfinished.finished) == (
        "r1", ["one", "two"], None)
    assert (finished.run_id, len(finished.records), finished.finished) == ("r1", 2, "2026-01-01T00:01:00+00:00")


def test_a_new_run_replaces_the_last_runs_journal(tmp_path: Path) -> None:
    path = tmp_path / "friction-journeys.jsonl"
    start_journal(path, {"id": "old"})
    add_journey(path, record("old journey"))
    finish_journal(path, "then")

    start_journal(path, {"id": "new"})

    journal = read_journal(path)
    assert (journal.run_id, journal.records, journal.finished) == ("new", [], None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["friction-journeys.jsonl"]


def test_a_line_cut_short_by_a_kill_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "friction-journeys.jsonl"
    start_journal(path, {"id": "r1"})
    add_journey(path, record("whole"))
    with path.open("a") as out:
        out.write('{"kind": "journey", "record": {"jour')

    assert [r["journey"] for r in read_journal(path).records] == ["whole"]


def test_a_broken_line_in_the_middle_or_another_file_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "friction-journeys.jsonl"
    start_journal(path, {"id": "r1"})
    with path.open("a") as out:
        out.write("not json\n")
    add_journey(path, record("after"))
    other = tmp_path / "history.jsonl"
    other.write_text('{"name": "a report"}\n')

    with pytest.raises(ValueError, match=r"friction-journeys.jsonl:2: not a journal entry"):
        read_journal(path)
    with pytest.raises(ValueError, match="not a pathwalk journal"):
        read_journal(other)


def test_strict_json_writes_figures_that_are_not_numbers_as_null() -> None:
    text = strict_json({"figures": {"wait_seconds": math.nan, "clicks": math.inf, "cls": 0.1}, "tags": ("a",)})

    assert json.loads(text) == {"figures": {"wait_seconds": None, "clicks": None, "cls": 0.1}, "tags": ["a"]}
    assert "NaN" not in text and "Infinity" not in text


def test_safe_text_drops_escape_sequences_and_control_characters_but_keeps_lines_and_tabs() -> None:
    assert safe_text(HOSTILE) == "Buy now31m!"
    assert safe_text("Café\tprix\n2 €") == "Café\tprix\n2 €"
    assert safe_text("unterminated \x1b]8;;https://evil.example/ hyperlink") == "unterminated "
    assert one_line("a\n\tb  c") == "a b c"


def test_the_terminal_and_markdown_tables_show_page_text_without_escapes() -> None:
    records = [record(HOSTILE, {"clicks": 2}), record("Pipe | in\nname")]

    table = "\n".join(render_table(records))
    markdown = render_markdown(records)

    assert "Buy now31m!" in table and "| Buy now31m! |" in markdown
    assert "Pipe \\| in name" in markdown
    for text in (table, markdown.replace("\n", "")):
        assert not [c for c in text if c != "\n" and (ord(c) < 32 or 0x7f <= ord(c) <= 0x9f)]
