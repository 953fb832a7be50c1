"""Server-side session state for the demo shop.

Handlers run on many threads, so every read and write goes through one lock and
callers only ever receive copies (snapshots), never the live mutable session.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

from pathwalk.demo.catalog import find_product


@dataclass(frozen=True)
class Account:
    """The details a visitor gave at sign-up (the password is deliberately not kept)."""

    name: str
    email: str


@dataclass
class _Session:
    basket: dict[str, int] = field(default_factory=dict)
    account: Account | None = None
    last_order: str | None = None
    gift: dict[str, str] = field(default_factory=dict)  # the simple gift finder's answers so far
    tasting: str | None = None  # the date of the tea tasting booked


@dataclass(frozen=True)
class SessionView:
    """An immutable copy of one session, safe to render without holding the lock."""

    basket: tuple[tuple[str, int], ...]
    account: Account | None
    last_order: str | None
    gift: tuple[tuple[str, str], ...] = ()
    tasting: str | None = None

    @property
    def item_count(self) -> int:
        return sum(quantity for _, quantity in self.basket)


class ShopState:
    """All sessions of one DemoShop plus its order-number counter."""

    FIRST_ORDER_NUMBER = 100001

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, _Session] = {}
        self._next_order = self.FIRST_ORDER_NUMBER

    def ensure_session(self, token: str | None) -> tuple[str, bool]:
        """Return a valid token for the request and whether it was newly created.

        An unknown token (e.g. from a previous server run) gets a fresh session
        rather than an error, so a stale cookie never breaks a journey.
        """
        with self._lock:
            if token is not None and token in self._sessions:
                return token, False
            new_token = secrets.token_urlsafe(24)
            self._sessions[new_token] = _Session()
            return new_token, True

    def view(self, token: str) -> SessionView:
        with self._lock:
            session = self._sessions[token]
            return SessionView(tuple(session.basket.items()), session.account, session.last_order,
                               tuple(session.gift.items()), session.tasting)

    def add_to_basket(self, token: str, slug: str) -> bool:
        """Add one of a product; False if the slug is not in the catalogue."""
        if find_product(slug) is None:
            return False
        with self._lock:
            basket = self._sessions[token].basket
            basket[slug] = basket.get(slug, 0) + 1
        return True

    def set_account(self, token: str, account: Account) -> None:
        with self._lock:
            self._sessions[token].account = account

    def update_gift(self, token: str, answers: dict[str, str]) -> None:
        """Add the simple gift finder's answers from one of its pages; starting again clears the rest."""
        with self._lock:
            gift = self._sessions[token].gift
            if "recipient" in answers:
                gift.clear()
            gift.update(answers)

    def book_tasting(self, token: str, date: str) -> None:
        with self._lock:
            self._sessions[token].tasting = date

    def place_order(self, token: str) -> str:
        """Empty the basket and allocate the next shop-wide order number, e.g. 'DS-100001'."""
        with self._lock:
            order = f"DS-{self._next_order}"
            self._next_order += 1
            session = self._sessions[token]
            session.basket.clear()
            session.last_order = order
            return order
