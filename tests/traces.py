"""Builders for hand-made journey traces, so checks can be tested without a browser.

Actions and pages are built with short helpers (``fill``, ``click``, ``page`` ...) and put
together with ``make_trace``, which numbers the actions in order. Typed values are hashed the
way the recorder does (whitespace collapsed, case folded), only without a salt.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence

from pathwalk.trace import Action, Element, Event, Field, Journey, Page, Step, Trace, Violation

FEATURE_FILE = "journeys/checkout.feature"
JOURNEY_LINE = 8
FIRST_STEP_LINE = 10
STEPS = (
    "Given a first-time customer on the home page",
    "When they add a lamp to the basket",
    "And they check out",
    "Then they see their order number",
)


def url_of(page_index: int | None) -> str:
    """The URL a builder gives a page (or an action on it) unless told otherwise."""
    return f"http://shop.test/p{page_index}"


def digest(value: str) -> str:
    """A stand-in for the recorder's salted hash: equal for the same value typed again."""
    normalised = " ".join(value.split()).casefold().encode()
    return hashlib.sha256(normalised).hexdigest()[:24]


def element(
    label: str = "",
    *,
    role: str = "textbox",
    name: str = "",
    field_name: str = "",
    autocomplete: str = "",
    input_type: str = "text",
    tag: str = "input",
) -> Element:
    return Element(role=role, name=name, label=label, field_name=field_name, autocomplete=autocomplete,
                   input_type=input_type, tag=tag)


def _action(kind: str, target: Element, value: str | None, page: int | None, step: int | None,
            url: str | None, settled_s: float) -> Action:
    return Action(
        index=0, step=step, kind=kind, url=url if url is not None else url_of(page), page=page,
        element=target,
        value_hash=digest(value) if value is not None else None,
        value_length=len(value) if value is not None else 0, settled_s=settled_s,
    )


def fill(
    label: str,
    value: str = "something",
    *,
    page: int | None = 0,
    step: int | None = 1,
    field_name: str | None = None,
    autocomplete: str = "",
    input_type: str = "text",
    url: str | None = None,
    settled_s: float = 0.0,
) -> Action:
    """Typing ``value`` into the field labelled ``label`` (its name defaults to the label, slugged)."""
    name = field_name if field_name is not None else label.lower().replace(" ", "_")
    target = element(label, field_name=name, autocomplete=autocomplete, input_type=input_type)
    return _action("fill", target, value, page, step, url, settled_s)


def select(label: str, option: str, *, page: int | None = 0, step: int | None = 1,
           autocomplete: str = "", url: str | None = None, settled_s: float = 0.0) -> Action:
    """Choosing ``option`` in the drop-down labelled ``label``."""
    target = element(label, role="combobox", field_name=label.lower().replace(" ", "_"),
                     autocomplete=autocomplete, input_type="", tag="select")
    return _action("select", target, option, page, step, url, settled_s)


def tick(kind: str, label: str, *, page: int | None = 0, step: int | None = 1, url: str | None = None,
         settled_s: float = 0.0) -> Action:
    """A check or uncheck of the checkbox labelled ``label``."""
    target = element(label, role="checkbox", field_name=label.lower().replace(" ", "_"),
                     input_type="checkbox")
    return _action(kind, target, None, page, step, url, settled_s)


def click(name: str, *, role: str = "button", page: int | None = 0, step: int | None = 1,
          url: str | None = None, settled_s: float = 0.0, href: str = "", frame: str = "",
          box: Sequence[float] | None = None, watched: bool = False, feedback_s: float | None = None,
          navigated: bool = False, mutations: int = 0, requests: int = 0) -> Action:
    """Clicking the button (or link, with ``role="link"``) named ``name``.

    ``watched=True`` says the recorder watched what the page did in answer (``feedback_s``,
    ``navigated``, ``mutations``, ``requests``); by default it did not, as in a pathwalk.trace/1 trace.
    """
    target = element(role=role, name=name, input_type="", tag="a" if role == "link" else "button")
    return dataclasses.replace(
        _action("click", dataclasses.replace(target, href=href, frame=frame), None, page, step, url, settled_s),
        box=list(box) if box is not None else None, watched=watched, feedback_s=feedback_s, navigated=navigated,
        mutations=mutations, requests=requests)


