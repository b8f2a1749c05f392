"""Plain-Python detection and redaction logic; never imports Beam."""
