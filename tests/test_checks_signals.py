"""The signal checks (dead, error and rage clicks, errors, hand-offs, accessibility, dead ends) on
hand-made traces: exact figures, messages and severities, and the look-alikes they must not count."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from pathwalk.checks.a11y_serious import find_a11y_serious
from pathwalk.checks.dead_clicks import find_dead_clicks
from pathwalk.checks.dead_ends import find_dead_ends
from pathwalk.checks.error_clicks import find_error_clicks
from pathwalk.checks.errors import find_errors, short_url
from pathwalk.checks.handoffs import find_handoffs
from pathwalk.checks.rage_clicks import find_rage_clicks, ordinal
from pathwalk.findings import CheckResult, Finding
from pathwalk.trace import Action, Trace, Violation
from tests.traces import click, event, fill, make_trace, open_url, page, press, select, tick, url_of, where

SHOT = "reports/traces/checkout/page-00.png"
BOX = (10.0, 20.0, 120.0, 40.0)
SILENT = {"watched": True}  # the recorder watched and the page did nothing
SIGNAL_CHECKS = (find_dead_clicks, find_error_clicks, find_rage_clicks, find_errors, find_handoffs,
                 find_a11y_serious)


def watched(action: Action, **answer: Any) -> Action:
    """An action (of any kind) the recorder watched, with what the page did in answer."""
    return dataclasses.replace(action, watched=True, **answer)


# -- dead clicks -------------------------------------------------------------------------------


def test_a_watched_click_that_nothing_answered_is_a_dead_click() -> None:
    trace = make_trace(
        open_url("http://shop.test/basket", step=0),
        click("Apply coupon", step=1, page=0, url="http://shop.test/basket", box=BOX, **SILENT),
        pages=[page(0, step=0, url="http://shop.test/basket", screenshot=SHOT)],
    )

    result = find_dead_clicks(trace)

    assert result == CheckResult("dead_clicks", 1, [Finding(
        check="dead_clicks",
        message="clicking the 'Apply coupon' button did nothing (no page change, no request, no visible change "
                "within 2.5 s)",
        step=1, where=where(1), url="http://shop.test/basket", element="the 'Apply coupon' button",
        evidence={"screenshot": SHOT, "scale": "1", "box": "10,20,120,40"}, severity="serious")])


@pytest.mark.parametrize("answer", [
    {"navigated": True, "feedback_s": 0.3},  # a new page or route
    {"mutations": 4, "feedback_s": 0.05},  # something changed on the page, nothing else
    {"requests": 1, "feedback_s": 0.2},  # it asked the server
])
def test_a_click_with_any_answer_is_not_dead(answer: dict[str, Any]) -> None:
    trace = make_trace(click("Apply coupon", watched=True, **answer))

    assert find_dead_clicks(trace) == CheckResult("dead_clicks", 0, [])


def test_a_click_nobody_watched_is_not_dead_as_in_version_1_traces() -> None:
    assert find_dead_clicks(make_trace(click("Apply coupon"), click("Continue"))).value == 0


def test_only_clicks_can_be_dead_not_ticks_choices_typing_keys_or_opening() -> None:
    trace = make_trace(
        watched(open_url("http://shop.test/")),
        watched(tick("check", "Gift wrap")),
        watched(select("Country", "France")),
        watched(fill("Coupon", "AUTUMN")),
        watched(press("Enter")),
    )

    assert find_dead_clicks(trace).value == 0


@pytest.mark.parametrize("kind", ["dialog", "popup", "handoff", "download", "crash"])
def test_a_click_answered_by_a_dialog_window_handoff_download_or_crash_is_not_dead(kind: str) -> None:
    trace = make_trace(open_url("http://shop.test/"), click("Go", **SILENT), events=[event(kind, "x", action=1)])

    assert find_dead_clicks(trace).value == 0


def test_an_answer_to_another_action_does_not_count_for_this_click() -> None:
    trace = make_trace(open_url("http://shop.test/"), click("Go", **SILENT), events=[event("dialog", action=0)])

    assert find_dead_clicks(trace).value == 1


@pytest.mark.parametrize("href", ["mailto:hello@shop.test", "tel:+442079460000", "MAILTO:hello@shop.test"])
def test_mail_and_phone_links_are_handoffs_not_dead_clicks(href: str) -> None:
    trace = make_trace(click("Email us", role="link", href=href, **SILENT))

    assert find_dead_clicks(trace).value == 0
    assert find_handoffs(trace).value == 1


def test_a_silent_click_that_threw_is_an_error_click_not_also_a_dead_one() -> None:
    trace = make_trace(click("Track my order", **SILENT),
                       events=[event("exception", "TypeError: orderService is undefined", action=0)])

    assert find_dead_clicks(trace).value == 0
    assert find_error_clicks(trace).value == 1


def test_each_dead_click_counts() -> None:
    trace = make_trace(click("Apply coupon", step=1, **SILENT), click("Apply coupon", step=2, **SILENT),
                       click("Continue", step=2, watched=True, navigated=True))

    result = find_dead_clicks(trace)

    assert result.value == 2
    assert [f.step for f in result.findings] == [1, 2]


# -- error clicks ------------------------------------------------------------------------------


def test_a_click_followed_by_exceptions_is_one_error_click_quoting_the_first() -> None:
    trace = make_trace(
        open_url("http://shop.test/orders/track", step=0),
        fill("Order number", "DS-100001", step=1),
        click("Track my order", step=1, url="http://shop.test/orders/track", box=BOX,
              watched=True, mutations=1, feedback_s=0.01),
        pages=[page(0, step=0, url="http://shop.test/orders/track", screenshot=SHOT)],
        events=[
            event("exception", "TypeError: Cannot read properties of undefined (reading 'lookup')", action=2),
            event("exception", "ReferenceError: track is not defined", action=2),
        ],
    )

    result = find_error_clicks(trace)

    assert result == CheckResult("error_clicks", 1, [Finding(
        check="error_clicks",
        message="clicking the 'Track my order' button raised a JavaScript error: TypeError: Cannot read "
                "properties of undefined (reading 'lookup') (and 1 more)",
        step=1, where=where(1), url="http://shop.test/orders/track", element="the 'Track my order' button",
        evidence={"screenshot": SHOT, "scale": "1", "box": "10,20,120,40"}, severity="serious")])


def test_ticks_and_choices_that_throw_are_error_clicks_too() -> None:
    trace = make_trace(tick("check", "Gift wrap"), select("Size", "Large"),
                       events=[event("exception", "Error: a", action=0), event("exception", "Error: b", action=1)])

    assert [f.message for f in find_error_clicks(trace).findings] == [
        "ticking the 'Gift wrap' field raised a JavaScript error: Error: a",
        "choosing in the 'Size' field raised a JavaScript error: Error: b",
    ]


def test_exceptions_before_any_action_or_after_typing_opening_or_keys_are_not_error_clicks() -> None:
    trace = make_trace(
        open_url("http://shop.test/"),
        fill("Coupon", "AUTUMN"),
        press("Enter"),
        click("Continue"),
        events=[event("exception", "Error: early", action=None), event("exception", "Error: open", action=0),
                event("exception", "Error: typing", action=1), event("exception", "Error: key", action=2),
                event("console_error", "not an exception", action=3)],
    )

    assert find_error_clicks(trace) == CheckResult("error_clicks", 0, [])


# -- rage clicks -------------------------------------------------------------------------------


def test_clicking_the_same_button_again_on_the_same_page_counts_each_repeat() -> None:
    trace = make_trace(
        click("Apply coupon", step=1, page=0, box=BOX),
        click("Apply coupon", step=2, page=0, box=BOX),
        click("Apply coupon", step=2, page=0, box=BOX),
        pages=[page(0, screenshot=SHOT)],
    )

    result = find_rage_clicks(trace)

    assert result.value == 2
    assert result.findings == [
        Finding(check="rage_clicks",
                message=f"clicked the 'Apply coupon' button again ({nth} click in a row; the page did not change)",
                step=2, where=where(2), url=url_of(0), element="the 'Apply coupon' button",
                evidence={"screenshot": SHOT, "scale": "1", "box": "10,20,120,40"}, severity="moderate")
        for nth in ("2nd", "3rd")
    ]


@pytest.mark.parametrize(("first", "second"), [
    # the first click led somewhere: clicking again is a new page's button
    (click("Next", watched=True, navigated=True), click("Next")),
    # another page visit (a new document or route)
    (click("Next", page=0), click("Next", page=1)),
    # other elements: another name, role, link target, frame or place on the page
    (click("Add to basket"), click("Checkout")),
    (click("Basket", role="link"), click("Basket", role="button")),
    (click("Read more", role="link", href="/blue-mug"), click("Read more", role="link", href="/red-teapot")),
    (click("Pay", frame=""), click("Pay", frame="http://pay.test/form")),
    (click("Add to basket", box=(10, 100, 80, 30)), click("Add to basket", box=(10, 300, 80, 30))),
])
def test_clicks_that_are_not_repeats(first: Action, second: Action) -> None:
    assert find_rage_clicks(make_trace(first, second)) == CheckResult("rage_clicks", 0, [])


def test_only_consecutive_clicks_are_repeats() -> None:
    trace = make_trace(click("Apply coupon"), fill("Coupon", "AUTUMN10"), click("Apply coupon"),
                       tick("check", "Gift wrap"), tick("check", "Gift wrap"))

    assert find_rage_clicks(trace).value == 0


def test_a_repeat_with_one_box_unmeasured_is_still_the_same_element() -> None:
    assert find_rage_clicks(make_trace(click("Apply coupon", box=BOX), click("Apply coupon"))).value == 1


@pytest.mark.parametrize(("n", "said"), [(2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                                         (13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st")])
def test_ordinal(n: int, said: str) -> None:
    assert ordinal(n) == said


# -- errors ------------------------------------------------------------------------------------


def test_every_kind_of_error_with_its_severity_in_step_order() -> None:
    scarf = "http://shop.test/products/green-scarf"
    trace = make_trace(
        open_url(scarf, step=0),
        click("Track my order", step=2),
        pages=[page(0, step=0, url=scarf, heading="Green scarf", broken_images=2, screenshot=SHOT)],
        events=[
            event("request_failed", "net::ERR_EMPTY_RESPONSE: http://shop.test/api/reviews/green-scarf",
                  step=0, url=scarf, action=0),
            event("console_error", "Reviews could not be loaded: Failed to fetch", step=0, url=scarf, action=0),
            event("exception", "TypeError: x is undefined", step=2, url="http://shop.test/orders/track", action=1),
            event("http_error", "HTTP 500: http://shop.test/api/stock", step=2, url="http://shop.test/orders/track",
                  action=1),
            event("crash", "the page crashed (its renderer died)", step=3, url="http://shop.test/done", action=1),
        ],
    )

    result = find_errors(trace)

    assert result.value == 7
    assert [(f.message, f.severity, f.step) for f in result.findings] == [
        ("a request failed on /products/green-scarf: net::ERR_EMPTY_RESPONSE: "
         "http://shop.test/api/reviews/green-scarf", "moderate", 0),
        ("a console error on /products/green-scarf: Reviews could not be loaded: Failed to fetch", "minor", 0),
        ("an image did not load on 'Green scarf' (1 of 2)", "moderate", 0),
        ("an image did not load on 'Green scarf' (2 of 2)", "moderate", 0),
        ("a JavaScript error on /orders/track: TypeError: x is undefined", "serious", 2),
        ("a resource answered with an error on /orders/track: HTTP 500: http://shop.test/api/stock", "moderate", 2),
        ("the page crashed on /done: the page crashed (its renderer died)", "critical", 3),
    ]
    assert result.findings[0].where == where(0)
    assert result.findings[0].evidence == {"kind": "request_failed"}
    assert result.findings[2].evidence == {"kind": "broken_image", "screenshot": SHOT}


def test_errors_while_the_first_page_loads_count_too() -> None:
    trace = make_trace(events=[event("exception", "Error: boot", action=None, step=None)])

    result = find_errors(trace)

    assert result.value == 1
    assert result.findings[0].where == "(journeys/checkout.feature:8)"


def test_a_missing_picture_is_one_error_not_a_broken_image_and_an_http_error() -> None:
    scarf = "http://shop.test/products/green-scarf"
    trace = make_trace(
        pages=[page(0, url=scarf, heading="Green scarf", broken_images=1)],
        events=[event("http_error", "HTTP 404: http://shop.test/images/green-scarf.jpg", url=scarf, action=0)],
    )

    result = find_errors(trace)

    assert result.value == 1
    assert [f.message for f in result.findings] == ["an image did not load on 'Green scarf'"]


def test_a_picture_pathwalk_blocked_is_not_the_sites_broken_image() -> None:
    shop = "http://shop.test/offers"
    trace = make_trace(
        pages=[page(0, url=shop, heading="Offers", broken_images=2)],
        events=[event("request_failed", "net::ERR_BLOCKED_BY_CLIENT.Inspector: http://ads.test/pixel.png", url=shop),
                event("request_failed", "net::ERR_BLOCKED_BY_CLIENT: http://ads.test/frame", url=shop)],
    )

    result = find_errors(trace)

    assert result.value == 1  # the other broken picture is the site's own
    assert [f.message for f in result.findings] == ["an image did not load on 'Offers'"]


def test_image_errors_beyond_the_broken_images_and_on_other_pages_still_count() -> None:
    trace = make_trace(
        pages=[page(0, heading="Shop", broken_images=1), page(1, heading="About")],
        events=[
            event("http_error", "HTTP 404: http://shop.test/a.png", page=0),
            event("http_error", "HTTP 404: http://shop.test/b.webp", page=0),  # a second, not shown as broken
            event("http_error", "HTTP 404: http://shop.test/hero.jpg", page=1),  # a CSS background, say
        ],
    )

    result = find_errors(trace)

    assert result.value == 3
    assert [f.message for f in result.findings] == [
        "a resource answered with an error on /p0: HTTP 404: http://shop.test/b.webp",
        "a resource answered with an error on /p1: HTTP 404: http://shop.test/hero.jpg",
        "an image did not load on 'Shop'",
    ]


def test_what_is_not_the_site_failing_the_customer_is_not_an_error() -> None:
    trace = make_trace(events=[
        event("request_failed", "net::ERR_ABORTED: http://shop.test/api/slow"),  # cancelled by a navigation
        event("request_failed", "net::ERR_BLOCKED_BY_CLIENT: http://ads.test/x.js"),  # pathwalk blocked it
        event("console_error", "Failed to load resource: the server responded with a status of 404 (Not Found)"),
        event("handoff", "left for mailto:hello@shop.test (not followed: an app)"),
        event("popup", "the site opened 1 new window"),
        event("dialog", "alert: Saved"),
        event("download", "invoice.pdf from http://shop.test/invoice (saved as downloads/invoice.pdf)"),
    ])

    assert find_errors(trace) == CheckResult("errors", 0, [])


@pytest.mark.parametrize(("url", "short"), [
    ("http://shop.test/signup", "/signup"),
    ("http://shop.test", "/"),
    ("http://shop.test/find?q=mug#top", "/find?q=mug#top"),
    ("about:blank", "about:blank"),
])
def test_short_url(url: str, short: str) -> None:
    assert short_url(url) == short


# -- hand-offs ---------------------------------------------------------------------------------


def test_handoffs_popups_and_app_links_in_the_order_they_happened() -> None:
    trace = make_trace(
        open_url("http://shop.test/help/talk", step=0),
        click("Chat with us", role="link", step=1, href="http://chat.test/", box=BOX),
        click("Email us", role="link", step=2, href="mailto:hello@shop.test"),
        click("Call us", role="link", step=2, href="tel:+442079460000"),
        click("Opening hours", role="link", step=3),
        pages=[page(0, step=0, url="http://shop.test/help/talk", screenshot=SHOT)],
        events=[
            event("popup", "the site opened 1 new window", action=4, step=3),
            event("handoff", "left for http://chat.test/ (followed)", action=1, step=1),
            event("handoff", "left for mailto:hello@shop.test (not followed: an app)", action=2, step=2),
        ],
    )

    result = find_handoffs(trace)

    assert result.value == 4
    assert [(f.message, f.step, f.element) for f in result.findings] == [
        ("handed over to another site or channel after clicking the 'Chat with us' link: left for "
         "http://chat.test/ (followed)", 1, "the 'Chat with us' link"),
        ("handed over to another site or channel after clicking the 'Email us' link: left for "
         "mailto:hello@shop.test (not followed: an app)", 2, "the 'Email us' link"),
        ("clicking the 'Call us' link hands the customer over to the phone (tel:+442079460000)", 2,
         "the 'Call us' link"),
        ("a new window opened after clicking the 'Opening hours' link: the site opened 1 new window", 3,
         "the 'Opening hours' link"),
    ]
    assert all(f.severity == "moderate" for f in result.findings)
    assert result.findings[0].evidence == {"screenshot": SHOT, "scale": "1", "box": "10,20,120,40"}
    assert result.findings[0].where == where(1)


def test_a_popup_from_the_same_click_as_a_handoff_is_one_handoff() -> None:
    trace = make_trace(click("Chat with us", role="link"),
                       events=[event("handoff", "left for http://chat.test/ (followed)", action=0),
                               event("popup", "the site opened 1 new window", action=0)])

    assert find_handoffs(trace).value == 1


def test_a_handoff_while_opening_a_page_or_before_any_action_names_no_click() -> None:
    trace = make_trace(
        open_url("http://partner.test/", step=0),
        events=[event("popup", "the site opened 2 new windows", action=None, step=0),
                event("handoff", "left for http://partner.test/ (followed)", action=0, step=0)],
    )

    result = find_handoffs(trace)

    assert [(f.message, f.element, f.evidence) for f in result.findings] == [
        ("a new window opened: the site opened 2 new windows", "", {}),
        ("handed over to another site or channel: left for http://partner.test/ (followed)", "", {}),
    ]


def test_ordinary_links_and_buttons_are_not_handoffs() -> None:
    trace = make_trace(click("Returns", role="link", href="http://shop.test/help/returns"), click("Pay"),
                       events=[event("dialog", "confirm: Leave?", action=0)])

    assert find_handoffs(trace) == CheckResult("handoffs", 0, [])


# -- accessibility -----------------------------------------------------------------------------


LABEL = Violation(rule="label", impact="critical", help="Form elements must have labels", nodes=2,
                  target="#promo")
CONTRAST = Violation(rule="color-contrast", impact="serious",
                     help="Elements must meet minimum color contrast ratio thresholds", nodes=1, target="p.small")
REGION = Violation(rule="region", impact="moderate", help="All page content should be contained by landmarks",
                   nodes=3, target="div.banner")


def test_serious_and_critical_violations_count_per_page_visit_and_rule_and_all_are_listed() -> None:
    trace = make_trace(pages=[
        page(0, step=1, url="http://shop.test/signup", a11y=[LABEL, CONTRAST, REGION], screenshot=SHOT),
        page(1, step=2, url="http://shop.test/", a11y=None),  # not checked
        page(2, step=2, url="http://shop.test/basket", a11y=[]),  # checked, clean
        page(3, step=3, url="http://shop.test/signup", a11y=[LABEL]),  # visited again
    ])

    result = find_a11y_serious(trace)

    assert result.value == 3
    assert result.counts_findings is False
    assert [(f.message, f.severity, f.element, f.step) for f in result.findings] == [
        ("Form elements must have labels (label) on 2 elements at /signup", "critical", "#promo", 1),
        ("Elements must meet minimum color contrast ratio thresholds (color-contrast) on 1 element at /signup",
         "serious", "p.small", 1),
        ("All page content should be contained by landmarks (region) on 3 elements at /signup", "moderate",
         "div.banner", 1),
        ("Form elements must have labels (label) on 2 elements at /signup", "critical", "#promo", 3),
    ]
    assert result.findings[0].evidence == {"rule": "label", "impact": "critical", "screenshot": SHOT}
    assert result.findings[3].evidence == {"rule": "label", "impact": "critical"}


def test_minor_and_moderate_violations_are_listed_but_not_counted() -> None:
    trace = make_trace(pages=[page(0, a11y=[REGION, dataclasses.replace(REGION, rule="x", impact="minor", help="")])])

    result = find_a11y_serious(trace)

    assert result.value == 0
    assert [(f.message, f.severity) for f in result.findings] == [
        ("All page content should be contained by landmarks (region) on 3 elements at /p0", "moderate"),
        ("x (x) on 3 elements at /p0", "minor"),
    ]


def test_an_unknown_impact_is_listed_as_moderate() -> None:
    trace = make_trace(pages=[page(0, a11y=[dataclasses.replace(CONTRAST, impact="")])])

    result = find_a11y_serious(trace)

    assert (result.value, result.findings[0].severity) == (0, "moderate")


def test_pages_not_checked_add_nothing() -> None:
    assert find_a11y_serious(make_trace(pages=[page(0), page(1)])) == CheckResult("a11y_serious", 0, [],
                                                                                  counts_findings=False)


# -- dead ends: severities, error pages that answer 200, contact pages with no way to contact --------


def test_severity_says_how_stuck_the_customer_is() -> None:
    trace = make_trace(pages=[
        page(0, status=404, heading="Page not found", links=5),
        page(1, status=500, heading="Server error", links=0),
        page(2, status=200, heading="Contact support", links=0),
    ])

    result = find_dead_ends(trace)

    assert [(f.message, f.severity) for f in result.findings] == [
        ("dead end at 'Page not found': the page answered HTTP 404", "serious"),
        ("dead end at 'Server error': the page answered HTTP 500 and no link, button or form leads on", "critical"),
        ("dead end at 'Contact support': no link, button or form leads on", "critical"),
    ]


def test_an_error_page_answering_200_is_a_serious_dead_end() -> None:
    trace = make_trace(pages=[page(0, step=2, url="http://shop.test/wishlist", title="Something went wrong",
                                   heading="Something went wrong", links=12, screenshot=SHOT,
                                   text="Demo Shop Home Help Basket Something went wrong Sorry, we could not load "
                                        "your wish list.")])

    result = find_dead_ends(trace)

    assert result == CheckResult("dead_ends", 1, [Finding(
        check="dead_ends",
        message="dead end at 'Something went wrong': an error page: it says 'Something went wrong' (answered HTTP 200)",
        step=2, where=where(2), url="http://shop.test/wishlist", evidence={"screenshot": SHOT}, severity="serious")])


@pytest.mark.parametrize(("title", "heading", "text", "said"), [
    ("Page not found", "", "", "Page not found"),
    ("Demo Shop", "Oops!", "", "Oops"),
    ("Error 404 | Demo Shop", "Gift cards", "", "404"),
    ("Demo Shop", "ACCESS DENIED", "", "ACCESS DENIED"),
    ("Demo Shop", "Sorry", "Home Basket An error occurred while loading your order.", "An error occurred"),
    ("Demo Shop", "Sorry", "Home Basket Error 500 - please try again", "Error 500"),
    ("Demo Shop", "We are sorry", "Internal Server Error", "Internal Server Error"),
    ("Demo Shop", "Lost?", "The product you asked for was not found.", "not found"),
])
def test_error_words_in_the_title_heading_or_first_words(title: str, heading: str, text: str, said: str) -> None:
    result = find_dead_ends(make_trace(pages=[page(0, title=title, heading=heading, text=text, links=3)]))

    assert result.value == 1
    assert result.findings[0].message.endswith(f"an error page: it says '{said}' (answered HTTP 200)")
    assert result.findings[0].severity == "serious"


@pytest.mark.parametrize(("title", "heading", "text"), [
    ("Blue mug", "Blue mug", "A mug for tea. " * 14 + "Reviews not found for this product."),  # past 200 chars
    ("Your order", "Order DS-14045", "Thank you, your order DS-140451 is on its way."),  # 404 inside a number
    ("Search", "Search results", "No results found for 'teapot'."),
    ("Help", "Help", "Returns Delivery Where is my order? Talk to us"),  # a help index, not a contact page
    ("Returns", "Returns", "To return an item, please contact our support team."),  # mentions contact in text
    ("Supported browsers", "Supported browsers", "We test in Chromium and Firefox."),  # 'supported' is not 'support'
])
def test_ordinary_pages_are_not_error_pages_or_contact_mazes(title: str, heading: str, text: str) -> None:
    assert find_dead_ends(make_trace(pages=[page(0, title=title, heading=heading, text=text, links=4)])).value == 0


def test_a_contact_page_with_no_way_to_make_contact_is_a_dead_end() -> None:
    trace = make_trace(pages=[page(0, step=3, url="http://shop.test/contact", title="Contact us | Demo Shop",
                                   heading="Contact us", links=9, buttons=1,
                                   text="Demo Shop Home Contact us Our team will get back to you.")])

    result = find_dead_ends(trace)

    assert result.value == 1
    assert result.findings[0].message == ("dead end at 'Contact us': it says contact us but offers no way to: "
                                          "no form, field, e-mail address or phone number")
    assert (result.findings[0].severity, result.findings[0].where) == ("serious", where(3))


@pytest.mark.parametrize("heading", ["Customer support", "Get in touch", "Talk to us", "Customer service",
                                     "Help desk", "CONTACT"])
def test_contact_pages_go_by_many_names(heading: str) -> None:
    assert find_dead_ends(make_trace(pages=[page(0, heading=heading, links=3, text="We are here for you.")])).value == 1


@pytest.mark.parametrize(("forms", "with_field", "text"), [
    (1, False, ""),  # a form
    (0, True, ""),  # a field (drawn by script, no form element)
    (0, False, "Write to hello@demo-shop.example and we answer within a day."),
    (0, False, "Call us on +44 20 7946 0000, 9am to 5pm."),
    (0, False, "Ring (020) 7946-0000."),
])
def test_a_contact_page_with_a_form_field_email_or_phone_is_fine(forms: int, with_field: bool, text: str) -> None:
    from tests.traces import shown

    contact = page(0, heading="Contact us", links=3, forms=forms, fields=[shown("Message")] if with_field else [],
                   text=text)

    assert find_dead_ends(make_trace(pages=[contact])).value == 0


def test_a_short_number_is_not_a_phone_number() -> None:
    contact = page(0, heading="Contact us", links=3, text="Open 9 to 5, 7 days a week, since 1998.")

    assert find_dead_ends(make_trace(pages=[contact])).value == 1


def test_each_page_counts_once_for_its_first_reason() -> None:
    stuck = page(0, status=404, heading="Contact support - page not found", links=0, text="Oops")

    result = find_dead_ends(make_trace(pages=[stuck]))

    assert [f.message for f in result.findings] == [
        "dead end at 'Contact support - page not found': the page answered HTTP 404 and no link, button or form "
        "leads on"]


# -- version 1 traces: none of the new signals -------------------------------------------------


def version_1_trace() -> Trace:
    """A trace as pathwalk.trace/1 stored it: no watch, no events' actions, no text, no a11y."""
    return Trace.from_dict({
        "schema": "pathwalk.trace/1",
        "journey": {"name": "A customer buys a lamp", "feature_file": "journeys/checkout.feature", "line": 8},
        "steps": [{"index": 0, "keyword": "Given", "text": "a customer", "line": 10}],
        "actions": [
            {"index": 0, "step": 0, "kind": "open", "url": "http://shop.test/", "page": None},
            {"index": 1, "step": 0, "kind": "click", "url": "http://shop.test/", "page": 0,
             "element": {"role": "button", "name": "Add to basket", "tag": "button"}},
            {"index": 2, "step": 0, "kind": "click", "url": "http://shop.test/basket", "page": 1,
             "element": {"role": "link", "name": "Checkout", "tag": "a"}},
        ],
        "pages": [
            {"index": 0, "step": 0, "url": "http://shop.test/", "status": 200, "title": "Shop", "links": 4},
            {"index": 1, "step": 0, "url": "http://shop.test/basket", "status": 200, "title": "Basket", "links": 2},
        ],
        "events": [{"kind": "dialog", "step": 0, "url": "http://shop.test/", "detail": "alert: hi"}],
    })


@pytest.mark.parametrize("check", SIGNAL_CHECKS, ids=lambda c: c.__name__)
def test_version_1_traces_show_none_of_the_new_signals(check: Any) -> None:
    assert check(version_1_trace()).value == 0


def test_version_1_traces_keep_their_dead_ends() -> None:
    assert find_dead_ends(version_1_trace()).value == 0
