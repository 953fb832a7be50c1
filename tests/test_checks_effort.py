"""The effort checks (keystrokes, pages, fields, scrolls, waits, Web Vitals, KLM seconds) on hand-made traces."""

from __future__ import annotations

import dataclasses

import pytest

from pathwalk.checks import run_checks
from pathwalk.checks.cls import worst_cls
from pathwalk.checks.effort_seconds import (
    KEYBOARD,
    MOUSE,
    Effort,
    action_effort,
    effort_by_step,
    estimate_effort,
)
from pathwalk.checks.fields_shown import count_fields_shown
from pathwalk.checks.form_fields import count_form_fields
from pathwalk.checks.keystrokes import count_keystrokes
from pathwalk.checks.lcp_seconds import worst_lcp
from pathwalk.checks.pages_visited import count_pages_visited
from pathwalk.checks.scrolls import count_scrolls
from pathwalk.checks.wait_seconds import longest_wait
from pathwalk.findings import CheckResult, Finding
from pathwalk.trace import Action, Element, Field, Trace
from tests.traces import click, fill, make_trace, open_url, page, press, select, shown, tick, url_of, where


def key(step: int = 1) -> Action:
    """A key press as the recorder stores it: kind "key", no element."""
    return dataclasses.replace(press("Enter", step=step), kind="key", element=Element())


# -- keystrokes --------------------------------------------------------------------------------


def test_keystrokes_are_the_characters_typed_plus_one_per_key() -> None:
    trace = make_trace(
        fill("Email", "jane@example.com", step=1),
        fill("Name", "Jane Doe", step=2),
        select("Country", "France", step=2),
        click("Continue", step=2),
        fill("Notes", "", step=2),  # clearing a field types nothing
        press("Enter", step=2),
        key(step=3),
        fill("Initial", "J", step=3),
    )

    result = count_keystrokes(trace)

    assert (result.check, result.value, result.counts_findings) == ("keystrokes", 16 + 8 + 1 + 1 + 1, False)
    assert [(f.message, f.step, f.element, f.severity) for f in result.findings] == [
        ("typed 16 characters into the 'Email' field", 1, "the 'Email' field", "minor"),
        ("typed 8 characters into the 'Name' field", 2, "the 'Name' field", "minor"),
        ("pressed Enter", 2, "", "minor"),
        ("pressed a key", 3, "", "minor"),
        ("typed 1 character into the 'Initial' field", 3, "the 'Initial' field", "minor"),
    ]


def test_no_typing_means_no_keystrokes() -> None:
    assert count_keystrokes(make_trace(click("Help"))) == CheckResult("keystrokes", 0, [], counts_findings=False)


# -- pages visited -----------------------------------------------------------------------------


def test_every_page_and_route_counts_revisits_included() -> None:
    trace = make_trace(pages=[
        page(0, step=0, url="http://shop.test/", heading="Welcome"),
        page(1, step=1, url="http://shop.test/basket", title="Basket", heading=""),
        page(2, step=2, url="http://shop.test/checkout#delivery", heading="Delivery", kind="route"),
        page(3, step=3, url="http://shop.test/", heading="Welcome"),
        dataclasses.replace(page(4, step=3, url="http://shop.test/blank"), title=""),
    ])

    result = count_pages_visited(trace)

    assert result.value == 5
    assert [f.message for f in result.findings] == [
        "visited 'Welcome' (http://shop.test/)",
        "visited 'Basket' (http://shop.test/basket)",
        "visited 'Delivery' (http://shop.test/checkout#delivery, a client-side route)",
        "visited 'Welcome' (http://shop.test/)",
        "visited http://shop.test/blank",
    ]
    assert result.findings[1] == Finding(check="pages_visited", message="visited 'Basket' (http://shop.test/basket)",
                                         step=1, where=where(1), url="http://shop.test/basket", severity="minor")


