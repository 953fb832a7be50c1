"""The project's YAML as a careless or hostile hand writes it: every bad file is one clear error with
file:line before anything is walked, in bounded time and memory, and a misspelt name is said."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pathwalk.personas import PersonaError, load_personas
from pathwalk.standards import StandardsFileError, load_standards
from pathwalk.yamlsafe import ALIAS_BUDGET, YamlFileError, load_yaml

pytest_plugins = ["pytester"]

CHECKS = ["clicks", "dead_ends", "keystrokes"]
DEVICES = ["iPhone 13", "Pixel 7", "Nokia N9", "Galaxy S9+"]

# A "billion laughs": nine levels of nine aliases, 9**9 values once expanded.
BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
)


def bounded(code: str, cwd: Path) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints JSON with its error and peak memory. The time
    is the load's own, measured around it in the child (not the interpreter's start)."""
    probe = textwrap.dedent("""
        import json, resource, time
        started = time.monotonic()
        try:
            {code}
            error = None
        except Exception as exc:
            error = f"{{type(exc).__name__}}: {{exc}}"
        print(json.dumps({{"error": error, "seconds": time.monotonic() - started,
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
    """).format(code=code)
    done = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


# -- alias bombs: rejected at once, with the line -----------------------------------------------


@pytest.mark.parametrize("where", ["budget", "nested"])
def test_an_alias_bomb_in_standards_fails_fast_with_a_line(tmp_path: Path, where: str) -> None:
    body = (f"{BOMB}\nversion: 1\ndefaults:\n  clicks: *a8\n" if where == "budget"
            else f"version: 1\njourneys:\n  Checkout:\n    {BOMB.replace(chr(10), chr(10) + '    ')}\n")
    (tmp_path / "standards.yaml").write_text(body)
    result = bounded("from pathlib import Path\n"
                     "    from pathwalk.standards import load_standards\n"
                     "    load_standards(Path('standards.yaml'), ['clicks'])", tmp_path)

    assert result["error"] is not None
    error = str(result["error"])
    assert error.startswith("StandardsFileError: standards.yaml:"), error
    assert f"aliases expand to more than {ALIAS_BUDGET} values" in error
    assert float(str(result["seconds"])) < 2
    assert float(str(result["rss_mb"])) < 200


def test_an_alias_bomb_in_personas_fails_fast_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "personas.yaml").write_text(f"{BOMB}\npersonas:\n  phone: {{device: *a8}}\n")
    result = bounded("from pathlib import Path\n"
                     "    from pathwalk.personas import load_personas\n"
                     "    load_personas(Path('personas.yaml'), devices=lambda: [])", tmp_path)

    error = str(result["error"])
    assert error.startswith("PersonaError: personas.yaml:"), error
    assert "an alias bomb?" in error
    assert float(str(result["seconds"])) < 2
    assert float(str(result["rss_mb"])) < 200


def test_a_few_small_anchors_are_fine() -> None:
    text = "base: &base {warn: 8, fail: 12}\ndefaults:\n  clicks: *base\n  keystrokes: *base\n"
    assert load_yaml(Path("s.yaml"), text).data["defaults"]["keystrokes"] == {"warn": 8, "fail": 12}


def test_a_recursive_alias_is_an_error_with_its_line() -> None:
    with pytest.raises(YamlFileError, match=r"^s\.yaml:\d+: an anchor refers to itself"):
        load_yaml(Path("s.yaml"), "loop: &loop [1, *loop]\nagain: *loop\n")


# -- duplicate keys and numbers that are not numbers ----------------------------------------------


def test_a_key_given_twice_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "standards.yaml"
    path.write_text("version: 1\ndefaults:\n  clicks: 0\n  dead_ends: 0\n  clicks: 50\n")

    with pytest.raises(StandardsFileError) as caught:
        load_standards(path, CHECKS)
    assert str(caught.value) == f"{path}:5: defaults.clicks is given twice (lines 3 and 5); keep one"


@pytest.mark.parametrize("value", [".nan", ".inf", "-.Inf", "1.0e+999"])
def test_a_budget_that_is_not_a_finite_number_is_rejected(tmp_path: Path, value: str) -> None:
    path = tmp_path / "standards.yaml"
    path.write_text(f"version: 1\ndefaults:\n  clicks: {{warn: 1, fail: {value}}}\n")

    with pytest.raises(StandardsFileError) as caught:
        load_standards(path, CHECKS)
    assert str(caught.value) == (
        f"{path}:3: defaults.clicks.fail: {value} is not a number pathwalk can use; write a finite number"
    )


def test_a_huge_integer_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "standards.yaml"
    path.write_text(f"version: 1\ndefaults:\n  clicks: {'9' * 5000}\n")

    with pytest.raises(StandardsFileError, match=r"not valid YAML \(.*digits"):
        load_standards(path, CHECKS)


def test_a_large_standards_file_is_parsed_once_and_fast(tmp_path: Path) -> None:
    """About 5 MB of journey overrides: the C parser reads it in seconds, not the ~53 s of two
    pure-Python passes (the bound here is generous; bench/ is where speed is measured)."""
    rows = [f"  Journey number {n}:\n    clicks: {{warn: {n % 9 + 1}, fail: 20}}\n" for n in range(80_000)]
    (tmp_path / "standards.yaml").write_text("version: 1\ndefaults:\n  clicks: 12\njourneys:\n" + "".join(rows))
    assert (tmp_path / "standards.yaml").stat().st_size > 4_000_000
    result = bounded("from pathlib import Path\n"
                     "    from pathwalk.standards import load_standards\n"
                     "    assert len(load_standards(Path('standards.yaml'), ['clicks']).journeys) == 80_000",
                     tmp_path)

    assert result["error"] is None
    assert float(str(result["seconds"])) < 30


