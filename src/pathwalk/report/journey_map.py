"""Journey maps as plain SVG: where in a journey the customer spent effort, readable at a glance.

A product manager sees the Gherkin steps left to right, a bar per step as tall as the effort it
cost, and a red marker where a check found friction. The overview puts every journey of a run on
one picture, each budgeted figure against its fail budget. Plain string templates (no plotting
dependency); every piece of text that came from a page or a feature file is XML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from pathwalk.checks.clicks import CLICK_KINDS
from pathwalk.checks.effort_seconds import Effort, step_efforts
from pathwalk.journey import STAGE, Outcome, tagged
from pathwalk.trace import Trace

# How a marker names a friction check's findings ("2 repeated inputs"); other checks by their name.
NOUNS = {"repeated_inputs": "repeated input", "dead_ends": "dead end", "wait_seconds": "slow answer",
         "dead_clicks": "dead click", "error_clicks": "error click", "rage_clicks": "repeated click",
         "errors": "error", "handoffs": "hand-off", "a11y_serious": "accessibility issue",
         "unlabelled_fields": "unlabelled field", "scrolls": "scroll", "lcp_seconds": "slow paint",
         "cls": "layout shift"}
COLOURS = {"pass": "#2e7d32", "warn": "#ef8f00", "fail": "#c62828", "broken": "#757575"}
FONT = "font-family='Helvetica, Arial, sans-serif'"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: object) -> str:
    """Escape for XML text and attributes, dropping characters XML cannot hold at all."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def truncate(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def wrap(value: str, width: int, lines: int) -> list[str]:
    """Words into at most ``lines`` lines of ``width`` characters; the last one truncated."""
    out: list[str] = []
    words = value.split()
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        out.append(truncate(line, width))
    if words:
        out.append(truncate(" ".join(words), width))
    return out


@dataclass
class StepEffort:
    """What one step cost: estimated seconds (the effort_seconds check), clicks, fields filled, waits."""

    seconds: float = 0.0
    clicks: int = 0
    fields: int = 0
    waited_s: float = 0.0

    def as_parameters(self) -> dict[str, str]:
        return {"effort": f"{self.seconds:.1f} s", "clicks": str(self.clicks), "fields filled": str(self.fields),
                "waited": f"{self.waited_s:.1f} s"}


def step_breakdown(trace: Trace) -> list[StepEffort]:
    """Per step: estimated seconds (Keystroke-Level Model + waits, as ``effort_seconds`` counts
    them), clicks (as ``clicks`` counts them), fields filled (one per field and page, ``fill``
    actions) and seconds waited after its actions until the page settled."""
    estimated = step_efforts(trace)
    efforts = [StepEffort(seconds=round(e.seconds, 1), waited_s=round(e.waiting_s, 3))
               for e in (estimated.get(index, Effort()) for index in range(len(trace.steps)))]
    filled: set[tuple[int | None, int | None, str]] = set()
    for action in trace.actions:
        if action.step is None or not 0 <= action.step < len(efforts):
            continue
        effort = efforts[action.step]
        if action.kind in CLICK_KINDS:
            effort.clicks += 1
        elif action.kind == "fill":
            element = action.element
            field = (action.step, action.page, element.field_name or element.label or element.name)
            if field not in filled:
                filled.add(field)
                effort.fields += 1
    return efforts


def step_effort(trace: Trace) -> list[float]:
    """Estimated customer seconds per step (see :func:`step_breakdown`), one decimal."""
    return [effort.seconds for effort in step_breakdown(trace)]