def test_no_pages_means_zero_pages() -> None:
    assert count_pages_visited(make_trace()) == CheckResult("pages_visited", 0, [])


# -- fields shown ------------------------------------------------------------------------------


def test_fields_shown_counts_each_view_and_says_required_or_optional() -> None:
    # Definition changed (docs/measures.md, "When a definition changes"): fields are counted per
    # page view, so a form shown again after an error, or returned to, asks again and counts again.
    delivery = [
        shown("Full name", required=True),
        shown("Email", required=True),
        shown("Company"),
        Field(label="Standard", field_name="speed", input_type="radio", required=True),  # one radio group
        Field(label="Express", field_name="speed", input_type="radio", required=True),
    ]
    card_frame = "https://pay.test/card"
    trace = make_trace(pages=[
        page(0, step=1, url="http://shop.test/basket", heading="Basket"),
        page(1, step=2, url="http://shop.test/checkout", heading="Delivery", fields=delivery),
        # shown again after a validation error, now with a phone field too
        page(2, step=2, url="http://shop.test/checkout", heading="Delivery", fields=[*delivery, shown("Phone")]),
        page(3, step=3, url="http://shop.test/pay", heading="Payment",
             fields=[shown("Card number", required=True, frame=card_frame), shown("Card number", required=True)]),
        page(4, step=3, url="http://shop.test/checkout", heading="Delivery", fields=delivery),  # back again
    ])

    result = count_fields_shown(trace)

    assert (result.value, result.counts_findings) == (4 + 5 + 2 + 4, False)
    assert [(f.message, f.step, f.url) for f in result.findings] == [
        ("'Delivery' asks for 4 fields (3 required, 1 optional)", 2, "http://shop.test/checkout"),
        ("'Delivery' asks for 5 fields (3 required, 2 optional)", 2, "http://shop.test/checkout"),
        ("'Payment' asks for 2 fields (2 required, 0 optional)", 3, "http://shop.test/pay"),
        ("'Delivery' asks for 4 fields (3 required, 1 optional)", 3, "http://shop.test/checkout"),
    ]
    assert {f.severity for f in result.findings} == {"minor"}


def test_fields_with_keys_sharing_a_name_are_told_apart_and_radios_are_one() -> None:
    fields = [Field(label="Row 1", field_name="select", input_type="checkbox", key="form0|name:select~0"),
              Field(label="Row 2", field_name="select", input_type="checkbox", key="form0|name:select~1"),
              Field(label="Yes", field_name="ok", input_type="radio", key="form0|radio:ok"),
              Field(label="No", field_name="ok", input_type="radio", key="form0|radio:ok"),
              Field(label="Search", field_name="q", key="form0|name:q~0"),
              Field(label="Search the site", field_name="q", key="form1|name:q~0")]

    assert count_fields_shown(make_trace(pages=[page(0, fields=fields)])).value == 5


def test_fields_without_name_or_label_are_told_apart_by_position() -> None:
    trace = make_trace(pages=[page(0, heading="Newsletter", fields=[Field(input_type="email"), Field()])])

    assert count_fields_shown(trace).value == 2


def test_the_same_form_at_another_url_is_other_fields() -> None:
    trace = make_trace(pages=[page(0, fields=[shown("Email")]), page(1, fields=[shown("Email")])])

    assert count_fields_shown(trace).value == 2


def test_no_fields_shown_means_zero() -> None:
    assert count_fields_shown(make_trace(pages=[page(0)])) == CheckResult("fields_shown", 0, [],
                                                                          counts_findings=False)


# -- form fields: required or optional ---------------------------------------------------------


