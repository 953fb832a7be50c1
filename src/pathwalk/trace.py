"""The journey trace: what one scenario did, recorded once and judged many times.

A trace is plain data with a versioned JSON form (``pathwalk.trace/3``) so checks can be
run again on stored traces and tested on hand-made ones without a browser.
Typed values are never stored: only a salted hash (to spot repetition) and a length.
Versions 2 and 3 only added fields (with defaults), so older traces are still read; version 3
added fields' identity on their page (``key``), role and placeholder, and names taken from
Chromium's accessibility tree.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pathwalk.jsonout import strict_json

SCHEMA = "pathwalk.trace/3"
READABLE = ("pathwalk.trace/1", "pathwalk.trace/2", SCHEMA)


class TraceError(ValueError):
    """A stored trace cannot be read (wrong schema version or malformed)."""


@dataclass
class Element:
    """What the customer acted on, described the way a person (or screen reader) sees it."""

    role: str = ""
    name: str = ""
    label: str = ""
    field_name: str = ""
    autocomplete: str = ""
    input_type: str = ""
    tag: str = ""
    href: str = ""  # where a link leads (absolute URL): mailto:, tel: and other sites are hand-offs
    frame: str = ""  # URL of the iframe the element is in ("" in the page itself)
    key: str = ""  # a field's identity on its page (see Field.key); "" for buttons, links, older traces

    def describe(self) -> str:
        """Words for a report: "the 'Email' field", "the 'Continue' button"."""
        shown = self.label or self.name or self.field_name or self.tag
        kind = {"textbox": "field", "combobox": "field", "searchbox": "field", "spinbutton": "field",
                "link": "link", "button": "button"}.get(self.role, "")
        if not kind and (self.tag in ("input", "select", "textarea") or self.key):
            kind = "field"
        return f"the '{shown}' {kind}".rstrip() if shown else "an unnamed element"


@dataclass
class Field:
    """A form field visible on a page (what the site asks of the customer)."""

    label: str = ""
    field_name: str = ""
    autocomplete: str = ""
    input_type: str = ""
    required: bool = False
    frame: str = ""  # URL of the iframe the field is in ("" in the page itself)
    # Its identity on the page, the same on every reading (probe.js keys()): the form it belongs to
    # and its name; radio buttons of one name share it, other fields sharing a name are numbered.
    key: str = ""
    role: str = ""  # as Chromium's accessibility tree has it: textbox, combobox, checkbox, radio...
    placeholder: str = ""


@dataclass
class Step:
    """One Gherkin step of the journey."""

    index: int
    keyword: str
    text: str
    line: int
    started: float = 0.0
    ended: float | None = None
    outcome: str = "pending"  # pending | passed | failed | undefined

    @property
    def title(self) -> str:
        return f"{self.keyword} {self.text}".strip()


@dataclass
class Violation:
    """An accessibility rule a page breaks, as axe-core reports it."""

    rule: str
    impact: str  # minor | moderate | serious | critical
    help: str = ""
    nodes: int = 1
    target: str = ""  # the first offending element, as axe-core points at it


@dataclass
class Page:
    """A view the customer arrived at, with the ways forward it offered.

    ``kind`` is "document" for a page load and "route" for a single-page app's client-side
    route change (history.pushState/replaceState, hash change) within the same document.
    """

    index: int
    step: int | None
    url: str
    status: int | None = None
    title: str = ""
    heading: str = ""
    links: int = 0
    buttons: int = 0
    forms: int = 0
    fields: list[Field] = field(default_factory=list)
    screenshot: str | None = None
    arrived: float = 0.0
    scale: float = 1.0  # device pixels per CSS pixel in the screenshot
    kind: str = "document"  # document | route
    text: str = ""  # the start of the visible text (secrets redacted), to recognise error pages
    broken_images: int = 0
    scroll_height: int = 0  # CSS pixels of the whole page, and of the window showing it
    viewport_height: int = 0
    lcp_s: float | None = None  # Core Web Vitals as the page reported them (None: not measured)
    cls: float | None = None
    inp_s: float | None = None
    a11y: list[Violation] | None = None  # None: not checked (axe-core not available)

    @property
    def ways_forward(self) -> int:
        return self.links + self.buttons + self.forms


@dataclass
class Action:
    """One thing the customer did: click, fill, select, check, uncheck, press or open."""

    index: int
    step: int | None
    kind: str
    url: str
    page: int | None
    element: Element = field(default_factory=Element)
    value_hash: str | None = None
    value_length: int = 0
    started: float = 0.0
    settled_s: float = 0.0
    box: list[float] | None = None  # x, y, width, height in page pixels: where to highlight it
    # What the page did in answer, within the watch window after the action (see the recorder):
    watched: bool = False  # the recorder watched for an answer; False (older traces): nothing measured
    feedback_s: float | None = None  # time to the first visible answer; None: none seen
    navigated: bool = False  # a new document or a client-side route change
    mutations: int = 0  # DOM changes (added/removed nodes, attributes, text)
    requests: int = 0  # network requests the page made
    scroll_px: int = 0  # how far the page had to scroll to bring the target into view
    set_fields: list[str] = field(default_factory=list)  # keys of fields a click set (a stepper's "+")


EVENT_KINDS = (
    "dialog",  # alert/confirm/prompt/beforeunload
    "popup",  # the site opened a new window or tab
    "crash",  # the page's renderer died
    "console_error",  # console.error() or a console message of level error
    "exception",  # an uncaught JavaScript exception
    "request_failed",  # a request that got no answer (network error, blocked, aborted)
    "http_error",  # a sub-resource answered HTTP >= 400
    "handoff",  # the customer was sent to another site or channel (origin, mailto:, tel:)
    "download",  # the site sent a file (saved under reports/ only)
)


@dataclass
class Event:
    """Something the site did besides the customer's actions (see ``EVENT_KINDS``).

    ``action`` is the index of the customer's latest action when it happened (None before any).
    """

    kind: str
    step: int | None
    url: str
    detail: str = ""
    at: float = 0.0
    action: int | None = None


@dataclass
class Journey:
    """Which scenario this is, and where it is written."""

    name: str
    feature: str = ""
    feature_file: str = ""
    line: int = 0
    tags: list[str] = field(default_factory=list)
    nodeid: str = ""


@dataclass
class Trace:
    """Everything one walk of a journey recorded."""

    journey: Journey
    base_url: str = ""
    browser: str = ""
    persona: str = "desktop"
    started_at: str = ""
    duration_s: float = 0.0
    outcome: str = "passed"  # passed | broken
    error: str | None = None
    steps: list[Step] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: str = SCHEMA

    def step(self, index: int | None) -> Step | None:
        if index is None or not 0 <= index < len(self.steps):
            return None
        return self.steps[index]

    def where(self, step_index: int | None) -> str:
        """Step text and feature:line, the way a finding tells a reader where to look."""
        step = self.step(step_index)
        if step is None:
            return f"({self.journey.feature_file}:{self.journey.line})"
        return f"'{step.title}' ({self.journey.feature_file}:{step.line})"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return strict_json(self.to_dict(), indent=2)

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)  # a reader never sees half a trace, even if the run is killed
        return path

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trace:
        if not isinstance(data, dict):
            raise TraceError(f"malformed trace: expected a JSON object, got {type(data).__name__}")
        schema = data.get("schema")
        if schema not in READABLE:
            known = [repr(r) for r in READABLE]
            raise TraceError(f"unsupported trace schema {schema!r}; this pathwalk reads "
                             f"{', '.join(known[:-1])} and {known[-1]}")
        try:
            return cls(
                journey=Journey(**data["journey"]),
                base_url=data.get("base_url", ""),
                browser=data.get("browser", ""),
                persona=data.get("persona", "desktop"),
                started_at=data.get("started_at", ""),
                duration_s=data.get("duration_s", 0.0),
                outcome=data.get("outcome", "passed"),
                error=data.get("error"),
                steps=[Step(**s) for s in data.get("steps", [])],
                actions=[
                    Action(**{**a, "element": Element(**a.get("element", {}))}) for a in data.get("actions", [])
                ],
                pages=[_page(p) for p in data.get("pages", [])],
                events=[Event(**e) for e in data.get("events", [])],
            )
        except (KeyError, TypeError) as exc:
            raise TraceError(f"malformed trace: {exc}") from exc

    @classmethod
    def load(cls, path: Path) -> Trace:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise TraceError(f"{path}: cannot read trace: {exc}") from exc
        return cls.from_dict(data)


def _page(data: dict[str, Any]) -> Page:
    violations = data.get("a11y")
    return Page(**{
        **data,
        "fields": [Field(**f) for f in data.get("fields", [])],
        "a11y": None if violations is None else [Violation(**v) for v in violations],
    })
