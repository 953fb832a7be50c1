"""Journey files are read as Gherkin reads them: its own test corpus, and what pytest-bdd alone gets wrong.

tests/gherkin_corpus holds every .feature file of testdata/good and testdata/bad of cucumber/gherkin
(MIT, LICENSE alongside), all languages, byte for byte (the .crlf files keep their CRLF endings).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.test_plugin import INI, SHOP_FEATURE, STANDARDS

pytest_plugins = ["pytester"]

CORPUS = Path(__file__).parent / "gherkin_corpus"
README = Path(__file__).resolve().parents[1] / "README.md"
ONE_CLICK = SHOP_FEATURE.split("  Scenario: Two clicks")[0]
QUICK = ("--pathwalk-tracing=off", "--pathwalk-screenshots=never", "--pathwalk-a11y=off")
# valid Gherkin with no journey in it (no feature, no scenario, or a scenario without steps of its own)
NOTHING_TO_WALK = {"empty.feature", "incomplete_feature_1.feature", "incomplete_feature_2.feature",
                   "incomplete_feature_3.feature", "incomplete_scenario.feature",
                   "incomplete_scenario_outline.feature", "several_examples.feature", "spaces_in_language.feature"}
HEADER = re.compile(r"^_+ (.+?) _+$")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini(INI)
    pytester.path.joinpath("standards.yaml").write_text(STANDARDS)
    pytester.mkdir("journeys")
    return pytester


def readme_exit_code(case: str) -> int:
    """The exit code README's "Exit codes" table gives for the row naming `case`."""
    table = README.read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("|") and case in line]
    assert len(rows) == 1, f"README's exit codes table has {len(rows)} rows for {case!r}"
    return int(rows[0].rstrip(" |").rsplit("|", 1)[1])


def failure_messages(output: str) -> list[str]:
    """The first line of each failure pytest printed: the message a person reads."""
    lines, firsts = output.splitlines(), []
    for index, line in enumerate(lines):
        if HEADER.match(line):
            firsts.append(next((text for text in lines[index + 1:] if text.strip()), ""))
    return firsts


def files_named(messages: list[str], folder: str, tail: str = "") -> list[str]:
    pattern = re.compile(rf"^journeys/{folder}/([^/:]+\.feature):\d+: {tail}")
    return [found[1] for found in map(pattern.match, messages) if found]


@pytest.mark.browser
def test_the_gherkin_corpus_good_files_walk_bad_files_fail_once_each_others_still_run(
    project: pytest.Pytester,
) -> None:
    good = sorted(p.name for p in CORPUS.joinpath("good").glob("*.feature"))
    bad = sorted(p.name for p in CORPUS.joinpath("bad").glob("*.feature"))
    assert len(good) == 50 and len(bad) == 12
    journeys = project.path / "journeys"
    for folder in ("good", "bad"):
        shutil.copytree(CORPUS / folder, journeys / folder)
    journeys.joinpath("shop.feature").write_text(ONE_CLICK)

    result = project.runpytest_subprocess(*QUICK, "-W", "ignore::pytest.PytestUnknownMarkWarning")
    output = result.stdout.str() + result.stderr.str()
    messages = failure_messages(result.stdout.str())

    # every bad file: one failure, naming file:line in Gherkin's own words
    assert sorted(files_named(messages, "bad")) == bad
    assert "Unexpected token found" not in output
    # every good file is collected: each of its journeys fails only on pathwalk's undefined-step message
    undefined = files_named(messages, "good", "undefined step: ")
    assert len(undefined) + len(bad) == len(messages), [m for m in messages if "undefined step" not in m]
    warned = set(re.findall(r"NothingToWalk: journeys/good/([^/:]+\.feature)", output))
    assert warned == NOTHING_TO_WALK
    assert set(undefined) | warned == set(good)
    # ... and the journey that can be walked still is
    result.assert_outcomes(passed=1, failed=len(messages))
    assert result.ret == pytest.ExitCode.INTERRUPTED == readme_exit_code("a journey file could not be read")
    assert "Traceback" not in output and "INTERNALERROR" not in output


