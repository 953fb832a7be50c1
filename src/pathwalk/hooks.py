"""Hooks a project can implement (in conftest.py or a plugin) to extend pathwalk."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathwalk.journey import Outcome


@pytest.hookspec
def pathwalk_journey_finished(item: pytest.Item, outcome: Outcome) -> None:
    """Called once per walked journey with its trace, check results and verdict.

    Use it to send figures elsewhere (a dashboard, a chat message); it runs on the
    process that walked the journey (an xdist worker under ``-n``).
    """
