"""The friction checks, each run on hand-made traces: exact figures, and findings that say where."""

from __future__ import annotations

import pytest

from pathwalk.checks import BUILTIN_CHECKS, run_checks
from pathwalk.checks.clicks import count_clicks
from pathwalk.checks.dead_ends import find_dead_ends
from pathwalk.checks.form_fields import count_form_fields
from pathwalk.checks.repeated_inputs import find_repeated_inputs, meaning
from pathwalk.checks.security_reentries import find_security_reentries
from pathwalk.checks.wait_seconds import longest_wait
from pathwalk.findings import Check, CheckResult, Finding
from pathwalk.trace import Element, Trace
from tests.traces import click, fill, make_trace, open_url, page, press, select, tick, url_of

STEP_1 = "'When they add a lamp to the basket' (journeys/checkout.feature:11)"
STEP_2 = "'And they check out' (journeys/checkout.feature:12)"
STEP_3 = "'Then they see their order number' (journeys/checkout.feature:13)"


# -- clicks ------------------------------------------------------------------------------------


def test_clicks_count_click_check_uncheck_and_select_but_not_open_fill_or_press() -> None:
    trace = make_trace(
        open_url("http://shop.test/", step=0),
        click("Add to basket", step=1, page=0),
        fill("Email", "jane@example.com", step=2, page=1),
        press("Enter", step=2, page=1),
        click("Returns", role="link", step=2, page=1),
        tick("check", "Accept the terms", step=2, page=1),
        tick("uncheck", "Send me offers", step=2, page=1),
        select("Country", "France", step=2, page=1),
    )

    result = count_clicks(trace)

    assert result.check == "clicks"
    assert result.value == 5
    assert [f.message for f in result.findings] == [
        "click on the 'Add to basket' button",
        "click on the 'Returns' link",
        "check on the 'Accept the terms' field",
        "uncheck on the 'Send me offers' field",
        "select on the 'Country' field",
    ]


def test_click_findings_carry_step_where_url_and_element() -> None:
    trace = make_trace(click("Pay now", step=2, page=3, url="http://shop.test/checkout/pay"))

    (only,) = count_clicks(trace).findings

    assert only == Finding(check="clicks", message="click on the 'Pay now' button", step=2, where=STEP_2,
                           url="http://shop.test/checkout/pay", element="the 'Pay now' button")


def test_no_actions_means_no_clicks() -> None:
    assert count_clicks(make_trace()) == CheckResult("clicks", 0, [])


# -- repeated inputs: what a field means ---------------------------------------------------------


@pytest.mark.parametrize(
    ("element", "means"),
    [
        # the autocomplete token wins, without section-*/billing/shipping/... qualifiers
        (Element(label="Email address", autocomplete="email"), "email"),
        (Element(label="Your email", autocomplete="billing email"), "email"),
        (Element(label="Street", autocomplete="shipping street-address"), "street-address"),
        (Element(label="Postcode", autocomplete="section-gift shipping postal-code"), "postal-code"),
        (Element(label="Phone", autocomplete="section-a billing tel", input_type="text"), "tel"),
        (Element(label="Home phone", autocomplete="home tel"), "tel"),
        (Element(label="Postcode", autocomplete="SHIPPING Postal-Code"), "postal-code"),
        (Element(label="Choose a password", autocomplete="new-password"), "password"),
        (Element(label="Password", autocomplete="current-password"), "password"),
        (Element(label="Passkey", autocomplete="current-password webauthn"), "password"),
        # on/off and qualifiers alone say nothing: fall through to the input type or the label
        (Element(label="Email address", autocomplete="off", input_type="text"), "email address"),
        (Element(label="Name", autocomplete="on"), "name"),
        (Element(label="Town", autocomplete="shipping"), "town"),
        (Element(label="Work address", input_type="email"), "email"),
        (Element(label="Confirm password", input_type="password"), "password"),
        (Element(label="Mobile", input_type="tel"), "tel"),
        # the label, without words like billing, confirm, your, re-enter
        (Element(label="Billing email", input_type="text"), "email"),
        (Element(label="Confirm your email"), "email"),
        (Element(label="Re-enter email address"), "email address"),
        (Element(label="Delivery postcode"), "postcode"),
        (Element(label="Please type the code again"), "code"),
        (Element(label="New password", input_type="text"), "password"),
        (Element(label="Shipping: Full name *"), "full name"),
        (Element(label="Email", name="Contact"), "email"),
        (Element(name="Full name"), "full name"),
        (Element(field_name="ship_zip"), "ship zip"),
        # nothing left: no meaning
        (Element(label="Confirm"), ""),
        (Element(), ""),
    ],
)
def test_meaning(element: Element, means: str) -> None:
    assert meaning(element) == means


