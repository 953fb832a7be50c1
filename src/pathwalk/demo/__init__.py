"""A small, deliberately imperfect web shop bundled with pathwalk.

It gives journeys and the test suite a real site to walk offline, with known friction for
every check to detect (listed in FRICTION.md), a single-page-app section (the gift finder)
and a clean section (tea tastings) that must give no findings at all.
"""

from __future__ import annotations

from pathwalk.demo.server import DemoShop

__all__ = ["DemoShop"]