def step_findings(outcome: Outcome) -> dict[int, list[str]]:
    """Per step with findings: a short label ('2 repeated inputs, wait 1.6 s') then the findings' messages."""
    counts: dict[int, dict[str, int]] = {}
    messages: dict[int, list[str]] = {}
    for item in outcome.friction:
        if item.step is None:
            continue
        counts.setdefault(item.step, {}).setdefault(item.check, 0)
        counts[item.step][item.check] += 1
        messages.setdefault(item.step, []).append(item.message)
    waits: dict[int, float] = {}
    for action in outcome.trace.actions:
        if action.step is not None:
            waits[action.step] = max(waits.get(action.step, 0.0), action.settled_s)
    labels: dict[int, list[str]] = {}
    for step, by_check in counts.items():
        for check, count in by_check.items():
            if check == "wait_seconds" and waits.get(step, 0) > 1:
                labels.setdefault(step, []).append(f"wait {waits[step]:.1f} s")
            else:
                noun = NOUNS.get(check, check.replace("_", " "))
                labels.setdefault(step, []).append(f"{count} {noun}s" if count > 1 else noun)
    return {step: [", ".join(labels[step]), *messages[step]] for step in sorted(labels)}


def journey_svg(outcome: Outcome) -> str:
    """The journey's steps left to right with a bar of effort each and a marker on each step with friction."""
    trace = outcome.trace
    efforts = step_effort(trace)
    marked = step_findings(outcome)
    col, left, base, tallest = 150, 20, 250, 120
    width = max(2 * left + col * len(trace.steps), 560)
    highest = max(efforts, default=0) or 1.0
    stage = tagged(trace.journey.tags, STAGE)
    subtitle = f"stage: {stage} · " if stage else ""
    subtitle += f"verdict: {outcome.status.upper()} · bar = estimated customer seconds in the step (typing, " \
                "pointing, clicking, deciding and waiting)"
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='380' viewBox='0 0 {width} 380' {FONT}>",
        f"<title>Journey map: {text(trace.journey.name)}</title>",
        f"<rect width='{width}' height='380' fill='#ffffff'/>",
        f"<text x='{left}' y='26' font-size='16' font-weight='bold'>{text(truncate(trace.journey.name, 110))}</text>",
        f"<text class='subtitle' x='{left}' y='46' font-size='12' fill='#555'>{text(subtitle)}</text>",
        f"<line x1='{left}' y1='{base}' x2='{left + col * len(trace.steps)}' y2='{base}' stroke='#999'/>",
    ]
    for index, step in enumerate(trace.steps):
        cx = left + col * index + col // 2
        effort = efforts[index]
        height = max(round(effort / highest * tallest), 1)
        ran = step.outcome == "passed"
        fill = "#4a78b8" if ran else "#bdbdbd"
        parts.append(f"<g class='step'><title>{text(step.title)} (about {effort:g} s)</title>")
        parts.append(f"<rect class='bar' x='{cx - 22}' y='{base - height}' width='44' height='{height}' "
                     f"fill='{fill}'/>")
        parts.append(f"<text x='{cx}' y='{base - height - 5}' font-size='12' text-anchor='middle'>{effort:g}</text>")
        lines = [f"{index + 1}. {step.keyword}", *wrap(step.text, 23, 3)]
        if not ran:
            lines.append(f"({step.outcome})")
        for row, line in enumerate(lines):
            weight = " font-weight='bold'" if row == 0 else ""
            parts.append(f"<text x='{cx}' y='{base + 18 + 15 * row}' font-size='11' text-anchor='middle'{weight}>"
                         f"{text(line)}</text>")
        parts.append("</g>")
        if index in marked:
            label, *messages = marked[index]
            parts.append(f"<g class='marker'><title>{text(' | '.join(messages))}</title>"
                         f"<circle cx='{cx}' cy='{base - tallest - 34}' r='9' fill='#c62828'/>"
                         f"<text x='{cx}' y='{base - tallest - 30}' font-size='12' font-weight='bold' fill='#fff' "
                         f"text-anchor='middle'>!</text>"
                         f"<text x='{cx}' y='{base - tallest - 50}' font-size='11' fill='#c62828' "
                         f"text-anchor='middle'>{text(truncate(label, 26))}</text></g>")
    parts.append(f"<text x='{left}' y='370' font-size='11' fill='#555'>Red circle: friction found in that step "
                 "(a repeated input, a dead end, a slow answer, an error...; hover for the details).</text>")
    parts.append("</svg>")
    return "\n".join(parts)