# -- personas.yaml: checked before anything is walked ---------------------------------------------


@pytest.mark.parametrize(("entry", "line", "message"), [
    ("device: Nokia 3310", 3, "personas.phone.device: unknown device 'Nokia 3310'. Did you mean 'Nokia N9'?"),
    ("device: 7", 3, "personas.phone.device: expected text, got 7"),
    ("locale: english please", 3, "personas.phone.locale: 'english please' is not a language tag"),
    ("timezone: Mars/Olympus", 3, "personas.phone.timezone: unknown time zone 'Mars/Olympus'"),
    ("viewport: {width: 100000, height: 100000}", 3,
     "personas.phone.viewport: expected {width: N, height: N} in pixels, each 1 to 7680"),
    ("colour_scheme: dark", 3, "personas.phone.colour_scheme: unknown setting. Did you mean 'color_scheme'?"),
])
def test_a_bad_persona_is_one_error_with_its_line(tmp_path: Path, entry: str, line: int, message: str) -> None:
    path = tmp_path / "personas.yaml"
    path.write_text(f"personas:\n  phone:\n    {entry}\n")

    with pytest.raises(PersonaError) as caught:
        load_personas(path, devices=lambda: DEVICES)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_a_persona_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "personas.yaml"
    path.write_bytes(b"personas:\n  phone: {locale: \xff}\n")

    with pytest.raises(PersonaError) as caught:
        load_personas(path, devices=lambda: DEVICES)
    assert str(caught.value) == (
        f"{path}: cannot read personas file: it is not UTF-8 text (byte 28); save it as UTF-8"
    )


def test_devices_are_asked_of_playwright_only_when_a_persona_names_one(tmp_path: Path) -> None:
    path = tmp_path / "personas.yaml"
    path.write_text("personas:\n  night: {color_scheme: dark}\n"
                    "  tablet: {device: Pixel 7}\n  phone: {device: iPhone 13}\n")
    asked: list[int] = []

    def devices() -> list[str]:
        asked.append(1)
        return DEVICES

    assert {"night", "tablet", "phone"} <= set(load_personas(path, devices=devices))
    assert asked == [1]  # once for both devices


# -- the run: exit 4, one message, no traceback; misspelt names warn ---------------------------------

FEATURE = """\
@stage:browse
Feature: Browsing the shop
  @persona:phone
  Scenario: Find the blue mug
    Given I open the home page
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\n")
    pytester.mkdir("journeys")
    pytester.path.joinpath("journeys", "browse.feature").write_text(FEATURE)
    pytester.path.joinpath("personas.yaml").write_text("personas:\n  phone: {viewport: {width: 390, height: 844}}\n")
    return pytester


def write_standards(project: pytest.Pytester, overrides: str) -> None:
    project.path.joinpath("standards.yaml").write_text("version: 1\ndefaults:\n  clicks: 3\n" + overrides)


@pytest.mark.parametrize(("files", "expected"), [
    ({"standards.yaml": f"{BOMB}\nversion: 1\ndefaults:\n  clicks: *a8\n"}, "standards.yaml:4: aliases expand"),
    ({"standards.yaml": "version: 1\ndefaults:\n  clicks: 1\n  clicks: 2\n"},
     "standards.yaml:4: defaults.clicks is given twice (lines 3 and 4); keep one"),
    ({"personas.yaml": "personas:\n  phone:\n    viewport: {width: 100000, height: 100000}\n"},
     "personas.yaml:3: personas.phone.viewport: expected"),
    ({"personas.yaml": b"personas:\n  phone: \xff\n"}, "personas.yaml: cannot read personas file: it is not UTF-8"),
])
def test_a_bad_file_stops_the_run_with_exit_4_and_one_message(
        project: pytest.Pytester, files: dict[str, str | bytes], expected: str) -> None:
    write_standards(project, "")
    for name, content in files.items():
        target = project.path / name
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content)
    started = time.monotonic()
    result = project.runpytest_subprocess("--collect-only", "-q")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    errors = result.stderr.str()
    assert expected in errors
    assert "Traceback" not in errors + result.stdout.str()
    assert time.monotonic() - started < 60  # bounded: nothing hangs (generous: a cold interpreter on 2 cores)


def test_misspelt_names_in_standards_warn_with_a_suggestion(project: pytest.Pytester) -> None:
    write_standards(project, "journeys:\n  Find the blue mugs:\n    clicks: 1\nstages:\n  browsing:\n    clicks: 2\n"
                             "features:\n  Browsing the shop:\n    clicks: 2\npersonas:\n  phnoe:\n    clicks: 2\n")
    result = project.runpytest_subprocess("--collect-only", "-q")

    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines([
        "*standards.yaml:5: journeys.Find the blue mugs: no journey of that name was collected, so these budgets "
        "apply to nothing. Did you mean 'Find the blue mug'?",
        "*standards.yaml:8: stages.browsing: no stage of that name was collected*Did you mean 'browse'?",
        "*standards.yaml:14: personas.phnoe: no persona of that name was collected*Did you mean 'phone'?",
    ])
    assert "features.Browsing the shop" not in result.stdout.str()  # that one exists


def test_misspelt_names_are_errors_under_strict(project: pytest.Pytester) -> None:
    write_standards(project, "journeys:\n  Find the blue mugs:\n    clicks: 1\n")
    result = project.runpytest_subprocess("--collect-only", "-q", "--pathwalk-strict")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*standards.yaml:5: journeys.Find the blue mugs: no journey of that name was "
                                 "collected*Did you mean 'Find the blue mug'? (an error under --pathwalk-strict)"])
    assert "Traceback" not in result.stderr.str()
