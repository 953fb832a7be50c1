"""pathwalk's settings, read once from command-line options and ini keys."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

DEMO = "demo"


@dataclass(frozen=True)
class Settings:
    base_url: str | None
    standards: Path
    reports: Path
    journeys: tuple[Path, ...]
    headed: bool

    @property
    def traces(self) -> Path:
        return self.reports / "traces"

    @property
    def summary(self) -> Path:
        return self.reports / "friction-summary.json"


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("pathwalk", "pathwalk: walk customer journeys and measure friction")
    group.addoption("--pathwalk-base-url", metavar="URL",
                    help="site to walk; 'demo' starts the bundled demo shop (ini: pathwalk_base_url, "
                         "env: PATHWALK_BASE_URL)")
    group.addoption("--pathwalk-standards", metavar="PATH",
                    help="experience standards YAML (ini: pathwalk_standards; default standards.yaml)")
    group.addoption("--pathwalk-reports", metavar="DIR",
                    help="where traces, screenshots and summaries go (ini: pathwalk_reports; default reports)")
    group.addoption("--pathwalk-headed", action="store_true", help="show the browser window")
    parser.addini("pathwalk_base_url", "site to walk; 'demo' starts the bundled demo shop", default="")
    parser.addini("pathwalk_standards", "experience standards YAML", default="standards.yaml")
    parser.addini("pathwalk_reports", "output folder for traces and summaries", default="reports")
    parser.addini("pathwalk_journeys", "folders whose .feature files are journeys", type="paths",
                  default=["journeys"])


def read_settings(config: pytest.Config) -> Settings:
    root = config.rootpath
    base_url = (config.getoption("pathwalk_base_url") or os.environ.get("PATHWALK_BASE_URL")
                or config.getini("pathwalk_base_url") or None)
    if base_url and base_url != DEMO and not base_url.startswith(("http://", "https://")):
        raise pytest.UsageError(
            f"--pathwalk-base-url: {base_url!r} is not a URL; use http(s)://host[:port] or 'demo'.")
    standards = config.getoption("pathwalk_standards") or config.getini("pathwalk_standards")
    reports = config.getoption("pathwalk_reports") or config.getini("pathwalk_reports")
    return Settings(
        base_url=base_url.rstrip("/") if base_url else None,
        standards=(root / standards).resolve(),
        reports=(root / reports).resolve(),
        journeys=tuple(Path(p).resolve() for p in config.getini("pathwalk_journeys")),
        headed=bool(config.getoption("pathwalk_headed")),
    )
