"""pathwalk: walk a product's customer journeys as a first-time customer and measure the effort.

Journeys are Gherkin features run by pytest-bdd in a real Chromium; a recorder writes one trace
per journey, friction checks read it, experience standards judge it, Allure shows it.
"""

from __future__ import annotations

from pathwalk.customer import Customer
from pathwalk.errors import JourneyError, SiteError
from pathwalk.standards import StandardExceeded, StandardsFileError

__version__ = "0.1.0"
__all__ = ["Customer", "JourneyError", "SiteError", "StandardExceeded", "StandardsFileError", "__version__"]
