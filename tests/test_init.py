"""`pathwalk init` and `pathwalk steps` as a new user meets them, in an empty directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pathwalk.steps.catalog import CATALOG, GROUPS

ROOT = Path(__file__).resolve().parents[1]


def pathwalk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pathwalk.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.browser
def test_init_then_pytest_walks_the_example_journeys_green(tmp_path: Path) -> None:
    project = tmp_path / "journeys-project"
    made = pathwalk("init", str(project))
    assert made.returncode == 0, made.stderr
    for name in ("pytest.ini", "conftest.py", "standards.yaml", "personas.yaml", ".gitignore",
                 "journeys/finding_help.feature", "steps/example.py", "friction_checks/README.md",
                 ".github/workflows/journeys.yml"):
        assert (project / name).is_file(), name
    assert "pytest" in made.stdout  # says what to run next

    walked = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert walked.returncode == 0, walked.stdout[-3000:]
    assert "2 passed" in walked.stdout
    assert (project / "reports" / "friction-summary.json").exists()
    assert any((project / "reports" / "allure-results").glob("*-result.json"))


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "standards.yaml").write_text("# mine\n")
    refused = pathwalk("init", str(tmp_path))
    assert refused.returncode == 1
    assert "already has standards.yaml; use --force to overwrite them" in refused.stderr
    assert (tmp_path / "standards.yaml").read_text() == "# mine\n"
    assert not (tmp_path / "pytest.ini").exists()  # nothing half-written
    forced = pathwalk("init", str(tmp_path), "--force")
    assert forced.returncode == 0
    assert "version: 1" in (tmp_path / "standards.yaml").read_text()


def test_steps_prints_the_whole_catalog_grouped() -> None:
    done = pathwalk("steps")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings == [group.upper() for group in GROUPS]
    for doc in CATALOG:
        assert f"  {doc.pattern}" in lines
        assert f"      {doc.description}" in lines
    assert len(CATALOG) >= 25


def test_the_template_pins_the_same_report_and_accessibility_tools_as_pathwalk() -> None:
    """A new project's `npm install` gets the Allure and axe-core versions pathwalk is tested with."""
    ours = json.loads((ROOT / "package.json").read_text())
    template = json.loads((ROOT / "src/pathwalk/templates/project/package.json").read_text())
    assert template["devDependencies"] == ours["devDependencies"]
    assert template["dependencies"] == ours["dependencies"] == {"axe-core": ours["dependencies"]["axe-core"]}
