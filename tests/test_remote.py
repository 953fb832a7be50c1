"""Remote browsers: journeys walked in the browser of a Playwright browser server (`playwright run-server`)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

INI = "[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\n"
FEATURE = """\
Feature: Through a browser server
  Scenario: A the products
    Given I open the home page
    When I follow "Products"
    Then I should see "Blue mug"

  Scenario: B the connection dies
    Given I open the home page
    When the connection to the browser dies
    And I follow "Products"

  Scenario: C help after a reconnect
    Given I open the home page
    When I follow "Help"
"""
CONFTEST = '''
from pytest_bdd import step

@step("the connection to the browser dies")
def connection_dies(page):
    page.context.browser.close()  # for a connected browser: disconnects, and the server closes it
'''


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A `playwright run-server` on 127.0.0.1 (its own port), its ws URL and its connection log.

    ``--unsafe`` lets the client name the Chromium to launch (the system's, where Playwright's own
    cannot be downloaded); ``DEBUG=pw:server`` logs each client connection.
    """
    log = tmp_path_factory.mktemp("server") / "server.log"
    with log.open("w") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "playwright", "run-server", "--port", "0", "--host", "127.0.0.1", "--unsafe"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True,
            env={**os.environ, "DEBUG": "pw:server"})
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # "Listening on ws://127.0.0.1:PORT/"
        assert line.startswith("Listening on ws://127.0.0.1:"), line + log.read_text()
        yield line.split()[-1], log
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the Python wrapper and the Node server it started
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _project(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    pytester.path.joinpath("conftest.py").write_text(CONFTEST)
    pytester.mkdir("journeys").joinpath("remote.feature").write_text(FEATURE)


def test_journeys_walk_in_the_servers_browser_and_reconnect(pytester: pytest.Pytester,
                                                            browser_server: tuple[str, Path]) -> None:
    ws, log = browser_server
    _project(pytester)
    result = pytester.runpytest_subprocess(f"--pathwalk-browser-ws={ws}", "--pathwalk-tracing=on")
    output = result.stdout.str()
    result.assert_outcomes(passed=2, failed=1)
    summary = json.loads(pytester.path.joinpath("reports", "friction-summary.json").read_text())
    statuses = {r["journey"]: r["status"] for r in summary["journeys"]}
    assert statuses == {"A the products": "pass", "B the connection dies": "broken",
                        "C help after a reconnect": "pass"}, output[-3000:]
    traces = pytester.path / "reports" / "traces"
    walked = json.loads(traces.joinpath("journeys-remote--a_the_products.json").read_text())
    assert [p["url"].rsplit("/", 1)[-1] for p in walked["pages"]] == ["", "products"]
    assert walked["browser"].startswith("chromium ")
    assert traces.joinpath("journeys-remote--a_the_products", "playwright-trace.zip").stat().st_size > 0
    # every browser came from the server: one connection before the break, another after it
    assert log.read_text().count("serving connection") >= 2, log.read_text()
    assert "Traceback" not in output


def test_an_unreachable_browser_server_is_one_clear_line(pytester: pytest.Pytester) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _project(pytester)
    ws = f"ws://127.0.0.1:{port}/"
    result = pytester.runpytest_subprocess(f"--pathwalk-browser-ws={ws}")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(failed=3)
    output = result.stdout.str()
    message = (f"Cannot connect to the browser server at {ws}: connect ECONNREFUSED 127.0.0.1:{port}. "
               "Check --pathwalk-browser-ws (or pathwalk_browser_ws, PATHWALK_BROWSER_WS) and that "
               "`playwright run-server` runs there.")
    # each failure's whole report is that one line; the short summary repeats it (cut short unless CI is set)
    assert result.outlines.count(message) == 3, output[-3000:]
    assert "Traceback" not in output and "Call log" not in output


@pytest.mark.parametrize(("args", "message"), [
    (["--pathwalk-browser-ws=http://127.0.0.1:9/"], "*'http://127.0.0.1:9/' is not a WebSocket URL; use ws://host:port/*"),
    (["--pathwalk-browser-ws=ws://127.0.0.1:9/", "--pathwalk-video=on"],
     "*--pathwalk-video=on needs a browser launched here*"),
])
def test_bad_remote_settings_are_usage_errors(pytester: pytest.Pytester, args: list[str], message: str) -> None:
    _project(pytester)
    result = pytester.runpytest_subprocess(*args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])
