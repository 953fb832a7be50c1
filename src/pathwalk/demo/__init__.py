"""A small, deliberately imperfect web shop bundled with pathwalk.

It gives journeys and the test suite a real site to walk offline, with known
friction (repeated questions, a slow step, dead ends) to detect.
"""

from __future__ import annotations

from pathwalk.demo.server import DemoShop

__all__ = ["DemoShop"]
