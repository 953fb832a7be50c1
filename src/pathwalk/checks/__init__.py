"""Friction checks: pure functions from a journey trace to figures and findings.

Each module defines one check (``CHECK``) with its definition and source. ``run_checks``
applies them all, so a stored trace can be judged again without walking the journey.
"""

from __future__ import annotations

from collections.abc import Iterable

from pathwalk.checks import (
    a11y_serious,
    clicks,
    cls,
    dead_clicks,
    dead_ends,
    effort_seconds,
    error_clicks,
    errors,
    fields_shown,
    form_fields,
    handoffs,
    keystrokes,
    lcp_seconds,
    pages_visited,
    rage_clicks,
    repeated_inputs,
    scrolls,
    security_reentries,
    unlabelled_fields,
    wait_seconds,
)
from pathwalk.findings import Check, CheckResult
from pathwalk.trace import Trace

BUILTIN_CHECKS: tuple[Check, ...] = (
    effort_seconds.CHECK,  # the headline: estimated seconds of the customer's time
    clicks.CHECK,
    repeated_inputs.CHECK,
    security_reentries.CHECK,
    dead_ends.CHECK,
    form_fields.CHECK,
    wait_seconds.CHECK,
    unlabelled_fields.CHECK,
    keystrokes.CHECK,
    pages_visited.CHECK,
    fields_shown.CHECK,
    scrolls.CHECK,
    lcp_seconds.CHECK,
    cls.CHECK,
    dead_clicks.CHECK,
    error_clicks.CHECK,
    rage_clicks.CHECK,
    errors.CHECK,
    handoffs.CHECK,
    a11y_serious.CHECK,
)


# Figures of the work a journey asks for; every other check's findings are friction.
EFFORT_CHECKS = frozenset(check.name for check in BUILTIN_CHECKS if check.measures == "effort")


class CheckFailed(Exception):
    """A check raised instead of judging the trace (a bug in the check, usually a custom one)."""


def run_checks(trace: Trace, checks: Iterable[Check] = BUILTIN_CHECKS) -> dict[str, CheckResult]:
    """Every check's result for one trace, keyed by check name."""
    results = {}
    for check in checks:
        try:
            results[check.name] = check.run(trace)
        except Exception as exc:
            raise CheckFailed(f"check '{check.name}' ({check.origin}) failed on journey "
                              f"'{trace.journey.name}': {type(exc).__name__}: {exc}") from exc
    return results


__all__ = ["BUILTIN_CHECKS", "EFFORT_CHECKS", "Check", "CheckFailed", "CheckResult", "run_checks"]
