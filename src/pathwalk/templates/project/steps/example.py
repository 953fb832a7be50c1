"""An example project step: compose pathwalk's recorded customer actions under your own words."""

from __future__ import annotations

from pytest_bdd import parsers, step

from pathwalk import Customer


@step(parsers.parse('I look at the "{product}"'))
def look_at(customer: Customer, product: str) -> None:
    customer.follow(product)
