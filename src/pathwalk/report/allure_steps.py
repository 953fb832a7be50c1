"""Each Gherkin step's own line in Allure: its effort as parameters, no fixture objects, a screenshot.

allure-pytest-bdd records every Gherkin step as an Allure step and lists all the step function's
arguments as parameters, fixtures included. pathwalk reaches its lifecycle (there is no public
API for step parameters) to keep only the values written in the step, and to add the step's
effort: clicks, fields filled, seconds waited.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import allure
import pytest
from allure_commons.model2 import Parameter

PLAIN = (str, int, float, bool)


def _lifecycle(config: pytest.Config) -> Any | None:
    for plugin in config.pluginmanager.get_plugins():
        if type(plugin).__name__ == "PytestBDDListener":
            return getattr(plugin, "lifecycle", None)
    return None


def _update_step(config: pytest.Config, step: Any) -> Any:
    lifecycle = _lifecycle(config)
    if lifecycle is None:
        return None
    from allure_pytest_bdd.steps import get_step_uuid

    return lifecycle.update_step(uuid=get_step_uuid(step))


def keep_written_parameters(config: pytest.Config, step: Any, step_func_args: Mapping[str, Any]) -> None:
    """Drop parameters that are fixture objects (the customer, the page...), keep typed values."""
    objects = {name for name, value in step_func_args.items() if not isinstance(value, PLAIN)}
    updating = _update_step(config, step)
    if updating is None or not objects:
        return
    with updating as result:
        if result is not None:
            result.parameters = [p for p in result.parameters if p.name not in objects]


def add_step_effort(config: pytest.Config, step: Any, effort: Mapping[str, str]) -> None:
    updating = _update_step(config, step)
    if updating is None or not effort:
        return
    with updating as result:
        if result is not None:
            result.parameters.extend(Parameter(name=name, value=value) for name, value in effort.items())


def attach_screen(png: bytes, name: str) -> None:
    """Attach to the step that is still open (call before allure-pytest-bdd closes it)."""
    allure.attach(png, name=name, attachment_type=allure.attachment_type.PNG)
