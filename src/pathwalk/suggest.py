"""Suggestions for an undefined step: the closest steps that do exist, so a typo is a one-line fix."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pytest_bdd.compat import get_fixture_names, getfixturedefs
from pytest_bdd.steps import step_function_context_registry

from pathwalk.steps.catalog import CATALOG

_REGEX_HINT = re.compile(r"\(\?|\\[a-z]|\[\^")


def visible_step_patterns(request: Any) -> list[str]:
    """Patterns of every step definition this journey can use (built-in, project, conftest)."""
    manager, node = request._fixturemanager, request.node
    patterns = []
    for name in get_fixture_names(fixturemanager=manager):
        for definition in getfixturedefs(manager, name, node) or []:
            context = step_function_context_registry.get(definition.func)
            if context is not None:
                patterns.append(str(context.parser.name))
    shown = {doc.pattern for doc in CATALOG}
    return sorted({p for p in patterns if not _REGEX_HINT.search(p)} | shown)


def _shape(text: str) -> str:
    """Text with its quoted values and {fields} blanked, so only the wording is compared."""
    return re.sub(r"\{[^}]*\}", "_", re.sub(r'"[^"]*"', '"_"', text)).lower()


def closest_steps(text: str, patterns: list[str], n: int = 3) -> list[str]:
    shaped = {_shape(p): p for p in patterns}
    matches = difflib.get_close_matches(_shape(text), list(shaped), n=n, cutoff=0.5)
    return [shaped[m] for m in matches]


def undefined_step_message(where: str, keyword: str, text: str, patterns: list[str]) -> str:
    lines = [f"{where}: undefined step: {keyword} {text}"]
    close = closest_steps(text, patterns)
    if close:
        lines += ["  Did you mean:", *(f"    {keyword} {p}" for p in close)]
    lines.append("  `pathwalk steps` lists the built-in steps; a project's own steps go in steps/.")
    return "\n".join(lines)
