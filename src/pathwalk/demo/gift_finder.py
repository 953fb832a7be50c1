"""The gift finder's questions, and its simple version: the same flow as server-rendered pages.

The gift finder proper is a single-page app (see spa.py); this module holds what both versions
share (budgets, which products fit, the wording) and renders the simple version at /gifts/,
page by page. The two ask exactly the same questions in the same order, so a journey through
each must cost the same clicks, keystrokes, pages and fields: that is how the demo shows the
single-page app is measured as accurately as a multi-page site. Both ask for the customer's
name twice (once to start, once to sign the gift card): the deliberate repeated input.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from pathwalk.demo.catalog import PRODUCTS, Product, find_product
from pathwalk.demo.layout import Page, field, form, link

BUDGETS = (("10", "Up to £10"), ("25", "Up to £25"), ("any", "Any budget"))


@dataclass(frozen=True)
class Question:
    """One field of the gift finder; `kind` is an input type, "select" (the budget) or "textarea"."""

    label: str
    name: str
    autocomplete: str
    kind: str = "text"

    def html(self) -> str:
        """The field as the simple version shows it (the app draws the same from `as_json`)."""
        if self.kind == "select":
            options = "".join(f'<option value="{value}">{escape(text)}</option>' for value, text in BUDGETS)
            return (f'<label for="{self.name}">{escape(self.label)}</label>\n'
                    f'<select id="{self.name}" name="{self.name}" required>{options}</select>')
        if self.kind == "textarea":
            return (f'<label for="{self.name}">{escape(self.label)}</label>\n'
                    f'<textarea id="{self.name}" name="{self.name}" rows="3"></textarea>')
        return field(self.label, self.name, self.autocomplete, input_type=self.kind)

    def as_json(self) -> dict[str, str]:
        return {"label": self.label, "name": self.name, "autocomplete": self.autocomplete, "kind": self.kind}


# Who the gift is for, their e-mail, the giver's name and a budget; then the gift card, whose
# "Your name" asks again for what the first page asked.
START = (
    Question("Who is the gift for?", "recipient", "off"),
    Question("Their email", "recipient_email", "off", "email"),
    Question("Your name", "sender", "name"),
    Question("Budget", "budget", "off", "select"),
)
CARD = (Question("Gift message", "message", "off", "textarea"), Question("Your name", "card_sender", "name"))


def ideas_for(budget: str) -> list[Product]:
    """The products within a budget (pounds, or "any")."""
    limit = int(budget) * 100 if budget.isdigit() else None
    return [p for p in PRODUCTS if limit is None or p.price_pence <= limit]


def choose_button(product: Product) -> str:
    return f"Choose the {product.name}"


def done_text(product: Product, recipient: str) -> str:
    return f"The {product.name} will reach {recipient} within three working days."


# -- the simple version, one page per question -------------------------------------------------

def simple_start() -> Page:
    main = f"<h1>Find a gift</h1>\n{form('/gifts/', [q.html() for q in START], 'Show ideas')}"
    return Page("Find a gift", main)


def simple_ideas(gift: dict[str, str]) -> Page:
    if "recipient" not in gift:
        return simple_start()
    choices = "".join(
        f'<li>{escape(p.name)} '
        f'<form method="post" action="/gifts/choose"><input type="hidden" name="product" value="{p.slug}">'
        f'<button type="submit">{escape(choose_button(p))}</button></form></li>'
        for p in ideas_for(gift.get("budget", "any"))
    )
    title = f"Gift ideas for {gift['recipient']}"
    return Page(title, f"<h1>{escape(title)}</h1>\n<ul>{choices}</ul>")


def simple_send(gift: dict[str, str]) -> Page:
    product = find_product(gift.get("product", ""))
    if product is None or "recipient" not in gift:
        return simple_start()
    title = f"Send the {product.name} to {gift['recipient']}"
    return Page(title, f"<h1>{escape(title)}</h1>\n{form('/gifts/send', [q.html() for q in CARD], 'Send the gift')}")


def simple_done(gift: dict[str, str]) -> Page:
    product = find_product(gift.get("product", ""))
    if product is None or "recipient" not in gift:
        return simple_start()
    main = (
        f"<h1>Your gift is on its way</h1>\n<p>{escape(done_text(product, gift['recipient']))}</p>\n"
        f"<p>{link('/products', 'Continue shopping')}</p>"
    )
    return Page("Your gift is on its way", main)
