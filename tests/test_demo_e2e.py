"""End to end: walk the reference journeys against the demo shop in a real Chromium.

One walk (a real `pytest journeys` run, as `make demo` does) feeds every test here: the
figures must equal FRICTION.md's tables (every count exactly, every timing within its stated
bounds, every check in a column), the Allure results must fail the frictiony journeys with the
standards named, and the generated Allure HTML must render in Chromium.
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
from tests.browsing import live_page, serve_directory
from tests.timing import steady_walk

ROOT = Path(__file__).resolve().parents[1]
FRICTION_MD = ROOT / "src" / "pathwalk" / "demo" / "FRICTION.md"
COUNTS, TIMINGS = "Expected counts per journey", "Expected timings and standards broken per journey"
SMOOTH = "A guest buys the blue mug through the express checkout"
SPA, TWIN = "A customer finds a gift with the gift finder", "A customer finds a gift with the simple gift finder"

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


def _table(heading: str) -> dict[str, dict[str, str]]:
    """A table of FRICTION.md (the one under this heading), as rows by journey name."""
    text = FRICTION_MD.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("|") and not line.startswith("|---")]
    header, body = rows[0], rows[1:]
    return {row[0]: dict(zip(header, row, strict=True)) for row in body}


def expected_counts() -> dict[str, dict[str, str]]:
    """The 'Expected counts per journey' table: every count, exact, and the verdict."""
    return _table(COUNTS)


def expected_timings() -> dict[str, dict[str, str]]:
    """The timings table: bounds for the measured seconds and scores, and the standards failed."""
    return _table(TIMINGS)


def counted() -> list[str]:
    return [column for column in next(iter(expected_counts().values())) if column not in ("journey", "verdict")]


def timed() -> list[str]:
    return [column for column in next(iter(expected_timings().values()))
            if column not in ("journey", "fails", "warns")]


def broken_standards(journey: str, level: str = "fail") -> set[str]:
    """The standards FRICTION.md says the journey breaks at that level ("fail" or "warn")."""
    named = expected_timings()[journey][f"{level}s"]
    return set() if named == "-" else {name.strip() for name in named.split(",")}


def within(value: float, bound: str) -> bool:
    """Whether a figure meets a bound written as '1.5 to 4', '>= 1.5', '<= 2.5', '< 1' or '> 0.1'."""
    if " to " in bound:
        low, high = (float(b) for b in bound.split(" to "))
        return low <= value <= high
    operator, number = bound.split()
    compare = {">=": float.__ge__, "<=": float.__le__, ">": float.__gt__, "<": float.__lt__}[operator]
    return bool(compare(float(value), float(number)))


def _walk_demo(reports: Path) -> Walk:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "journeys", "-p", "no:cacheprovider",
         f"--pathwalk-reports={reports}", f"--alluredir={reports / 'allure-results'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return Walk(reports, run)


def _timings_outside_bounds(walk: Walk) -> dict[str, dict[str, float]]:
    """Per journey, the timed figures outside FRICTION.md's bounds ({} when there is no summary)."""
    if not (walk.reports / "friction-summary.json").exists():
        return {}
    outside = {}
    for journey, bounds in expected_timings().items():
        figures = next((r["figures"] for r in walk.summary["journeys"] if r["journey"] == journey), {})
        if wrong := {check: figures[check] for check in timed()
                     if check in figures and not within(figures[check], bounds[check])}:
            outside[journey] = wrong
    return outside


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    """The demo walked as `make demo` walks it, again if a stalled machine pushed a timing outside
    its bounds (tests/timing.py); the counts are the same on every walk."""
    return steady_walk(lambda: _walk_demo(tmp_path_factory.mktemp("reports")), _timings_outside_bounds,
                       "the demo")


def verdicts() -> list[str]:
    return [row["verdict"] for row in expected_counts().values()]


def test_the_walk_fails_only_the_journeys_that_break_standards(walk: Walk) -> None:
    assert walk.run.returncode == 1, walk.run.stdout[-3000:] + walk.run.stderr[-2000:]
    failed, passed = verdicts().count("fail"), verdicts().count("pass") + verdicts().count("warn")
    assert re.search(rf"\b{failed} failed, {passed} passed\b", walk.run.stdout), walk.run.stdout[-1500:]
    assert "pathwalk friction summary" in walk.run.stdout


