"""Built-in steps in the customer's words, enabled by the plugin for every journey.

Each step finds things as a person does (role and name, label, visible text) through the
recorded :class:`~pathwalk.customer.Customer`, so every action lands in the journey trace.
The modules below are registered as pytest plugins; `pathwalk steps` lists them all.
"""

from __future__ import annotations

STEP_MODULES = (
    "pathwalk.steps.navigation",
    "pathwalk.steps.acting",
    "pathwalk.steps.expecting",
    "pathwalk.steps.who",
)
