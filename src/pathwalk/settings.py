"""pathwalk's settings, read once from command-line options and ini keys."""

from __future__ import annotations

import os
import tempfile
import urllib.parse
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pathwalk.baseline import BaselineError, Margin, baseline_path, parse_margins
from pathwalk.handoffs import origin
from pathwalk.report.journal import JOURNAL

DEMO = "demo"
TRACING = ("retain-on-failure", "on", "off")
SCREENSHOTS = ("on-friction", "always", "never")
ONOFF = ("on", "off")
MAX_TIMEOUT_S = 3600.0  # Playwright's timers are Node's: past 2**31-1 ms they fire at once


def _timeout(config: pytest.Config) -> float:
    option = config.getoption("pathwalk_timeout")
    raw = config.getini("pathwalk_timeout") if option is None else option  # 0 is a value, not "unset"
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= MAX_TIMEOUT_S:  # NaN fails too
        raise pytest.UsageError(f"--pathwalk-timeout (ini pathwalk_timeout) = {raw!r}: use a number of seconds "
                                f"above 0 and at most {MAX_TIMEOUT_S:g}, e.g. 30")
    return value


def _url_problem(url: str) -> str | None:
    """Why the browser could not open ``url`` as a site: a reason in words, "" when the form is wrong, else None."""
    if not url.isprintable() or " " in url:
        return "it has spaces or control characters"
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - reading the port checks it
    except ValueError as exc:
        return str(exc)
    return None if parts.scheme in ("http", "https") and parts.hostname else ""


def _base_url(config: pytest.Config) -> str | None:
    """The site to walk, checked the way the browser will read it: http(s) with a host, or 'demo'."""
    raw = (config.getoption("pathwalk_base_url") or os.environ.get("PATHWALK_BASE_URL")
           or config.getini("pathwalk_base_url") or None)
    problem = None if raw is None or raw == DEMO else _url_problem(raw)
    if problem is not None:
        reason = f" ({problem})" if problem else ""
        raise pytest.UsageError(f"--pathwalk-base-url: {raw!r} is not a URL{reason}; use http(s)://host[:port] "
                                "or 'demo'.")
    return raw.rstrip("/") if raw else None


def _unwritable(folder: Path) -> str | None:
    """Why reports cannot go in ``folder``, found by creating it and writing a file there, then tidying up."""
    created: list[Path] = []
    try:
        for parent in [folder, *folder.parents][::-1]:
            if not parent.exists():
                parent.mkdir()
                created.append(parent)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".pathwalk-probe-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    finally:
        for made in reversed(created):  # a run without journeys leaves no reports folder behind
            with suppress(OSError):
                made.rmdir()
    return None


def _reports(config: pytest.Config, journeys: tuple[Path, ...]) -> Path:
    """The reports folder; on the controller of a run that has journeys to walk, checked to be writable."""
    raw = str(config.getoption("pathwalk_reports") or config.getini("pathwalk_reports"))
    folder = (config.rootpath / raw).resolve()
    walks = any(d.is_dir() for d in journeys) and not hasattr(config, "workerinput")
    problem = _unwritable(folder) if walks else None
    if problem:
        raise pytest.UsageError(f"--pathwalk-reports (ini pathwalk_reports) = {raw!r}: cannot write to {folder} "
                                f"({problem}); choose a folder you can create and write, e.g. reports")
    return folder


def _allow_origins(config: pytest.Config) -> tuple[str, ...]:
    raw = config.getoption("pathwalk_allow_origins") or config.getini("pathwalk_allow_origins")
    found = []
    for entry in (e.strip() for e in raw.replace("\n", ",").split(",")):
        if not entry:
            continue
        if origin(entry) is None or entry.rstrip("/").count("/") > 2:
            raise pytest.UsageError(f"pathwalk_allow_origins: {entry!r} is not an origin; write scheme://host[:port] "
                                    "with no path, e.g. https://pay.example.com")
        found.append(str(origin(entry)))
    return tuple(found)


