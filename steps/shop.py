"""Steps in the demo shop's own words, composed from pathwalk's recorded customer actions.

A project's steps live here, beside its journeys; pathwalk's built-in steps
("I follow ...", "I fill in ... with ...") need no code at all.
"""

from __future__ import annotations

from pytest_bdd import parsers, step

from pathwalk import Customer


@step(parsers.parse('I add the "{product}" to my basket'))
def add_to_basket(customer: Customer, product: str) -> None:
    customer.follow(product)
    customer.press("Add to basket")


@step("I go to the checkout")
def go_to_checkout(customer: Customer) -> None:
    customer.press("Checkout")


@step(parsers.parse('I sign up as "{name}" with "{email}"'))
def sign_up(customer: Customer, name: str, email: str) -> None:
    customer.follow("Sign up")
    customer.fill("Name", name)
    customer.fill("Email", email)
    customer.fill("Password", "correct horse battery staple")
    customer.fill("Confirm password", "correct horse battery staple")
    customer.press("Create account")


@step(parsers.parse('I press "{name}" again'))
def press_again(customer: Customer, name: str) -> None:
    """The customer presses the same button once more (nothing seemed to happen the first time)."""
    customer.press(name)