# -- repeated inputs: the check ------------------------------------------------------------------


def test_same_meaning_on_a_later_page_counts_and_names_the_earlier_step() -> None:
    trace = make_trace(
        fill("Email", "jane@example.com", autocomplete="email", step=1, page=0),
        fill("Billing email", "jane@example.com", autocomplete="billing email", step=2, page=2),
    )

    result = find_repeated_inputs(trace)

    assert result.value == 1
    assert result.findings == [
        Finding(
            check="repeated_inputs",
            message=f"the 'Billing email' field asks again for email, already given in the 'Email' field "
            f"at step {STEP_1}",
            step=2, where=STEP_2, url=url_of(2), element="the 'Billing email' field",
            evidence={"first_url": url_of(0), "first_where": STEP_1},
        )
    ]


def test_same_value_under_a_different_meaning_counts_as_the_same_value() -> None:
    trace = make_trace(
        fill("Full name", "Jane Doe", step=1, page=0),
        fill("Name on card", "jane  DOE", step=2, page=1),  # same value once normalised, as the recorder does
    )

    result = find_repeated_inputs(trace)

    assert result.value == 1
    assert result.findings[0].message == (
        f"the 'Name on card' field asks again for the same value, already given in the 'Full name' field "
        f"at step {STEP_1}"
    )
    assert result.findings[0].evidence == {"first_url": url_of(0), "first_where": STEP_1}


@pytest.mark.parametrize(("value", "repeats"), [("Ms", 0), ("7", 0), ("12A", 1), ("Flat 12A", 1)])
def test_equal_values_count_only_from_three_characters(value: str, repeats: int) -> None:
    trace = make_trace(fill("Title", value, page=0), fill("Door code", value, page=1))

    assert find_repeated_inputs(trace).value == repeats


def test_different_values_with_different_meanings_do_not_count() -> None:
    trace = make_trace(fill("Full name", "Jane Doe", page=0), fill("Town", "Leeds", page=1))

    assert find_repeated_inputs(trace) == CheckResult("repeated_inputs", 0, [])


def test_refilling_the_same_field_on_the_same_page_is_a_correction_not_a_repeat() -> None:
    trace = make_trace(
        fill("Email", "jane@example.co", autocomplete="email", page=0),
        fill("Email", "jane@example.com", autocomplete="email", page=0),
        fill("Email", "jane@example.com", autocomplete="email", page=0),
    )

    assert find_repeated_inputs(trace).value == 0


def test_confirm_password_is_a_security_reentry_not_a_repeated_input() -> None:
    # Definition changed (docs/measures.md): WCAG 3.3.7 exempts re-entry for security, so a confirm
    # password field is counted apart, as a minor security_reentries finding a team can budget.
    trace = make_trace(
        fill("Password", "correct horse", field_name="password", autocomplete="new-password",
             input_type="password", step=2, page=1),
        fill("Confirm password", "correct horse", field_name="password2", autocomplete="new-password",
             input_type="password", step=2, page=1),
    )

    assert find_repeated_inputs(trace).value == 0
    result = find_security_reentries(trace)
    assert result.value == 1
    assert result.findings[0].element == "the 'Confirm password' field"
    assert result.findings[0].severity == "minor"
    assert result.findings[0].message == (
        "the 'Confirm password' field asks again for password, already given in the 'Password' field in this step"
    )


def test_a_new_password_is_new_information_and_the_current_one_typed_again_is_a_reentry() -> None:
    trace = make_trace(
        fill("Password", "Field-trial-42", field_name="password", input_type="password", step=1, page=0),
        fill("Current password", "Field-trial-42", field_name="old", autocomplete="current-password",
             input_type="password", step=2, page=1),
        fill("New password", "Harbour-lights-9", field_name="new1", autocomplete="new-password",
             input_type="password", step=2, page=1),
        fill("New password (again)", "Harbour-lights-9", field_name="new2", autocomplete="new-password",
             input_type="password", step=2, page=1),
    )

    assert find_repeated_inputs(trace).value == 0
    result = find_security_reentries(trace)
    assert [(f.element, f.evidence["first_where"]) for f in result.findings] == [
        ("the 'Current password' field", STEP_1), ("the 'New password (again)' field", STEP_2)]