@pytest.mark.browser
def test_scenarios_with_the_same_name_are_both_walked_with_their_own_ids(project: pytest.Pytester) -> None:
    project.path.joinpath("journeys", "twice.feature").write_text(
        "Feature: One name, two journeys\n"
        "  Scenario: Browsing\n"
        "    Given I am a first-time customer on the home page\n"
        "    When I follow \"Products\"\n\n"
        "  Scenario: Browsing\n"
        "    Given I am a first-time customer on the home page\n"
        "    When I dance on the counter\n")
    result = project.runpytest_subprocess(*QUICK, "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*journeys/twice.feature::test_browsing PASSED*",
                                 "*journeys/twice.feature::test_browsing_2 FAILED*"])
    result.stdout.fnmatch_lines(["journeys/twice.feature:8: undefined step: When I dance on the counter"])
    summary = json.loads(project.path.joinpath("reports", "friction-summary.json").read_text())
    assert {r["nodeid"]: r["status"] for r in summary["journeys"]} == {
        "journeys/twice.feature::test_browsing": "pass", "journeys/twice.feature::test_browsing_2": "broken"}


@pytest.mark.browser
def test_star_steps_are_walked_like_any_other(project: pytest.Pytester) -> None:
    project.path.joinpath("journeys", "stars.feature").write_text(
        "Feature: Bullet points\n"
        "  Scenario: Stars all the way\n"
        "    * I am a first-time customer on the home page\n"
        "    * I follow \"Products\"\n"
        "    * I should see \"Blue mug\"\n\n"
        "  Scenario: A star nobody wrote\n"
        "    * I dance on the counter\n")
    result = project.runpytest_subprocess(*QUICK)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["journeys/stars.feature:8: undefined step: * I dance on the counter"])
    assert "must start with" not in result.stdout.str()


@pytest.mark.browser
def test_a_byte_order_mark_is_not_part_of_the_journey(project: pytest.Pytester) -> None:
    project.path.joinpath("journeys", "bom.feature").write_bytes(b"\xef\xbb\xbf" + ONE_CLICK.encode())
    result = project.runpytest_subprocess(*QUICK)
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.OK


def test_files_and_scenarios_with_nothing_to_walk_are_warnings_and_nothing_collected_exits_5(
    project: pytest.Pytester,
) -> None:
    journeys = project.path / "journeys"
    journeys.joinpath("empty.feature").write_text("")
    journeys.joinpath("comments.feature").write_text("# just a comment\n")
    journeys.joinpath("later.feature").write_text("Feature: Not written yet\n  One day.\n")
    journeys.joinpath("stepless.feature").write_text("Feature: S\n\n  Scenario: to be written\n")
    result = project.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED == readme_exit_code("no journeys found")
    result.stdout.fnmatch_lines_random([
        "*NothingToWalk: journeys/empty.feature: no `Feature:`, so there is nothing to walk*",
        "*NothingToWalk: journeys/comments.feature: no `Feature:`, so there is nothing to walk*",
        "*NothingToWalk: journeys/later.feature:1: feature 'Not written yet' has no scenarios, so there is "
        "nothing to walk; write a Scenario with steps, or delete the file.",
        "*NothingToWalk: journeys/stepless.feature:3: scenario 'to be written' has no steps, so it is not walked*",
    ])


MANY_ERRORS = """\
Feature: Three mistakes
  Scenario: One
    Given I open the home page
      | a | b |
      | c |
  Whatever this is
  @a tag
  Scenario: Two
    Given I open the home page
"""


@pytest.mark.parametrize("xdist", [(), ("-n", "1")], ids=["serial", "xdist"])
def test_every_parse_error_is_shown_in_gherkins_words_and_the_run_exits_as_readme_says(
    project: pytest.Pytester, xdist: tuple[str, ...]
) -> None:
    project.path.joinpath("journeys", "many.feature").write_text(MANY_ERRORS)
    project.path.joinpath("journeys", "bom.feature").write_bytes(b"\xef\xbb\xbfnot gherkin\n")
    result = project.runpytest_subprocess(*xdist)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines([
        "journeys/many.feature:5: inconsistent cell count within the table",
        "  | c |",
        "journeys/many.feature:6: expected: #EOF, #TableRow, *, got 'Whatever this is'",
        "  Whatever this is",
        "journeys/many.feature:7: A tag may not contain whitespace",
        "  @a tag",
        "journeys/many.feature:7: expected: #EOF, *, got '@a tag'",
        "  @a tag",
        "Fix the Gherkin at these lines (see docs/writing-journeys.md).",
    ])
    # the byte order mark is not shown as part of the line it starts
    result.stdout.fnmatch_lines(["journeys/bom.feature:1: expected: *, got 'not gherkin' (a feature file starts "
                                 "with `Feature: <name>`)"])
    assert result.ret == pytest.ExitCode.INTERRUPTED == readme_exit_code("a journey file could not be read")
    assert "Traceback" not in result.stdout.str()
