"""The private parts of Beam this project relies on, in one place, checked against CHECKED_BEAM_VERSION
(tests/test_compat.py fails when another version is installed). In transforms/, as models/ never imports Beam."""
from __future__ import annotations

import argparse
from collections.abc import Callable

from apache_beam import pvalue
from apache_beam.options.pipeline_options import PipelineOptions, _BeamArgumentParser
from apache_beam.transforms.window import BoundedWindow

CHECKED_BEAM_VERSION = "2.77.0"


def beam_argument_parser(**kwargs: object) -> argparse.ArgumentParser:
    """The parser Beam parses options with (`get_all_options` builds the same one): some options
    classes declare value-provider arguments, which only it accepts. The public alternative, comparing
    `get_all_options(retain_unknown_options=True)` with `get_all_options()`, passes over stray words
    (an unquoted pattern the shell expanded) and single-dash flags, and the second call logs unknown
    options with their values, which may be secrets: the check of unknown options uses the parser."""
    return _BeamArgumentParser(**kwargs)


def declare_options(options_class: type[PipelineOptions], parser: argparse.ArgumentParser) -> None:
    """Add an options class's arguments to `parser`. `_add_argparse_args` is Beam's documented way to
    declare options (the PipelineOptions docstring): defined by every options class, called here."""
    options_class._add_argparse_args(parser)  # pylint: disable=protected-access


def map_side_input_windows(side_input: pvalue.AsSideInput,
                           mapping: Callable[[BoundedWindow], BoundedWindow]) -> None:
    """Read `side_input` in the window `mapping` gives for a main-input window. Beam's side inputs
    take no mapping argument; each holds its mapping in `_window_mapping_fn`, a pickled function
    runners hand back to the SDK (MapWindows), so a set one runs wherever the default does."""
    side_input._window_mapping_fn = mapping  # pylint: disable=protected-access
