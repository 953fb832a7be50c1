"""Steps that move the customer around: opening pages, following links, going back."""

from __future__ import annotations

from pathwalk.customer import Customer
from pathwalk.steps.catalog import customer_step


@customer_step("navigation", "I open the home page", "Given I open the home page")
def open_home(customer: Customer) -> None:
    """Opens the site's home page (the base URL)."""
    customer.open("/")


@customer_step("navigation", 'I open "{path}"', 'Given I open "/help/delivery"')
def open_page(customer: Customer, path: str) -> None:
    """Opens a page of the site by its path, as if typed into the address bar."""
    customer.open(path)


@customer_step("navigation", 'I follow "{name}"', 'When I follow "Help"')
def follow(customer: Customer, name: str) -> None:
    """Clicks the link with that visible name."""
    customer.follow(name)


@customer_step("navigation", "I go back", "And I go back")
def go_back(customer: Customer) -> None:
    """Presses the browser's back button."""
    customer.go_back()


@customer_step("navigation", "I reload the page", "And I reload the page")
def reload(customer: Customer) -> None:
    """Reloads the current page."""
    customer.reload()
