"""Files the demo shop's pages load besides HTML: the autumn hero image and the gift finder's script.

The hero image is drawn here (a plain PNG made with zlib) rather than shipped as a binary, and
scripts are read from the package's static/ folder. Anything else under /images/ is missing
on purpose (the green scarf's photo is a broken image).
"""

from __future__ import annotations

import struct
import zlib
from functools import cache
from importlib.resources import files

from pathwalk.demo.campaigns import HERO_IMAGE

_STATIC = {"/static/gift-finder.js": ("gift-finder.js", "text/javascript; charset=utf-8")}
# Autumn colours, top to bottom, each a band of the hero image.
_BANDS = ((0xB5, 0x4A, 0x1E), (0xD9, 0x8C, 0x2B), (0x8C, 0x5A, 0x2B), (0x5E, 0x3A, 0x1F))
HERO_SIZE = (1200, 900)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@cache
def hero_png() -> bytes:
    """A 1200x900 PNG in horizontal autumn-coloured bands: big enough to be the page's largest paint."""
    width, height = HERO_SIZE
    rows = []
    for y in range(height):
        red, green, blue = _BANDS[y * len(_BANDS) // height]
        rows.append(b"\x00" + bytes((red, green, blue)) * width)  # filter byte 0, then RGB pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + _chunk(b"IEND", b""))


def asset(path: str) -> tuple[bytes, str] | None:
    """The body and content type served at this path, or None if there is no such file."""
    if path == HERO_IMAGE:
        return hero_png(), "image/png"
    if path in _STATIC:
        name, content_type = _STATIC[path]
        return files("pathwalk.demo").joinpath("static", name).read_bytes(), content_type
    return None