def test_friction_md_lists_every_journey_walked(walk: Walk) -> None:
    walked = {r["journey"] for r in walk.summary["journeys"]}
    assert walked == set(expected_counts()) == set(expected_timings())


def test_friction_md_has_a_column_for_every_check() -> None:
    """Counts are exact, timings are bounds; together they cover every check that runs here."""
    assert not set(counted()) & set(timed())
    assert set(counted()) | set(timed()) == {check.name for check in load_checks(ROOT)}


@pytest.mark.parametrize("journey", sorted(expected_counts()))
def test_counts_equal_friction_md(walk: Walk, journey: str) -> None:
    expected = expected_counts()[journey]
    record = walk.record(journey)
    measured = {check: f"{record['figures'][check]:g}" for check in counted()}
    assert measured == {check: expected[check] for check in counted()}
    assert record["status"] == expected["verdict"]


@pytest.mark.parametrize("journey", sorted(expected_timings()))
def test_timings_are_within_friction_md_bounds(walk: Walk, journey: str) -> None:
    expected = expected_timings()[journey]
    figures = walk.record(journey)["figures"]
    outside = {check: (figures[check], expected[check]) for check in timed()
               if not within(figures[check], expected[check])}
    assert outside == {}


def test_the_gift_finder_app_costs_what_its_multi_page_twin_costs(walk: Walk) -> None:
    """The single-page app is measured like the same questions asked on server-rendered pages."""
    app, twin = walk.record(SPA)["figures"], walk.record(TWIN)["figures"]
    assert {check: app[check] for check in counted()} == {check: twin[check] for check in counted()}
    kinds = [page.kind for page in Trace.load(Path(walk.record(SPA)["trace"])).pages]
    assert kinds == ["document", "document", "route", "route", "route"]  # home, then the app's four views
    assert {page.kind for page in Trace.load(Path(walk.record(TWIN)["trace"])).pages} == {"document"}


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
        if counts["verdict"] == "warn":
            assert result["status"] == "passed"
            assert labels["friction"] == "warning"
            continue
        assert result["status"] == "failed", name
        assert labels["friction"] == "breach"
        message = result["statusDetails"]["message"]
        for check in broken_standards(name):
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
    with serve_directory(output) as url, live_page() as page:
        page.goto(f"{url}/index.html")
        page.get_by_text(SMOOTH).first.wait_for(timeout=30_000)
        page.screenshot(path=walk.reports / "allure-home.png", full_page=True)
        text = page.inner_text("body")
        for record in walk.summary["journeys"]:
            if record["journey"] not in text:  # Allure shows the first groups open, the later ones closed
                title = page.get_by_test_id("tree-section-title").filter(has_text=re.compile(
                    f"^{re.escape(record['feature'])}$"))
                title.click()
                page.get_by_text(record["journey"], exact=True).wait_for()
                text = page.inner_text("body")
    for journey in expected_counts():
        assert journey in text
    failed, passed = verdicts().count("fail"), verdicts().count("pass") + verdicts().count("warn")
    assert re.search(rf"Failed\s+{failed}\b", text) and re.search(rf"Passed\s+{passed}\b", text)


def test_summary_json_names_the_broken_standards(walk: Walk) -> None:
    for journey in expected_counts():
        for level in ("fail", "warn"):
            broken = {b["check"] for b in walk.record(journey)["breaches"] if b["level"] == level}
            assert broken == broken_standards(journey, level), (journey, level)
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
    added = by_name['When I add the "Blue mug" to my basket']
    assert added == {"product": "'Blue mug'", "clicks": "2", "fields filled": "0", "waited": added["waited"],
                     "effort": added["effort"]}
    # Two clicks by the Keystroke-Level Model (M + P + BB each: 5.3 s) plus the measured waits.
    waited, effort = float(added["waited"].removesuffix(" s")), float(added["effort"].removesuffix(" s"))
    assert effort == pytest.approx(5.3 + waited, abs=0.11)
    assert all("customer" not in params for params in by_name.values())
    labels = {(x["name"], x["value"]) for x in result["labels"]}
    assert {("feature", "Buying a product"), ("epic", "Customer journeys"),
            ("story", "A guest buys the blue mug through the standard checkout")} <= labels
    assert [link["name"] for link in result["links"]][:2] == ["/", "/products/blue-mug"]