def test_the_same_meaning_with_another_value_is_not_asked_again() -> None:
    trace = make_trace(
        fill("Email", "pat@example.com", autocomplete="email", input_type="email", step=1, page=0),
        fill("Username", "pat", autocomplete="username", step=1, page=0),
        fill("Email", "pat.new@example.com", field_name="email", input_type="email", step=2, page=2),
        fill("Username", "robin", autocomplete="username", step=2, page=3),  # an account for someone else
    )

    assert find_repeated_inputs(trace).value == 0


def test_another_sections_details_are_not_asked_again() -> None:
    trace = make_trace(
        fill("Surname", "Lovelace", autocomplete="section-guest1 family-name", page=0),
        fill("Surname", "Lovelace", autocomplete="section-guest2 family-name", field_name="guest2", page=0),
    )

    assert find_repeated_inputs(trace).value == 0


def test_a_form_shown_again_after_an_error_is_refilled_not_asked_again() -> None:
    signup = "http://shop.test/signup"
    trace = make_trace(
        fill("Password", "tulip", field_name="password1", input_type="password", page=0, url=signup),
        fill("Password (again)", "tulip", field_name="password2", input_type="password", page=0, url=signup),
        fill("Password", "Tulip-garden-7", field_name="password1", input_type="password", page=1, url=signup),
        fill("Password (again)", "Tulip-garden-7", field_name="password2", input_type="password", page=1,
             url=signup),
    )

    assert find_repeated_inputs(trace).value == 0
    assert find_security_reentries(trace).value == 1  # the confirm field, once


def test_a_repeating_field_filled_again_is_still_reported_once() -> None:
    trace = make_trace(
        fill("Email", "jane@example.com", autocomplete="email", step=1, page=0),
        fill("Confirm email", "jane@exmaple.com", step=2, page=1),
        fill("Confirm email", "jane@example.co", step=2, page=1),
        fill("Confirm email", "jane@example.com", step=2, page=1),
    )

    result = find_repeated_inputs(trace)

    assert result.value == 1
    assert [f.element for f in result.findings] == ["the 'Confirm email' field"]


def test_information_asked_twice_more_is_one_finding_per_field_each_naming_the_first() -> None:
    trace = make_trace(
        fill("Email", "jane@example.com", autocomplete="email", step=1, page=0),
        fill("Billing email", "jane@example.com", autocomplete="billing email", step=2, page=1),
        fill("Contact email", "jane@example.com", autocomplete="shipping email", step=3, page=2),
    )

    result = find_repeated_inputs(trace)

    assert result.value == 2
    assert [(f.step, f.element) for f in result.findings] == [
        (2, "the 'Billing email' field"),
        (3, "the 'Contact email' field"),
    ]
    # Definition changed (docs/measures.md): each is credited to the nearest field that took the value.
    assert [f.evidence["first_where"] for f in result.findings] == [STEP_1, STEP_2]
    assert ["already given in the 'Email' field" in f.message for f in result.findings] == [True, False]
    assert "already given in the 'Billing email' field" in result.findings[1].message


def test_selects_count_as_inputs_but_clicks_and_ticks_do_not() -> None:
    trace = make_trace(
        select("Country", "United Kingdom", autocomplete="shipping country-name", step=1, page=0),
        tick("check", "Same as delivery", step=2, page=1),
        click("Continue", step=2, page=1),
        select("Billing country", "United Kingdom", autocomplete="billing country-name", step=2, page=1),
    )

    result = find_repeated_inputs(trace)

    assert result.value == 1
    assert result.findings[0].message == (
        f"the 'Billing country' field asks again for country-name, already given in the 'Country' field "
        f"at step {STEP_1}"
    )


def test_fields_without_meaning_are_not_matched_on_meaning() -> None:
    trace = make_trace(fill("Confirm", "abc123", page=0), fill("Repeat", "xyz789", page=1))

    assert find_repeated_inputs(trace).value == 0


def test_repeat_by_value_between_fields_without_meaning_says_the_same_value() -> None:
    trace = make_trace(fill("Confirm", "abc123", page=0), fill("Repeat", "abc123", page=1))

    result = find_repeated_inputs(trace)

    assert result.value == 1
    assert result.findings[0].message == (
        "the 'Repeat' field asks again for the same value, already given in the 'Confirm' field in this step"
    )


