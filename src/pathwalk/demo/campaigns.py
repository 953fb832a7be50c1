"""Marketing pages: the autumn collection and the tea club sign-up.

Deliberate friction: the autumn collection's hero image arrives late (the server holds it back)
and has no size set, so the text below it jumps down when it appears (a slow largest contentful
paint and a layout shift). The tea club's form has an e-mail field with no label and small print
in pale grey that is hard to read (accessibility failures).
"""

from __future__ import annotations

from pathwalk.demo.catalog import PRODUCTS
from pathwalk.demo.layout import Page, field, link

HERO_IMAGE = "/images/autumn-hero.png"


def autumn_collection() -> Page:
    products = "".join(f"<li>{link(f'/products/{p.slug}', p.name)}</li>" for p in PRODUCTS if p.slug != "green-scarf")
    main = (  # the banner comes first, so everything on the page moves when it appears
        f'<img src="{HERO_IMAGE}" alt="Teapots and mugs on a table covered in autumn leaves">\n'
        "<h1>The autumn collection</h1>\n"
        "<p>Warm glazes for the darker evenings: our stoneware in the colours of falling leaves. Every piece "
        "is thrown and glazed by hand in our workshop, so no two mugs are quite alike, and each teapot is "
        "tested to pour six cups without a drip before it leaves us.</p>\n"
        "<p>Order by the end of October and we will wrap your autumn pieces in recycled paper printed with "
        "oak and maple leaves, ready to give as a present or to keep for yourself. The collection is made in "
        "small batches: when a colour is gone, it is gone until next autumn, so do not wait too long.</p>\n"
        f"<h2>In the collection</h2>\n<ul>{products}</ul>"
    )
    return Page("The autumn collection", main, head="<style>main img{display:block;max-width:100%}</style>\n")


def tea_club() -> Page:
    email = (  # shown next to the words "Email address", but nothing ties the words to the field
        '<p class="hint">Email address</p>\n<input type="email" name="email" autocomplete="email">'
    )
    main = (
        "<h1>Join our tea club</h1>\n<p>A new tea to try every month, and first sight of our new mugs.</p>\n"
        '<form method="post" action="/tea-club">\n'
        f"{field('Your name', 'name', 'name')}\n{email}\n"
        '<button type="submit">Join the club</button>\n</form>\n'
        '<p class="small-print">You can leave the club at any time. We never share your details.</p>'
    )
    style = "<style>.hint{margin:.75rem 0 0}.small-print{color:#c4c4c4;font-size:.8rem}</style>\n"
    return Page("Join our tea club", main, head=style)


def tea_club_welcome() -> Page:
    main = (
        "<h1>Welcome to the tea club</h1>\n<p>Your first tea is on its way.</p>\n"
        f"<p>{link('/products', 'Continue shopping')}</p>"
    )
    return Page("Welcome to the tea club", main)
