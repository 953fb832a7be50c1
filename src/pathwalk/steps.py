"""Built-in steps in the customer's words, enabled by the plugin for every journey.

Each step finds things as a person does (role and name, label, visible text) through the
recorded :class:`~pathwalk.customer.Customer`, so every action lands in the journey trace.
"""

from __future__ import annotations

from pytest_bdd import parsers, step

from pathwalk.customer import Customer, JourneyError


@step("I am a first-time customer")
def first_time_customer(customer: Customer) -> None:
    """The browser context is fresh: prove it has no cookies from an earlier visit."""
    cookies = customer.page.context.cookies()
    if cookies:
        raise JourneyError(f"Expected a fresh browser, found {len(cookies)} cookies already set.")


@step("I am a first-time customer on the home page")
def first_time_customer_home(customer: Customer) -> None:
    first_time_customer(customer)
    customer.open("/")


@step(parsers.parse('I open "{path}"'))
def open_page(customer: Customer, path: str) -> None:
    customer.open(path)


@step(parsers.parse('I click "{name}"'))
def click(customer: Customer, name: str) -> None:
    customer.click(name)


@step(parsers.parse('I follow "{name}"'))
def follow(customer: Customer, name: str) -> None:
    customer.follow(name)


@step(parsers.parse('I press "{name}"'))
def press(customer: Customer, name: str) -> None:
    customer.press(name)


@step(parsers.parse('I fill in "{label}" with "{value}"'))
def fill(customer: Customer, label: str, value: str) -> None:
    customer.fill(label, value)


@step(parsers.re(r"I fill in (?:my|the) (?P<what>[^:\"]+):"))
def fill_table(customer: Customer, datatable: list[list[str]]) -> None:
    """Rows of `| label | value |`; a first row `| field | value |` is taken as a header."""
    rows = datatable[1:] if [c.strip().lower() for c in datatable[0]] == ["field", "value"] else datatable
    for label, value, *_ in rows:
        customer.fill(label.strip(), value)


@step(parsers.parse('I choose "{option}" from "{label}"'))
def choose(customer: Customer, option: str, label: str) -> None:
    customer.select(label, option)


@step(parsers.parse('I tick "{label}"'))
def tick(customer: Customer, label: str) -> None:
    customer.check(label)


@step(parsers.parse('I untick "{label}"'))
def untick(customer: Customer, label: str) -> None:
    customer.uncheck(label)


@step(parsers.parse('I should see "{text}"'))
def should_see(customer: Customer, text: str) -> None:
    customer.sees(text)