# -- dead ends ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 404, 500, 503])
def test_an_error_status_is_a_dead_end_even_with_links(status: int) -> None:
    trace = make_trace(pages=[page(0, step=2, status=status, heading="Something went wrong",
                                   links=9, buttons=2, forms=1)])

    result = find_dead_ends(trace)

    assert result.value == 1
    assert result.findings == [
        Finding(check="dead_ends",
                message=f"dead end at 'Something went wrong': the page answered HTTP {status}",
                step=2, where=STEP_2, url=url_of(0), severity="serious")
    ]


def test_status_below_400_with_a_link_is_not_a_dead_end() -> None:
    assert find_dead_ends(make_trace(pages=[page(0, status=399, links=1)])).value == 0


def test_a_page_with_nothing_to_click_or_submit_is_a_dead_end_named_by_title_without_heading() -> None:
    trace = make_trace(pages=[page(0, step=3, status=200, title="Contact support", heading="", links=0,
                                   buttons=0, forms=0)])

    result = find_dead_ends(trace)

    assert result.value == 1
    assert result.findings[0].message == "dead end at 'Contact support': no link, button or form leads on"
    assert result.findings[0].where == STEP_3


def test_a_page_without_status_and_no_way_forward_is_a_dead_end() -> None:
    result = find_dead_ends(make_trace(pages=[page(0, status=None, links=0)]))

    assert result.value == 1
    assert result.findings[0].message == "dead end at 'Page 0': no link, button or form leads on"


@pytest.mark.parametrize(("links", "buttons", "forms"), [(0, 0, 1), (0, 1, 0), (1, 0, 0)])
def test_one_form_button_or_link_is_a_way_forward(links: int, buttons: int, forms: int) -> None:
    trace = make_trace(pages=[page(0, links=links, buttons=buttons, forms=forms)])

    assert find_dead_ends(trace) == CheckResult("dead_ends", 0, [])


def test_the_screenshot_goes_into_the_evidence() -> None:
    trace = make_trace(pages=[
        page(0, links=0, screenshot="reports/traces/checkout/page-00.png"),
        page(1, links=0, screenshot=None),
    ])

    result = find_dead_ends(trace)

    assert [f.evidence for f in result.findings] == [
        {"screenshot": "reports/traces/checkout/page-00.png"},
        {},
    ]


def test_each_visit_to_a_dead_end_counts_once() -> None:
    trace = make_trace(pages=[
        page(0, url="http://shop.test/help", links=0),
        page(1, url="http://shop.test/", links=4),
        page(2, url="http://shop.test/help", links=0),
    ])

    result = find_dead_ends(trace)

    assert result.value == 2
    assert [f.url for f in result.findings] == ["http://shop.test/help", "http://shop.test/help"]


# -- form fields -------------------------------------------------------------------------------


def test_form_fields_counts_distinct_fields_per_page_without_double_counting_refills() -> None:
    trace = make_trace(
        fill("Full name", "Jane", page=1),
        fill("Email", "jane@example", page=1),
        fill("Email", "jane@example.com", page=1),  # a correction: the same field
        select("Country", "France", page=1),
        tick("check", "Accept the terms", page=1),
        tick("uncheck", "Accept the terms", page=1),
        click("Continue", page=1),
        press("Enter", page=1),
    )

    result = count_form_fields(trace)

    assert result.value == 4
    assert [f.message for f in result.findings] == [
        "filled in the 'Full name' field",
        "filled in the 'Email' field",
        "filled in the 'Country' field",
        "filled in the 'Accept the terms' field",
    ]


def test_the_same_field_on_another_page_is_another_field() -> None:
    trace = make_trace(fill("Email", "a@b.co", page=0, step=1), fill("Email", "a@b.co", page=2, step=2))

    result = count_form_fields(trace)

    assert result.value == 2
    assert [(f.step, f.url, f.where) for f in result.findings] == [
        (1, url_of(0), STEP_1),
        (2, url_of(2), STEP_2),
    ]


def test_fields_with_the_same_label_but_different_names_are_different_fields() -> None:
    trace = make_trace(fill("Name", "Jane", field_name="first_name"),
                       fill("Name", "Doe", field_name="last_name"))

    assert count_form_fields(trace).value == 2


def test_no_fields_filled_means_zero_fields() -> None:
    trace = make_trace(open_url("http://shop.test/"), click("Help", role="link"))

    assert count_form_fields(trace) == CheckResult("form_fields", 0, [])


# -- wait seconds ------------------------------------------------------------------------------


