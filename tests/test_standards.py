"""Experience standards: loading the YAML (and every way it can be wrong), precedence, and judging."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pathwalk.checks import BUILTIN_CHECKS
from pathwalk.findings import CheckResult, Finding
from pathwalk.registry import load_checks
from pathwalk.standards import (
    Breach,
    Budget,
    Standards,
    StandardsFileError,
    Verdict,
    judge,
    load_standards,
)

KNOWN = [check.name for check in BUILTIN_CHECKS]
KNOWN_LIST = ("a11y_serious, clicks, cls, dead_clicks, dead_ends, effort_seconds, error_clicks, errors, "
              "fields_shown, form_fields, handoffs, keystrokes, lcp_seconds, pages_visited, rage_clicks, "
              "repeated_inputs, scrolls, security_reentries, unlabelled_fields, wait_seconds")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "standards.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(StandardsFileError) as raised:
        load_standards(path, KNOWN)
    return str(raised.value)


# -- loading a valid file ----------------------------------------------------------------------


def test_a_valid_file_loads_bare_numbers_as_fail_levels_and_mappings_as_given(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1
        defaults:
          clicks: {warn: 8, fail: 12}
          repeated_inputs: 0
          form_fields: {warn: 11}
          wait_seconds:
            warn: 1
            fail: 10.5
        tags:
          support:
            clicks: {warn: 3, fail: 5}
          "@checkout": {dead_ends: 1}
        journeys:
          "A customer looks for how to return an item": {clicks: 4}
    """)

    standards = load_standards(path, KNOWN)

    assert standards == Standards(
        defaults={
            "clicks": Budget(warn=8, fail=12),
            "repeated_inputs": Budget(warn=None, fail=0.0),
            "form_fields": Budget(warn=11, fail=None),
            "wait_seconds": Budget(warn=1, fail=10.5),
        },
        tags={"support": {"clicks": Budget(warn=3, fail=5)}, "checkout": {"dead_ends": Budget(fail=1.0)}},
        journeys={"A customer looks for how to return an item": {"clicks": Budget(fail=4.0)}},
        source=str(path),
    )


def test_bare_number_budget_is_a_float_fail_level(tmp_path: Path) -> None:
    standards = load_standards(write(tmp_path, "defaults:\n  clicks: 7\n"), KNOWN)

    budget = standards.defaults["clicks"]
    assert (budget.warn, budget.fail, type(budget.fail)) == (None, 7.0, float)


@pytest.mark.parametrize(
    "text", ["", "# nothing yet\n", "version: 1\n", "version: 1\ndefaults:\ntags:\njourneys:\n"]
)
def test_an_empty_file_or_empty_sections_mean_no_budgets(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)

    assert load_standards(path, KNOWN) == Standards(source=str(path))


def test_the_repository_standards_file_loads(tmp_path: Path) -> None:
    """The reference project budgets the built-ins and its own friction_checks/ too."""
    root = Path(__file__).resolve().parents[1]
    path = root / "standards.yaml"
    known = [check.name for check in load_checks(root)]

    standards = load_standards(path, known)

    assert set(standards.defaults) <= set(known)
    assert "checkout_pages" in standards.defaults
    assert standards.source == str(path)


# -- precedence --------------------------------------------------------------------------------


@pytest.fixture
def layered(tmp_path: Path) -> Standards:
    return load_standards(write(tmp_path, """
        defaults:
          clicks: {warn: 8, fail: 12}
          dead_ends: 0
          form_fields: {warn: 11}
        tags:
          support: {clicks: {warn: 3, fail: 5}, form_fields: 4}
          "@checkout": {clicks: 20, dead_ends: 1}
        journeys:
          "A customer returns a lamp": {clicks: 2}
    """), KNOWN)


def test_a_journey_without_tags_or_entry_gets_the_defaults(layered: Standards) -> None:
    assert layered.budgets_for("Someone else", []) == {
        "clicks": Budget(warn=8, fail=12),
        "dead_ends": Budget(fail=0.0),
        "form_fields": Budget(warn=11),
    }


def test_tags_override_defaults_check_by_check(layered: Standards) -> None:
    assert layered.budgets_for("Someone else", ["support"]) == {
        "clicks": Budget(warn=3, fail=5),
        "dead_ends": Budget(fail=0.0),
        "form_fields": Budget(fail=4.0),
    }