def _reference(budget: Mapping[str, float | None]) -> float | None:
    """The level a figure is drawn against: its fail budget, else its warn level."""
    fail, warn = budget.get("fail"), budget.get("warn")
    return fail if fail is not None else warn


def _figure_state(record: Mapping[str, Any], check: str) -> str:
    if record.get("status") == "broken":
        return "broken"
    levels = {b["level"] for b in record.get("breaches", []) if b["check"] == check}
    return "fail" if "fail" in levels else "warn" if "warn" in levels else "pass"


def budgeted_checks(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """Checks with a budget in any journey, in the order the figures are listed."""
    seen: dict[str, None] = {}
    for record in records:
        for check in record.get("figures", {}):
            if _reference(record.get("budgets", {}).get(check, {})) is not None:
                seen[check] = None
    return list(seen)


def overview_svg(records: Sequence[Mapping[str, Any]]) -> str:
    """One row per journey; per budgeted figure a bar of its value against its fail budget (the line)."""
    checks = budgeted_checks(records)
    name_w, col, unit, row_h, top = 400, 150, 60, 34, 80
    width = name_w + col * max(len(checks), 1) + 20
    height = top + row_h * len(records) + 40
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FONT}>",
        "<title>Journey overview</title>",
        f"<rect width='{width}' height='{height}' fill='#ffffff'/>",
        "<text x='20' y='26' font-size='16' font-weight='bold'>Journey overview</text>",
        "<text x='20' y='46' font-size='12' fill='#555'>Each bar is a figure against its fail budget "
        "(the black line; the warn level where there is no fail level), labelled figure/budget. "
        "Colour: the figure's verdict.</text>",
    ]
    for index, check in enumerate(checks):
        parts.append(f"<text x='{name_w + col * index}' y='{top - 10}' font-size='12' font-weight='bold'>"
                     f"{text(check)}</text>")
    for row, record in enumerate(records):
        y = top + row_h * row
        status = str(record.get("status", "broken"))
        parts.append(f"<g class='journey-row' data-status='{text(status)}'>"
                     f"<title>{text(record.get('journey', ''))}: {text(status.upper())}</title>")
        parts.append(f"<rect x='20' y='{y + 6}' width='52' height='18' rx='3' fill='{COLOURS.get(status, '#757575')}'/>"
                     f"<text x='46' y='{y + 19}' font-size='11' fill='#fff' text-anchor='middle'>"
                     f"{text(status.upper())}</text>")
        parts.append(f"<text x='80' y='{y + 19}' font-size='12'>{text(truncate(str(record.get('journey', '')), 52))}"
                     "</text>")
        for index, check in enumerate(checks):
            reference = _reference(record.get("budgets", {}).get(check, {}))
            value = record.get("figures", {}).get(check)
            if reference is None or value is None:
                continue
            ratio = value / reference if reference > 0 else (0.0 if value <= 0 else 1.5)
            x = name_w + col * index
            state = _figure_state(record, check)
            parts.append(f"<g class='figure' data-check='{text(check)}' data-state='{state}'>"
                         f"<title>{text(check)}: {value:g} (budget {reference:g})</title>"
                         f"<rect x='{x}' y='{y + 8}' width='{round(unit * 1.5)}' height='14' fill='#eeeeee'/>"
                         f"<rect class='bar' x='{x}' y='{y + 8}' width='{max(round(unit * min(ratio, 1.5)), 1)}' "
                         f"height='14' fill='{COLOURS[state]}'/>"
                         f"<line x1='{x + unit}' y1='{y + 4}' x2='{x + unit}' y2='{y + 26}' stroke='#000'/>"
                         f"<text x='{x + round(unit * 1.5) + 4}' y='{y + 19}' font-size='11'>"
                         f"{value:g}/{reference:g}</text></g>")
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
