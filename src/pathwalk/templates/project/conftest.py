"""Loads this project's steps; pathwalk itself is enabled as a pytest plugin when installed."""

pytest_plugins = ["steps.example"]
