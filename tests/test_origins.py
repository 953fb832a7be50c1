"""Leaving the site: other origins (followed, or stopped by pathwalk_allow_origins), mailto:/tel: links, and
downloads that end up under reports/ and nowhere else. Three loopback servers are three origins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from pathwalk.handoffs import origin
from tests.browsing import serve

TOKEN = "pathwalk-download-check-7f3a9c"  # the downloaded file's content, looked for everywhere afterwards
URLS: dict[str, str] = {}  # shop, pay and partner origins, known once the servers run
SEEN: list[tuple[str, str]] = []  # (Host header, path) of every request the servers answered


class Site(BaseHTTPRequestHandler):
    """The same pages on each server; which server answers is what the origin tests look at."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: str, headers: dict[str, str]) -> None:
        data = body.encode()
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(data)),
                            **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # sendBeacon
        SEEN.append((self.headers["Host"], self.path))
        self._send(204, "", {})

    def do_GET(self) -> None:
        SEEN.append((self.headers["Host"], self.path))
        if self.path == "/leaky":  # everything a page can send another origin without being followed
            pay = URLS["pay"]
            self._send(200, "<!doctype html><html lang='en'><head><title>Leaky</title></head><body><h1>Leaky</h1>"
                            f"<img src='{pay}/pixel.png' alt='pixel'><iframe title='ad' src='{pay}/frame'></iframe>"
                            f"<button onclick=\"window.open('{pay}/popup')\">Open the offer</button><script>"
                            f"fetch('{pay}/api').catch(() => {{}}); navigator.sendBeacon('{pay}/beacon', 'x');"
                            "</script></body></html>", {})
        elif self.path == "/redirect":
            self._send(302, "", {"Location": URLS["pay"] + "/landed"})
        elif self.path == "/invoice.csv":
            self._send(200, f"order,total\n{TOKEN},9.50\n",
                       {"Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="invoice.csv"'})
        else:
            heading = {"/pay": "Payment", "/landed": "Landed", "/partner": "Partner"}.get(self.path, "Shop")
            links = [(f"{URLS['pay']}/pay", "Pay"), (f"{URLS['partner']}/partner", "Partner"),
                     ("/redirect", "Redirected"), ("mailto:help@shop.example", "Email us"),
                     ("tel:+441234567890", "Call us"), ("/invoice.csv", "Invoice")]
            anchors = "".join(f"<li><a href='{href}'>{name}</a></li>" for href, name in links)
            self._send(200, f"<!doctype html><html lang='en'><head><title>{heading}</title></head>"
                            f"<body><h1>{heading}</h1><ul>{anchors}</ul></body></html>", {})


@pytest.fixture(scope="module")
def sites() -> Iterator[dict[str, str]]:
    with ExitStack() as stack:
        for name in ("shop", "pay", "partner"):
            URLS[name] = stack.enter_context(serve(Site))
        yield URLS


def walk(root: Path, feature: str, *args: str, env: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Walk one feature file in a fresh project; each journey's summary record with its trace's events."""
    (root / "journeys").mkdir(parents=True)
    (root / "journeys" / "leaving.feature").write_text(feature)
    (root / "standards.yaml").write_text("version: 1\n")
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    run = subprocess.run([sys.executable, "-m", "pytest", f"--pathwalk-base-url={URLS['shop']}", *args],
                         cwd=root, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})
    assert "Traceback" not in run.stdout, run.stdout[-3000:]
    records = json.loads((root / "reports" / "friction-summary.json").read_text())["journeys"]
    for record in records:
        record["events"] = json.loads(Path(record["trace"]).read_text())["events"]
        record["output"] = run.stdout
    return {r["journey"]: r for r in records}


def handoffs(record: dict[str, Any]) -> list[str]:
    return [e["detail"] for e in record["events"] if e["kind"] == "handoff"]


FOLLOWED = """\
Feature: Leaving the shop
  Scenario: Paying on another site
    Given I open "/"
    When I follow "Pay"
    Then I should see "Payment"

  Scenario: Mail, phone and an invoice
    Given I open "/"
    When I follow "Email us"
    And I follow "Call us"
    And I follow "Invoice"
    And I follow "Pay"
    Then I should see "Payment"
"""


@pytest.fixture(scope="module")
def followed(sites: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """FOLLOWED walked with a temporary folder of its own, and what ~/Downloads held before."""
    base = tmp_path_factory.mktemp("followed")
    root, tmp = base / "project", base / "tmp"
    tmp.mkdir()
    home_downloads = Path.home() / "Downloads"
    before = set(home_downloads.iterdir()) if home_downloads.is_dir() else set()
    journeys = walk(root, FOLLOWED, env={"TMPDIR": str(tmp)})
    return {"journeys": journeys, "root": root, "tmp": tmp, "home_downloads": home_downloads, "before": before}


@pytest.mark.browser
def test_without_a_list_other_origins_are_followed_and_recorded(sites: dict[str, str],
                                                                followed: dict[str, Any]) -> None:
    paying = followed["journeys"]["Paying on another site"]
    assert paying["status"] == "pass", paying["output"][-3000:]
    assert handoffs(paying) == [f"left for {sites['pay']}/pay (followed)"]

    apps = followed["journeys"]["Mail, phone and an invoice"]
    assert apps["status"] == "pass", apps["output"][-3000:]  # clicks after a tel: link still lead somewhere
    assert handoffs(apps) == ["left for mailto:help@shop.example (not followed: a mail or phone app)",
                              "left for tel:+441234567890 (not followed: a mail or phone app)",
                              f"left for {sites['pay']}/pay (followed)"]
    assert [e["detail"] for e in apps["events"] if e["kind"] == "download"] == [
        f"invoice.csv from {sites['shop']}/invoice.csv (saved as downloads/invoice.csv)"]


@pytest.mark.browser
def test_a_download_is_kept_under_reports_and_nowhere_else(followed: dict[str, Any]) -> None:
    root, tmp = followed["root"], followed["tmp"]
    record = followed["journeys"]["Mail, phone and an invoice"]
    saved = Path(record["trace"]).with_suffix("") / "downloads" / "invoice.csv"
    assert saved.read_text() == f"order,total\n{TOKEN},9.50\n"

    def holding_token(folder: Path) -> list[Path]:
        return [p for p in folder.rglob("*") if p.is_file() and TOKEN.encode() in p.read_bytes()]

    assert holding_token(root) == [saved]  # nothing in the project outside reports/
    assert sorted(p.name for p in root.iterdir()) == ["journeys", "pytest.ini", "reports", "standards.yaml"]
    assert holding_token(tmp) == []  # Playwright's temporary copy went with the browser context
    home_downloads = followed["home_downloads"]
    assert (set(home_downloads.iterdir()) if home_downloads.is_dir() else set()) == followed["before"]


ALLOW_LISTED = """\
Feature: Leaving the shop
  Scenario: Paying elsewhere is not followed
    Given I open "/"
    When I follow "Pay"
    Then I should be on "/"
    And I should see "Shop"

  Scenario: A partner in the list is followed
    Given I open "/"
    When I follow "Partner"
    Then I should see "Partner"

  Scenario: A server redirect cannot be stopped
    Given I open "/"
    When I follow "Redirected"
    Then I should see "Landed"
"""


@pytest.mark.browser
def test_the_allow_list_stops_other_origins_and_records_them(sites: dict[str, str], tmp_path: Path) -> None:
    SEEN.clear()
    journeys = walk(tmp_path, ALLOW_LISTED, f"--pathwalk-allow-origins={sites['partner']}/")
    stopped = journeys["Paying elsewhere is not followed"]
    assert stopped["status"] == "pass", stopped["output"][-3000:]
    assert handoffs(stopped) == [
        f"left for {sites['pay']}/pay (not followed: not in pathwalk_allow_origins)"]
    assert (sites["pay"].removeprefix("http://"), "/pay") not in SEEN  # the other site never heard of it

    partner = journeys["A partner in the list is followed"]
    assert partner["status"] == "pass", partner["output"][-3000:]
    assert handoffs(partner) == [f"left for {sites['partner']}/partner (followed: in pathwalk_allow_origins)"]

    redirected = journeys["A server redirect cannot be stopped"]
    assert redirected["status"] == "pass", redirected["output"][-3000:]
    assert handoffs(redirected) == [f"left for {sites['pay']}/landed "
                                    "(followed: a server redirect, which pathwalk_allow_origins cannot stop)"]


BLOCKED = """\
Feature: Staying on the shop
  Scenario: A page that reaches out to another origin
    Given I open "/leaky"
    When I click "Open the offer"
    Then I should see "Leaky"

  Scenario: Typing an address outside the list
    Given I open "{pay}/pay"
"""


@pytest.mark.browser
def test_the_allow_list_blocks_every_request_to_other_origins(sites: dict[str, str], tmp_path: Path) -> None:
    SEEN.clear()
    journeys = walk(tmp_path, BLOCKED.format(pay=sites["pay"]), f"--pathwalk-allow-origins={sites['partner']}")

    leaky = journeys["A page that reaches out to another origin"]
    assert leaky["status"] == "pass", leaky["output"][-3000:]
    pay_host = sites["pay"].removeprefix("http://")
    assert [path for host, path in SEEN if host == pay_host] == []  # no image, iframe, fetch, beacon or pop-up
    assert ("127.0.0.1" in sites["shop"]) and any(path == "/leaky" for _, path in SEEN)
    assert handoffs(leaky) == []  # the customer's tab went nowhere; the pop-up is its own event
    assert leaky["figures"]["errors"] == 0  # what pathwalk blocked is not the site failing

    typed = journeys["Typing an address outside the list"]
    assert typed["status"] == "broken"
    assert f"{sites['pay']} is outside the allowed origins, so pathwalk does not open it." in typed["output"]
    assert "ERR_ABORTED" not in typed["output"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://Shop.Example.com/basket?x=1", "https://shop.example.com"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ("https://pay.example:443/", "https://pay.example"),
    ("http://[::1]:9000/a", "http://[::1]:9000"),
    ("mailto:help@shop.example", None),
    ("about:blank", None),
    ("http://bad:port/", None),
])
def test_origin_is_scheme_host_and_port(url: str, expected: str | None) -> None:
    assert origin(url) == expected


def test_an_allow_list_entry_that_is_not_an_origin_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "a.feature").write_text('Feature: F\n  Scenario: S\n    Given I open "/"\n')
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--pathwalk-base-url=demo",
                          "--pathwalk-allow-origins=https://pay.example.com/checkout"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == pytest.ExitCode.USAGE_ERROR
    assert ("pathwalk_allow_origins: 'https://pay.example.com/checkout' is not an origin; write "
            "scheme://host[:port] with no path, e.g. https://pay.example.com") in run.stderr
