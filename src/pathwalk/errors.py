"""Errors a journey can end with, written for the person who must act on them.

Neither is an AssertionError: a journey that cannot be walked is *broken* (Allure's word too),
which is a different thing from a journey that was walked and cost too much effort.
"""

from __future__ import annotations


class JourneyError(Exception):
    """A step cannot be done as written; the message says what the customer saw instead."""


class SiteError(JourneyError):
    """The site failed the customer: no answer in time, a redirect loop, a crashed page."""
