"""Run-level Allure files: the friction categories and the environment, written once per run.

These are not test results, so they are written as files into the results folder at the end of
the run (on the xdist controller). ``CATEGORIES`` is the one place the categories are defined:
they match the messages pathwalk itself writes (``journey.breach_error``, ``customer.JourneyError``).

How Allure 3 takes them (checked against the pinned ``allure`` 3.18):

- categories: its report (the *awesome* plugin) applies only the ``categories`` option of
  ``allurerc``; it ignores ``categories.json`` in the results (only the classic/Allure 2 plugins
  read that). So pathwalk writes ``categories.json`` and the project's ``allurerc.mjs`` loads it.
  The rules use the Allure 2 keys (``matchedStatuses``, ``messageRegex``), which Allure 3 accepts;
  ``[\\s\\S]*`` around each pattern because Allure 2 matches the whole message, Allure 3 searches it.
- environment: Allure 3's ``environment`` option is an environment *name*; the key/value table
  comes from ``environment.properties`` in the results, as in Allure 2.

A test result gets the first category that matches, so the specific friction categories come
before the catch-all "Exceeds experience standard".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pathwalk.jsonout import strict_json

CATEGORIES_FILE = "categories.json"
ENVIRONMENT_FILE = "environment.properties"
# pathwalk's own Allure config, used when the project has none (the reference project's is a copy)
DEFAULT_CONFIG = Path(__file__).with_name("allurerc.mjs")
# the names Allure 3 looks for in its working directory, in its order
CONFIG_FILES = ("allurerc.js", "allurerc.mjs", "allurerc.cjs", "allurerc.ts", "allurerc.mts", "allurerc.cts",
                "allurerc.json", "allurerc.yaml", "allurerc.yml")


def _containing(*alternatives: str) -> str:
    """A regex matching a message that contains any of the given regexes, in Allure 2 and 3 alike."""
    return r"[\s\S]*(" + "|".join(alternatives) + r")[\s\S]*"


# Friction categories list the journeys themselves (the category says why); broken ones group by the error.
_JOURNEYS = {"groupByMessage": False, "expand": True}
CATEGORIES: list[dict[str, Any]] = [
    {"name": "Repeated input", "matchedStatuses": ["failed"], "messageRegex": _containing("'repeated_inputs'"),
     **_JOURNEYS},
    {"name": "Dead end", "matchedStatuses": ["failed"], "messageRegex": _containing("'dead_ends'"), **_JOURNEYS},
    {"name": "Unlabelled field", "matchedStatuses": ["failed"], "messageRegex": _containing("'unlabelled_fields'"),
     **_JOURNEYS},
    {"name": "Exceeds experience standard", "matchedStatuses": ["failed"],
     "messageRegex": _containing("exceeds its experience standards"), **_JOURNEYS},
    {"name": "Journey needs fixing (undefined or ambiguous step)", "matchedStatuses": ["broken"],
     "messageRegex": _containing("Step definition is not found", "StepDefinitionNotFoundError", "undefined step:",
                                 " elements match ", "No link named", "No button", "No field", "No file to upload")},
    {"name": "Site error", "matchedStatuses": ["broken"],
     "messageRegex": _containing(r"HTTP (status )?[1-5]\d\d", "net::", "Timeout")},
]


def _escape_property(value: str, key: bool = False) -> str:
    """Java .properties escaping (what Allure's reader parses), non-ASCII as \\uXXXX."""
    out = []
    for index, char in enumerate(value):
        if char == "\\" or (key and char in "=:#! ") or (char == " " and index == 0):
            out.append("\\" + char)
        elif char in "\n\r\t\f":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f"}[char])
        elif not " " <= char <= "~":
            out.append("".join(f"\\u{unit:04x}" for unit in _utf16(char)))
        else:
            out.append(char)
    return "".join(out)


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def environment(run: Mapping[str, Any]) -> dict[str, str]:
    """The run metadata a reader of the report wants first: where, with what, at which commit."""
    def listed(key: str) -> str:
        values = run.get(key) or []
        return ", ".join(str(v) for v in values) if values else "-"

    return {
        "Base URL": listed("base_url"),
        "Browser": listed("browser"),
        "Commit": str(run.get("commit") or "-"),
        "Personas": listed("persona"),
    }


def environment_properties(run: Mapping[str, Any]) -> str:
    return "".join(f"{_escape_property(k, key=True)}={_escape_property(v)}\n" for k, v in environment(run).items())


def write_run_files(results: Path, run: Mapping[str, Any]) -> None:
    """Write categories.json and environment.properties into the Allure results folder."""
    results.mkdir(parents=True, exist_ok=True)
    (results / CATEGORIES_FILE).write_text(strict_json(CATEGORIES, indent=2), encoding="utf-8")
    (results / ENVIRONMENT_FILE).write_text(environment_properties(run), encoding="utf-8")


def find_config(cwd: Path) -> Path:
    """The project's own Allure config (where Allure would look for it), else pathwalk's."""
    return next((cwd / name for name in CONFIG_FILES if (cwd / name).is_file()), DEFAULT_CONFIG)

