"""Pictures of where friction happened: the page the customer saw, with the element outlined.

The recorder keeps one full-page screenshot per page and each action's box, so a picture with
the element highlighted is composed afterwards as an SVG (the PNG embedded, a rectangle over it),
without taking more screenshots while walking or needing an imaging library.
"""

from __future__ import annotations

import base64
import struct
from html import escape
from pathlib import Path


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
