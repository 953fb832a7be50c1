"""Every JSON file pathwalk writes is standard JSON: no NaN or Infinity, which Python's json module
writes by default and most other readers (jq, JavaScript's JSON.parse, Allure) refuse."""

from __future__ import annotations

import json
import math
from typing import Any


def _finite(value: Any) -> Any:
    """A figure that is not a number is written as null (shown as "-")."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def strict_json(data: Any, indent: int | None = None) -> str:
    """Standard JSON that any reader accepts (no NaN, no Infinity), non-ASCII kept as it is."""
    return json.dumps(_finite(data), allow_nan=False, ensure_ascii=False, indent=indent)
