"""Bare pytest-bdd + Playwright: the reference journeys' steps with no recording, checks or reports.

The same actions as pathwalk's steps (follow a link by its name, press a button by its name,
fill a field by its label, wait for the page to load after each click), in a fresh browser
context per scenario, against the same demo shop and the same Chromium. It uses pathwalk only
to start the demo shop and to launch Chromium, so both runs walk the same site in the same browser.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pytest_bdd import parsers, step

from pathwalk.browser import launch_chromium
from pathwalk.demo import DemoShop

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def shop_url() -> Iterator[str]:
    with DemoShop() as shop:
        yield shop.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, shop_url: str) -> Iterator[Page]:
    """A fresh context per scenario, with the viewport and locale of pathwalk's default persona."""
    context = browser.new_context(base_url=shop_url, viewport={"width": 1280, "height": 800}, locale="en-GB",
                                  service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def follow_link(page: Page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).first.click()  # a link shown twice is one choice
    page.wait_for_load_state("load")


def press_button(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def fill_field(page: Page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)


@step("I am a first-time customer on the home page")
def home_page(page: Page, shop_url: str) -> None:
    page.goto(shop_url + "/")


@step(parsers.parse('I follow "{name}"'))
def follow(page: Page, name: str) -> None:
    follow_link(page, name)


@step(parsers.parse('I press "{name}"'))
def press(page: Page, name: str) -> None:
    press_button(page, name)


@step(parsers.re(r'I fill in (?:my|the) (?P<what>[^:"]+):'))
def fill_table(page: Page, datatable: list[list[str]]) -> None:
    for label, value, *_ in datatable:
        fill_field(page, label.strip(), value)


@step(parsers.parse('I add the "{product}" to my basket'))
def add_to_basket(page: Page, product: str) -> None:
    follow_link(page, product)
    press_button(page, "Add to basket")


@step("I go to the checkout")
def go_to_checkout(page: Page) -> None:
    press_button(page, "Checkout")


@step(parsers.parse('I sign up as "{name}" with "{email}"'))
def sign_up(page: Page, name: str, email: str) -> None:
    follow_link(page, "Sign up")
    fill_field(page, "Name", name)
    fill_field(page, "Email", email)
    fill_field(page, "Password", PASSWORD)
    fill_field(page, "Confirm password", PASSWORD)
    press_button(page, "Create account")


@step(parsers.parse('I should see "{text}"'))
def should_see(page: Page, text: str) -> None:
    expect(page.get_by_text(text).filter(visible=True).first).to_be_visible()