def test_form_field_findings_say_whether_the_page_asked_for_them_as_required() -> None:
    trace = make_trace(
        fill("Email", page=1),
        fill("Company", page=1),
        fill("Coupon", page=1),  # not in the page's list
        fill("Name", "Jane", field_name="first_name", page=1),
        fill("Name", "Doe", field_name="last_name", page=1),
        fill("Card number", page=1),  # the page lists it inside the payment iframe, not here
        fill("Email", page=None),  # no page recorded
        pages=[page(0), page(1, fields=[
            shown("Email", required=True),
            shown("Company"),
            shown("Name", field_name="first_name", required=True),
            shown("Name", field_name="last_name"),
            shown("Card number", required=True, frame="https://pay.test/card"),
        ])],
    )

    result = count_form_fields(trace)

    assert result.value == 7
    assert [f.message for f in result.findings] == [
        "filled in the 'Email' field (required)",
        "filled in the 'Company' field (optional)",
        "filled in the 'Coupon' field",
        "filled in the 'Name' field (required)",
        "filled in the 'Name' field (optional)",
        "filled in the 'Card number' field",
        "filled in the 'Email' field",
    ]


def test_a_field_without_name_on_the_page_is_matched_by_label() -> None:
    trace = make_trace(fill("Email", page=0),
                       pages=[page(0, fields=[Field(label="Email", required=True)])])

    assert count_form_fields(trace).findings[0].message == "filled in the 'Email' field (required)"


# -- scrolls -----------------------------------------------------------------------------------


def test_scrolls_say_how_far_in_pixels_and_screens() -> None:
    pay = dataclasses.replace(click("Pay", step=3, page=0), scroll_px=1240, box=[10, 1300, 80, 40])
    trace = make_trace(
        dataclasses.replace(fill("Postcode", step=2, page=0), scroll_px=300),
        click("Continue", step=2, page=0),  # in view: no scroll
        pay,
        dataclasses.replace(click("Help", role="link", step=3, page=None), scroll_px=500),
        pages=[page(0, viewport_height=720, screenshot="reports/traces/t/page-00.png")],
    )

    result = count_scrolls(trace)

    assert result.value == 3
    assert [(f.message, f.severity) for f in result.findings] == [
        ("scrolled 300 px (0.4 screens) to reach the 'Postcode' field", "minor"),
        ("scrolled 1,240 px (1.7 screens) to reach the 'Pay' button", "moderate"),
        ("scrolled 500 px to reach the 'Help' link", "minor"),
    ]
    assert result.findings[1].evidence == {"screenshot": "reports/traces/t/page-00.png", "scale": "1",
                                           "box": "10,1300,80,40"}
    assert (result.findings[1].step, result.findings[1].where, result.findings[1].element) == (
        3, where(3), "the 'Pay' button")
    assert result.findings[2].evidence == {}


def test_no_scrolling_means_zero_scrolls() -> None:
    assert count_scrolls(make_trace(click("Pay"))) == CheckResult("scrolls", 0, [])


# -- wait seconds: severities and feedback -----------------------------------------------------


def test_waits_are_serious_past_one_second_and_critical_past_ten_naming_the_first_feedback() -> None:
    trace = make_trace(
        dataclasses.replace(click("Pay now", step=3, settled_s=3.26), feedback_s=0.31),
        click("Confirm", step=3, settled_s=12.4),
        click("Track", step=3, settled_s=10.0),
        dataclasses.replace(click("Search", step=2, settled_s=0.4), feedback_s=1.6),  # answered late
        dataclasses.replace(click("Filter", step=2, settled_s=0.4), feedback_s=0.9),
        click("Next", step=2, settled_s=1.0),
    )

    result = longest_wait(trace)

    assert (result.value, result.counts_findings) == (12.4, False)
    assert [(f.message, f.severity) for f in result.findings] == [
        ("waited 3.3 s after click on the 'Pay now' button, first feedback after 0.3 s", "serious"),
        ("waited 12.4 s after click on the 'Confirm' button", "critical"),
        ("waited 10.0 s after click on the 'Track' button", "serious"),
        ("no visible answer for 1.6 s after click on the 'Search' button", "moderate"),
    ]


