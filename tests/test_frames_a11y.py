"""Forms in iframes and shadow DOM, and each page's accessibility checked with axe-core.

A loopback shop (origin A) embeds a same-origin address iframe, a card iframe served by a
second loopback server (another port: another origin, as a payment provider's would be) and a
web component with an open shadow root; its fields are labelled every way a site labels them.
Real `pytest` runs walk it; the tests read the traces and the output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from pathwalk.a11y import AXE_ENV, AXE_FILE, find_axe
from tests.browsing import serve

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / AXE_FILE
CARD = "4242 4242 4242 4242"


def html(title: str, body: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main><h1>{title}</h1>{body}</main></body></html>").encode()


CHECKOUT = """
<form aria-label="Order" action="/paid">
  <input type="hidden" name="csrf" value="t0k3n">
  <label for="name">Full name</label> <input id="name" name="name" autocomplete="name">
  <input name="email" type="email" aria-label="Email address" required>
  <span id="phone-label">Phone number</span> <input name="phone" type="tel" aria-labelledby="phone-label">
  <input name="coupon" placeholder="Coupon code">
  <input name="nickname">
  <button>Place order</button>
</form>
<gift-note></gift-note>
<script>
customElements.define("gift-note", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({mode: "open"}).innerHTML = `
      <label for="note">Gift message</label> <input id="note" name="note">
      <span id="to">Recipient</span> <input name="recipient" aria-labelledby="to">
      <input type="hidden" name="csrf" value="t0k3n">`;
  }
});
</script>
<iframe src="/address-frame" title="Address" width="400" height="120"></iframe>
<iframe src="{other}/card" title="Card" width="400" height="120"></iframe>"""

ADDRESS = """<form aria-label="Address"><label for="street">Street</label> <input id="street" name="street">
<button type="button">Save</button></form>"""

CARD_FORM = """<form aria-label="Card" action="{shop}/paid" target="_top">
<input type="hidden" name="csrf" value="c4rd">
<label for="card">Card number</label> <input id="card" name="card" autocomplete="cc-number">
<button>Pay</button> <button type="button">Save</button></form>"""

CLEAN = """<p>Plain words on a plain page.</p><a href="/messy">Messy</a>
<button type="button" onclick="history.pushState({}, '', '/clean/more');
  document.querySelector('main').insertAdjacentHTML('beforeend', '<input name=late>')">Show more</button>"""

MESSY = """<p class="faint" style="color: #bbb; background: #fff">Grey words nobody can read</p>
<p><search-box></search-box></p>
<script>
customElements.define("search-box", class extends HTMLElement {
  constructor() { super(); this.attachShadow({mode: "open"}).innerHTML = '<input name="s">'; }
});
</script>
<form action="/clean"><p><input name="q"></p> <p><button>Go</button></p></form>"""


class Shop(BaseHTTPRequestHandler):
    """Origin A: the shop; ``other`` is the card provider's origin."""

    other = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/checkout":
            body = html("Checkout", CHECKOUT.replace("{other}", self.other))
        elif url.path == "/address-frame":
            body = html("Address", ADDRESS)
        elif url.path == "/paid":
            digits = "".join(c for c in parse_qs(url.query).get("card", [""])[0] if c.isdigit())
            body = html("Paid", f"<p>Paid with the card ending {digits[-4:]}</p>")
        elif url.path in ("/clean", "/clean/more"):
            body = html("Clean", CLEAN)
        elif url.path == "/messy":
            body = html("Messy", MESSY)
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Provider(Shop):
    """Origin B: the card form the shop embeds; ``other`` is the shop's origin."""

    def do_GET(self) -> None:
        body = html("Card", CARD_FORM.replace("{shop}", self.other))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


