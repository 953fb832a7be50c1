"""pytest wiring for pathwalk: options, fixtures and hooks only; the work lives in the modules."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page as BrowserPage
from pytest_bdd.exceptions import StepDefinitionNotFoundError
from pytest_bdd.scenario import scenario_wrapper_template_registry

from pathwalk import hooks
from pathwalk.a11y import load_axe
from pathwalk.baseline import BaselineError, load_baseline
from pathwalk.browser import BrowserNotFound, Walk, connect_chromium, launch_chromium, unreachable, video_encoder
from pathwalk.checks import CheckFailed
from pathwalk.collect import JourneyFile, UnreadableExit, is_journey_file
from pathwalk.customer import Customer
from pathwalk.errors import JourneyError
from pathwalk.feature_file import JourneyFileError, read_feature
from pathwalk.findings import Check
from pathwalk.journey import PERSONA, STAGE, breach_error, finish, slug, tagged
from pathwalk.personas import DEFAULT, Persona, PersonaError, find_persona, load_personas
from pathwalk.recorder import Recorder
from pathwalk.redact import redact, redact_exception, redact_zip
from pathwalk.registry import CheckLoadError, load_checks
from pathwalk.report import allure as allure_report
from pathwalk.report.allure_steps import add_step_effort, attach_screen, keep_written_parameters
from pathwalk.report.collector import RunReport, user_properties
from pathwalk.report.journey_map import step_breakdown
from pathwalk.report.safe_text import clean_report
from pathwalk.settings import DEMO, Settings, add_options, read_settings
from pathwalk.standards import StandardExceeded, Standards, StandardsFileError, load_standards
from pathwalk.steps import STEP_MODULES
from pathwalk.suggest import undefined_step_message, visible_step_patterns
from pathwalk.trace import Journey

pytest_plugins = list(STEP_MODULES)

SETTINGS = pytest.StashKey[Settings]()
STANDARDS = pytest.StashKey[Standards]()
RECORDER = pytest.StashKey[Recorder]()
BASELINE = pytest.StashKey[dict[str, dict[str, float]]]()
PERSONAS = pytest.StashKey[dict[str, Persona]]()
WALK = pytest.StashKey[Walk]()
CHECKS = pytest.StashKey[tuple[Check, ...]]()
FAILING = ("fail", "broken")
SHORT_ERRORS = (StandardExceeded, JourneyError, StepDefinitionNotFoundError, PlaywrightError, CheckFailed)


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hooks)


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    try:
        checks = load_checks(config.rootpath, [config.rootpath / p for p in config.getini("pathwalk_checks")],
                             config.hook.pytest_pathwalk_add_checks(config=config))
    except CheckLoadError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[CHECKS] = checks
    config.stash[SETTINGS] = read_settings(config, (c.name for c in checks))
    config.pluginmanager.register(UnreadableExit(), "pathwalk-unreadable-exit")
    if not hasattr(config, "workerinput"):  # on xdist, only the controller reports
        config.pluginmanager.register(RunReport(config, config.stash[SETTINGS]), "pathwalk-run-report")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if is_journey_file(file_path, parent.config.stash[SETTINGS].journeys):
        return JourneyFile.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Journeys need a site and standards: check both before anything is walked."""
    if not any(isinstance(item.parent, JourneyFile) for item in items):
        return
    settings = config.stash[SETTINGS]
    if settings.base_url is None:
        raise pytest.UsageError(
            "pathwalk: no site to walk. Set --pathwalk-base-url URL, PATHWALK_BASE_URL, or the "
            "pathwalk_base_url ini key ('demo' walks the bundled demo shop).")
    try:
        config.stash[STANDARDS] = load_standards(settings.standards, (c.name for c in config.stash[CHECKS]))
        if settings.compare is not None:
            config.stash[BASELINE] = load_baseline(settings.compare)
        config.stash[PERSONAS] = load_personas(settings.personas)
    except (StandardsFileError, BaselineError, PersonaError) as exc:
        raise pytest.UsageError(str(exc)) from None
    _check_names(config, items)
    encoder = video_encoder()
    if settings.video and (encoder is None or not encoder.exists()):
        raise pytest.UsageError(
            f"--pathwalk-video=on needs ffmpeg at {encoder}: run `pathwalk install-browser` (it installs "
            "Playwright's ffmpeg, or links the system's where Playwright's cannot be downloaded).")
    for item in items:
        if isinstance(item.parent, JourneyFile):
            item.add_marker(pytest.mark.usefixtures("pathwalk_journey"))