def test_a_late_answer_does_not_change_the_longest_settle_time() -> None:
    trace = make_trace(dataclasses.replace(click("Search", settled_s=0.3), feedback_s=2.5))

    assert longest_wait(trace).value == 0.3


# -- Web Vitals --------------------------------------------------------------------------------


def test_lcp_is_the_worst_measured_page_and_pages_past_2_5_s_are_findings() -> None:
    trace = make_trace(pages=[
        page(0, heading="Home", lcp_s=1.2),
        page(1, heading="Basket", kind="route"),  # not measured
        page(2, heading="Checkout", lcp_s=3.1, screenshot="reports/traces/t/page-02.png"),
        page(3, heading="Payment", lcp_s=4.0),
        page(4, heading="Receipt", lcp_s=5.678),
        page(5, heading="Help", lcp_s=2.5),
    ])

    result = worst_lcp(trace)

    assert (result.check, result.value, result.counts_findings) == ("lcp_seconds", 5.68, False)
    assert [(f.message, f.severity) for f in result.findings] == [
        ("'Checkout' showed its main content after 3.10 s (LCP needs improvement; good is 2.5 s or less)",
         "serious"),
        ("'Payment' showed its main content after 4.00 s (LCP needs improvement; good is 2.5 s or less)",
         "serious"),
        ("'Receipt' showed its main content after 5.68 s (LCP poor; good is 2.5 s or less)", "critical"),
    ]
    assert result.findings[0].evidence == {"screenshot": "reports/traces/t/page-02.png"}
    assert result.findings[0].url == url_of(2)


def test_cls_is_the_worst_measured_page_and_pages_past_0_1_are_findings() -> None:
    trace = make_trace(pages=[
        page(0, heading="Home", cls=0.05),
        page(1, heading="Basket"),
        page(2, heading="Checkout", cls=0.1),
        page(3, heading="Payment", cls=0.1234),
        page(4, heading="Receipt", cls=0.2567),
    ])

    result = worst_cls(trace)

    assert (result.check, result.value, result.counts_findings) == ("cls", 0.257, False)
    assert [(f.message, f.severity) for f in result.findings] == [
        ("'Payment' shifted its layout by 0.123 (CLS needs improvement; good is 0.1 or less)", "serious"),
        ("'Receipt' shifted its layout by 0.257 (CLS poor; good is 0.1 or less)", "critical"),
    ]


def test_vitals_not_measured_anywhere_read_zero_without_findings() -> None:
    trace = make_trace(pages=[page(0), page(1)])

    assert worst_lcp(trace) == CheckResult("lcp_seconds", 0.0, [], counts_findings=False)
    assert worst_cls(trace) == CheckResult("cls", 0.0, [], counts_findings=False)


# -- effort seconds (Keystroke-Level Model) ----------------------------------------------------


