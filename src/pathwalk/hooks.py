"""Hooks a project can implement (in conftest.py or a plugin) to extend pathwalk."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathwalk.findings import Check
    from pathwalk.journey import Outcome


@pytest.hookspec
def pytest_pathwalk_add_checks(config: pytest.Config) -> list[Check] | None:
    """Return extra friction checks to run on every journey, like the built-ins.

    The simpler way is a module in ``friction_checks/`` defining ``CHECK = Check(...)``; this
    hook suits checks built from configuration. Each check's name is a key in standards.yaml.
    """


@pytest.hookspec
def pytest_pathwalk_journey_finished(item: pytest.Item, outcome: Outcome) -> None:
    """Called once per walked journey with its trace, check results and verdict.

    Use it to send figures elsewhere (a dashboard, a chat message); it runs on the
    process that walked the journey (an xdist worker under ``-n``).
    """
