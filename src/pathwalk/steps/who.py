"""Steps that say who the customer is: always first-time, on the device a persona gives them."""

from __future__ import annotations

from pathwalk.customer import Customer
from pathwalk.errors import JourneyError
from pathwalk.personas import Persona, PersonaError, find_persona
from pathwalk.steps.catalog import customer_step


def _fresh(customer: Customer) -> None:
    cookies = customer.page.context.cookies()
    if cookies:
        raise JourneyError(f"Expected a fresh browser, found {len(cookies)} cookies already set.")


def _become(customer: Customer, personas: dict[str, Persona], name: str) -> None:
    try:
        customer.become(find_persona(personas, name))
    except PersonaError as exc:
        raise JourneyError(str(exc)) from None


@customer_step("who and when", "I am a first-time customer", "Given I am a first-time customer")
def first_time_customer(customer: Customer) -> None:
    """Checks the browser is fresh: no cookies from an earlier visit."""
    _fresh(customer)


@customer_step("who and when", "I am a first-time customer on the home page",
               "Given I am a first-time customer on the home page")
def first_time_customer_home(customer: Customer) -> None:
    """A fresh browser, then the home page."""
    _fresh(customer)
    customer.open("/")


@customer_step("who and when", "I am a first-time customer on a {device:w}",
               "Given I am a first-time customer on a phone")
def first_time_customer_on(customer: Customer, pathwalk_personas: dict[str, Persona], device: str) -> None:
    """A fresh browser on that persona's device: phone, tablet, desktop or one from personas.yaml."""
    _become(customer, pathwalk_personas, device)


@customer_step("who and when", 'I am a first-time customer as "{persona}"',
               'Given I am a first-time customer as "commuter"')
def first_time_customer_as(customer: Customer, pathwalk_personas: dict[str, Persona], persona: str) -> None:
    """A fresh browser with that persona's device, locale and network (see personas.yaml)."""
    _become(customer, pathwalk_personas, persona)


