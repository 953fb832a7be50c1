"""Publishing a journey's friction into its Allure test result, through the allure API only.

A product manager reads: a `friction` label (none/warning/breach), a figures-vs-budgets table,
a journey map (effort per step, markers where friction was found), every finding with step, page
and element, and a screenshot at each dead end.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import allure

from pathwalk.findings import SEVERITIES as FINDING_SEVERITIES
from pathwalk.journey import STAGE, Outcome, tagged
from pathwalk.jsonout import strict_json
from pathwalk.report.evidence import evidence_pictures
from pathwalk.report.journey_map import journey_svg

SEVERITIES = ("blocker", "critical", "normal", "minor", "trivial")
SEVERITIES_ORDER = {name: rank for rank, name in enumerate(FINDING_SEVERITIES)}
FRICTION_LABEL = {"pass": "none", "warn": "warning", "fail": "breach", "broken": "broken"}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def friction_table(outcome: Outcome) -> str:
    """Figures against budgets, then findings; all page-supplied text is escaped."""
    breached = {b.check: b.level for b in outcome.verdict.breaches}
    rows = []
    for name, result in outcome.results.items():
        budget = outcome.verdict.budgets.get(name)
        state = breached.get(name, "ok" if budget else "")
        rows.append(
            f"<tr class='{state}'><td>{escape(name)}</td><td>{_fmt(result.value)}</td>"
            f"<td>{_fmt(budget.warn if budget else None)}</td><td>{_fmt(budget.fail if budget else None)}</td>"
            f"<td>{escape(state.upper())}</td></tr>"
        )
    findings = sorted(outcome.friction, key=lambda f: -SEVERITIES_ORDER.get(f.severity, 0))
    items = "".join(
        f"<li class='{escape(f.severity)}'><b>{escape(f.check)}</b> ({escape(f.severity)}): {escape(f.message)}"
        f"<br><small>at {escape(f.where)} on {escape(f.url)}</small></li>" for f in findings
    )
    effort = outcome.results.get("effort_seconds")
    headline = (f"<p class='headline'>Estimated customer effort: <b>{effort.value:g} s</b> "
                "(Keystroke-Level Model: typing, pointing, clicking, deciding, plus the measured waits)</p>"
                if effort is not None else "")
    return (
        "<html><head><meta charset='utf-8'><style>body{font-family:sans-serif}"
        "td,th{padding:4px 10px;border-bottom:1px solid #ddd}.fail{background:#fdd}.warn{background:#ffe8b0}"
        ".headline{font-size:1.2em}.critical,.serious{color:#b71c1c}"
        "</style></head><body>"
        f"<h3>Friction: {escape(FRICTION_LABEL[outcome.status])}</h3>{headline}"
        "<table><tr><th>standard</th><th>value</th><th>warn</th><th>fail</th><th>verdict</th></tr>"
        f"{''.join(rows)}</table><h3>Findings</h3><ul>{items or '<li>none</li>'}</ul></body></html>"
    )


def write_journey_map(outcome: Outcome) -> Path:
    """The journey map beside the trace (``traces/<slug>.svg``), so it outlives the Allure results."""
    path = outcome.trace_path.with_suffix(".svg")
    path.write_text(journey_svg(outcome), encoding="utf-8")
    return path


def organise(outcome: Outcome) -> None:
    """Labels a PM filters by: stage as epic, feature, journey as story, severity, persona; pages as links."""
    trace, journey = outcome.trace, outcome.trace.journey
    stage = tagged(journey.tags, STAGE)
    allure.dynamic.label("friction", FRICTION_LABEL[outcome.status])
    allure.dynamic.label("persona", trace.persona)
    if stage:
        allure.dynamic.label("stage", stage)
    allure.dynamic.epic(f"Stage: {stage}" if stage else "Customer journeys")
    allure.dynamic.feature(journey.feature)
    allure.dynamic.story(journey.name)
    named = (t.removeprefix("severity:") for t in journey.tags)
    severity = next((name for name in named if name in SEVERITIES), None)
    if severity:
        allure.dynamic.severity(allure.severity_level(severity))
    for url in dict.fromkeys(page.url for page in trace.pages):
        allure.dynamic.link(url, name=urlsplit(url).path or url)


def attach_evidence(outcome: Outcome) -> None:
    """A picture at every finding: the dead-end page, or the page with the element outlined."""
    for picture in evidence_pictures(outcome):
        if picture.png is not None:
            allure.attach.file(str(picture.png), name=picture.name, attachment_type=allure.attachment_type.PNG)
        else:
            allure.attach(picture.svg, name=picture.name, attachment_type=allure.attachment_type.SVG)


def note(text: str) -> None:
    """A line the report must show about what it could not keep (attached to the running test)."""
    allure.attach(text, name="Note", attachment_type=allure.attachment_type.TEXT)


def publish(outcome: Outcome, screenshots: str = "on-friction", playwright_trace: Path | None = None,
            videos: Iterable[Path] = ()) -> None:
    """Attach figures, findings, the journey map, evidence pictures and traces to the running test."""
    organise(outcome)
    for name, result in outcome.results.items():
        allure.dynamic.label(f"pathwalk.{name}", f"{result.value:g}")
    allure.attach(friction_table(outcome), name="Friction", attachment_type=allure.attachment_type.HTML)
    allure.attach.file(str(write_journey_map(outcome)), name="Journey map", attachment_type=allure.attachment_type.SVG)
    figures = {name: r.value for name, r in outcome.results.items()}
    allure.attach(strict_json(figures, indent=2), name="Friction figures",
                  attachment_type=allure.attachment_type.JSON)
    if screenshots != "never":
        attach_evidence(outcome)
    allure.attach.file(str(outcome.trace_path), name="Journey trace", attachment_type=allure.attachment_type.JSON)
    if playwright_trace is not None and playwright_trace.exists():
        allure.attach.file(str(playwright_trace), name="Playwright trace (open with `playwright show-trace`)",
                           attachment_type=allure.attachment_type.ZIP)
    for video in videos:
        if video.exists():
            allure.attach.file(str(video), name="Video", attachment_type=allure.attachment_type.WEBM)
