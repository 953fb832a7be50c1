"""The demo shop's help and support section: answers, ways to reach the shop, and order tracking.

Deliberate friction here: the returns pages are a help maze ending at a "Contact support" page
with nothing to contact; the wholesale page says "contact us" and gives no way to; "Talk to us"
hands the customer over to another site, to e-mail and to the phone; the order tracker's button
throws a JavaScript error instead of answering, and its courier link opens a new window.
"""

from __future__ import annotations

from html import escape

from pathwalk.demo.layout import Page, field, link

SHOP_EMAIL = "hello@demo-shop.example"
SHOP_PHONE = "+44 20 7946 0000"  # Ofcom's range for drama: never a real number


def help_index() -> Page:
    items = "".join(f"<li>{link(href, text)}</li>" for href, text in (
        ("/help/returns", "Returns"), ("/help/delivery", "Delivery"), ("/orders/track", "Where is my order?"),
        ("/help/talk", "Talk to us"), ("/help/wholesale", "Wholesale orders"),
    ))
    return Page("Help", f"<h1>Help</h1>\n<ul>{items}</ul>")


def help_delivery() -> Page:
    text = "We deliver within three working days and delivery is free on every order."
    return Page("Delivery", f"<h1>Delivery</h1>\n<p>{text}</p>")


def help_returns() -> Page:
    """Bare on purpose: the only way onward is the support link."""
    main = (
        "<h1>Returns</h1>\n<p>To return an item, please contact our support team.</p>\n"
        f"<p>{link('/help/contact', 'Contact support')}</p>"
    )
    return Page("Returns", main, bare=True)


def help_contact() -> Page:
    """Bare on purpose: no link, form or button — a dead end for the journey to detect."""
    main = "<h1>Contact support</h1>\n<p>Our support team will get back to you.</p>"
    return Page("Contact support", main, bare=True)


def wholesale() -> Page:
    """A contact page with the shop's navigation but no form, e-mail address or phone number."""
    main = (
        "<h1>Contact our wholesale team</h1>\n<p>Cafés and tea rooms can buy our mugs and teapots by the "
        "case. Our wholesale team will be happy to hear from you.</p>"
    )
    return Page("Contact our wholesale team", main)


def talk_to_us(chat_url: str) -> Page:
    """Every way to reach the shop leaves it: a chat on another site, an e-mail, a phone call."""
    phone = SHOP_PHONE.replace(" ", "")
    items = (
        f"<li>{link(chat_url, 'Chat with us')} (our chat service opens on its own site)</li>"
        f"<li>{link(f'mailto:{SHOP_EMAIL}', 'Email us')}</li>"
        f"<li>{link(f'tel:{phone}', 'Call us')} on {escape(SHOP_PHONE)}, 9am to 5pm</li>"
    )
    return Page("Talk to us", f"<h1>Talk to us</h1>\n<ul>{items}</ul>")


def chat(shop_url: str) -> Page:
    """The chat service, served on the shop's partner origin (another site, as far as a browser knows)."""
    main = (
        "<h1>Chat with the Demo Shop</h1>\n<p>Type your question and one of our tea experts will answer.</p>\n"
        f"{field('Your message', 'message', 'off')}\n"
        '<button type="button" id="send">Send</button>\n<p id="sent" role="status"></p>\n'
        f"<p>{link(shop_url + '/', 'Back to the Demo Shop')}</p>"
    )
    script = (
        '<script>document.getElementById("send").addEventListener("click", () => {\n'
        '  document.getElementById("sent").textContent = "Thank you, we will reply here shortly.";\n});</script>\n'
    )
    return Page("Chat with the Demo Shop", main, bare=True, script=script)


def track_order(courier_url: str) -> Page:
    """Deliberately broken: the "Track my order" button's handler throws (an error click); the
    courier's tracking opens in a new window on another site."""
    courier = f'<a href="{escape(courier_url)}" target="_blank">Follow your parcel with our courier</a>'
    main = (
        "<h1>Where is my order?</h1>\n<p>Enter the order number from your confirmation e-mail.</p>\n"
        f"{field('Order number', 'order', 'off', extra={'placeholder': 'DS-100001'})}\n"
        '<button type="button" id="track">Track my order</button>\n<p id="status" role="status"></p>\n'
        f"<p>Already dispatched? {courier} (opens in a new window).</p>"
    )
    # The tracking service object was never loaded, so reading from it throws a TypeError.
    script = (
        '<script>document.getElementById("track").addEventListener("click", () => {\n'
        '  const number = document.getElementById("order").value;\n'
        '  document.getElementById("status").textContent = window.orderService.lookup(number).status;\n'
        "});</script>\n"
    )
    return Page("Where is my order?", main, script=script)


def courier() -> Page:
    """The courier's parcel tracking, on the shop's partner origin (another site to the browser)."""
    main = (
        "<h1>Parcel tracking</h1>\n<p>Enter the tracking number from your dispatch e-mail.</p>\n"
        f"{field('Tracking number', 'tracking', 'off')}\n<button type=\"button\">Find my parcel</button>"
    )
    return Page("Parcel tracking", main, bare=True)
