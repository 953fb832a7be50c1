"""The reference project's own steps: shop-specific phrases built from the customer's actions."""
