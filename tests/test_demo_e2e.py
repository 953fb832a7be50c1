"""End to end: walk the reference journeys against the demo shop in a real Chromium.

One walk (a real `pytest journeys` run, as `make demo` does) feeds every test here: the
figures must equal FRICTION.md's table, the Allure results must fail the frictiony journeys
with the standard named, and the generated Allure HTML must render in Chromium.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pathwalk.checks import run_checks
from pathwalk.registry import load_checks
from pathwalk.trace import Trace
from tests.browsing import open_in_chromium, serve_directory

ROOT = Path(__file__).resolve().parents[1]
FRICTION_MD = ROOT / "src" / "pathwalk" / "demo" / "FRICTION.md"
COUNTED = ("clicks", "repeated_inputs", "dead_ends", "form_fields")
SMOOTH = "A guest buys the blue mug through the express checkout"

pytestmark = pytest.mark.browser


@dataclass
class Walk:
    reports: Path
    run: subprocess.CompletedProcess[str]

    @property
    def summary(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.reports / "friction-summary.json").read_text())
        return data

    def record(self, journey: str) -> dict[str, Any]:
        return next(r for r in self.summary["journeys"] if r["journey"] == journey)

    def allure_results(self) -> dict[str, dict[str, Any]]:
        results = [json.loads(p.read_text()) for p in (self.reports / "allure-results").glob("*-result.json")]
        return {r["name"]: r for r in results}


def expected_counts() -> dict[str, dict[str, str]]:
    """The 'Expected counts per journey' table of FRICTION.md, by journey name."""
    text = FRICTION_MD.read_text(encoding="utf-8").split("## Expected counts per journey", 1)[1]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|") and not line.startswith("|---")]
    header, body = rows[0], rows[1:]
    return {row[0]: dict(zip(header, row, strict=True)) for row in body}


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    reports = tmp_path_factory.mktemp("reports")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "journeys", "-p", "no:cacheprovider",
         f"--pathwalk-reports={reports}", f"--alluredir={reports / 'allure-results'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return Walk(reports, run)


def test_the_walk_fails_only_the_journeys_that_break_standards(walk: Walk) -> None:
    assert walk.run.returncode == 1, walk.run.stdout[-3000:] + walk.run.stderr[-2000:]
    assert re.search(r"\b4 failed, 1 passed\b", walk.run.stdout)
    assert "pathwalk friction summary" in walk.run.stdout


def test_friction_md_lists_every_journey_walked(walk: Walk) -> None:
    walked = {r["journey"] for r in walk.summary["journeys"]}
    assert walked == set(expected_counts())


@pytest.mark.parametrize("journey", sorted(expected_counts()))
def test_counts_equal_friction_md(walk: Walk, journey: str) -> None:
    expected = expected_counts()[journey]
    record = walk.record(journey)
    measured = {check: f"{record['figures'][check]:g}" for check in COUNTED}
    assert measured == {check: expected[check] for check in COUNTED}
    assert record["status"] == expected["verdict"]


def test_the_slow_delivery_step_is_measured(walk: Walk) -> None:
    record = walk.record("A guest buys the blue mug through the standard checkout")
    assert record["figures"]["wait_seconds"] >= 1.5
    assert any(f["check"] == "wait_seconds" and "/checkout/delivery" in f["url"] for f in record["findings"])


def test_stored_traces_judge_the_same_without_a_browser(walk: Walk) -> None:
    """Measure once, judge many: re-running the checks on the saved trace gives the same figures."""
    for record in walk.summary["journeys"]:
        trace = Trace.load(Path(record["trace"]))
        assert trace.journey.name == record["journey"]
        assert {name: r.value for name, r in run_checks(trace, load_checks(ROOT)).items()} == record["figures"]


def test_allure_fails_frictiony_journeys_naming_the_standard(walk: Walk) -> None:
    results = walk.allure_results()
    expected = expected_counts()
    assert set(results) == set(expected)
    for name, counts in expected.items():
        result = results[name]
        labels = {label["name"]: label["value"] for label in result["labels"]}
        if counts["verdict"] == "pass":
            assert result["status"] == "passed"
            assert labels["friction"] == "none"
            continue
        assert result["status"] == "failed", name
        assert labels["friction"] == "breach"
        message = result["statusDetails"]["message"]
        breached = [c for c in ("repeated_inputs", "dead_ends") if counts[c] != "0"]
        for check in breached:
            assert f"Exceeds experience standard '{check}'" in message
        assert re.search(r"journeys/\w+\.feature:\d+", message), message


def test_allure_steps_are_the_gherkin_lines(walk: Walk) -> None:
    result = walk.allure_results()["A customer looks for how to return an item"]
    steps = [s["name"] for s in result["steps"]]
    assert steps[:4] == [
        "Given I am a first-time customer on the home page",
        'When I follow "Help"',
        'And I follow "Returns"',
        'And I follow "Contact support"',
    ]


def test_dead_end_screenshot_is_attached(walk: Walk) -> None:
    result = walk.allure_results()["A customer looks for how to return an item"]
    shots = [a for a in result["attachments"] if a["name"].startswith("Dead end:")]
    assert [a["name"] for a in shots] == [f"Dead end: {walk.record(result['name'])['findings'][0]['url']}"]
    png = walk.reports / "allure-results" / shots[0]["source"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_allure_html_report_renders_the_journeys_in_chromium(walk: Walk) -> None:
    output = walk.reports / "allure-report"
    built = subprocess.run(
        [sys.executable, "-m", "pathwalk.cli", "report", "--results", str(walk.reports / "allure-results"),
         "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert (output / "index.html").exists()
    with serve_directory(output) as url:
        text = open_in_chromium(f"{url}/index.html", wait_for=SMOOTH, screenshot=walk.reports / "allure-home.png")
    for journey in expected_counts():
        assert journey in text
    assert re.search(r"Failed\s+4", text) and re.search(r"Passed\s+1", text)


def test_summary_json_names_the_failed_standards(walk: Walk) -> None:
    for journey, counts in expected_counts().items():
        failed = {b["check"] for b in walk.record(journey)["breaches"] if b["level"] == "fail"}
        assert failed == {c for c in ("repeated_inputs", "dead_ends") if counts[c] != "0"}, journey
    assert walk.summary["run"]["browser"][0].startswith("chromium ")
    assert walk.summary["run"]["base_url"][0].startswith("http://127.0.0.1:")


def _attachment(walk: Walk, result: dict[str, Any], prefix: str) -> list[Path]:
    folder = walk.reports / "allure-results"
    return [folder / a["source"] for a in result["attachments"] if a["name"].startswith(prefix)]


def test_failed_journeys_carry_a_playwright_trace_grouped_by_gherkin_step(walk: Walk) -> None:
    results = walk.allure_results()
    assert _attachment(walk, results[SMOOTH], "Playwright trace") == []  # kept only when it failed or broke
    [trace] = _attachment(walk, results["A customer looks for how to return an item"], "Playwright trace")
    with zipfile.ZipFile(trace) as archive:
        events = [json.loads(line) for line in archive.read("trace.trace").decode().splitlines()]
    groups = [e["title"] for e in events if e.get("method") == "tracingGroup"]
    assert groups == [step["name"] for step in results["A customer looks for how to return an item"]["steps"]]


def test_repeated_inputs_are_pictured_with_the_field_outlined(walk: Walk) -> None:
    result = walk.allure_results()["A guest buys the blue mug through the standard checkout"]
    pictures = _attachment(walk, result, "repeated_inputs:")
    assert [p.name.endswith(".svg") for p in pictures] == [True, True, True]
    svg = ET.fromstring(pictures[0].read_text())
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.find(f"{ns}image") is not None and svg.find(f"{ns}rect") is not None
    assert "Billing street address" in svg.findtext(f"{ns}title", "")


def test_steps_show_their_effort_not_fixture_objects(walk: Walk) -> None:
    result = walk.allure_results()["A guest buys the blue mug through the standard checkout"]
    by_name = {s["name"]: {p["name"]: p["value"] for p in s.get("parameters", [])} for s in result["steps"]}
    assert by_name['When I add the "Blue mug" to my basket'] == {
        "product": "'Blue mug'", "clicks": "2", "fields filled": "0", "waited": by_name[
            'When I add the "Blue mug" to my basket']["waited"]}
    assert all("customer" not in params for params in by_name.values())
    labels = {(x["name"], x["value"]) for x in result["labels"]}
    assert {("feature", "Buying a product"), ("epic", "Customer journeys"),
            ("story", "A guest buys the blue mug through the standard checkout")} <= labels
    assert [link["name"] for link in result["links"]][:2] == ["/", "/products/blue-mug"]
