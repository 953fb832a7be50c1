"""The demo shop's fixed catalogue: three products, prices kept in pence to avoid float rounding."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    """One thing the shop sells; the slug is its stable URL segment and basket key."""

    slug: str
    name: str
    price_pence: int
    description: str


PRODUCTS: tuple[Product, ...] = (
    Product("blue-mug", "Blue mug", 800, "A sturdy stoneware mug that holds a generous cup of tea."),
    Product("red-teapot", "Red teapot", 2400, "A glazed teapot that pours six cups without dripping."),
    Product("green-scarf", "Green scarf", 1500, "A soft wool scarf, warm enough for the coldest mornings."),
)

_BY_SLUG: dict[str, Product] = {product.slug: product for product in PRODUCTS}


def find_product(slug: str) -> Product | None:
    """Look a product up by slug; None lets callers answer 404 instead of raising."""
    return _BY_SLUG.get(slug)


def format_price(pence: int) -> str:
    """Render pence as pounds, e.g. 800 -> '£8.00'."""
    return f"£{pence // 100}.{pence % 100:02d}"
