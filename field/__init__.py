"""The field trials: real apps walked by pathwalk and compared with hand counts (see README.md)."""