def _browser_ws(config: pytest.Config) -> str | None:
    url = (config.getoption("pathwalk_browser_ws") or os.environ.get("PATHWALK_BROWSER_WS")
           or config.getini("pathwalk_browser_ws") or None)
    if url and not url.startswith(("ws://", "wss://")):
        raise pytest.UsageError(f"--pathwalk-browser-ws: {url!r} is not a WebSocket URL; use ws://host:port/ as "
                                "printed by `playwright run-server`.")
    if url and config.getoption("pathwalk_video") == "on":
        raise pytest.UsageError("--pathwalk-video=on needs a browser launched here: videos of a remote browser "
                                "(--pathwalk-browser-ws) stay on its machine.")
    return url


def _choice(config: pytest.Config, name: str, choices: tuple[str, ...]) -> str:
    value = str(config.getoption(name) or config.getini(name))
    if value not in choices:
        raise pytest.UsageError(f"{name} = {value!r}: use one of {', '.join(choices)}")
    return value


@dataclass(frozen=True)
class Settings:
    base_url: str | None
    standards: Path
    personas: Path
    reports: Path
    journeys: tuple[Path, ...]
    headed: bool
    tracing: str = "retain-on-failure"
    video: bool = False
    screenshots: str = "on-friction"
    timeout_s: float = 30.0
    save: Path | None = None
    compare: Path | None = None
    compare_fail: dict[str, Margin] = field(default_factory=dict)
    a11y: bool = True  # check each page with axe-core (see pathwalk.a11y)
    browser_ws: str | None = None
    allow_origins: tuple[str, ...] = ()
    strict: bool = False  # warnings about the project's own files are errors

    @property
    def traces(self) -> Path:
        return self.reports / "traces"

    @property
    def summary(self) -> Path:
        return self.reports / "friction-summary.json"

    @property
    def journal(self) -> Path:
        """Each finished journey's record, one JSON line each, written as it finishes."""
        return self.reports / JOURNAL


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("pathwalk", "pathwalk: walk customer journeys and measure friction")
    group.addoption("--pathwalk-base-url", metavar="URL",
                    help="site to walk; 'demo' starts the bundled demo shop (ini: pathwalk_base_url, "
                         "env: PATHWALK_BASE_URL)")
    group.addoption("--pathwalk-standards", metavar="PATH",
                    help="experience standards YAML (ini: pathwalk_standards; default standards.yaml)")
    group.addoption("--pathwalk-reports", metavar="DIR",
                    help="where traces, screenshots and summaries go (ini: pathwalk_reports; default reports)")
    group.addoption("--pathwalk-headed", action="store_true", help="show the browser window")
    group.addoption("--pathwalk-browser-ws", metavar="URL",
                    help="use the browser of a Playwright browser server (`playwright run-server`) at ws://host:port/ "
                         "instead of launching one (ini: pathwalk_browser_ws, env: PATHWALK_BROWSER_WS)")
    group.addoption("--pathwalk-allow-origins", metavar="ORIGIN[,ORIGIN...]",
                    help="only these origins (and the base URL's) are followed; a page on another origin is recorded "
                         "as a handoff and not opened (ini: pathwalk_allow_origins; default: every origin)")
    group.addoption("--pathwalk-tracing", choices=TRACING,
                    help="Playwright trace per journey, one group per Gherkin step (ini: pathwalk_tracing; "
                         "default retain-on-failure: kept and attached for failed and broken journeys)")
    group.addoption("--pathwalk-timeout", metavar="SECONDS", type=float,
                    help="how long the customer waits for a page or element before the journey is broken "
                         "(ini: pathwalk_timeout; default 30)")
    group.addoption("--pathwalk-video", choices=("on", "off"), help="record a video of each journey (default off)")
    group.addoption("--pathwalk-a11y", choices=ONOFF,
                    help="check each page reached with axe-core, WCAG 2.x A and AA (ini: pathwalk_a11y; default on)")
    group.addoption("--pathwalk-screenshots", choices=SCREENSHOTS,
                    help="screenshots in the report: at findings (on-friction, default), after every step "
                         "(always) or none, and no page photographed at all (never) (ini: pathwalk_screenshots)")
    group.addoption("--pathwalk-save", metavar="NAME",
                    help="save this run's figures as baseline NAME (in pathwalk_baselines)")
    group.addoption("--pathwalk-compare", metavar="NAME", help="show each journey's changes against baseline NAME")
    group.addoption("--pathwalk-compare-fail", metavar="CHECK:N[%],...",
                    help="with --pathwalk-compare: fail a journey whose figure grew by more than N (or N%%)")
    group.addoption("--pathwalk-strict", action="store_true", default=None,
                    help="treat warnings about the project's files (names in standards.yaml that match no "
                         "journey) as errors (ini: pathwalk_strict)")
    parser.addini("pathwalk_strict", "true: warnings about the project's files are errors", type="bool",
                  default=False)
    parser.addini("pathwalk_base_url", "site to walk; 'demo' starts the bundled demo shop", default="")
    parser.addini("pathwalk_standards", "experience standards YAML", default="standards.yaml")
    parser.addini("pathwalk_personas", "personas YAML (optional)", default="personas.yaml")
    parser.addini("pathwalk_reports", "output folder for traces and summaries", default="reports")
    parser.addini("pathwalk_browser_ws", "Playwright browser server to use instead of launching", default="")
    parser.addini("pathwalk_allow_origins", "origins a journey may open besides the base URL's (comma-separated)",
                  default="")
    parser.addini("pathwalk_timeout", "seconds before a page or element counts as not answering", default="30")
    parser.addini("pathwalk_tracing", "retain-on-failure | on | off", default="retain-on-failure")
    parser.addini("pathwalk_screenshots", "on-friction | always | never", default="on-friction")
    parser.addini("pathwalk_a11y", "on | off: check each page with axe-core", default="on")
    parser.addini("pathwalk_baselines", "folder of saved baselines", default=".pathwalk/baselines")
    parser.addini("pathwalk_journeys", "folders whose .feature files are journeys", type="paths",
                  default=["journeys"])
    parser.addini("pathwalk_checks", "folders of the project's own friction checks (modules defining CHECK)",
                  type="paths", default=["friction_checks"])


