"""Custom Presidio recognizers: one small module each."""
