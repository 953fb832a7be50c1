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
import re
import zoneinfo
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pathwalk.yamlsafe import Document, YamlFileError, read_yaml

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


# Bounds of a real screen in CSS pixels (an 8K display); beyond them Chromium spends minutes painting.
MAX_VIEWPORT = 7680
# BCP 47 language tags as browsers accept them: language, script, region, variants (en, en-GB, zh-Hant-TW).
_LOCALE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?"
                     r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*")


def _hint(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _persona(document: Document, name: str, entry: Any, devices: Callable[[], Collection[str]]) -> Persona:
    keys = ("personas", name)

    def fail(setting: str | None, message: str) -> PersonaError:
        where = (*keys, setting) if setting else keys
        line = document.line_of(where)
        return PersonaError(f"{document.path}:{line}: {'.'.join(where)}: {message}")

    if not isinstance(entry, dict):
        raise fail(None, f"expected a mapping of settings ({', '.join(_KEYS)})")
    for key in entry:
        if key not in _KEYS:
            raise fail(str(key), f"unknown setting.{_hint(str(key), _KEYS)} Settings: {', '.join(_KEYS)}.")
    for key in ("device", "locale", "timezone", "color_scheme", "network"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise fail(key, f"expected text, got {entry[key]!r}")
    device, locale, timezone = entry.get("device"), entry.get("locale"), entry.get("timezone")
    network, scheme, viewport = entry.get("network"), entry.get("color_scheme"), entry.get("viewport")
    if device is not None and device not in (known := devices()):
        close = difflib.get_close_matches(device, list(known), n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise fail("device", f"unknown device {device!r}.{hint} Devices are Playwright's (playwright.devices).")
    if locale is not None and not _LOCALE.fullmatch(locale):
        raise fail("locale", f"{locale!r} is not a language tag; write one like en-GB, de-DE or zh-Hant-TW")
    if timezone is not None and not _known_timezone(timezone):
        raise fail("timezone", f"unknown time zone {timezone!r}; use an IANA name like Europe/Berlin")
    if network is not None and network not in NETWORKS:
        raise fail("network", f"unknown network {network!r}; use one of {', '.join(NETWORKS)}")
    if scheme is not None and scheme not in COLOR_SCHEMES:
        raise fail("color_scheme", f"use one of {', '.join(COLOR_SCHEMES)}")
    if viewport is not None and not (
            isinstance(viewport, dict) and set(viewport) == {"width", "height"}
            and all(type(v) is int and 0 < v <= MAX_VIEWPORT for v in viewport.values())):
        raise fail("viewport", f"expected {{width: N, height: N}} in pixels, each 1 to {MAX_VIEWPORT}")
    return Persona(name=name, **entry)


def _known_timezone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return False
    return True


def playwright_devices() -> list[str]:
    """The device names Playwright knows, asked of Playwright itself (its driver starts for it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return list(playwright.devices)


def load_personas(path: Path, devices: Callable[[], Collection[str]] = playwright_devices) -> dict[str, Persona]:
    """Built-in personas plus the project's (which win on a name clash); no file is fine.

    Everything is checked here, before anything is walked; ``devices`` is only asked for when a
    persona names a device.
    """
    personas = dict(BUILTIN)
    if not path.exists():
        return personas
    try:
        document = read_yaml(path, "personas file")
    except YamlFileError as exc:
        raise PersonaError(str(exc)) from None
    data = {} if document.data is None else document.data
    if not isinstance(data, dict) or set(data) - {"personas"} or not isinstance(data.get("personas") or {}, dict):
        raise PersonaError(f"{path}:1: expected `personas:` with one mapping per persona "
                           "(see docs/writing-journeys.md)")
    known: list[Collection[str]] = []

    def cached_devices() -> Collection[str]:
        if not known:
            known.append(set(devices()))
        return known[0]

    for name, entry in (data.get("personas") or {}).items():
        personas[str(name)] = _persona(document, str(name), entry, cached_devices)
    return personas


def find_persona(personas: dict[str, Persona], name: str) -> Persona:
    if name not in personas:
        close = difflib.get_close_matches(name, list(personas), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise PersonaError(f"unknown persona '{name}'.{hint} Personas: {', '.join(sorted(personas))}.")
    return personas[name]