FEATURE = f"""\
Feature: Frames, shadow DOM and accessibility

  Scenario: Paying through frames and a web component
    Given I open "/checkout"
    When I fill in "Street" with "1 Main Street"
    And I fill in "Gift message" with "Happy birthday"
    And I fill in "Recipient" with "Ada"
    And I fill in "Card number" with "{CARD}"
    And I press "Pay"
    Then I should see "Paid with the card ending 4242"

  Scenario: A button in two frames
    Given I open "/checkout"
    When I press "Save"

  Scenario: A field in no frame
    Given I open "/checkout"
    When I fill in "Card holder" with "Ada"

  Scenario: A clean page, a route and a messy page
    Given I open "/clean"
    When I press "Show more"
    And I follow "Messy"
    Then I should see "Grey words"
"""


@dataclass
class Walked:
    root: Path
    run: subprocess.CompletedProcess[str]
    shop: str
    provider: str

    def trace(self, journey: str) -> dict[str, Any]:
        summary = json.loads((self.root / "reports" / "friction-summary.json").read_text())
        record = next(r for r in summary["journeys"] if r["journey"] == journey)
        data: dict[str, Any] = json.loads(Path(record["trace"]).read_text())
        return data


def walk(root: Path, feature: str, *args: str, env: dict[str, str] | None = None) -> Walked:
    (root / "journeys").mkdir(parents=True, exist_ok=True)
    (root / "journeys" / "frames.feature").write_text(feature)
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (root / "standards.yaml").write_text("version: 1\n")
    with serve(Shop) as shop, serve(Provider) as provider:
        Shop.other, Provider.other = provider, shop  # read per request, after both ports are known
        run = subprocess.run([sys.executable, "-m", "pytest", f"--pathwalk-base-url={shop}", "-rA", *args],
                             cwd=root, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600)
    return Walked(root, run, shop, provider)


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walked]:
    assert AXE.is_file(), f"axe-core is not installed at {AXE}: run `npm ci` (package.json pins it)"
    yield walk(tmp_path_factory.mktemp("frames"), FEATURE, env={AXE_ENV: str(AXE)})


def field(label: str, name: str, input_type: str = "text", frame: str = "", autocomplete: str = "",
          required: bool = False, form: str = "form0", placeholder: str = "") -> dict[str, Any]:
    """A field as the trace has it; its key is its form (by position: "" for none) and name."""
    return {"label": label, "field_name": name, "autocomplete": autocomplete, "input_type": input_type,
            "required": required, "frame": frame, "key": f"{form}|name:{name}~0", "role": "textbox",
            "placeholder": placeholder}


def test_the_recorder_reads_fields_in_iframes_and_shadow_roots_but_not_hidden_ones(walked: Walked) -> None:
    checkout = walked.trace("Paying through frames and a web component")["pages"][0]
    assert checkout["fields"] == [
        field("Full name", "name", autocomplete="name"),
        field("Email address", "email", "email", required=True),
        field("Phone number", "phone", "tel"),
        field("Coupon code", "coupon", placeholder="Coupon code"),
        field("", "nickname"),
        field("Gift message", "note", form=""),  # the web component's open shadow root, in no form
        field("Recipient", "recipient", form=""),  # aria-labelledby resolved inside the shadow root
        field("Street", "street", frame=f"{walked.shop}/address-frame"),  # same-origin iframe
        field("Card number", "card", frame=f"{walked.provider}/card", autocomplete="cc-number"),  # cross-origin
    ]
    assert checkout["forms"] == 3  # the order, the address and the card form
    assert checkout["buttons"] == 4  # Place order, Save (address), Pay and Save (card)


def test_the_customer_fills_fields_in_iframes_and_shadow_roots_by_label(walked: Walked) -> None:
    assert walked.run.returncode == 1, walked.run.stdout[-3000:] + walked.run.stderr[-2000:]  # two broken on purpose
    trace = walked.trace("Paying through frames and a web component")
    assert trace["outcome"] == "passed", trace["error"]
    acted = [(a["kind"], a["element"]["label"] or a["element"]["name"], a["element"]["frame"])
             for a in trace["actions"]]
    assert acted == [
        ("open", "", ""),
        ("fill", "Street", f"{walked.shop}/address-frame"),
        ("fill", "Gift message", ""),
        ("fill", "Recipient", ""),
        ("fill", "Card number", f"{walked.provider}/card"),
        ("click", "Pay", f"{walked.provider}/card"),
    ]
    assert [a["value_length"] for a in trace["actions"][1:5]] == [13, 14, 3, len(CARD)]
    assert trace["pages"][-1]["url"].startswith(f"{walked.shop}/paid?")  # the card frame's form answered


