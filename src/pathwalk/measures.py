"""docs/measures.md's definitions, written once: in each check's docstring, copied into the guide.

The hand counts of the field trials and the checks must use the same rules, or a "miss" is a
difference of words, not of counting. The guide's block between the markers is generated from the
docstrings; a test fails when they drift, naming the command that brings the guide up to date:
``python -m pathwalk.measures docs/measures.md``.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterable
from pathlib import Path

from pathwalk.checks import BUILTIN_CHECKS
from pathwalk.findings import Check

BEGIN = "<!-- definitions: generated from the checks' docstrings by `python -m pathwalk.measures docs/measures.md` -->"
END = "<!-- end of definitions -->"


def definitions(checks: Iterable[Check] = BUILTIN_CHECKS) -> str:
    """One section per check: its name, unit and its module's docstring, as written."""
    sections = []
    for check in checks:
        module = sys.modules[check.run.__module__]
        text = inspect.cleandoc(module.__doc__ or check.definition)
        sections.append(f"### `{check.name}` ({check.unit})\n\n{text}\n")
    return "\n".join(sections)


def updated(guide: str, checks: Iterable[Check] = BUILTIN_CHECKS) -> str:
    """The guide with its generated block replaced by the checks' current definitions."""
    start, end = guide.index(BEGIN) + len(BEGIN), guide.index(END)
    return f"{guide[:start]}\n\n{definitions(checks)}\n{guide[end:]}"


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/measures.md")
    path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{path}: definitions brought up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
