"""Which checks run: the built-ins, the project's ``friction_checks/``, plugins and hooks.

A project extends pathwalk without forking it: a module in ``friction_checks/`` (or one a
package registers under the ``pathwalk.checks`` entry-point group, or a ``pytest_pathwalk_add_checks``
hook in conftest.py) defines ``CHECK = Check(...)`` (or ``CHECKS = [...]``) and runs like a
built-in, with its own budget in standards.yaml. Problems are reported once, with the file and
what to change, before any journey is walked.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import traceback
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

from pathwalk.checks import BUILTIN_CHECKS
from pathwalk.findings import Check

ENTRY_POINT_GROUP = "pathwalk.checks"
PROJECT_FOLDER = "friction_checks"
EXAMPLE = "CHECK = Check(name=..., unit=..., definition=..., source=..., run=my_function)"


class CheckLoadError(Exception):
    """A custom check cannot be used; the message names where it is and what to change."""


def _checks_in(module: Any, where: str) -> list[Check]:
    """The Check objects a module (or an entry point's object) offers."""
    if isinstance(module, Check):
        return [module]
    found = getattr(module, "CHECKS", None)
    if found is None and getattr(module, "CHECK", None) is not None:
        found = [module.CHECK]
    if found is None:
        raise CheckLoadError(f"{where}: defines no check. Add `{EXAMPLE}` (or a CHECKS list).")
    checks = list(found)
    for check in checks:
        if not isinstance(check, Check):
            raise CheckLoadError(f"{where}: {check!r} is not a pathwalk.findings.Check. Write `{EXAMPLE}`.")
    return checks


def _import_file(path: Path) -> ModuleType:
    name = f"pathwalk_project_checks.{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CheckLoadError(f"{path}: cannot be imported as a Python module.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling need the module to be findable
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        frame = next((f for f in reversed(traceback.extract_tb(exc.__traceback__))
                      if Path(f.filename).resolve() == path.resolve()), None)
        line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else (frame.lineno if frame else None)
        where = f"{path}:{line}" if line else str(path)
        raise CheckLoadError(f"{where}: the check module failed to load: {type(exc).__name__}: {exc}") from None
    return module


def project_checks(folder: Path) -> Iterator[Check]:
    """Checks defined by the modules in a project's ``friction_checks/`` folder (if it exists)."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        for check in _checks_in(_import_file(path), str(shown)):
            yield dataclasses.replace(check, origin=str(shown))


def plugin_checks() -> Iterator[Check]:
    """Checks installed packages register under the ``pathwalk.checks`` entry-point group."""
    for point in entry_points(group=ENTRY_POINT_GROUP):
        where = f"entry point '{point.name} = {point.value}'"
        try:
            loaded = point.load()
        except Exception as exc:
            raise CheckLoadError(f"{where}: cannot be loaded: {type(exc).__name__}: {exc}") from None
        for check in _checks_in(loaded, where):
            yield dataclasses.replace(check, origin=where)


def assemble(*sources: Iterable[Check]) -> tuple[Check, ...]:
    """Built-ins first, then each source in order; a name may be used once."""
    checks: dict[str, Check] = {c.name: c for c in BUILTIN_CHECKS}
    for source in sources:
        for check in source:
            if not isinstance(check, Check):
                raise CheckLoadError(f"pytest_pathwalk_add_checks hook: {check!r} is not a pathwalk.findings.Check.")
            if not check.name.isidentifier() or check.name != check.name.lower():
                raise CheckLoadError(f"{check.origin}: check name {check.name!r} must be a lowercase identifier "
                                     "(it is a key in standards.yaml), e.g. 'checkout_pages'.")
            if check.name in checks:
                raise CheckLoadError(f"{check.origin}: a check named '{check.name}' already exists "
                                     f"({checks[check.name].origin}); give this one another name.")
            checks[check.name] = check
    return tuple(checks.values())


def load_checks(root: Path, folders: Iterable[Path] = (),
                hooked: Iterable[Iterable[Check] | None] = ()) -> tuple[Check, ...]:
    """Every check for a project at ``root``: built-ins, folders (default friction_checks/), plugins, hooks."""
    folders = list(folders) or [root / PROJECT_FOLDER]
    hook = "pytest_pathwalk_add_checks hook"
    from_hooks = (dataclasses.replace(c, origin=hook if c.origin == "built-in" else c.origin)
                  for group in hooked for c in group or ())
    return assemble(*(project_checks(f) for f in folders), plugin_checks(), from_hooks)
