"""Every scenario of the copied journeys/*.feature, as plain pytest-bdd tests (no pathwalk)."""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("journeys")
