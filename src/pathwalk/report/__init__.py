"""Rendering figures and findings for people: Allure attachments and the terminal/JSON summary."""
