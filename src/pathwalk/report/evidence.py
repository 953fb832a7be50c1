"""Pictures of where friction happened: the page the customer saw, with the element outlined.

The recorder keeps one screenshot of each whole page and each action's box, so a picture with
the element highlighted is composed afterwards as an SVG (the PNG embedded, a rectangle over it),
without taking more screenshots while walking or needing an imaging library.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from pathwalk.journey import Outcome


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def highlight_svg(screenshot: Path, box: str, caption: str, scale: float = 1.0) -> str:
    """The screenshot with a red outline at ``box`` ("x,y,w,h" in CSS pixels; ``scale`` = device pixel ratio)."""
    data = screenshot.read_bytes()
    width, height = png_size(data)
    x, y, w, h = (float(v) * scale for v in box.split(","))
    pad = 6 * scale
    image = base64.b64encode(data).decode()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{escape(caption)}</title>"
        f'<image href="data:image/png;base64,{image}" width="{width}" height="{height}"/>'
        f'<rect x="{x - pad:g}" y="{y - pad:g}" width="{w + 2 * pad:g}" height="{h + 2 * pad:g}" rx="{pad:g}" '
        f'fill="none" stroke="#e0245e" stroke-width="{4 * scale:g}"/></svg>'
    )


@dataclass(frozen=True)
class Picture:
    """One evidence picture for the report: a dead-end PNG file, or an SVG with the element outlined."""

    name: str
    png: Path | None = None
    svg: str | None = None


def evidence_pictures(outcome: Outcome) -> Iterator[Picture]:
    """A picture at every finding that has a screenshot: the dead-end page, or the element outlined."""
    for result in outcome.results.values():
        for item in result.findings:
            shot = Path(item.evidence.get("screenshot", ""))
            if not item.evidence.get("screenshot") or not shot.exists():
                continue
            if result.check == "dead_ends":
                yield Picture(f"Dead end: {item.url}", png=shot)
            elif "box" in item.evidence:
                caption = f"{result.check}: {item.element} on {urlsplit(item.url).path or item.url}"
                scale = float(item.evidence.get("scale", 1))
                yield Picture(caption, svg=highlight_svg(shot, item.evidence["box"], caption, scale))
