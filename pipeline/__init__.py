"""Entry point and wiring of the redaction pipeline."""
