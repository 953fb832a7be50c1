"""HTML scaffolding shared by every demo-shop page: the document shell and form helpers.

Everything dynamic passes through html.escape here or in pages.py, so user input
can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

SITE_NAME = "Demo Shop"

_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.5}"
    "nav ul,footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}"
    "label{display:block;margin-top:.75rem}input{font:inherit;padding:.25rem}"
    "button{font:inherit;margin-top:1rem;padding:.4rem 1rem}"
    "[role=alert]{color:#a00000;font-weight:bold}footer{margin-top:3rem;border-top:1px solid #ccc}"
    "table{border-collapse:collapse}th,td{padding:.25rem .75rem;text-align:left}"
)

_NAV_LINKS = (("/", "Home"), ("/products", "Products"), ("/app/", "Gift finder"), ("/tastings", "Tea tastings"),
              ("/basket", "Basket"), ("/help", "Help"), ("/signup", "Sign up"))
_FOOTER_LINKS = (("/help/returns", "Returns"), ("/gift-cards", "Gift cards"), ("/wishlist", "Wish list"),
                 ("/tea-club", "Tea club"), ("/collections/autumn", "Autumn collection"),
                 ("/gifts/", "Simple gift finder"), ("/about", "About us"))


@dataclass(frozen=True)
class Page:
    """A rendered page body; `bare` drops the header nav and footer (the deliberate dead ends).

    `head` is extra markup for the document head (a page's own style); `script` runs at the end
    of the body, after the page's content exists.
    """

    title: str
    main: str
    bare: bool = False
    head: str = ""
    script: str = ""


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _items_label(count: int) -> str:
    return f"({count} item{'' if count == 1 else 's'})"


def _header(item_count: int) -> str:
    entries = []
    for href, text in _NAV_LINKS:
        entry = link(href, text)
        if href == "/basket":
            # The count sits outside the link so its accessible name stays exactly "Basket".
            entry += f" <span>{escape(_items_label(item_count))}</span>"
        entries.append(f"<li>{entry}</li>")
    return f'<header><nav aria-label="Main"><ul>{"".join(entries)}</ul></nav></header>'


def _footer() -> str:
    entries = "".join(f"<li>{link(href, text)}</li>" for href, text in _FOOTER_LINKS)
    return f"<footer><ul>{entries}</ul></footer>"


def document(page: Page, item_count: int) -> str:
    """Wrap a page in the full HTML5 shell, with or without the standard chrome."""
    chrome_top = "" if page.bare else _header(item_count)
    chrome_bottom = "" if page.bare else _footer()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No favicon request: a 404 for it would be an error no customer sees.
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(page.title)} — {SITE_NAME}</title>\n<style>{_CSS}</style>\n{page.head}</head>\n<body>\n"
        f"{chrome_top}\n<main>\n{page.main}\n</main>\n{chrome_bottom}\n{page.script}</body>\n</html>\n"
    )


def field(
    label: str,
    name: str,
    autocomplete: str,
    *,
    input_type: str = "text",
    value: str = "",
    required: bool = True,
    extra: dict[str, str] | None = None,
) -> str:
    """A labelled input; the id equals the name so `<label for>` always points at it."""
    attrs = {"type": input_type, "id": name, "name": name, "autocomplete": autocomplete}
    if value:
        attrs["value"] = value
    attrs.update(extra or {})
    rendered = " ".join(f'{key}="{escape(val)}"' for key, val in attrs.items())
    flag = " required" if required else ""
    return f'<label for="{escape(name)}">{escape(label)}</label>\n<input {rendered}{flag}>'


def form(action: str, fields: list[str], submit: str, *, method: str = "post") -> str:
    body = "\n".join(fields)
    return (
        f'<form method="{escape(method)}" action="{escape(action)}">\n{body}\n'
        f'<button type="submit">{escape(submit)}</button>\n</form>'
    )