def test_effort_of_a_whole_journey_worked_out_by_hand() -> None:
    """K 0.28, P 1.1, BB 0.2, H 0.4, M 1.35; R = settled_s; the hand starts on the mouse.

    step 0  open (R 0.8)                                        = 0.80
    step 1  click (M P BB = 2.65) + R 0.62                      = 3.27
    step 2  fill 16 chars: M P BB H 16K = 2.65 + 0.4 + 4.48     = 7.53   hand -> keyboard
            fill 8 chars:  M H P BB H 8K = 1.35+0.4+1.1+0.2+0.4+2.24 = 5.69
            select: M H P BB P BB = 1.35+0.4+1.1+0.2+1.1+0.2    = 4.35   hand -> mouse
            press Enter: H K + R 1.24 = 0.4 + 0.28 + 1.24       = 1.92   hand -> keyboard
                                                                  = 19.49 (3 decisions, 25 keystrokes)
    step 3  tick: M H P BB = 1.35 + 0.4 + 1.1 + 0.2             = 3.05   hand -> mouse
            click (2.65) + R 2.1                                = 4.75
                                                                  = 7.80
    total 0.8 + 3.27 + 19.49 + 7.8 = 31.36 -> 31.4
    """
    trace = make_trace(
        open_url("http://shop.test/", step=0, settled_s=0.8),
        click("Add to basket", step=1, settled_s=0.62),
        fill("Email", "jane@example.com", step=2),
        fill("Full name", "Jane Doe", step=2),
        select("Country", "France", step=2),
        press("Enter", step=2, settled_s=1.24),
        tick("check", "Accept the terms", step=3),
        click("Pay now", step=3, settled_s=2.1),
    )

    result = estimate_effort(trace)

    assert effort_by_step(trace) == {0: 0.8, 1: 3.27, 2: 19.49, 3: 7.8}
    assert (result.check, result.value, result.counts_findings) == ("effort_seconds", 31.4, False)
    assert [(f.message, f.step, f.where) for f in result.findings] == [
        ("'And they check out' costs 19.5 s (3 decisions, 25 keystrokes, 1.2 s waiting)", 2, where(2)),
        ("'Then they see their order number' costs 7.8 s (2 decisions, 2.1 s waiting)", 3, where(3)),
        ("'When they add a lamp to the basket' costs 3.3 s (1 decision, 0.6 s waiting)", 1, where(1)),
        ("'Given a first-time customer on the home page' costs 0.8 s (0.8 s waiting)", 0, where(0)),
    ]
    assert [f.url for f in result.findings] == [url_of(0), url_of(0), url_of(0), "http://shop.test/"]
    assert {f.severity for f in result.findings} == {"minor"}


def test_the_docstring_example_click_fill_and_enter() -> None:
    """(M P BB) + (M P BB H 16K) + K = 2.65 + 7.53 + 0.28 = 10.46 s."""
    trace = make_trace(click("Checkout"), fill("Email", "jane@example.com"), press("Enter"))

    assert effort_by_step(trace) == {1: 10.46}
    assert estimate_effort(trace).value == 10.5


@pytest.mark.parametrize(
    ("action", "hand", "seconds", "ends_on"),
    [
        (click("Pay"), MOUSE, 2.65, MOUSE),
        (click("Pay"), KEYBOARD, 3.05, MOUSE),  # + H back to the mouse
        (tick("uncheck", "Offers"), MOUSE, 2.65, MOUSE),
        (dataclasses.replace(click("Back"), kind="back", element=Element()), KEYBOARD, 3.05, MOUSE),
        (dataclasses.replace(click("Upload"), kind="upload"), MOUSE, 2.65, MOUSE),
        (fill("Code", "12345"), MOUSE, 2.65 + 0.4 + 5 * 0.28, KEYBOARD),
        (fill("Code", "12345"), KEYBOARD, 3.05 + 0.4 + 5 * 0.28, KEYBOARD),
        (select("Size", "M"), MOUSE, 3.95, MOUSE),
        (press("Tab"), KEYBOARD, 0.28, KEYBOARD),
        (press("Tab"), MOUSE, 0.68, KEYBOARD),  # + H to the keyboard, no decision
        (key(), MOUSE, 0.68, KEYBOARD),
        (open_url("http://shop.test/", settled_s=1.5), KEYBOARD, 1.5, KEYBOARD),  # arriving: the wait only
        (dataclasses.replace(click("x", settled_s=2.0), kind="wait", element=Element()), MOUSE, 2.0, MOUSE),
        (dataclasses.replace(click("x", settled_s=0.3), kind="custom"), KEYBOARD, 0.3, KEYBOARD),
        (click("Pay", settled_s=1.25), MOUSE, 2.65 + 1.25, MOUSE),  # + R, the measured wait
    ],
)
def test_action_effort_follows_the_hand(action: Action, hand: str, seconds: float, ends_on: str) -> None:
    effort, now_on = action_effort(action, hand)

    assert effort.seconds == pytest.approx(seconds)
    assert now_on == ends_on


