"""docs/measures.md says exactly what the checks' docstrings say."""

from __future__ import annotations

from pathlib import Path

from pathwalk.checks import BUILTIN_CHECKS
from pathwalk.measures import definitions, updated

GUIDE = Path(__file__).parent.parent / "docs" / "measures.md"


def test_the_guide_holds_every_checks_definition_as_its_docstring_says() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    fix = "run `python -m pathwalk.measures docs/measures.md`"
    assert updated(guide) == guide, f"docs/measures.md is out of date: {fix}"
    for check in BUILTIN_CHECKS:
        assert f"### `{check.name}` ({check.unit})" in guide


def test_each_definition_is_the_docstring_itself() -> None:
    from pathwalk.checks import clicks

    assert clicks.__doc__ is not None
    assert clicks.__doc__.strip().splitlines()[0] in definitions()
