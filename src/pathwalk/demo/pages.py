"""The demo shop's pages, each a pure function from session data to a Page.

Several pages carry deliberate friction (repeated questions, a dead-end help
section, a button that does nothing) so pathwalk has something real to measure.
"""

from __future__ import annotations

from html import escape

from pathwalk.demo.catalog import PRODUCTS, Product, find_product, format_price
from pathwalk.demo.layout import Page, field, form, link
from pathwalk.demo.state import SessionView


def home(session: SessionView) -> Page:
    heading = f"Welcome, {session.account.name}" if session.account else "Welcome to the Demo Shop"
    featured = "".join(f"<li>{link(f'/products/{p.slug}', p.name)}</li>" for p in PRODUCTS)
    main = (
        f"<h1>{escape(heading)}</h1>\n<h2>Featured</h2>\n<ul>{featured}</ul>\n"
        f"<p>{link('/products', 'Browse all products')}</p>"
    )
    return Page("Home", main)


def product_list() -> Page:
    items = "".join(
        f"<li>{link(f'/products/{p.slug}', p.name)} {escape(format_price(p.price_pence))}</li>"
        for p in PRODUCTS
    )
    return Page("Products", f"<h1>Products</h1>\n<ul>{items}</ul>")


# Deliberate friction on one product page only, so the buying journeys stay clean: its photo is
# missing (a broken image answering HTTP 404) and its reviews widget fails (the server drops the
# request, the widget logs a console error and says so on the page).
FAULTY_PRODUCT = "green-scarf"


def _reviews_script(slug: str) -> str:
    return f"""<script>
fetch("/api/reviews/{slug}")
  .then((response) => response.json())
  .then((reviews) => {{ document.getElementById("reviews").textContent = reviews.length + " reviews"; }})
  .catch((error) => {{
    console.error("Reviews could not be loaded: " + error.message);
    document.getElementById("reviews").textContent = "Reviews are not available right now.";
  }});
</script>
"""


def product_detail(product: Product) -> Page:
    add = (
        '<form method="post" action="/basket/add">\n'
        f'<input type="hidden" name="product" value="{escape(product.slug)}">\n'
        '<button type="submit">Add to basket</button>\n</form>'
    )
    main = (
        f"<h1>{escape(product.name)}</h1>\n<p>{escape(format_price(product.price_pence))}</p>\n"
        f"<p>{escape(product.description)}</p>\n{add}"
    )
    if product.slug != FAULTY_PRODUCT:
        return Page(product.name, main)
    photo = f'<img src="/images/{escape(product.slug)}.jpg" alt="{escape(product.name)}" width="320" height="240">'
    reviews = '<h2>Reviews</h2>\n<p id="reviews">Loading reviews…</p>'
    return Page(product.name, f"{main}\n{photo}\n{reviews}", script=_reviews_script(product.slug))


def basket(session: SessionView) -> Page:
    lines = [(find_product(slug), qty) for slug, qty in session.basket]
    rows = [(product, qty) for product, qty in lines if product is not None and qty > 0]
    if not rows:
        main = (
            "<h1>Your basket</h1>\n<p>Your basket is empty.</p>\n"
            f"<p>{link('/products', 'Browse products')}</p>"
        )
        return Page("Your basket", main)
    body = "".join(
        f"<tr><td>{escape(p.name)}</td><td>{qty}</td>"
        f"<td>{escape(format_price(p.price_pence * qty))}</td></tr>"
        for p, qty in rows
    )
    total = format_price(sum(p.price_pence * qty for p, qty in rows))
    table = (
        "<table>\n<thead><tr><th>Item</th><th>Quantity</th><th>Price</th></tr></thead>\n"
        f"<tbody>{body}</tbody>\n"
        f"<tfoot><tr><th>Total</th><td></td><td>{escape(total)}</td></tr></tfoot>\n</table>"
    )
    # Deliberate friction: a coupon field whose button has no handler and no form.
    coupon = (
        "<div>\n"
        + field("Coupon code", "coupon", "off", required=False)
        + '\n<button type="button">Apply coupon</button>\n</div>'
    )
    checkout = form("/checkout/details", [], "Checkout", method="get")
    express = form("/express", [], "Express checkout", method="get")
    options = form("/checkout/options", [], "Choose delivery", method="get")
    return Page("Your basket", f"<h1>Your basket</h1>\n{table}\n{coupon}\n{checkout}\n{express}\n{options}")


