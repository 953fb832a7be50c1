"""Values in journeys: secrets from the environment and unique values per journey.

``${SHOP_PASSWORD}`` is read from the environment when the step runs, so the secret never
appears in a feature file, an Allure step name or parameter (they show the placeholder), and
traces keep only a salted hash of what was typed. ``{unique email}`` gives a value that is new
for each journey (and the same within it), so sign-up journeys can run again and again.
"""

from __future__ import annotations

import os
import re
import secrets

from pathwalk.redact import redact

SECRET = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
UNIQUE = re.compile(r"\{unique (email|name|number|text)\}")


class MissingSecret(LookupError):
    """A ``${NAME}`` placeholder names an environment variable that is not set."""


class JourneyValues:
    """Expands placeholders for one journey; unique values stay the same within it."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(4)
        self.secrets_used: set[str] = set()

    def unique(self, kind: str) -> str:
        return {
            "email": f"pathwalk-{self.token}@example.com",
            "name": f"Walker {self.token}",
            "number": str(int(self.token, 16)),
            "text": f"pathwalk-{self.token}",
        }[kind]

    def _secret(self, match: re.Match[str]) -> str:
        name = match.group(1)
        value = os.environ.get(name)
        if value is None:
            raise MissingSecret(
                f"${{{name}}} is not set in the environment; export {name} before walking "
                "(its value is never written to reports).")
        self.secrets_used.add(value)
        return value

    def expand(self, text: str) -> str:
        text = UNIQUE.sub(lambda m: self.unique(m.group(1)), text)
        return SECRET.sub(self._secret, text)

    def holds_secret(self, text: str) -> bool:
        """Whether ``text`` (a value about to be typed) carries a secret used in this journey."""
        return redact(text, self.secrets_used) != text

    def mask(self, text: str) -> str:
        """Every secret value used so far, in any encoding (see pathwalk.redact), shown as ``***``."""
        return redact(text, self.secrets_used)
