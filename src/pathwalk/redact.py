"""Secrets out of every output: one pattern per secret that matches it in any encoding it travels in.

A typed secret reappears far from where it was typed, and rarely as itself: a browser writes
``a b&c/ü`` in a URL as ``a%20b&c/%C3%BC``, a form body as ``a+b%26c%2F%C3%BC``, an HTML
snapshot as ``a b&amp;c/ü``, JSON as ``a b&c/\\u00fc``, and mixtures of these. Rather than list
every whole-string form, the pattern lets each character be itself or any of its encodings
(percent-encoded in either case, ``+`` for a space, an HTML entity, a JSON ``\\u`` escape), so
every mixture matches. Base64 cannot be matched character by character: its standard and
URL-safe forms (padded or not) and, for a secret inside a longer base64 run, the characters
it fixes at each of the three alignments, are matched whole.

The same pattern works on bytes, to rewrite files such as Playwright's trace zip member by member.
"""

from __future__ import annotations

import base64
import dataclasses
import html
import io
import re
import zipfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

MASK = "***"
_MIN_BASE64_CORE = 8  # shorter fragments of a longer base64 run would match at random


def _char_forms(char: str) -> list[str]:
    """Every way one character of a secret may be written (as regex source)."""
    encoded = char.encode("utf-8")
    forms = [re.escape(char), "".join(f"%(?i:{b:02x})" for b in encoded)]
    if char == " ":
        forms.append(r"\+")
    entity = html.escape(char, quote=True)
    if entity != char:
        forms.append(re.escape(entity))
    forms += [f"&#{ord(char)};", f"&#[xX](?i:0*{ord(char):x});", f"\\\\u(?i:{ord(char):04x})"]
    if ord(char) > 0xFFFF:  # a JSON surrogate pair
        high, low = divmod(ord(char) - 0x10000, 0x400)
        forms.append(f"\\\\u(?i:{0xD800 + high:04x})\\\\u(?i:{0xDC00 + low:04x})")
    return forms


def _base64_forms(value: str) -> set[str]:
    data = value.encode("utf-8")
    forms: set[str] = set()
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        whole = encode(data).decode()
        forms |= {whole, whole.rstrip("=")}
        for offset in (1, 2):
            shifted = encode(b"\0" * offset + data).decode()
            core = shifted[-(-8 * offset // 6):(8 * (offset + len(data))) // 6]
            if len(core) >= _MIN_BASE64_CORE:
                forms.add(core)
        core = whole[:(8 * len(data)) // 6]
        if len(core) >= _MIN_BASE64_CORE:
            forms.add(core)
    return forms


@cache
def secret_pattern(value: str) -> str:
    """Regex source matching ``value`` in any of the encodings above."""
    by_char = "".join("(?:" + "|".join(_char_forms(c)) + ")" for c in value)
    whole = sorted(_base64_forms(value), key=len, reverse=True)
    return "|".join([by_char, *(re.escape(f) for f in whole)])


def _ordered(values: Iterable[str]) -> list[str]:
    return sorted({v for v in values if v}, key=len, reverse=True)  # longest first: one secret may hold another


@cache
def _text_pattern(values: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{secret_pattern(v)})" for v in values))


@cache
def _bytes_pattern(values: tuple[str, ...]) -> re.Pattern[bytes]:
    return re.compile(_text_pattern(values).pattern.encode("utf-8"))


def redact(text: str, values: Iterable[str]) -> str:
    """``text`` with every secret in ``values``, in any encoding, shown as ``***``."""
    ordered = tuple(_ordered(values))
    return _text_pattern(ordered).sub(MASK, text) if ordered and text else text


def redact_bytes(data: bytes, values: Iterable[str]) -> bytes:
    ordered = tuple(_ordered(values))
    return _bytes_pattern(ordered).sub(MASK.encode(), data) if ordered and data else data


def holds(data: bytes, values: Iterable[str]) -> bool:
    ordered = tuple(_ordered(values))
    return bool(ordered) and _bytes_pattern(ordered).search(data) is not None


def redact_zip(path: Path, values: Iterable[str]) -> bool:
    """Rewrite a zip (Playwright's trace) with every member redacted; False when a secret is still
    found after the rewrite (the caller must then not keep the file)."""
    ordered = _ordered(values)
    if not ordered:
        return True
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = redact_bytes(source.read(info), ordered)
            if holds(data, ordered):
                return False
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())
    return True


def redact_in_place(record: object, values: Iterable[str]) -> None:
    """Every string held by a dataclass record (nested records, lists and dicts too) redacted: the
    last sweep over a trace, for what a page echoed where no one looked (a title, a link's name)."""
    ordered = tuple(_ordered(values))
    if not ordered:
        return

    def clean(value: object) -> object:
        if isinstance(value, str):
            return redact(value, ordered)
        if isinstance(value, list):
            value[:] = [clean(v) for v in value]
        elif isinstance(value, dict):
            for key in list(value):
                value[key] = clean(value[key])
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                setattr(value, field.name, clean(getattr(value, field.name)))
        return value

    clean(record)


def redact_exception(error: BaseException, values: Iterable[str]) -> None:
    """An error's message redacted in place, with its causes, before anyone reports it (pytest,
    JUnit, allure-pytest-bdd and the trace all read the same exception object)."""
    ordered = tuple(_ordered(values))
    seen: set[int] = set()
    current: BaseException | None = error
    while ordered and current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(redact(a, ordered) if isinstance(a, str) else a for a in current.args)
        for name in ("_message", "msg"):  # Playwright's Error keeps its message apart from args
            held = current.__dict__.get(name)
            if isinstance(held, str):
                setattr(current, name, redact(held, ordered))
        if getattr(current, "__notes__", None):
            current.__notes__ = [redact(n, ordered) for n in current.__notes__]
        current = current.__cause__ or current.__context__
