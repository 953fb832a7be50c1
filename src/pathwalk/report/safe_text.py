"""Page-supplied text made safe for a terminal or Markdown: no escape sequences, no control characters.

A page's text (link labels, console errors, dialogs, titles) reaches pathwalk's messages, and a
terminal obeys what it prints: ``ESC[2J`` clears the screen, an OSC 8 sequence hides a link behind
harmless words. Every output that prints such text passes it through ``safe_text`` first.
"""

from __future__ import annotations

import re

import pytest

_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: ESC [ parameters, intermediates, final byte
    r"|\x1b[\]P^_X][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, PM, APC, SOS: up to BEL or ST (or the end)
    r"|\x1b[ -/]*[0-~]?"  # any other escape sequence (ESC c, ESC ( B, ...), or a lone ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # the rest of C0 (tab and newline stay), DEL and C1
)


def safe_text(text: object) -> str:
    """The text without escape sequences or control characters other than newline and tab."""
    return _UNSAFE.sub("", str(text))


def one_line(text: object) -> str:
    """Safe text for a table cell: whitespace runs (newlines and tabs included) become one space."""
    return " ".join(safe_text(text).split())


def clean_report(report: pytest.TestReport) -> None:
    """A journey's failure text and captured output, made safe: page text reaches both.

    A failure that needs no cleaning keeps pytest's own layout; one that does is shown as plain text.
    """
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # a skip: (file, line, reason)
        report.longrepr = (longrepr[0], longrepr[1], safe_text(longrepr[2]))
    elif longrepr is not None and safe_text(text := str(longrepr)) != text:
        report.longrepr = safe_text(text)
    report.sections = [(title, safe_text(content)) for title, content in report.sections]
