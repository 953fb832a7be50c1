"""This project's own steps, in the customer's words."""
