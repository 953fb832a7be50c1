"""Tea tastings: the shop's clean pages, with no deliberate friction at all.

Every field is labelled, every page answers at once with nothing failing in the background,
the button is in view, the text is readable and nothing sends the customer elsewhere. A journey
through them must give zero friction findings: the false-positive test of every check.
"""

from __future__ import annotations

from html import escape

from pathwalk.demo.layout import Page, field, form, link

DATES = ("Saturday 7 June", "Saturday 14 June", "Saturday 21 June")


def tastings() -> Page:
    dates = "".join(f"<li>{escape(date)}, 10am to noon</li>" for date in DATES)
    main = (
        "<h1>Tea tastings</h1>\n<p>Taste six teas with our buyer and find the mug that suits each one. "
        "A tasting is free and lasts two hours.</p>\n"
        f"<h2>Coming up</h2>\n<ul>{dates}</ul>\n<p>{link('/tastings/book', 'Book a tasting')}</p>"
    )
    return Page("Tea tastings", main)


def book_tasting() -> Page:
    options = "".join(f"<option>{escape(date)}</option>" for date in DATES)
    date = f'<label for="date">Date</label>\n<select id="date" name="date" required>{options}</select>'
    fields = [field("Your name", "name", "name"), field("Email", "email", "email", input_type="email"), date]
    return Page("Book a tasting", f"<h1>Book a tasting</h1>\n{form('/tastings/book', fields, 'Book my place')}")


def booked(date: str | None) -> Page:
    when = f"See you on {escape(date)}." if date else "We look forward to seeing you."
    main = (
        f"<h1>You are booked in</h1>\n<p>{when} We have sent the details to your e-mail.</p>\n"
        f"<p>{link('/products', 'Continue shopping')}</p>"
    )
    return Page("You are booked in", main)
