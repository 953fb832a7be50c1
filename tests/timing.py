"""Walking again when a shared machine stalls a walk whose timings a test judges."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
WALKS = 3


def steady_walk(walk: Callable[[], T], slow: Callable[[T], object], what: str) -> T:
    """The first of at most WALKS walks in which ``slow`` finds nothing, else the last walk.

    Waits and load times are measured on the machine running the tests, and a shared CI machine
    can stall one action for a second. A stall does not come back on the next walk; a wrong
    figure does, so it still fails. Each walk again is a warning, to stay visible."""
    for attempt in range(1, WALKS):
        walked = walk()
        if not (found := slow(walked)):
            return walked
        warnings.warn(f"{what}: walk {attempt} was slow ({found}), walked again", stacklevel=2)
    return walk()