def test_a_target_in_two_frames_or_in_none_names_the_frames(walked: Walked) -> None:
    out = " ".join(walked.run.stdout.split())
    assert (f"2 elements match button named 'Save' on /checkout: 1. button 'Save' in the form 'Address' in the "
            f"frame /address-frame; 2. button 'Save' in the form 'Card' in the frame {walked.provider}/card. "
            "Make the step more specific.") in out
    assert (f"No field labelled 'Card holder' on /checkout nor in its frames /address-frame, {walked.provider}/card. "
            "Buttons and links here: 'Pay', 'Place order', 'Save'.") in out


def test_axe_finds_the_unlabelled_field_and_the_low_contrast_text_and_nothing_on_a_clean_page(walked: Walked) -> None:
    pages = walked.trace("A clean page, a route and a messy page")["pages"]
    assert [(p["url"].removeprefix(walked.shop), p["kind"]) for p in pages] == [
        ("/clean", "document"), ("/clean/more", "route"), ("/messy", "document")]
    clean, route, messy = ({v["rule"]: v for v in p["a11y"]} for p in pages)
    assert clean == {}
    assert set(route) == {"label"}  # the field the route added: checked again without a new document
    assert {rule: (v["impact"], v["nodes"]) for rule, v in messy.items()} == {
        "label": ("critical", 2), "color-contrast": ("serious", 1)}  # label: in a shadow root too
    assert messy["label"]["help"] == "Form elements must have labels"
    assert messy["label"]["target"] == 'search-box >>> input[name="s"]'
    assert messy["color-contrast"]["target"] == ".faint"


def test_without_axe_core_pages_are_not_checked_and_the_walk_goes_on(tmp_path: Path) -> None:
    feature = FEATURE.split("  Scenario: A button in two frames")[0]
    missing = walk(tmp_path / "missing", feature, env={AXE_ENV: str(tmp_path / "no-axe.js")})
    assert missing.run.returncode == 0, missing.run.stdout[-3000:]
    assert [p["a11y"] for p in missing.trace("Paying through frames and a web component")["pages"]] == [None, None]
    assert f"pathwalk: axe-core not found ({AXE_ENV}={tmp_path / 'no-axe.js'} is not a readable file)" in " ".join(
        missing.run.stdout.split())

    project = tmp_path / "off"
    project.mkdir()
    os.symlink(ROOT / "node_modules", project / "node_modules")  # found by walking up, but switched off
    off = walk(project, feature, "--pathwalk-a11y=off", env={AXE_ENV: ""})
    assert off.run.returncode == 0, off.run.stdout[-3000:]
    assert [p["a11y"] for p in off.trace("Paying through frames and a web component")["pages"]] == [None, None]
    assert "axe-core not found" not in off.run.stdout


def test_axe_core_is_found_from_the_environment_or_a_node_modules_above(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "shop" / AXE_FILE
    installed.parent.mkdir(parents=True)
    installed.write_text("/* axe */")
    deep = tmp_path / "shop" / "tests" / "journeys"
    deep.mkdir(parents=True)
    monkeypatch.delenv(AXE_ENV, raising=False)
    assert find_axe(tmp_path / "elsewhere", deep) == installed
    assert find_axe(tmp_path) is None
    monkeypatch.setenv(AXE_ENV, str(tmp_path / "pinned.js"))
    assert find_axe(deep) is None  # a named file that is missing is not replaced by another copy
    (tmp_path / "pinned.js").write_text("/* axe */")
    assert find_axe(deep) == tmp_path / "pinned.js"
