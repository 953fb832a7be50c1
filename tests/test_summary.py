"""The run's friction summary: the terminal table and the versioned JSON file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pathwalk.report.summary import SCHEMA, load_summary, render_table, write_summary


def record(journey: str, status: str, figures: dict[str, float], breaches: dict[str, str] | None = None,
           nodeid: str | None = None) -> dict[str, Any]:
    """A journey record as the plugin hands it over, with only what the summary reads (and a bit more)."""
    return {
        "journey": journey,
        "nodeid": nodeid or f"journeys/shop.feature::test_{journey.lower().replace(' ', '_')}",
        "status": status,
        "tags": ["purchase"],
        "figures": figures,
        "breaches": [{"check": check, "level": level, "value": figures[check], "budget": 0}
                     for check, level in (breaches or {}).items()],
    }


def verdicts(lines: list[str]) -> list[str]:
    return [line.split()[-1] for line in lines[2:]]


def test_render_table_lays_out_header_rule_and_rows_with_marks() -> None:
    records = [
        record("Returns an item", "pass", {"effort_seconds": 12.5, "clicks": 3, "repeated_inputs": 0,
                                           "dead_ends": 0, "form_fields": 2, "wait_seconds": 0.4}),
        record("Buys a lamp", "fail", {"effort_seconds": 61.2, "clicks": 14, "repeated_inputs": 1,
                                       "dead_ends": 0, "form_fields": 12, "wait_seconds": 2.5},
               {"clicks": "fail", "repeated_inputs": "fail", "form_fields": "warn"}),
    ]

    assert render_table(records) == [
        "journey          effort s  clicks  repeated  dead ends  fields  wait s  verdict",
        "-------------------------------------------------------------------------------",
        "Buys a lamp          61.2    14 ✗       1 ✗          0    12 !     2.5     FAIL",
        "Returns an item      12.5       3         0          0       2     0.4     PASS",
    ]


def test_checks_outside_the_columns_are_named_when_over_budget() -> None:
    records = [
        record("Buys a lamp", "fail", {"effort_seconds": 40, "clicks": 5, "errors": 3, "a11y_serious": 1,
                                       "dead_clicks": 0},
               {"errors": "fail", "a11y_serious": "warn"}),
        record("Returns an item", "pass", {"effort_seconds": 9, "clicks": 2, "errors": 0}),
    ]

    lines = render_table(records)

    column = lines[0].index("also over budget")
    assert lines[0].split()[-5:] == ["s", "also", "over", "budget", "verdict"]
    assert lines[2][column:] == "errors 3 ✗, a11y_serious 1 !     FAIL"
    assert lines[3][column:] == " " * len("errors 3 ✗, a11y_serious 1 !") + "     PASS"


def test_render_table_orders_broken_then_fail_then_warn_then_pass_then_by_nodeid() -> None:
    records = [
        record("Passes", "pass", {"clicks": 1}, nodeid="a.feature::test_1"),
        record("Warns", "warn", {"clicks": 9}, {"clicks": "warn"}, nodeid="b.feature::test_2"),
        record("Fails later", "fail", {"clicks": 20}, {"clicks": "fail"}, nodeid="z.feature::test_3"),
        record("Broken", "broken", {}, nodeid="c.feature::test_4"),
        record("Fails first", "fail", {"clicks": 30}, {"clicks": "fail"}, nodeid="a.feature::test_5"),
        record("Odd", "skipped", {}, nodeid="0.feature::test_6"),
    ]

    lines = render_table(records)

    assert [line.split("  ")[0] for line in lines[2:]] == [
        "Broken", "Fails first", "Fails later", "Warns", "Passes", "Odd",
    ]
    assert verdicts(lines) == ["BROKEN", "FAIL", "FAIL", "WARN", "PASS", "SKIPPED"]


def test_cells_mark_fail_with_a_cross_and_warn_with_a_bang_and_missing_figures_with_a_dash() -> None:
    lines = render_table([
        record("Signs up", "warn", {"clicks": 9, "form_fields": 12.0, "wait_seconds": 1.25},
               {"clicks": "warn", "wait_seconds": "fail"}),
    ])

    cells = lines[2].split("  ")
    assert [c.strip() for c in cells if c.strip()] == ["Signs up", "-", "9 !", "-", "-", "12", "1.25 ✗", "WARN"]


def test_long_journey_names_are_cut_at_60_characters() -> None:
    name = "A first-time customer on a slow phone buys a lamp and pays by card"

    lines = render_table([record(name, "pass", {"clicks": 1})])

    assert lines[2].startswith(name[:60] + "  ")
    assert name not in lines[2]


def test_an_empty_run_renders_just_the_header() -> None:
    assert render_table([]) == [
        "journey  effort s  clicks  repeated  dead ends  fields  wait s  verdict",
        "-----------------------------------------------------------------------",
    ]


def test_write_summary_then_load_summary_round_trips_sorted_worst_first(tmp_path: Path) -> None:
    records = [
        record("Returns an item", "pass", {"clicks": 3}),
        record("Achète une lampe", "fail", {"clicks": 14}, {"clicks": "fail"}),
        record("Looks for help", "broken", {}),
        record("Signs up", "warn", {"clicks": 9}, {"clicks": "warn"}),
    ]
    run = {"base_url": "http://shop.test", "browser": "chromium", "journeys": 4}
    path = tmp_path / "reports" / "friction-summary.json"
    before = datetime.now(UTC).replace(microsecond=0)

    written = write_summary(path, records, run)

    assert written == path
    assert sorted(p.name for p in path.parent.iterdir()) == ["friction-summary.json"]
    assert "Achète une lampe" in path.read_text(encoding="utf-8")
    data = load_summary(path)
    assert set(data) == {"schema", "created", "run", "journeys"}
    assert data["schema"] == SCHEMA == "pathwalk.summary/1"
    assert data["run"] == run
    assert [r["journey"] for r in data["journeys"]] == ["Looks for help", "Achète une lampe", "Signs up",
                                                        "Returns an item"]
    assert sorted(data["journeys"], key=lambda r: r["journey"]) == sorted(records, key=lambda r: r["journey"])
    created = datetime.fromisoformat(data["created"])
    assert created.utcoffset() == timedelta(0)
    assert before <= created <= datetime.now(UTC)


def test_write_summary_replaces_the_previous_run(tmp_path: Path) -> None:
    path = tmp_path / "friction-summary.json"
    write_summary(path, [record("Old", "pass", {})], {"n": 1})

    write_summary(path, [record("New", "fail", {})], {"n": 2})

    data = load_summary(path)
    assert (data["run"], [r["journey"] for r in data["journeys"]]) == ({"n": 2}, ["New"])


def test_load_summary_rejects_another_pathwalk_json(tmp_path: Path) -> None:
    path = tmp_path / "trace.json"
    path.write_text(json.dumps({"schema": "pathwalk.trace/1", "journey": {"name": "x"}}), encoding="utf-8")

    with pytest.raises(ValueError) as raised:
        load_summary(path)

    assert str(raised.value) == (
        f"{path}: not a pathwalk summary ('pathwalk.trace/1', expected 'pathwalk.summary/1')"
    )


def test_load_summary_rejects_json_without_a_schema(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text('{"name": "shop", "journeys": []}', encoding="utf-8")

    with pytest.raises(ValueError, match=r"not a pathwalk summary \(None, expected 'pathwalk.summary/1'\)$"):
        load_summary(path)


def test_load_summary_of_text_that_is_not_json_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "friction-summary.json"
    path.write_text("journey  clicks\n", encoding="utf-8")

    with pytest.raises(ValueError):
        load_summary(path)


def test_load_summary_of_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_summary(tmp_path / "nowhere.json")


def test_load_summary_rejects_a_json_array(tmp_path: Path) -> None:
    path = tmp_path / "friction-summary.json"
    path.write_text("[]", encoding="utf-8")

    with pytest.raises(ValueError, match="not a pathwalk summary"):
        load_summary(path)
