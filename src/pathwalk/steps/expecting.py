"""Steps that state what the customer expects to see."""

from __future__ import annotations

from pathwalk.customer import Customer
from pathwalk.steps.catalog import customer_step


@customer_step("expecting", 'I should see "{text}"', 'Then I should see "Thank you for your order"')
def should_see(customer: Customer, text: str) -> None:
    """Expects the text to be visible on the page."""
    customer.sees(text)


@customer_step("expecting", 'I should not see "{text}"', 'Then I should not see "Something went wrong"')
def should_not_see(customer: Customer, text: str) -> None:
    """Expects the text not to be visible on the page."""
    customer.does_not_see(text)


@customer_step("expecting", 'I should be on "{path}"', 'Then I should be on "/checkout/confirmation"')
def should_be_on(customer: Customer, path: str) -> None:
    """Expects the page's path (the URL without host and query)."""
    customer.is_on(path)


@customer_step("expecting", 'I should be on the "{title}" page', 'Then I should be on the "Your basket" page')
def should_be_on_page(customer: Customer, title: str) -> None:
    """Expects the page's main heading (or its title) to be this."""
    customer.is_on_page(title)


@customer_step("expecting", 'the "{label}" field should show an error', 'Then the "Email" field should show an error')
def field_shows_error(customer: Customer, label: str) -> None:
    """Expects the field to be marked invalid (aria-invalid, or the browser's own validation)."""
    customer.sees_error_on(label)
