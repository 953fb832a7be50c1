"""The delivery options page: choose a delivery speed, then pay on delivery.

Deliberate friction: the "Pay on delivery" button sits below a long list of delivery terms,
far below the fold on a laptop screen, so the customer has to scroll to find it.
"""

from __future__ import annotations

from html import escape

from pathwalk.demo.layout import Page

SPEEDS = (("standard", "Standard delivery", "free, within three working days"),
          ("next-day", "Next day", "£4.95, order by 2pm"))

TERMS = (
    "We deliver from Monday to Saturday between 8am and 6pm; Sunday delivery is not available.",
    "Next-day delivery applies to orders placed before 2pm on a working day; later orders leave the next day.",
    "Our driver will ask you to pay by card on the doorstep; we do not accept cash.",
    "If nobody is at home, the driver leaves a card and tries again on the next working day.",
    "After two attempts your parcel goes back to our depot, where it waits for you for seven days.",
    "Mugs and teapots are packed in recycled paper; please keep the box until you have checked every item.",
    "Tell us about anything broken within 48 hours, with a photograph of the item and its packaging.",
    "We cannot deliver to parcel lockers, because glazed teapots are too fragile for them.",
    "Deliveries to the Scottish Highlands and islands may take one or two extra working days.",
    "We cannot deliver outside the United Kingdom at the moment.",
    "You may cancel your order free of charge until the driver leaves our depot.",
    "Delivery charges are refunded only when the whole order is returned.",
    "If the driver cannot take a card payment, your order is not left and we contact you to arrange another day.",
    "We may photograph the parcel on your doorstep as proof of delivery.",
)


def delivery_options() -> Page:
    choices = "\n".join(
        f'<div><input type="radio" id="speed-{value}" name="speed" value="{value}"'
        f'{" checked" if value == "standard" else ""}>'
        f' <label for="speed-{value}">{escape(label)}</label> <span>({escape(note)})</span></div>'
        for value, label, note in SPEEDS
    )
    terms = "\n".join(f"<li><p>{escape(term)}</p></li>" for term in TERMS)
    main = (
        "<h1>Delivery options</h1>\n"
        '<form method="post" action="/checkout/options">\n'
        f"<fieldset>\n<legend>Delivery speed</legend>\n{choices}\n</fieldset>\n"
        f'<h2>Delivery terms</h2>\n<ol class="terms">\n{terms}\n</ol>\n'
        '<button type="submit">Pay on delivery</button>\n</form>'
    )
    head = "<style>.terms p{margin:0 0 2.5rem}</style>\n"
    return Page("Delivery options", main, head=head)
