"""The JSON Schema of standards.yaml, and its errors said the way a person fixes them.

The schema is generated from the checks pathwalk knows (custom checks included), so an editor
can complete check names (`pathwalk schema > standards.schema.json`) and validation is done by
``jsonschema`` rather than by hand.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

OVERRIDES = ("stages", "personas", "features", "tags", "journeys")
SECTIONS = ("version", "defaults", *OVERRIDES)
LEVEL = {"type": "number", "minimum": 0}


def standards_schema(checks: Iterable[str]) -> dict[str, Any]:
    names = sorted(checks)
    budget = {
        "anyOf": [
            {**LEVEL, "description": "fail level"},
            {"type": "object", "properties": {"warn": LEVEL, "fail": LEVEL},
             "additionalProperties": False, "minProperties": 1},
        ]
    }
    budgets = {"type": ["object", "null"], "propertyNames": {"enum": names}, "additionalProperties": budget}
    override = {"type": ["object", "null"], "additionalProperties": budgets}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pathwalk experience standards",
        "type": "object",
        "properties": {"version": {"const": 1}, "defaults": budgets, **{s: override for s in OVERRIDES}},
        "additionalProperties": False,
    }


def _hint(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _is_level(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _explain_budget(keys: tuple[str, ...], budget: Any) -> tuple[tuple[str, ...], str]:
    """Point at the bad level inside a {warn, fail} mapping, not only at the budget."""
    if isinstance(budget, dict) and budget:
        for level, value in budget.items():
            if level not in ("warn", "fail"):
                return (*keys, str(level)), f"unknown level '{level}'.{_hint(str(level), ('warn', 'fail'))} " \
                    "Levels: warn, fail."
            if not _is_level(value):
                return (*keys, str(level)), f"expected a number >= 0, got {value!r}"
    return keys, f"expected a number >= 0 or {{warn: N, fail: N}}, got {budget!r}"


def _explain(error: ValidationError, checks: list[str]) -> tuple[tuple[str, ...], str]:
    """Where the problem is (keys) and what to do about it."""
    keys = tuple(str(k) for k in error.absolute_path)
    instance: Any = error.instance
    if error.validator == "additionalProperties" and not keys:
        extra = next(k for k in instance if k not in SECTIONS)
        return (str(extra),), f"unknown section.{_hint(str(extra), SECTIONS)} Sections: {', '.join(SECTIONS)}."
    if error.validator in ("propertyNames", "enum") and isinstance(error.instance, str):
        name = error.instance
        where = keys if keys[-1:] == (name,) else (*keys, name)
        return where, f"unknown check '{name}'.{_hint(name, checks)} Known checks: {', '.join(checks)}."
    if keys == ("version",):
        return keys, f"unsupported version {error.instance!r}; this pathwalk reads version 1"
    if error.validator == "anyOf":
        return _explain_budget(keys, instance)
    expected: Any = error.validator_value
    if error.validator == "type" and "object" in expected:
        return keys, "expected a mapping of names to budgets, e.g. `clicks: 10`"
    return keys, error.message


def first_error(data: Any, checks: Iterable[str], line_of: Any) -> tuple[tuple[str, ...], str] | None:
    """The schema error that comes first in the file, explained; None if the data is valid."""
    names = sorted(checks)
    errors = [_explain(e, names) for e in Draft202012Validator(standards_schema(names)).iter_errors(data)]
    return min(errors, key=lambda e: (line_of(e[0]), e[0])) if errors else None