def test_a_tag_written_with_a_leading_at_matches_the_bare_tag(layered: Standards) -> None:
    assert set(layered.tags) == {"support", "checkout"}
    assert layered.budgets_for("Someone else", ["checkout"])["clicks"] == Budget(fail=20.0)
    assert layered.budgets_for("Someone else", ["checkout"])["dead_ends"] == Budget(fail=1.0)


def test_a_journey_tag_given_with_a_leading_at_matches_too(layered: Standards) -> None:
    with_at = layered.budgets_for("Someone else", ["@support"])

    assert with_at == layered.budgets_for("Someone else", ["support"])
    assert with_at["clicks"] == Budget(warn=3, fail=5)


def test_later_tags_override_earlier_ones(layered: Standards) -> None:
    assert layered.budgets_for("Someone else", ["support", "checkout"])["clicks"] == Budget(fail=20.0)
    assert layered.budgets_for("Someone else", ["checkout", "support"])["clicks"] == Budget(warn=3, fail=5)


def test_the_journeys_own_entry_wins_over_tags_and_defaults(layered: Standards) -> None:
    budgets = layered.budgets_for("A customer returns a lamp", ["support", "checkout"])

    assert budgets == {
        "clicks": Budget(fail=2.0),
        "dead_ends": Budget(fail=1.0),
        "form_fields": Budget(fail=4.0),
    }


def test_budgets_for_does_not_change_the_standards(layered: Standards) -> None:
    layered.budgets_for("A customer returns a lamp", ["support"])

    assert layered.defaults["clicks"] == Budget(warn=8, fail=12)


# -- malformed files: one error, with file:line and what to do ---------------------------------


def test_invalid_yaml_points_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1
        defaults:
          clicks: 3
           dead_ends: 0
    """)

    # libyaml's C parser (read for speed) and PyYAML's own word the problem differently.
    assert load_error(path) in {
        f"{path}:4: not valid YAML (mapping values are not allowed {where}). Fix the syntax there."
        for where in ("here", "in this context")
    }


def test_unclosed_flow_mapping_is_invalid_yaml_with_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\ndefaults:\n  clicks: {warn: 8, fail: 12\n  dead_ends: 0\n")

    message = load_error(path)

    assert message.startswith(f"{path}:4: not valid YAML (")
    assert message.endswith("Fix the syntax there.")


def test_unknown_check_suggests_the_closest_and_lists_the_known(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1
        defaults:
          clicks: 8
          clics: 4
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:4: defaults.clics: unknown check 'clics'. Did you mean 'clicks'? ")
    assert message.endswith(f"Known checks: {KNOWN_LIST}.")


def test_unknown_check_under_a_tag_points_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, """
        tags:
          checkout:
            clicks: 8
            deadends: 0
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:4: tags.checkout.deadends: unknown check 'deadends'. ")
    assert "Did you mean 'dead_ends'?" in message


def test_unknown_check_with_nothing_close_lists_the_known(tmp_path: Path) -> None:
    path = write(tmp_path, 'journeys:\n  "A customer buys a lamp":\n    happiness: 3\n')

    assert load_error(path) == (
        f"{path}:3: journeys.A customer buys a lamp.happiness: unknown check 'happiness'. "
        f"Known checks: {KNOWN_LIST}."
    )