class UnknownName(UserWarning):
    """standards.yaml names a journey, stage, feature or persona the project does not have."""


def _check_names(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every override in standards.yaml must name something that exists: a misspelt name silently
    applies to nothing. Names come from every journey file (not only the ones this run selected)."""
    settings = config.stash[SETTINGS]
    files = {item.parent.path.resolve(): item.parent for item in items if isinstance(item.parent, JourneyFile)}
    others = {p.resolve() for folder in settings.journeys if folder.is_dir() for p in folder.rglob("*.feature")}
    read = []
    for path in [*files, *sorted(others - set(files))]:
        with suppress(JourneyFileError):  # an unreadable file is reported by its own collection
            read.append(files[path].feature() if path in files else read_feature(path, path))
    loaded: dict[str, Persona] = config.stash[PERSONAS]
    personas = set(loaded)
    known: dict[str, set[str]] = {"journeys": set(), "stages": set(), "features": set(), "personas": personas}
    for feature in filter(None, read):
        known["features"].add(feature.name)
        for template in feature.scenarios.values():
            known["journeys"].add(template.name)
            for tag in template.tags | feature.tags:
                if tag.startswith(STAGE):
                    known["stages"].add(tag[len(STAGE):])
                elif tag.startswith(PERSONA):
                    known["personas"].add(tag[len(PERSONA):])
    for problem in config.stash[STANDARDS].unknown_names(known):
        if settings.strict:
            raise pytest.UsageError(f"{problem} (an error under --pathwalk-strict)")
        config.issue_config_time_warning(UnknownName(problem), stacklevel=2)


# -- fixtures: site → browser (per session/worker) → fresh context and page per journey ----------
@pytest.fixture(scope="session")
def pathwalk_settings(pytestconfig: pytest.Config) -> Settings:
    return pytestconfig.stash[SETTINGS]


@pytest.fixture(scope="session")
def pathwalk_base_url(pathwalk_settings: Settings) -> Iterator[str]:
    """The site under walk; 'demo' serves the bundled demo shop on an ephemeral loopback port."""
    if pathwalk_settings.base_url == DEMO:
        from pathwalk.demo import DemoShop

        with DemoShop() as shop:
            yield shop.url
    else:
        url = pathwalk_settings.base_url or ""
        problem = unreachable(url, pathwalk_settings.timeout_s)
        if problem:
            pytest.fail(f"Cannot reach {url}: {problem}. Check --pathwalk-base-url (or the pathwalk_base_url ini "
                        "key) and that the site is up.", pytrace=False)
        yield url


@pytest.fixture(scope="session")
def pathwalk_playwright() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


class _Launcher:
    """One Chromium per session (per xdist worker), launched (or connected to with --pathwalk-browser-ws)
    again if it died or disconnected under a journey; a browser that cannot be had fails every journey at once."""

    def __init__(self, playwright: Playwright, settings: Settings) -> None:
        self.playwright, self.settings = playwright, settings
        self.browser: Browser | None = None
        self.failure: str | None = None

    def current(self) -> Browser:
        if self.failure is None and (self.browser is None or not self.browser.is_connected()):
            headless, ws = not self.settings.headed, self.settings.browser_ws
            try:
                self.browser = (connect_chromium(self.playwright, ws, headless, self.settings.timeout_s) if ws
                                else launch_chromium(self.playwright, headless=headless))
            except BrowserNotFound as exc:
                self.failure = str(exc)
        if self.failure is not None or self.browser is None:
            pytest.fail(self.failure or "no browser", pytrace=False)
        return self.browser


@pytest.fixture(scope="session")
def pathwalk_launcher(pathwalk_settings: Settings, pathwalk_playwright: Playwright) -> Iterator[_Launcher]:
    launcher = _Launcher(pathwalk_playwright, pathwalk_settings)
    yield launcher
    if launcher.browser is not None and launcher.browser.is_connected():
        launcher.browser.close()


@pytest.fixture
def pathwalk_browser(pathwalk_launcher: _Launcher) -> Browser:
    """The session's Chromium; each journey gets its own fresh context in it."""
    return pathwalk_launcher.current()


@pytest.fixture(scope="session")
def pathwalk_personas(pytestconfig: pytest.Config) -> dict[str, Persona]:
    return pytestconfig.stash.get(PERSONAS, None) or load_personas(pytestconfig.stash[SETTINGS].personas)


def journey_tags(item: pytest.Item) -> set[str]:
    """The Gherkin tags of the scenario behind a test (its own and its feature's)."""
    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    return set(template.tags) | set(template.feature.tags) if template is not None else set()


@pytest.fixture
def pathwalk_journey(request: pytest.FixtureRequest, pathwalk_browser: Browser, pathwalk_playwright: Playwright,
                     pathwalk_base_url: str, pathwalk_settings: Settings,
                     pathwalk_personas: dict[str, Persona]) -> Iterator[Recorder]:
    """The recorder of this journey, walking in a fresh context as the journey's persona."""
    item = request.node
    tagged_persona = tagged(sorted(journey_tags(item)), PERSONA)
    try:
        persona = find_persona(pathwalk_personas, tagged_persona or DEFAULT)
    except PersonaError as exc:
        pytest.fail(f"@persona:{tagged_persona}: {exc}", pytrace=False)
    artifacts = pathwalk_settings.traces / slug(item.nodeid)
    artifacts.mkdir(parents=True, exist_ok=True)
    axe = load_axe(request.config.rootpath) if pathwalk_settings.a11y else None
    walk = Walk(pathwalk_browser, pathwalk_playwright.devices, pathwalk_base_url,
                tracing=pathwalk_settings.tracing != "off", video_dir=artifacts if pathwalk_settings.video else None,
                timeout_s=pathwalk_settings.timeout_s, allow_origins=pathwalk_settings.allow_origins,
                downloads=artifacts / "downloads", init_scripts=(axe.init_script,) if axe else ())
    recorder = Recorder(Journey(name=item.name, nodeid=item.nodeid), walk.open(persona), artifacts,
                        pathwalk_base_url, f"chromium {pathwalk_browser.version}", pathwalk_settings.timeout_s,
                        axe=axe, screenshots=pathwalk_settings.screenshots != "never")
    recorder.trace.persona = persona.name
    walk.boundaries.report = recorder.event
    item.stash[RECORDER], item.stash[WALK] = recorder, walk
    yield recorder
    walk.close()


@pytest.fixture
def page(pathwalk_journey: Recorder) -> BrowserPage:
    """The customer's current page (a fresh context: no cookies or storage)."""
    return pathwalk_journey.page


@pytest.fixture
def customer(request: pytest.FixtureRequest, pathwalk_journey: Recorder) -> Customer:
    return Customer(pathwalk_journey, request.node.stash[WALK], here=Path(request.node.path).parent)


# -- pytest-bdd hooks: step boundaries into the recorder ------------------------------------
def _recorder(request: pytest.FixtureRequest) -> Recorder:
    recorder = request.node.stash.get(RECORDER, None)
    return recorder if recorder is not None else request.getfixturevalue("pathwalk_journey")  # type: ignore[no-any-return]


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag: str, function: Any) -> bool | None:
    """`@stage:...` and `@persona:...` tags describe the journey; they are not pytest marks."""
    return True if tag.startswith((STAGE, PERSONA)) else None


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    journey = _recorder(request).trace.journey
    rootdir = request.config.rootpath
    path = Path(feature.filename)
    journey.name = scenario.name
    journey.feature = feature.name
    journey.feature_file = str(path.relative_to(rootdir)) if path.is_relative_to(rootdir) else str(path)
    journey.line = scenario.line_number
    journey.tags = sorted(set(scenario.tags) | set(feature.tags))


