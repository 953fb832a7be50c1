"""`pathwalk init`: a new journeys project that walks the demo shop green out of the box."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

TEMPLATE = "templates/project"


def _target(relative: Path) -> Path:
    """Template names cannot start with a dot (package data skips them): dot-x becomes .x."""
    return Path(*(p.replace("dot-", ".", 1) if p.startswith("dot-") else p for p in relative.parts))


def init_project(directory: Path, force: bool = False) -> list[Path]:
    """Copy the project template into ``directory``; never overwrite unless ``force``."""
    with as_file(files("pathwalk").joinpath(TEMPLATE)) as template:
        sources = sorted(p for p in Path(template).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        planned = [(source, directory / _target(source.relative_to(template))) for source in sources]
        existing = [target for _, target in planned if target.exists()]
        if existing and not force:
            listed = ", ".join(str(p.relative_to(directory)) for p in existing)
            raise FileExistsError(f"{directory} already has {listed}; use --force to overwrite them.")
        for source, target in planned:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return [target for _, target in planned]