def test_unknown_section_suggests_the_closest(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1
        default:
          clicks: 8
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:2: default: unknown section. Did you mean 'defaults'? ")
    assert "Sections: version, " in message
    assert "defaults" in message.split("Sections: ")[1]


def test_only_the_first_problem_in_the_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, """
        defaults:
          clicks: 8
          dead_ends: -1
        tags:
          support: {clics: 3}
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:3: defaults.dead_ends: ")
    assert "clics" not in message


@pytest.mark.parametrize(
    ("budget", "shown"),
    [("-1", "-1"), ("lots", "'lots'"), ("true", "True"), ("[1, 2]", "[1, 2]"), ("{}", "{}"),
     ("{warn: -1, fail: 2}", "-1"), ("{fail: many}", "'many'")],
)
def test_a_budget_that_is_not_a_number_or_warn_fail_mapping(tmp_path: Path, budget: str, shown: str) -> None:
    path = write(tmp_path, f"version: 1\ndefaults:\n  dead_ends: 0\n  clicks: {budget}\n")

    message = load_error(path)

    assert message.startswith(f"{path}:4: defaults.clicks")
    assert "expected a number" in message
    assert shown in message


def test_a_misspelt_level_suggests_warn_or_fail(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\ndefaults:\n  dead_ends: 0\n  clicks: {warn: 1, fial: 2}\n")

    message = load_error(path)

    assert message.startswith(f"{path}:4: defaults.clicks.fial: unknown level 'fial'.")
    assert "Did you mean 'fail'?" in message


@pytest.mark.parametrize("limit", ["-2", "soon", "null"])
def test_a_bad_level_in_a_multi_line_budget_points_at_its_own_line(tmp_path: Path, limit: str) -> None:
    path = write(tmp_path, f"""
        defaults:
          clicks:
            warn: 3
            fail: {limit}
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:4: defaults.clicks.fail: expected a number >= 0")


def test_warn_above_fail_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1
        tags:
          support:
            clicks: {warn: 6, fail: 5}
    """)

    assert load_error(path) == f"{path}:4: tags.support.clicks: warn (6) is above fail (5)"


def test_warn_equal_to_fail_is_allowed(tmp_path: Path) -> None:
    standards = load_standards(write(tmp_path, "defaults:\n  clicks: {warn: 5, fail: 5}\n"), KNOWN)

    assert standards.defaults == {"clicks": Budget(warn=5, fail=5)}


@pytest.mark.parametrize(("version", "shown"), [("2", "2"), ("'1'", "'1'"), ("v1", "'v1'")])
def test_an_unsupported_version_is_refused(tmp_path: Path, version: str, shown: str) -> None:
    path = write(tmp_path, f"# standards\nversion: {version}\ndefaults:\n  clicks: 3\n")

    assert load_error(path) == (
        f"{path}:2: version: unsupported version {shown}; this pathwalk reads version 1"
    )


def test_a_list_instead_of_a_budget_mapping_in_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, """
        version: 1

        defaults:
          - clicks: 3
    """)

    message = load_error(path)

    assert message.startswith(f"{path}:3: defaults: expected a mapping of ")
    assert message.endswith("e.g. `clicks: 10`")


@pytest.mark.parametrize("section", ["tags", "journeys"])
def test_a_list_instead_of_a_mapping_of_names(tmp_path: Path, section: str) -> None:
    path = write(tmp_path, f"version: 1\n{section}:\n  - support\n")

    assert load_error(path).startswith(f"{path}:2: {section}: expected a mapping of ")


def test_a_list_instead_of_a_tags_budgets(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\ntags:\n  support:\n    - clicks\n")

    message = load_error(path)

    assert message.startswith(f"{path}:3: tags.support: expected a mapping of ")
    assert message.endswith("e.g. `clicks: 10`")


def test_a_list_instead_of_the_whole_mapping_names_the_file_and_what_is_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "- clicks: 3\n")

    message = load_error(path)

    assert message.startswith(f"{path}")
    assert "file: expected a mapping with 'defaults'" in message


def test_a_list_instead_of_the_whole_mapping_points_at_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, "- clicks: 3\n")

    assert load_error(path).startswith(f"{path}:1: file: expected a mapping")


def test_a_missing_file_says_how_to_point_at_one(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "standards.yaml"

    assert load_error(path) == (
        f"{path}: standards file not found. Create it (see README) or point "
        "--pathwalk-standards / the pathwalk_standards ini key at yours."
    )


def test_a_file_that_is_not_utf8_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "standards.yaml"
    path.write_bytes(b"defaults:\n  clicks: \xff\n")

    assert load_error(path).startswith(f"{path}: cannot read standards file: ")


def test_standards_errors_are_not_assertions() -> None:
    assert not issubclass(StandardsFileError, AssertionError)


# -- judging -----------------------------------------------------------------------------------


def counted(check: str, n: int) -> CheckResult:
    """A count check's result: figure n with n findings, numbered so slices show."""
    return CheckResult(check, n, [Finding(check=check, message=f"{check} #{i}") for i in range(n)])


def test_a_value_equal_to_the_budget_passes() -> None:
    verdict = judge({"clicks": counted("clicks", 5)}, {"clicks": Budget(warn=5, fail=5)})

    assert verdict.breaches == []
    assert verdict.status == "pass"
    assert verdict.budgets == {"clicks": Budget(warn=5, fail=5)}


def test_above_fail_is_a_fail_breach_with_only_the_findings_beyond_the_budget() -> None:
    result = counted("clicks", 7)

    verdict = judge({"clicks": result}, {"clicks": Budget(warn=3, fail=5)})

    assert verdict.breaches == [Breach("clicks", "fail", 7, 5, tuple(result.findings[5:]))]
    assert [f.message for f in verdict.breaches[0].findings] == ["clicks #5", "clicks #6"]
    assert verdict.status == "fail"
    assert verdict.failures() == verdict.breaches


def test_above_warn_only_is_a_warn_breach() -> None:
    result = counted("form_fields", 12)

    verdict = judge({"form_fields": result}, {"form_fields": Budget(warn=11, fail=15)})

    assert verdict.breaches == [Breach("form_fields", "warn", 12, 11, (result.findings[11],))]
    assert verdict.status == "warn"
    assert verdict.failures() == []


def test_a_zero_budget_breach_carries_every_finding() -> None:
    result = counted("dead_ends", 2)

    verdict = judge({"dead_ends": result}, {"dead_ends": Budget(fail=0.0)})

    assert verdict.breaches == [Breach("dead_ends", "fail", 2, 0.0, tuple(result.findings))]


def test_a_figure_that_is_not_a_count_keeps_all_its_findings() -> None:
    slow = [Finding(check="wait_seconds", message="waited 4.2 s"),
            Finding(check="wait_seconds", message="waited 1.5 s")]
    result = CheckResult("wait_seconds", 4.2, slow, counts_findings=False)

    verdict = judge({"wait_seconds": result}, {"wait_seconds": Budget(warn=1, fail=10)})

    assert verdict.breaches == [Breach("wait_seconds", "warn", 4.2, 1, tuple(slow))]


def test_a_wait_figure_that_happens_to_equal_the_number_of_slow_waits_keeps_all_its_findings() -> None:
    slow = [Finding(check="wait_seconds", message="waited 2.0 s"),
            Finding(check="wait_seconds", message="waited 1.5 s")]
    result = CheckResult("wait_seconds", 2.0, slow, counts_findings=False)

    verdict = judge({"wait_seconds": result}, {"wait_seconds": Budget(warn=1, fail=10)})

    assert verdict.breaches == [Breach("wait_seconds", "warn", 2.0, 1, tuple(slow))]


def test_a_check_without_a_budget_is_ignored_and_a_budget_without_a_result_too() -> None:
    results = {"clicks": counted("clicks", 50), "dead_ends": counted("dead_ends", 1)}

    verdict = judge(results, {"dead_ends": Budget(fail=1.0), "form_fields": Budget(fail=0.0)})

    assert verdict.breaches == []
    assert verdict.status == "pass"


def test_an_empty_budget_never_breaches() -> None:
    assert judge({"clicks": counted("clicks", 50)}, {"clicks": Budget()}).breaches == []


def test_each_check_breaches_once_at_its_worst_level() -> None:
    results = {"clicks": counted("clicks", 20), "form_fields": counted("form_fields", 12)}

    verdict = judge(results, {"clicks": Budget(warn=8, fail=12), "form_fields": Budget(warn=11)})

    assert [(b.check, b.level, b.value, b.budget) for b in verdict.breaches] == [
        ("clicks", "fail", 20, 12),
        ("form_fields", "warn", 12, 11),
    ]
    assert verdict.status == "fail"
    assert [b.check for b in verdict.failures()] == ["clicks"]


@pytest.mark.parametrize(
    ("levels", "status"),
    [([], "pass"), (["warn"], "warn"), (["fail"], "fail"), (["warn", "fail"], "fail"),
     (["fail", "warn"], "fail"), (["warn", "warn"], "warn")],
)
def test_verdict_status_is_the_worst_breach(levels: list[str], status: str) -> None:
    verdict = Verdict(breaches=[Breach(f"check{i}", level, 1, 0, ()) for i, level in enumerate(levels)])

    assert verdict.status == status
