"""Bad pathwalk options stop the run at once: exit 4, one line naming the option and the fix."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

FEATURE = 'Feature: Quick\n  Scenario: Products\n    Given I open the home page\n    When I follow "Products"\n'
FIX = "use http(s)://host[:port] or 'demo'."


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\n")
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    pytester.mkdir("journeys").joinpath("quick.feature").write_text(FEATURE)
    pytester.path.joinpath("a-file").write_text("not a folder\n")
    return pytester


@pytest.mark.parametrize(("option", "message"), [
    ("--pathwalk-timeout=1e9",  # past 2**31-1 ms, Node's timers fire at once and every journey breaks
     "ERROR: --pathwalk-timeout (ini pathwalk_timeout) = 1000000000.0: use a number of seconds above 0 and at most "
     "3600, e.g. 30"),
    ("--pathwalk-timeout=nan",
     "ERROR: --pathwalk-timeout (ini pathwalk_timeout) = nan: use a number of seconds above 0 and at most 3600, "
     "e.g. 30"),
    ("--pathwalk-timeout=0",
     "ERROR: --pathwalk-timeout (ini pathwalk_timeout) = 0.0: use a number of seconds above 0 and at most 3600, "
     "e.g. 30"),
    ("--pathwalk-reports=/proc/x",
     "ERROR: --pathwalk-reports (ini pathwalk_reports) = '/proc/x': cannot write to /proc/x (No such file or "
     "directory); choose a folder you can create and write, e.g. reports"),
    ("--pathwalk-reports=a-file/reports",
     "ERROR: --pathwalk-reports (ini pathwalk_reports) = 'a-file/reports': cannot write to {root}/a-file/reports "
     "(Not a directory); choose a folder you can create and write, e.g. reports"),
    ("--pathwalk-base-url=http://[::1",
     f"ERROR: --pathwalk-base-url: 'http://[::1' is not a URL (Invalid IPv6 URL); {FIX}"),
    ("--pathwalk-base-url=http://shop.test:99999",
     f"ERROR: --pathwalk-base-url: 'http://shop.test:99999' is not a URL (Port out of range 0-65535); {FIX}"),
    ("--pathwalk-base-url=http://",
     f"ERROR: --pathwalk-base-url: 'http://' is not a URL; {FIX}"),
    ("--pathwalk-base-url=ftp://shop.test",
     f"ERROR: --pathwalk-base-url: 'ftp://shop.test' is not a URL; {FIX}"),
    ("--pathwalk-base-url=http://shop.test/a b",
     f"ERROR: --pathwalk-base-url: 'http://shop.test/a b' is not a URL (it has spaces or control characters); {FIX}"),
])
def test_a_bad_option_is_one_line_naming_it_and_the_fix(project: pytest.Pytester, option: str, message: str) -> None:
    result = project.runpytest_subprocess(option)

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert message.format(root=project.path) in result.stderr.lines
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    assert not project.path.joinpath("reports").exists()


def test_a_bad_timeout_in_the_ini_file_is_named_too(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\npathwalk_base_url = demo\npathwalk_timeout = 86400\naddopts = -p no:cacheprovider\n")

    result = project.runpytest_subprocess()

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --pathwalk-timeout (ini pathwalk_timeout) = '86400': *at most 3600*"])


def test_checking_the_reports_folder_leaves_nothing_behind(project: pytest.Pytester) -> None:
    project.path.joinpath("journeys", "quick.feature").unlink()  # journeys to walk, but none today

    result = project.runpytest_subprocess("--pathwalk-reports=out/deep/reports")

    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert not project.path.joinpath("out").exists()
