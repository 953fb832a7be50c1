"""Journey map and overview SVGs, drawn from hand-made traces: valid XML, one bar per step,
a marker per step with friction, and page text that cannot break out of the picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from pathwalk.checks import run_checks
from pathwalk.journey import Outcome
from pathwalk.report.allure import write_journey_map
from pathwalk.report.journey_map import COLOURS, journey_svg, overview_svg, step_breakdown, step_effort
from pathwalk.standards import Budget, judge
from pathwalk.trace import Trace
from tests.traces import click, fill, make_trace, open_url, page, tick

SVG = "{http://www.w3.org/2000/svg}"
BUDGETS = {"clicks": Budget(8, 12), "repeated_inputs": Budget(None, 0), "dead_ends": Budget(None, 0),
           "wait_seconds": Budget(1, 10)}
NASTY = "<script>alert('x')</script> & Co"


def outcome_of(trace: Trace, tmp_path: Path) -> Outcome:
    """Judge a hand-made trace; its steps count as walked unless a test said otherwise."""
    for step in trace.steps:
        step.outcome = "passed" if step.outcome == "pending" else step.outcome
    results = run_checks(trace)
    return Outcome(trace, results, judge(results, BUDGETS), tmp_path / "journey.json")


def frictiony(**kwargs: Any) -> Trace:
    """Step 1 two clicks; step 2 a repeated email and a slow 'Continue'; step 3 a 404 page."""
    return make_trace(
        open_url("http://shop.test/", step=0, settled_s=0.2),
        click("Add lamp", step=1, settled_s=0.1),
        click("Basket", role="link", step=1, settled_s=0.1),
        fill("Email", "ada@example.com", step=2, page=1, autocomplete="email"),
        fill("Confirm email", "ada@example.com", step=2, page=1, autocomplete="email"),
        fill("Name", "Ada", step=2, page=1),
        click("Continue", step=2, page=1, settled_s=1.6),
        pages=[page(0, step=0), page(1, step=2), page(2, step=3, status=404, heading="Order failed")],
        **kwargs,
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == name]


def all_text(root: ET.Element) -> str:
    return "\n".join("".join(e.itertext()) for e in root)


def test_effort_per_step_is_the_keystroke_level_estimate_in_seconds() -> None:
    """Step 0: the 0.2 s wait. Step 1: two clicks, each M 1.35 + P 1.1 + click 0.2 + 0.1 s wait = 2.75.
    Step 2 (hand on the mouse): Email 1.35 + 1.1 + 0.2 + H 0.4 + 15 x 0.28 = 7.25; Confirm email
    adds H 0.4 back to the mouse = 7.65; Name (3 characters) 1.35 + 0.4 + 1.1 + 0.2 + 0.4 + 0.84 =
    4.29; Continue 1.35 + 0.4 + 1.1 + 0.2 + 1.6 s wait = 4.65; 23.84 in all."""
    assert step_effort(frictiony()) == [0.2, 5.5, 23.8, 0.0]


def test_step_breakdown_keeps_clicks_fields_and_waits_beside_the_seconds() -> None:
    trace = make_trace(fill("Email", "a@x.io", step=1), fill("Email", "ada@x.io", step=1),
                       tick("check", "Gift wrap", step=1, settled_s=0.5))
    step = step_breakdown(trace)[1]
    assert (step.clicks, step.fields, step.waited_s) == (1, 1, 0.5)  # refilling a field counts once
    assert step.as_parameters() == {"effort": "14.0 s", "clicks": "1", "fields filled": "1", "waited": "0.5 s"}


def test_journey_map_parses_with_one_bar_per_step_scaled_to_the_effort(tmp_path: Path) -> None:
    root = parse(journey_svg(outcome_of(frictiony(), tmp_path)))
    assert root.tag == f"{SVG}svg"
    bars = by_class(root, "bar")
    assert len(bars) == 4
    heights = [int(bar.get("height", "0")) for bar in bars]
    assert heights[2] == max(heights) == 120  # the busiest step gets the full height
    assert heights[0] < heights[1] < heights[2]


def test_one_marker_per_step_with_a_repeated_input_dead_end_or_long_wait(tmp_path: Path) -> None:
    root = parse(journey_svg(outcome_of(frictiony(), tmp_path)))
    markers = by_class(root, "marker")
    assert len(markers) == 2  # step 2 (repeated email + slow Continue) and step 3 (the 404)
    labels = [all_text(m) for m in markers]
    assert "repeated input" in labels[0] and "wait 1.6 s" in labels[0]
    assert "dead end" in labels[1] and "Order failed" in labels[1]


def test_clicks_and_fields_alone_put_no_marker(tmp_path: Path) -> None:
    trace = make_trace(click("Next", step=1), fill("Name", "Ada", step=2))
    assert by_class(parse(journey_svg(outcome_of(trace, tmp_path))), "marker") == []


def test_step_text_is_truncated_and_the_stage_is_named(tmp_path: Path) -> None:
    long_step = "When they " + "look through the whole catalogue of lamps " * 3
    trace = make_trace(click("Next", step=0), steps=(long_step, "Then they stop"), tags=["stage:browse"])
    root = parse(journey_svg(outcome_of(trace, tmp_path)))
    assert "stage: browse" in all_text(root)
    first_step = by_class(root, "step")[0]
    lines = ["".join(t.itertext()) for t in first_step.iter(f"{SVG}text")][1:]  # after the effort figure
    assert lines[0] == "1. When"
    assert len(lines) == 4 and all(len(line) <= 23 for line in lines) and lines[-1].endswith("…")
    title = "".join(first_step.iter(f"{SVG}title").__next__().itertext())
    assert long_step.strip() in title  # the whole step is in the hover title


def test_no_stage_no_stage_line(tmp_path: Path) -> None:
    assert "stage:" not in journey_svg(outcome_of(frictiony(), tmp_path))


def test_page_and_feature_text_is_escaped(tmp_path: Path) -> None:
    trace = make_trace(
        click("Pay", step=1),
        pages=[page(0, step=1, status=500, heading=NASTY + "\x07")],
        steps=("Given a customer at Smith & Sons", 'When they pay "<now>"'),
        name="Smith & Sons <checkout>",
    )
    svg = journey_svg(outcome_of(trace, tmp_path))
    assert "<script>" not in svg and "Smith & Sons" not in svg
    text = all_text(parse(svg))  # parses: escaped, and the control character dropped
    assert NASTY in text and "Smith & Sons <checkout>" in text and 'pay "<now>"' in text


def test_a_step_that_did_not_pass_says_so(tmp_path: Path) -> None:
    trace = frictiony(outcome="broken")
    trace.steps[3].outcome = "failed"
    assert "(failed)" in all_text(parse(journey_svg(outcome_of(trace, tmp_path))))


def test_the_map_is_written_beside_the_trace(tmp_path: Path) -> None:
    outcome = outcome_of(frictiony(), tmp_path)
    path = write_journey_map(outcome)
    assert path == tmp_path / "journey.svg"
    assert len(by_class(ET.parse(path).getroot(), "bar")) == 4


def record(journey: str, status: str, figures: dict[str, float], budgets: dict[str, dict[str, float | None]],
           breaches: dict[str, str] | None = None) -> dict[str, Any]:
    return {"journey": journey, "status": status, "figures": figures, "budgets": budgets,
            "breaches": [{"check": c, "level": lvl, "value": figures[c], "budget": 0}
                         for c, lvl in (breaches or {}).items()]}


def test_overview_has_a_row_per_journey_and_a_bar_per_budgeted_figure() -> None:
    budgets: dict[str, dict[str, float | None]] = {"clicks": {"warn": 8, "fail": 12},
                                                   "dead_ends": {"warn": None, "fail": 0}}
    records = [
        record("Buys a lamp", "fail", {"clicks": 6, "dead_ends": 1, "form_fields": 9}, budgets, {"dead_ends": "fail"}),
        record("Finds help", "warn", {"clicks": 10, "dead_ends": 0, "form_fields": 0}, budgets, {"clicks": "warn"}),
        record("Signs up", "broken", {"clicks": 2, "dead_ends": 0, "form_fields": 0}, budgets),
    ]
    root = parse(overview_svg(records))
    rows = by_class(root, "journey-row")
    assert [r.get("data-status") for r in rows] == ["fail", "warn", "broken"]
    states = [[(f.get("data-check"), f.get("data-state")) for f in by_class(row, "figure")] for row in rows]
    assert states == [  # form_fields has no budget: not drawn
        [("clicks", "pass"), ("dead_ends", "fail")],
        [("clicks", "warn"), ("dead_ends", "pass")],
        [("clicks", "broken"), ("dead_ends", "broken")],
    ]
    first = by_class(rows[0], "bar")
    assert [bar.get("fill") for bar in first] == [COLOURS["pass"], COLOURS["fail"]]
    assert int(first[0].get("width", "0")) == 30  # 6 of a fail budget of 12: half of the 60 px budget line
    assert int(first[1].get("width", "0")) == 90  # anything over a budget of 0 runs to the end


def test_overview_escapes_journey_names() -> None:
    records = [record(NASTY, "pass", {"clicks": 1}, {"clicks": {"warn": None, "fail": 5}})]
    svg = overview_svg(records)
    assert "<script>" not in svg
    assert NASTY in all_text(parse(svg))
