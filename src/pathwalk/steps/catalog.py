"""The step catalog: every built-in step registered once with its pattern, meaning and an example.

`pathwalk steps`, the undefined-step suggestions and docs/writing-journeys.md all read this list,
so what QA sees documented is exactly what the plugin accepts.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pytest_bdd import parsers, step

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class StepDoc:
    group: str
    pattern: str
    description: str
    example: str
    regex: str | None = None

    def matches(self, text: str) -> bool:
        """Whether a step's text (without its keyword) is this step."""
        parser = parsers.re(self.regex) if self.regex else parsers.parse(self.pattern)
        return bool(parser.is_matching(text))


CATALOG: list[StepDoc] = []
GROUPS = ("navigation", "acting", "expecting", "who and when")


def customer_step(group: str, pattern: str, example: str, *, regex: str | None = None) -> Callable[[F], F]:
    """Register a step for any keyword (Given/When/Then/And) and list it in the catalog.

    ``pattern`` is what people read (parse-style ``{name}`` fields); ``regex`` replaces it for
    matching where a parse pattern cannot say it (optional words, a trailing table).
    """

    def register(func: F) -> F:
        description = (inspect.getdoc(func) or "").split("\n\n")[0].replace("\n", " ")
        CATALOG.append(StepDoc(group, pattern, description, example, regex))
        parser = parsers.re(regex) if regex else parsers.parse(pattern)
        step(parser, stacklevel=2)(func)  # injects the step fixture into the defining module
        return func

    return register


def render_catalog() -> list[str]:
    """The catalog as text, grouped, for `pathwalk steps`."""
    lines: list[str] = []
    for group in GROUPS:
        docs = [d for d in CATALOG if d.group == group]
        if not docs:
            continue
        lines += ["", f"{group.upper()}"]
        for doc in docs:
            lines += [f"  {doc.pattern}", f"      {doc.description}", f"      e.g. {doc.example}"]
    return lines[1:]