def open_url(url: str, *, page: int | None = None, step: int | None = 0, settled_s: float = 0.0) -> Action:
    return _action("open", Element(), None, page, step, url, settled_s)


def press(key: str, *, page: int | None = 0, step: int | None = 1, settled_s: float = 0.0) -> Action:
    target = element(role="", name=key, input_type="", tag="")
    return _action("press", target, None, page, step, None, settled_s)


def page(
    index: int,
    *,
    step: int | None = 1,
    url: str | None = None,
    status: int | None = 200,
    title: str = "",
    heading: str = "",
    links: int = 1,
    buttons: int = 0,
    forms: int = 0,
    fields: Sequence[Field] = (),
    screenshot: str | None = None,
    arrived: float = 0.0,
    kind: str = "document",
    viewport_height: int = 0,
    lcp_s: float | None = None,
    cls: float | None = None,
    text: str = "",
    broken_images: int = 0,
    a11y: Sequence[Violation] | None = None,
) -> Page:
    """A page visit; by default a 200 page with one link onwards (Web Vitals and a11y not measured)."""
    return Page(index=index, step=step, url=url if url is not None else url_of(index), status=status,
                title=title or f"Page {index}", heading=heading, links=links, buttons=buttons, forms=forms,
                fields=list(fields), screenshot=screenshot, arrived=arrived, kind=kind,
                viewport_height=viewport_height, lcp_s=lcp_s, cls=cls, text=text, broken_images=broken_images,
                a11y=None if a11y is None else list(a11y))


def event(kind: str, detail: str = "", *, action: int | None = None, step: int | None = 1,
          url: str | None = None, page: int | None = 0) -> Event:
    """Something the site did (see ``EVENT_KINDS``) after action number ``action`` (None: before any),
    on page ``page``'s URL unless told otherwise."""
    return Event(kind=kind, step=step, url=url if url is not None else url_of(page), detail=detail, action=action)


def shown(label: str, *, required: bool = False, field_name: str | None = None, frame: str = "") -> Field:
    """A field a page shows, named like ``fill`` names it (the label, slugged) unless told otherwise."""
    name = field_name if field_name is not None else label.lower().replace(" ", "_")
    return Field(label=label, field_name=name, input_type="text", required=required, frame=frame)


def make_trace(
    *actions: Action,
    pages: Sequence[Page] = (),
    steps: Sequence[str] = STEPS,
    name: str = "A customer buys a lamp",
    tags: Sequence[str] = (),
    outcome: str = "passed",
    events: Sequence[Event] = (),
) -> Trace:
    """A trace of the given actions (numbered in order) and pages, in ``journeys/checkout.feature``.

    Step ``i`` is ``steps[i]`` ("Keyword text") on line ``FIRST_STEP_LINE + i``.
    """
    return Trace(
        journey=Journey(name=name, feature="Checkout", feature_file=FEATURE_FILE, line=JOURNEY_LINE,
                        tags=list(tags), nodeid=f"{FEATURE_FILE}::test_{name.lower().replace(' ', '_')}"),
        base_url="http://shop.test",
        browser="chromium",
        outcome=outcome,
        steps=[
            Step(index=i, keyword=text.split(" ", 1)[0], text=text.split(" ", 1)[1], line=FIRST_STEP_LINE + i)
            for i, text in enumerate(steps)
        ],
        actions=[dataclasses.replace(a, index=i) for i, a in enumerate(actions)],
        pages=list(pages),
        events=list(events),
    )


def where(step: int) -> str:
    """What ``Trace.where`` says for step ``step`` of a trace built with the default steps."""
    keyword, text = STEPS[step].split(" ", 1)
    return f"'{keyword} {text}' ({FEATURE_FILE}:{FIRST_STEP_LINE + step})"