def signup(error: str | None = None, name: str = "", email: str = "") -> Page:
    alert = f'<p role="alert">{escape(error)}</p>\n' if error else ""
    fields = [
        field("Name", "name", "name", value=name),
        field("Email", "email", "email", input_type="email", value=email),
        field("Password", "password", "new-password", input_type="password"),
        field("Confirm password", "password_confirm", "new-password", input_type="password"),
    ]
    main = f"<h1>Create your account</h1>\n{alert}{form('/signup', fields, 'Create account')}"
    return Page("Create your account", main)


def checkout_details() -> Page:
    # Deliberately asked again even when the session already holds an account.
    fields = [
        field("Full name", "full_name", "name"),
        field("Email", "email", "email", input_type="email"),
    ]
    title = "Checkout: your details"
    return Page(title, f"<h1>{escape(title)}</h1>\n{form('/checkout/details', fields, 'Continue')}")


def _shipping_fields() -> list[str]:
    return [
        field("Street address", "street", "shipping street-address"),
        field("Town or city", "city", "shipping address-level2"),
        field("Postcode", "postcode", "shipping postal-code"),
    ]


def _card_fields() -> list[str]:
    return [
        field("Card number", "card_number", "cc-number", extra={"inputmode": "numeric"}),
        field("Expiry date", "card_expiry", "cc-exp", extra={"placeholder": "MM/YY"}),
    ]


def checkout_delivery() -> Page:
    title = "Checkout: delivery"
    return Page(
        title, f"<h1>{escape(title)}</h1>\n{form('/checkout/delivery', _shipping_fields(), 'Continue')}"
    )


def checkout_payment() -> Page:
    # Deliberately no "same as delivery address" option: the address is typed twice.
    fields = [
        *_card_fields(),
        field("Billing street address", "billing_street", "billing street-address"),
        field("Billing town or city", "billing_city", "billing address-level2"),
        field("Billing postcode", "billing_postcode", "billing postal-code"),
    ]
    title = "Checkout: payment"
    return Page(title, f"<h1>{escape(title)}</h1>\n{form('/checkout/payment', fields, 'Place order')}")


def confirmation(session: SessionView) -> Page:
    if session.last_order:
        text = f"Your order number is {escape(session.last_order)}."
    else:
        text = "You have not placed an order yet."
    main = (
        f"<h1>Thank you for your order</h1>\n<p>{text}</p>\n"
        f"<p>{link('/products', 'Continue shopping')}</p>"
    )
    return Page("Thank you for your order", main)


def express() -> Page:
    """The smooth path: one form, each question asked once."""
    fields = [
        field("Full name", "full_name", "name"),
        field("Email", "email", "email", input_type="email"),
        *_shipping_fields(),
        *_card_fields(),
    ]
    return Page("Express checkout", f"<h1>Express checkout</h1>\n{form('/express', fields, 'Place order')}")


def about() -> Page:
    text = "The Demo Shop is a small pretend shop that pathwalk uses to show what friction looks like."
    return Page("About us", f"<h1>About us</h1>\n<p>{text}</p>")


def something_went_wrong() -> Page:
    """Deliberately a 200 answer that is an error page: the status says all is well, the page does not."""
    main = (
        "<h1>Something went wrong</h1>\n<p>Sorry, we could not load your wish list. Please try again later.</p>"
    )
    return Page("Something went wrong", main)


def not_found() -> Page:
    main = (
        "<h1>Page not found</h1>\n<p>Sorry, we could not find that page.</p>\n"
        f"<p>{link('/', 'Back to the home page')}</p>"
    )
    return Page("Page not found", main)