def pytest_bdd_before_step(request: pytest.FixtureRequest, step: Any) -> None:
    recorder = _recorder(request)
    recorder.begin_step(step.keyword, step.name, step.line_number)
    request.node.stash[WALK].group(f"{step.keyword} {step.name}")


@pytest.hookimpl(trylast=True)  # after allure-pytest-bdd has listed the step's arguments
def pytest_bdd_before_step_call(request: pytest.FixtureRequest, step: Any, step_func_args: dict[str, Any]) -> None:
    keep_written_parameters(request.config, step, step_func_args)


def _close_step(request: pytest.FixtureRequest, step: Any, outcome: str) -> None:
    """Record the step's end; while its Allure step is still open, add its effort and a screenshot."""
    recorder = _recorder(request)
    recorder.end_step(outcome)
    if recorder.current_step is not None:
        add_step_effort(request.config, step, step_breakdown(recorder.trace)[recorder.current_step].as_parameters())
    shots = request.config.stash[SETTINGS].screenshots
    if shots == "always" or (outcome == "failed" and shots != "never"):
        with suppress(PlaywrightError):
            attach_screen(recorder.page.screenshot(), "After the step" if outcome == "passed" else "Where it broke")
    request.node.stash[WALK].group_end()


@pytest.hookimpl(tryfirst=True)  # before allure-pytest-bdd closes the step
def pytest_bdd_after_step(request: pytest.FixtureRequest, step: Any) -> None:
    _close_step(request, step, "passed")