def read_settings(config: pytest.Config, checks: Iterable[str]) -> Settings:
    """The run's settings; ``checks`` are the names a --pathwalk-compare-fail margin may use."""
    root = config.rootpath
    standards = config.getoption("pathwalk_standards") or config.getini("pathwalk_standards")
    journeys = tuple(Path(p).resolve() for p in config.getini("pathwalk_journeys"))
    baselines = root / config.getini("pathwalk_baselines")
    save, compare = config.getoption("pathwalk_save"), config.getoption("pathwalk_compare")
    spec = config.getoption("pathwalk_compare_fail")
    if spec and not compare:
        raise pytest.UsageError("--pathwalk-compare-fail needs --pathwalk-compare NAME (the baseline to compare with).")
    try:
        margins = parse_margins(spec or "", checks)
        save_path = baseline_path(baselines, save) if save else None
        compare_path = baseline_path(baselines, compare) if compare else None
    except BaselineError as exc:
        raise pytest.UsageError(str(exc)) from None
    return Settings(
        base_url=_base_url(config),
        standards=(root / standards).resolve(),
        personas=(root / config.getini("pathwalk_personas")).resolve(),
        reports=_reports(config, journeys),
        journeys=journeys,
        headed=bool(config.getoption("pathwalk_headed")),
        tracing=_choice(config, "pathwalk_tracing", TRACING),
        video=config.getoption("pathwalk_video") == "on",
        screenshots=_choice(config, "pathwalk_screenshots", SCREENSHOTS),
        timeout_s=_timeout(config),
        save=save_path,
        compare=compare_path,
        compare_fail=margins,
        a11y=_choice(config, "pathwalk_a11y", ONOFF) == "on",
        strict=bool(config.getoption("pathwalk_strict") or config.getini("pathwalk_strict")),
        browser_ws=_browser_ws(config),
        allow_origins=_allow_origins(config),
    )
