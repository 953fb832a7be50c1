"""The reference project: pathwalk walks the bundled demo shop exactly as a customer's repo would.

Journeys live in journeys/*.feature (collected by pathwalk), shop-specific steps in steps/,
budgets in standards.yaml; settings are under [tool.pytest.ini_options] in pyproject.toml.
"""

pytest_plugins = ["steps.shop"]
