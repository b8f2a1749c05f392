"""Beam composites and thin DoFns over the logic in `models`."""
