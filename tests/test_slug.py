"""A journey's artifacts are named from its whole node id, so no two journeys share a trace file."""

from __future__ import annotations

import pytest

from pathwalk.journey import SLUG_MAX, slug

pytest_plugins = ["pytester"]


def test_a_plain_journey_keeps_a_readable_name() -> None:
    assert slug("journeys/buying.feature::test_a_customer_buys_the_blue_mug") == (
        "journeys-buying--a_customer_buys_the_blue_mug")


def test_the_same_scenario_in_two_folders_gets_two_names() -> None:
    uk, de = slug("journeys/uk/checkout.feature::test_pay"), slug("journeys/de/checkout.feature::test_pay")
    assert uk != de
    assert (uk, de) == ("journeys-uk-checkout--pay", "journeys-de-checkout--pay")


def test_long_outline_examples_stay_apart_and_bounded() -> None:
    long = "a" * 200
    first = slug(f"journeys/checkout.feature::test_pay[{long}-1]")
    second = slug(f"journeys/checkout.feature::test_pay[{long}-2]")
    assert first != second
    assert len(first) <= SLUG_MAX and len(second) <= SLUG_MAX
    assert first.startswith("journeys-checkout--pay-aaaa")


def test_names_that_only_differ_in_replaced_characters_stay_apart() -> None:
    assert slug("journeys/a.feature::test_x[1 2]") != slug("journeys/a.feature::test_x[1-2]")


@pytest.mark.browser
def test_two_folders_with_the_same_journey_write_two_traces(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\npathwalk_base_url = demo\naddopts = -p no:cacheprovider\n")
    pytester.path.joinpath("standards.yaml").write_text("version: 1\n")
    feature = "Feature: Checkout\n  Scenario: Look around\n    Given I open the home page\n"
    for country in ("uk", "de"):
        pytester.path.joinpath("journeys", country).mkdir(parents=True)
        pytester.path.joinpath("journeys", country, "checkout.feature").write_text(feature)
    result = pytester.runpytest_subprocess()

    result.assert_outcomes(passed=2)
    traces = sorted(p.name for p in pytester.path.joinpath("reports", "traces").glob("*.json"))
    assert traces == ["journeys-de-checkout--look_around.json", "journeys-uk-checkout--look_around.json"]