def test_wait_is_the_longest_settle_time_rounded_and_only_waits_over_a_second_are_findings() -> None:
    trace = make_trace(
        open_url("http://shop.test/", settled_s=0.2),
        click("Add to basket", step=1, settled_s=1.0),
        fill("Email", "jane@example.com", step=2, settled_s=1.04),
        click("Pay now", step=2, settled_s=3.26),
        click("Continue", step=3, settled_s=0.5),
    )

    result = longest_wait(trace)

    assert result.check == "wait_seconds"
    assert result.value == 3.3
    assert [(f.message, f.step) for f in result.findings] == [
        ("waited 1.0 s after fill on the 'Email' field", 2),
        ("waited 3.3 s after click on the 'Pay now' button", 2),
    ]


def test_a_slow_first_page_names_the_page_it_opened_not_the_blank_tab() -> None:
    trace = make_trace(open_url("about:blank", step=0, settled_s=2.4),
                       pages=[page(0, step=0, url="http://shop.test/", arrived=2.4)])

    [slow] = longest_wait(trace).findings

    assert (slow.message, slow.url) == ("waited 2.4 s after opening http://shop.test/", "http://shop.test/")


def test_short_waits_give_a_figure_but_no_findings() -> None:
    trace = make_trace(click("Add to basket", settled_s=0.44), click("Continue", settled_s=0.31))

    assert longest_wait(trace) == CheckResult("wait_seconds", 0.4, [], counts_findings=False)


def test_an_empty_trace_waited_zero_seconds() -> None:
    result = longest_wait(make_trace())

    assert result == CheckResult("wait_seconds", 0.0, [], counts_findings=False)


# -- all checks --------------------------------------------------------------------------------


def test_run_checks_runs_every_builtin_check_keyed_by_name() -> None:
    trace = make_trace(
        click("Add to basket", page=0, settled_s=1.5),
        fill("Email", "jane@example.com", autocomplete="email", page=1),
        fill("Billing email", "jane@example.com", autocomplete="billing email", page=2),
        pages=[page(0), page(1, forms=1), page(2, status=500)],
    )

    results = run_checks(trace)

    assert list(results) == ["effort_seconds", "clicks", "repeated_inputs", "security_reentries", "dead_ends",
                             "form_fields",
                             "wait_seconds", "unlabelled_fields", "keystrokes", "pages_visited", "fields_shown",
                             "scrolls", "lcp_seconds", "cls", "dead_clicks", "error_clicks", "rage_clicks", "errors",
                             "handoffs", "a11y_serious"]
    assert [check.name for check in BUILTIN_CHECKS] == list(results)
    assert {name: r.value for name, r in results.items()} == {
        # effort: click 2.65 + 1.5 wait; fill 16 chars 2.65 + 0.4 + 4.48; again from the keyboard + 0.4
        "effort_seconds": 19.6, "clicks": 1, "repeated_inputs": 1, "security_reentries": 0, "dead_ends": 1,
        "form_fields": 2,
        "wait_seconds": 1.5, "unlabelled_fields": 0, "keystrokes": 32, "pages_visited": 3, "fields_shown": 0,
        "scrolls": 0, "lcp_seconds": 0.0, "cls": 0.0, "dead_clicks": 0, "error_clicks": 0, "rage_clicks": 0,
        "errors": 0, "handoffs": 0, "a11y_serious": 0,
    }
    assert all(r.check == name for name, r in results.items())


def test_run_checks_accepts_other_checks() -> None:
    def steps_taken(trace: Trace) -> CheckResult:
        return CheckResult("steps", len(trace.steps))

    custom = Check(name="steps", unit="steps", definition="Gherkin steps.", source="test", run=steps_taken)

    assert run_checks(make_trace(), [custom]) == {"steps": CheckResult("steps", 4, [])}


def test_a_field_without_any_label_is_a_finding() -> None:
    from pathwalk.checks.unlabelled_fields import find_unlabelled_fields
    from pathwalk.trace import Field

    shown = page(0, url="http://shop.test/newsletter", heading="Newsletter",
                 fields=[Field(label="", field_name="addr", input_type="email"), Field(label="Email")])
    result = find_unlabelled_fields(make_trace(pages=[shown]))
    assert result.value == 1
    assert result.findings[0].message == "a email field 'addr' on 'Newsletter' has no label"
    assert result.findings[0].where == "'When they add a lamp to the basket' (journeys/checkout.feature:11)"
    assert result.findings[0].url.endswith("/newsletter")