@pytest.hookimpl(tryfirst=True)  # before allure-pytest-bdd reads the error: no secret in its message
def pytest_bdd_step_error(request: pytest.FixtureRequest, step: Any, exception: BaseException) -> None:
    redact_exception(exception, _secrets(request.node))
    _close_step(request, step, "failed")


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, step: Any,
                                      exception: BaseException) -> None:
    """Say where the undefined step is and which defined steps it probably meant."""
    recorder = _recorder(request)
    recorder.undefined_step(step.keyword, step.name, step.line_number)
    where = f"{recorder.trace.journey.feature_file}:{step.line_number}"
    exception.args = (undefined_step_message(where, step.keyword, step.name, visible_step_patterns(request)),)


# -- judging: after the walk, inside the test call, so a breach fails the test ----------------
def _conclude(item: pytest.Item, error: BaseException | None) -> None:
    recorder = item.stash.get(RECORDER, None)
    if recorder is None:
        return
    settings, standards = item.config.stash[SETTINGS], item.config.stash[STANDARDS]
    baseline = item.config.stash.get(BASELINE, None)
    checks: tuple[Check, ...] = item.config.stash[CHECKS]
    walk = item.stash[WALK]
    walk.settle()  # downloads in progress are saved before the trace says so
    outcome = finish(recorder.finish(error), standards, settings.traces, baseline, settings.compare_fail, checks)
    keep = settings.tracing == "on" or (settings.tracing == "retain-on-failure" and outcome.status in FAILING)
    playwright_trace = walk.stop_tracing(recorder.artifacts / "playwright-trace.zip" if keep else None)
    if playwright_trace is not None and not redact_zip(playwright_trace, recorder.values.secrets_used):
        playwright_trace.unlink()  # a secret that could not be taken out: the trace is not kept
        playwright_trace = None
        allure_report.note("Playwright trace left out: a secret typed in this journey could not be removed from it.")
    walk.close()  # a video is complete only once its context is closed
    allure_report.publish(outcome, settings.screenshots, playwright_trace, walk.videos)
    item.user_properties.extend(user_properties(outcome))
    item.config.hook.pytest_pathwalk_journey_finished(item=item, outcome=outcome)
    if error is None and outcome.status == "fail":
        raise breach_error(outcome)


def _secrets(item: pytest.Item) -> set[str]:
    recorder = item.stash.get(RECORDER, None)
    return recorder.values.secrets_used if recorder is not None else set()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    try:
        yield
    except BaseException as exc:
        redact_exception(exc, _secrets(item))
        _conclude(item, exc)
        raise
    _conclude(item, None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """Errors written for a person (breaches, steps that cannot be done) need no traceback; a journey's
    failure text, which quotes the page, reaches the terminal without the page's escape sequences."""
    report = yield
    if call.excinfo is not None and isinstance(call.excinfo.value, SHORT_ERRORS):
        report.longrepr = str(call.excinfo.value)
    secrets = _secrets(item)
    if secrets and report.longrepr is not None:  # a traceback may quote a secret from any frame
        text = str(report.longrepr)
        redacted = redact(text, secrets)
        if redacted != text:
            report.longrepr = redacted
    if secrets:
        report.sections = [(title, redact(content, secrets)) for title, content in report.sections]
    if isinstance(item.parent, JourneyFile):
        clean_report(report)
    return report