def test_action_effort_counts_decisions_keystrokes_and_waiting() -> None:
    filled, _ = action_effort(fill("Email", "a@b.co", settled_s=0.5))
    pressed, _ = action_effort(press("Enter"))

    assert (filled.decisions, filled.keystrokes, filled.waiting_s) == (1, 6, 0.5)
    assert filled.seconds == pytest.approx(2.65 + 0.4 + 6 * 0.28 + 0.5)
    assert (pressed.decisions, pressed.keystrokes, pressed.waiting_s) == (0, 1, 0.0)
    assert filled + pressed == Effort(filled.seconds + pressed.seconds, 1, 7, 0.5)


def test_actions_outside_any_step_are_named_as_such() -> None:
    """Outside: fill 2 chars = M P BB H 2K = 3.61; step 1: Enter with the hand still on the keyboard = 0.28."""
    trace = make_trace(fill("Voucher", "AB", step=None), press("Enter", step=1))

    result = estimate_effort(trace)

    assert effort_by_step(trace) == {None: 3.61, 1: 0.28}
    assert [(f.message, f.step, f.where) for f in result.findings] == [
        ("Outside any step, the journey costs 3.6 s (1 decision, 2 keystrokes)", None,
         "(journeys/checkout.feature:8)"),
        ("'When they add a lamp to the basket' costs 0.3 s (1 keystroke)", 1, where(1)),
    ]
    assert result.value == 3.9


def test_a_step_that_costs_nothing_is_not_a_finding() -> None:
    trace = make_trace(open_url("http://shop.test/", step=0, settled_s=0.0), click("Help", step=1))

    assert [f.step for f in estimate_effort(trace).findings] == [1]


def test_an_empty_journey_costs_nothing() -> None:
    trace = make_trace()

    assert estimate_effort(trace) == CheckResult("effort_seconds", 0.0, [], counts_findings=False)
    assert effort_by_step(trace) == {}


# -- old traces --------------------------------------------------------------------------------


def test_a_version_1_trace_without_the_new_fields_is_judged_by_every_effort_check() -> None:
    trace = Trace.from_dict({
        "schema": "pathwalk.trace/1",
        "journey": {"name": "old", "feature_file": "journeys/old.feature", "line": 3},
        "steps": [{"index": 0, "keyword": "When", "text": "they sign up", "line": 4}],
        "actions": [
            {"index": 0, "step": 0, "kind": "fill", "url": "http://shop.test/join", "page": 0,
             "element": {"role": "textbox", "label": "Email", "field_name": "email"}, "value_length": 10,
             "settled_s": 0.2},
            {"index": 1, "step": 0, "kind": "click", "url": "http://shop.test/join", "page": 0,
             "element": {"role": "button", "name": "Join"}, "settled_s": 1.3},
        ],
        "pages": [{"index": 0, "step": 0, "url": "http://shop.test/join", "status": 200, "heading": "Join",
                   "links": 2, "fields": [{"label": "Email", "field_name": "email", "required": True}]}],
    })

    results = run_checks(trace)

    # fill: 2.65 + 0.4 + 10 * 0.28 + 0.2 = 6.05; click from the keyboard: 3.05 + 1.3 = 4.35
    assert {name: results[name].value for name in (
        "effort_seconds", "keystrokes", "pages_visited", "fields_shown", "form_fields", "scrolls",
        "wait_seconds", "lcp_seconds", "cls")} == {
        "effort_seconds": 10.4, "keystrokes": 10, "pages_visited": 1, "fields_shown": 1, "form_fields": 1,
        "scrolls": 0, "wait_seconds": 1.3, "lcp_seconds": 0.0, "cls": 0.0}
    assert results["form_fields"].findings[0].message == "filled in the 'Email' field (required)"
    assert results["wait_seconds"].findings[0].message == "waited 1.3 s after click on the 'Join' button"
