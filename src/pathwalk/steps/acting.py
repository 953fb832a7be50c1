"""Steps that act on the page: clicking, pressing, filling, choosing, ticking, uploading, waiting."""

from __future__ import annotations

from pathwalk.customer import Customer
from pathwalk.steps.catalog import customer_step


@customer_step("acting", 'I click "{name}"', 'When I click "Add to basket"')
def click(customer: Customer, name: str) -> None:
    """Clicks the button or link with that visible name."""
    customer.click(name)


@customer_step("acting", 'I press "{name}"', 'And I press "Continue"')
def press(customer: Customer, name: str) -> None:
    """Clicks the button with that visible name."""
    customer.press(name)


@customer_step("acting", 'I fill in "{label}" with "{value}"', 'And I fill in "Email" with "{unique email}"')
def fill(customer: Customer, label: str, value: str) -> None:
    """Types the value into the field with that label (${ENV} secrets and {unique ...} values work)."""
    customer.fill(label, value)


@customer_step("acting", "I fill in my <anything>:  + a table of | label | value | rows",
               "And I fill in my delivery address:\n      | Postcode | N1 9GU |",
               regex=r"I fill in (?:my|the) (?P<what>[^:\"]+):")
def fill_table(customer: Customer, datatable: list[list[str]]) -> None:
    """Fills several fields, one table row each; a first row `| field | value |` is a header."""
    rows = datatable[1:] if [c.strip().lower() for c in datatable[0]] == ["field", "value"] else datatable
    for label, value, *_ in rows:
        customer.fill(label.strip(), value)


@customer_step("acting", 'I choose "{option}" from "{label}"', 'And I choose "Express" from "Delivery speed"')
def choose(customer: Customer, option: str, label: str) -> None:
    """Picks the option (by its visible text) in the dropdown with that label."""
    customer.select(label, option)


@customer_step("acting", 'I pick the "{option}" option', 'And I pick the "Gift wrap" option')
def pick(customer: Customer, option: str) -> None:
    """Selects the radio button with that label."""
    customer.pick(option)


@customer_step("acting", 'I pick "{option}" for "{question}"', 'And I pick "Yes" for "Is this a gift?"')
def pick_for(customer: Customer, option: str, question: str) -> None:
    """Selects the radio button with that label inside the group (fieldset) asking the question."""
    customer.pick(option, question)


@customer_step("acting", 'I tick "{label}"', 'And I tick "Send me offers"')
def tick(customer: Customer, label: str) -> None:
    """Ticks the checkbox with that label."""
    customer.check(label)


@customer_step("acting", 'I untick "{label}"', 'And I untick "Send me offers"')
def untick(customer: Customer, label: str) -> None:
    """Unticks the checkbox with that label."""
    customer.uncheck(label)


@customer_step("acting", 'I upload "{file}" to "{label}"', 'And I upload "files/receipt.pdf" to "Receipt"')
def upload(customer: Customer, file: str, label: str) -> None:
    """Chooses a file (path relative to the feature file) in the file field with that label."""
    customer.upload(label, file)


@customer_step("acting", 'I press the "{key}" key', 'And I press the "Enter" key')
def press_key(customer: Customer, key: str) -> None:
    """Presses a keyboard key (Enter, Tab, Escape, ArrowDown...) where the focus is."""
    customer.press_key(key)


@customer_step("acting", "I wait {seconds:g} seconds", "And I wait 2 seconds")
def wait(customer: Customer, seconds: float) -> None:
    """The customer waits; reported as waiting time (wait_seconds) like any slow page."""
    customer.wait(seconds)
