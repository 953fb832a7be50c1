"""The field trials' comparison on small stored inputs: no app is installed by `make test`."""

from __future__ import annotations

from pathlib import Path

import pytest
from field.compare import CountsError, HandCount, compare, figures_of, load_counts, table, tally

from pathwalk.trace import Trace
from tests.traces import click, event, fill, make_trace, open_url, page, shown

COUNTS = """\
app: shop
journeys:
  A customer buys a lamp:
    clicks: 1
    keystrokes: 5
    fields_shown: 2
    fields_filled: 1
    pages: 2
    repeated_inputs: []
    security_reentries: []
    dead_ends:
      - {url: /done, why: "nothing leads on"}
    failed_requests: 1
    console_errors: 0
    false_findings:
      - {check: dead_ends, finding: "/basket", why: "the basket has a link on"}
"""


def lamp_trace() -> Trace:
    return make_trace(
        open_url("http://shop.test/"),
        fill("Email", "a@b.c", page=0),
        click("Buy", page=0),
        pages=[page(0, url="http://shop.test/", heading="Shop", fields=[shown("Email"), shown("Name")], forms=1),
               page(1, url="http://shop.test/done", heading="Done", links=0, buttons=0)],
        events=[event("request_failed", "net::ERR_CONNECTION_REFUSED: http://shop.test/api", action=2),
                event("console_error", "Failed to load resource: the server responded with a status of 500",
                      action=2)],
    )


def test_counts_are_read_with_listed_cases_as_their_number(tmp_path: Path) -> None:
    path = tmp_path / "counts.yaml"
    path.write_text(COUNTS)

    counts = load_counts(path)

    lamp = counts["A customer buys a lamp"]
    assert lamp.figures["dead_ends"] == 1 and lamp.figures["repeated_inputs"] == 0
    assert lamp.false_findings == [{"check": "dead_ends", "finding": "/basket", "why": "the basket has a link on"}]


def test_a_figure_left_out_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "counts.yaml"
    path.write_text(COUNTS.replace("    clicks: 1\n", "    clicks: lots\n"))

    with pytest.raises(CountsError) as caught:
        load_counts(path)
    assert str(caught.value) == f"{path}:4: journeys.A customer buys a lamp.clicks: expected a count, got 'lots'"


def test_pathwalks_figures_are_named_as_the_hand_counts_name_them() -> None:
    figures = figures_of(lamp_trace())

    assert figures == {"clicks": 1, "keystrokes": 5, "fields_shown": 2, "fields_filled": 1, "pages": 2,
                       "repeated_inputs": 0, "security_reentries": 0, "dead_ends": 1, "failed_requests": 1,
                       "console_errors": 0}


def test_the_table_marks_each_figure_that_differs_and_counts_misses_and_false_flags() -> None:
    hand = HandCount("A customer buys a lamp", {"clicks": 1, "keystrokes": 5, "fields_shown": 3, "fields_filled": 1,
                                                "pages": 2, "repeated_inputs": 1, "security_reentries": 0,
                                                "dead_ends": 0,
                                                "failed_requests": 1, "console_errors": 0})
    rows = compare("shop", {hand.journey: hand, "Not walked": hand}, {hand.journey: lamp_trace()})

    printed = table(rows)
    assert "| shop | A customer buys a lamp | 1 | 5 | **3/2** | 1 | 2 | **1/0** | 0 | **0/1** | 1 | 0 |" in printed
    assert "| shop | Not walked | **1/-** |" in printed
    summary = tally(rows)
    assert summary.splitlines()[0] == "7 of 20 figures exact"
    assert "  repeated_inputs: 0 of 2 exact, 2 missed, 0 false flags" in summary
    assert "  dead_ends: 0 of 2 exact, 0 missed, 1 false flags" in summary
