"""The Allure report as a product manager reads it, in a real Chromium.

Two real walks of the reference journeys, each followed by `pathwalk report` into one history
file: the first with the reference standards, the second after "the team" tightens the express
checkout to 3 clicks (so a journey fails on a standard other than repeated inputs or dead ends,
and one journey changes status between the runs). Screenshots of every view a test relies on
go to reports/report-screenshots/ for a reviewer to look at.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from tests.browsing import live_page, serve_directory
from tests.test_demo_e2e import expected_counts, verdicts

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "reports" / "report-screenshots"
SMOOTH = "A guest buys the blue mug through the express checkout"
RETURNS = "A customer looks for how to return an item"
TIGHTER = '\njourneys:\n  "A guest buys the blue mug through the express checkout": {clicks: 3}\n'

pytestmark = pytest.mark.browser


@dataclass
class Run:
    reports: Path
    walked: subprocess.CompletedProcess[str]
    built: subprocess.CompletedProcess[str]

    @property
    def results(self) -> Path:
        return self.reports / "allure-results"

    @property
    def html(self) -> Path:
        return self.reports / "allure-report"

    def result(self, name: str) -> dict[str, Any]:
        found = [json.loads(p.read_text()) for p in self.results.glob("*-result.json")]
        return next(r for r in found if r["name"] == name)

    def charts(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.html / "widgets" / "charts.json").read_text())
        return data


def report(results: Path, output: Path, *options: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pathwalk.cli", "report", "--results", str(results),
                           "--output", str(output), *options], cwd=cwd, capture_output=True, text=True, timeout=300)


def walk_and_report(reports: Path, history: Path, *options: str) -> Run:
    walked = subprocess.run(
        [sys.executable, "-m", "pytest", "journeys", "-p", "no:cacheprovider", f"--pathwalk-reports={reports}",
         f"--alluredir={reports / 'allure-results'}", *options],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert walked.returncode == 1, walked.stdout[-3000:] + walked.stderr[-2000:]  # the demo fails on purpose
    built = report(reports / "allure-results", reports / "allure-report", "--history", str(history))
    assert built.returncode == 0, built.stdout + built.stderr
    return Run(reports, walked, built)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ci-cache") / "history.jsonl"


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory, history: Path) -> Run:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return walk_and_report(tmp_path_factory.mktemp("first"), history)


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory, first: Run, history: Path) -> Run:
    standards = tmp_path_factory.mktemp("standards") / "standards.yaml"
    standards.write_text((ROOT / "standards.yaml").read_text() + TIGHTER)
    return walk_and_report(tmp_path_factory.mktemp("second"), history, f"--pathwalk-standards={standards}")


@contextmanager
def opened(run: Run, height: int = 1000) -> Iterator[Page]:
    with serve_directory(run.html) as url, live_page(height=height) as page:
        page.goto(f"{url}/index.html")
        page.get_by_text(SMOOTH).first.wait_for(timeout=30_000)
        yield page


def open_journey(page: Page, journey: str) -> None:
    page.get_by_test_id("tree-leaf").filter(has_text=journey).click()
    page.get_by_test_id("test-result-info-title").filter(has_text=journey).wait_for()


def attachment(page: Page, name: str, exact: bool = True) -> Locator:
    """The attachment whose title is ``name`` (or starts with it, when not exact)."""
    title = page.get_by_text(name, exact=True) if exact else page.get_by_text(re.compile("^" + re.escape(name)))
    return page.get_by_test_id("test-result-attachment").filter(has=title)


def wait_image_loaded(image: Locator) -> None:
    image.wait_for()
    image.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())


def wait_until_drawn(page: Page) -> None:
    """Charts animate in: wait until their shapes keep the same size from one poll to the next."""
    page.wait_for_function(
        """() => {
            const sizes = JSON.stringify([...document.querySelectorAll('svg path')]
                .map(p => Math.round(p.getBoundingClientRect().width)));
            const still = window.__chartSizes === sizes;
            window.__chartSizes = sizes;
            return still;
        }""", polling=250)


def test_the_smooth_journey_passes_and_the_run_environment_is_shown(first: Run) -> None:
    with opened(first) as page:
        leaf = page.get_by_test_id("tree-leaf").filter(has_text=SMOOTH)
        assert leaf.get_by_test_id("tree-leaf-status-passed").count() == 1
        assert leaf.get_by_test_id("tree-leaf-status-failed").count() == 0
        for name in ("Base URL", "Browser", "Commit", "Personas"):
            assert page.get_by_test_id("metadata-item-key").filter(has_text=name).count() == 1
        text = page.inner_text("body")
        page.screenshot(path=SHOTS / "1-results-and-environment.png")
    summary = json.loads((first.reports / "friction-summary.json").read_text())["run"]
    assert summary["base_url"][0] in text and summary["browser"][0] in text and summary["commit"][:12] in text


def test_categories_sort_the_failed_journeys_by_friction(first: Run) -> None:
    with opened(first) as page:
        page.get_by_test_id("nav-tab-categories").click()
        page.get_by_text("Dead end", exact=True).wait_for()
        text = page.inner_text("body")
        page.screenshot(path=SHOTS / "2-categories.png")
    repeated, dead_end = text.index("Repeated input"), text.index("Dead end")
    for journey in ("A guest buys the blue mug through the standard checkout",
                    "A new customer signs up and then buys the red teapot"):
        assert repeated < text.index(journey) < dead_end
    for journey in (RETURNS, "A customer looks for gift cards"):
        assert dead_end < text.index(journey)
    # The demo's other friction (errors, dead and rage clicks...) fails other standards: listed after these.
    assert dead_end < text.index("Exceeds experience standard") < text.index("A customer tracks their order")
    assert SMOOTH not in text


def test_a_frictiony_journey_shows_its_friction_table_dead_end_and_journey_map(first: Run) -> None:
    with opened(first, height=2400) as page:
        open_journey(page, RETURNS)
        page.get_by_test_id("test-result-tab-attachments").click()
        for header in page.get_by_test_id("test-result-attachment-header").all():
            header.click()  # open every attachment, as a reader would
        friction = attachment(page, "Friction").frame_locator("iframe")
        friction.get_by_text("Friction: breach").wait_for()
        dead_end_row = friction.locator("tr", has_text="dead_ends")
        assert dead_end_row.inner_text().split() == ["dead_ends", "1", "-", "0", "FAIL"]
        assert "dead end at 'Contact support'" in friction.locator("body").inner_text()
        journey_map = attachment(page, "Journey map").locator("img")
        dead_end_shot = attachment(page, "Dead end: ", exact=False).locator("img")
        wait_image_loaded(journey_map)
        wait_image_loaded(dead_end_shot)
        assert journey_map.bounding_box()["width"] > 400  # type: ignore[index]
        trace = page.get_by_test_id("test-result-attachment-header").filter(has_text="Playwright trace")
        assert trace.count() == 1 and "zip" in trace.inner_text().lower()
        page.screenshot(path=SHOTS / "3-journey-attachments.png")
    attached = {a["name"]: a["source"] for a in first.result(RETURNS)["attachments"]}
    svg = ET.parse(first.results / attached["Journey map"]).getroot()
    classes = [e.get("class") for e in svg.iter()]
    assert classes.count("bar") == 5 and classes.count("marker") == 1  # 5 steps, the dead end on one
    assert (first.reports / "traces" / "journeys-getting_help--a_customer_looks_for_how_to_return_an_item.svg").exists()


def test_the_run_overview_is_a_global_attachment(first: Run) -> None:
    with opened(first, height=1100) as page:
        page.get_by_test_id("nav-tab-globalAttachments").click()
        page.get_by_text("journey-overview.svg").click()
        wait_image_loaded(page.locator("img[alt='journey-overview.svg'], img").last)
        page.screenshot(path=SHOTS / "4-global-attachments.png")
    rows = [e for e in ET.parse(first.reports / "journey-overview.svg").getroot().iter()
            if e.get("class") == "journey-row"]
    assert sorted(r.get("data-status") for r in rows) == sorted(row["verdict"] for row in expected_counts().values())


def test_the_second_run_shows_the_tightened_standard_and_the_history_of_both_runs(second: Run,
                                                                                   history: Path) -> None:
    assert second.result(SMOOTH)["status"] == "failed"
    assert len(history.read_text().splitlines()) == 2  # one line per report built
    dynamics = [c for c in second.charts()["general"].values() if c["type"] == "statusDynamics"]
    points = [point["statistic"] for point in dynamics[0]["data"]]
    total, failed = len(verdicts()), verdicts().count("fail")  # FRICTION.md's verdicts; a warning passes
    assert points == [{"total": total, "failed": failed, "passed": total - failed},  # before, and now that
                      {"total": total, "failed": failed + 1, "passed": total - failed - 1}]  # the express fails
    with opened(second, height=1200) as page:
        page.get_by_test_id("nav-tab-categories").click()
        page.get_by_text("Exceeds experience standard", exact=True).wait_for()
        text = page.inner_text("body")
        assert text.index("Exceeds experience standard") < text.index(SMOOTH)
        assert "Repeated input" in text and "Dead end" in text
        page.screenshot(path=SHOTS / "5-categories-second-run.png")
        page.get_by_test_id("nav-tab-results").click()
        open_journey(page, SMOOTH)
        page.get_by_test_id("test-result-tab-history").click()
        earlier = page.get_by_test_id("test-result-history-item")
        earlier.first.wait_for()
        assert earlier.count() == 1  # the first run, as it was: passed
        assert earlier.get_by_test_id("tree-leaf-status-passed").count() == 1
        assert page.get_by_test_id("test-result-status-failed").count() == 1  # and failed now
        page.screenshot(path=SHOTS / "6-journey-history.png")
        page.get_by_text("Report", exact=True).first.click()
        page.get_by_text("Graphs", exact=True).click()
        page.get_by_text("Journeys run by run").wait_for()
        wait_until_drawn(page)
        page.screenshot(path=SHOTS / "7-graphs-trend.png")


def test_single_file_report_opens_without_a_server(first: Run, tmp_path: Path) -> None:
    built = report(first.results, tmp_path / "single", "--single-file", "--history", str(tmp_path / "h.jsonl"))
    assert built.returncode == 0, built.stderr
    assert not (tmp_path / "single" / "data").exists()
    with live_page() as page:
        page.goto((tmp_path / "single" / "index.html").as_uri())
        page.get_by_text(SMOOTH).first.wait_for(timeout=30_000)
        assert RETURNS in page.inner_text("body")


def test_a_project_without_allurerc_gets_pathwalks_config(first: Run, tmp_path: Path) -> None:
    project = tmp_path / "project"  # like a `pathwalk init` project: node_modules, no allurerc
    project.mkdir()
    os.symlink(ROOT / "node_modules", project / "node_modules")
    built = report(first.results, project / "html", "--history", str(project / "history.jsonl"), cwd=project)
    assert built.returncode == 0, built.stderr
    categories = (project / "html" / "widgets" / "categories.json").read_text()
    assert '"Repeated input"' in categories and '"Dead end"' in categories
    assert (project / "history.jsonl").exists()
