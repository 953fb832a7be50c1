"""Personas: who walks a journey — device, viewport, locale, timezone, colour scheme, network.

Every persona is still a first-time customer (a fresh browser context); the persona only says
what that customer walks with. Built in: ``desktop`` (the default), ``phone`` and ``tablet``.
A project adds or overrides personas in ``personas.yaml``::

    personas:
      commuter: {device: "Pixel 7", network: slow-3g}
      night-owl: {viewport: {width: 1280, height: 800}, color_scheme: dark, locale: de-DE,
                  timezone: Europe/Berlin}

A journey picks one with a tag (``@persona:commuter``) or a step ("I am a first-time customer
on a phone").
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

# Chromium network throttling (CDP Network.emulateNetworkConditions), bytes per second.
NETWORKS: dict[str, dict[str, float]] = {
    "slow-3g": {"latency": 400, "downloadThroughput": 400 * 1024 / 8, "uploadThroughput": 400 * 1024 / 8},
    "fast-3g": {"latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8},
}
COLOR_SCHEMES = ("light", "dark", "no-preference")


class PersonaError(ValueError):
    """A persona cannot be used; the message names the file or persona and what to change."""


@dataclass(frozen=True)
class Persona:
    name: str
    device: str | None = None
    viewport: dict[str, int] | None = None
    locale: str = "en-GB"
    timezone: str | None = None
    color_scheme: str | None = None
    network: str | None = None

    def context_options(self, devices: dict[str, Any]) -> dict[str, Any]:
        """Options for ``browser.new_context``: the device's, then this persona's own."""
        options: dict[str, Any] = {}
        if self.device:
            if self.device not in devices:
                close = difflib.get_close_matches(self.device, list(devices), n=3)
                hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
                raise PersonaError(f"persona '{self.name}': unknown device {self.device!r}.{hint}")
            options.update({k: v for k, v in devices[self.device].items() if k != "default_browser_type"})
        if self.viewport:
            options["viewport"] = dict(self.viewport)
        options["locale"] = self.locale
        if self.timezone:
            options["timezone_id"] = self.timezone
        if self.color_scheme:
            options["color_scheme"] = self.color_scheme
        return options


BUILTIN = {
    "desktop": Persona("desktop", viewport={"width": 1280, "height": 800}),
    "phone": Persona("phone", device="Pixel 7"),
    "tablet": Persona("tablet", device="Galaxy Tab S4"),
}
DEFAULT = "desktop"
_KEYS = [f.name for f in fields(Persona) if f.name != "name"]


def _persona(path: Path, name: str, entry: Any) -> Persona:
    where = f"{path}: personas.{name}"
    if not isinstance(entry, dict):
        raise PersonaError(f"{where}: expected a mapping of settings ({', '.join(_KEYS)})")
    for key in entry:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise PersonaError(f"{where}.{key}: unknown setting.{hint} Settings: {', '.join(_KEYS)}.")
    network, scheme, viewport = entry.get("network"), entry.get("color_scheme"), entry.get("viewport")
    if network is not None and network not in NETWORKS:
        raise PersonaError(f"{where}.network: unknown network {network!r}; use one of {', '.join(NETWORKS)}")
    if scheme is not None and scheme not in COLOR_SCHEMES:
        raise PersonaError(f"{where}.color_scheme: use one of {', '.join(COLOR_SCHEMES)}")
    if viewport is not None and not (isinstance(viewport, dict) and set(viewport) == {"width", "height"}
                                     and all(isinstance(v, int) and v > 0 for v in viewport.values())):
        raise PersonaError(f"{where}.viewport: expected {{width: N, height: N}} in pixels")
    return Persona(name=name, **entry)


def load_personas(path: Path) -> dict[str, Persona]:
    """Built-in personas plus the project's (which win on a name clash); no file is fine."""
    personas = dict(BUILTIN)
    if not path.exists():
        return personas
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PersonaError(f"{path}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or set(data) - {"personas"} or not isinstance(data.get("personas", {}), dict):
        raise PersonaError(f"{path}: expected `personas:` with one mapping per persona (see docs/writing-journeys.md)")
    for name, entry in (data.get("personas") or {}).items():
        personas[str(name)] = _persona(path, str(name), entry)
    return personas


def find_persona(personas: dict[str, Persona], name: str) -> Persona:
    if name not in personas:
        close = difflib.get_close_matches(name, list(personas), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise PersonaError(f"unknown persona '{name}'.{hint} Personas: {', '.join(sorted(personas))}.")
    return personas[name]
