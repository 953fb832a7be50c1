"""The journey trace: its versioned JSON form, its errors and the words it uses for places and elements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pathwalk.trace import SCHEMA, Action, Element, Event, Field, Journey, Page, Step, Trace, TraceError, Violation
from tests.traces import make_trace


def rich_trace() -> Trace:
    """A trace in which every field differs from its default, so a lost field shows."""
    return Trace(
        journey=Journey(name="Une cliente achète une lampe", feature="Caisse",
                        feature_file="journeys/caisse.feature", line=7, tags=["purchase", "checkout"],
                        nodeid="journeys/caisse.feature::test_lampe"),
        base_url="http://shop.test",
        browser="chromium 131",
        started_at="2025-01-02T03:04:05+00:00",
        duration_s=12.5,
        outcome="broken",
        error="JourneyError: Expected to see 'Merci' on /done",
        steps=[
            Step(index=0, keyword="Given", text="a customer on the home page", line=8, started=0.1, ended=0.9,
                 outcome="passed"),
            Step(index=1, keyword="When", text="they pay", line=9, started=1.0, ended=None, outcome="failed"),
        ],
        actions=[
            Action(index=0, step=0, kind="open", url="http://shop.test/", page=None),
            Action(index=1, step=1, kind="fill", url="http://shop.test/pay", page=1,
                   element=Element(role="textbox", name="Courriel", label="Adresse électronique",
                                   field_name="email", autocomplete="billing email", input_type="email",
                                   tag="input"),
                   value_hash="a1b2c3", value_length=17, started=1.25, settled_s=0.375),
            Action(index=2, step=1, kind="click", url="http://shop.test/pay", page=1,
                   element=Element(role="link", name="Call us", tag="a", href="tel:+441234",
                                   frame="http://pay.test/frame"),
                   started=2.0, settled_s=0.5, box=[1.0, 2.0, 3.0, 4.0], feedback_s=0.25, navigated=True,
                   mutations=7, requests=2, scroll_px=640),
        ],
        pages=[
            Page(index=0, step=0, url="http://shop.test/", status=200, title="Shop", heading="Welcome",
                 links=12, buttons=3, forms=1, screenshot="traces/j/page-00.png", arrived=0.5),
            Page(index=1, step=1, url="http://shop.test/pay", status=500, title="Pay", heading="Payment",
                 links=0, buttons=1, forms=1,
                 fields=[Field(label="Adresse électronique", field_name="email", autocomplete="billing email",
                               input_type="email", required=True),
                         Field(label="Notes", field_name="notes", frame="http://pay.test/frame")],
                 screenshot=None, arrived=1.125, scale=2.0, kind="route", text="Something went wrong",
                 broken_images=2, scroll_height=3000, viewport_height=720, lcp_s=2.75, cls=0.25, inp_s=0.5,
                 a11y=[Violation(rule="label", impact="serious", help="Form elements must have labels",
                                 nodes=2, target="#email")]),
        ],
        events=[Event(kind="exception", step=1, url="http://shop.test/pay", detail="TypeError: x is undefined",
                      at=2.125, action=2)],
    )


def test_to_dict_and_from_dict_round_trip_keeps_every_field() -> None:
    trace = rich_trace()

    again = Trace.from_dict(trace.to_dict())

    assert again == trace
    assert again.actions[1].element == Element(role="textbox", name="Courriel", label="Adresse électronique",
                                               field_name="email", autocomplete="billing email",
                                               input_type="email", tag="input")
    assert again.pages[1].fields[0] == Field(label="Adresse électronique", field_name="email",
                                             autocomplete="billing email", input_type="email", required=True)


def test_json_text_round_trip_keeps_every_field_and_names_the_schema() -> None:
    trace = rich_trace()

    data = json.loads(trace.to_json())

    assert data["schema"] == "pathwalk.trace/3" == SCHEMA  # 3: fields' keys, roles and placeholders
    assert Trace.from_dict(data) == trace


def test_save_then_load_round_trip_writes_readable_utf8_and_leaves_no_temp_file(tmp_path: Path) -> None:
    trace = rich_trace()
    path = tmp_path / "traces" / "nested" / "lampe.json"

    returned = trace.save(path)

    assert returned == path
    assert "Adresse électronique" in path.read_text(encoding="utf-8")  # not \u00e9-escaped
    assert sorted(p.name for p in path.parent.iterdir()) == ["lampe.json"]
    assert Trace.load(path) == trace


def test_save_replaces_an_older_trace_at_the_same_path(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    make_trace(name="old").save(path)

    make_trace(name="new").save(path)

    assert Trace.load(path).journey.name == "new"


def test_from_dict_fills_defaults_for_omitted_optional_parts() -> None:
    trace = Trace.from_dict({"schema": SCHEMA, "journey": {"name": "minimal"}})

    assert trace == Trace(journey=Journey(name="minimal"))


def test_unknown_schema_version_is_refused_naming_the_versions_read() -> None:
    data = rich_trace().to_dict() | {"schema": "pathwalk.trace/4"}

    with pytest.raises(TraceError) as raised:
        Trace.from_dict(data)

    assert str(raised.value) == (
        "unsupported trace schema 'pathwalk.trace/4'; this pathwalk reads 'pathwalk.trace/1', 'pathwalk.trace/2' "
        "and 'pathwalk.trace/3'"
    )


def test_a_version_1_trace_is_read_with_the_new_fields_at_their_defaults() -> None:
    data = {"schema": "pathwalk.trace/1", "journey": {"name": "old"},
            "actions": [{"index": 0, "step": 0, "kind": "click", "url": "http://shop.test/", "page": 0,
                         "element": {"role": "button", "name": "Go"}}],
            "pages": [{"index": 0, "step": 0, "url": "http://shop.test/", "fields": [{"label": "Email"}]}],
            "events": [{"kind": "dialog", "step": 0, "url": "http://shop.test/"}]}

    trace = Trace.from_dict(data)

    assert trace.actions[0].feedback_s is None and trace.actions[0].element.href == ""
    assert trace.pages[0].kind == "document" and trace.pages[0].a11y is None
    assert trace.events[0].action is None
    assert trace.to_dict()["schema"] == "pathwalk.trace/3"  # written again in the current version


def test_missing_schema_is_refused() -> None:
    data = rich_trace().to_dict()
    del data["schema"]

    with pytest.raises(TraceError) as raised:
        Trace.from_dict(data)

    assert str(raised.value) == (
        "unsupported trace schema None; this pathwalk reads 'pathwalk.trace/1', 'pathwalk.trace/2' and "
        "'pathwalk.trace/3'"
    )


def test_trace_error_is_a_value_error() -> None:
    assert issubclass(TraceError, ValueError)


def test_missing_journey_is_a_malformed_trace_naming_the_key() -> None:
    with pytest.raises(TraceError) as raised:
        Trace.from_dict({"schema": SCHEMA, "steps": []})

    assert str(raised.value) == "malformed trace: 'journey'"


@pytest.mark.parametrize(
    ("part", "broken", "message"),
    [
        ("steps", [{"index": 0, "keyword": "Given", "text": "x", "line": 3, "colour": "red"}],
         "malformed trace: Step.__init__() got an unexpected keyword argument 'colour'"),
        ("steps", [{"index": 0, "keyword": "Given"}],
         "malformed trace: Step.__init__() missing 2 required positional arguments: 'text' and 'line'"),
        ("actions", [{"index": 0, "step": 0, "kind": "click", "url": "u", "page": 0, "element": {"size": 3}}],
         "malformed trace: Element.__init__() got an unexpected keyword argument 'size'"),
        ("actions", ["click"], "malformed trace: 'str' object is not a mapping"),
        ("pages", [{"index": 0, "step": 0, "url": "u", "fields": [{"colour": "x"}]}],
         "malformed trace: Field.__init__() got an unexpected keyword argument 'colour'"),
    ],
)
def test_malformed_parts_raise_trace_error_naming_the_problem(part: str, broken: Any, message: str) -> None:
    data = rich_trace().to_dict() | {part: broken}

    with pytest.raises(TraceError) as raised:
        Trace.from_dict(data)

    assert str(raised.value) == message
    assert isinstance(raised.value.__cause__, KeyError | TypeError)


def test_journey_that_is_not_a_mapping_says_so() -> None:
    data = rich_trace().to_dict() | {"journey": "just a name"}

    with pytest.raises(TraceError, match=r"^malformed trace: .*mapping"):
        Trace.from_dict(data)


def test_load_of_a_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"

    with pytest.raises(TraceError, match=r"cannot read trace") as raised:
        Trace.load(path)

    assert str(raised.value).startswith(f"{path}: cannot read trace: ")


def test_load_of_invalid_json_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "half.json"
    path.write_text('{"schema": "pathwalk.trace/1", "journey": {', encoding="utf-8")

    with pytest.raises(TraceError) as raised:
        Trace.load(path)

    assert str(raised.value).startswith(f"{path}: cannot read trace: ")


def test_load_of_another_tools_json_is_refused_by_schema(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"schema": "pathwalk.summary/1", "journeys": []}', encoding="utf-8")

    with pytest.raises(TraceError, match=r"^unsupported trace schema 'pathwalk.summary/1'"):
        Trace.load(path)


@pytest.mark.parametrize("text", ["[]", "null", '"pathwalk.trace/1"'])
def test_load_of_json_that_is_not_an_object_raises_trace_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "not-an-object.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(TraceError):
        Trace.load(path)


def test_where_names_the_step_keyword_text_and_feature_line() -> None:
    trace = make_trace(steps=["Given a customer on the home page", "When they pay by card"])

    assert trace.where(0) == "'Given a customer on the home page' (journeys/checkout.feature:10)"
    assert trace.where(1) == "'When they pay by card' (journeys/checkout.feature:11)"


@pytest.mark.parametrize("index", [None, 2, -1])
def test_where_without_a_known_step_points_at_the_scenario_line(index: int | None) -> None:
    trace = make_trace(steps=["Given a customer on the home page", "When they pay by card"])

    assert trace.step(index) is None
    assert trace.where(index) == "(journeys/checkout.feature:8)"


def test_step_title_joins_keyword_and_text_without_stray_spaces() -> None:
    assert Step(index=0, keyword="When", text="they pay", line=1).title == "When they pay"
    assert Step(index=0, keyword="", text="they pay", line=1).title == "they pay"


def test_page_ways_forward_adds_links_buttons_and_forms() -> None:
    assert Page(index=0, step=None, url="u", links=2, buttons=3, forms=1).ways_forward == 6
    assert Page(index=0, step=None, url="u").ways_forward == 0


@pytest.mark.parametrize(
    ("element", "words"),
    [
        (Element(role="textbox", label="Email", tag="input"), "the 'Email' field"),
        (Element(role="combobox", label="Country", tag="select"), "the 'Country' field"),
        (Element(role="button", name="Continue", tag="button"), "the 'Continue' button"),
        (Element(role="link", name="Returns", tag="a"), "the 'Returns' link"),
        (Element(role="checkbox", label="Accept the terms", tag="input"), "the 'Accept the terms' field"),
        (Element(role="", field_name="notes", tag="textarea"), "the 'notes' field"),
        (Element(role="", name="Menu", tag="div"), "the 'Menu'"),
        (Element(role="textbox", label="Email", name="email-box", field_name="email"), "the 'Email' field"),
        (Element(role="button", name="Pay now", field_name="pay"), "the 'Pay now' button"),
        (Element(role="textbox", field_name="postcode"), "the 'postcode' field"),
        (Element(tag="div"), "the 'div'"),
        (Element(), "an unnamed element"),
        (Element(role="button"), "an unnamed element"),
    ],
)
def test_element_describe_wording(element: Element, words: str) -> None:
    assert element.describe() == words
