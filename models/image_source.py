"""Where a screenshot's `image_uri` may point, and reading it within a size and time limit.

A record names its image file itself, so without a bound any record could have the pipeline read
another capture's pixels, a system file or a FIFO that never ends into the sink under its own user.
Only files under the run's image roots are read; local ones must be regular files (checked on the
opened descriptor, never following a final symlink, so a FIFO or device never blocks a read).
"""
from __future__ import annotations

import os
import posixpath
import re
import stat
import time
from typing import BinaryIO, Callable

# Beam's own scheme syntax (FileSystems.get_scheme): a path without one is a local file.
_SCHEME = re.compile(r"^([a-zA-Z][-a-zA-Z0-9+.]*)://(.*)$", re.S)
_GLOB = re.compile(r"[*?\[]")
READ_CHUNK_BYTES = 1 << 20

# Opens a non-local URI on its filesystem: (stream, size in bytes, or None when unknown).
RemoteOpener = Callable[[str], tuple[BinaryIO, int | None]]


class UnreadableImage(ValueError):
    """An image the pipeline will not or cannot read; `reason` is a code safe to count, never the path."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def default_image_roots(input_pattern: str | None) -> tuple[str, ...]:
    """The input pattern's directory tree (its longest directory prefix before any glob character);
    none for Pub/Sub (no pattern), and none rather than the whole local filesystem or a scheme."""
    if not input_pattern:
        return ()
    literal = _GLOB.split(input_pattern, maxsplit=1)[0]
    scheme = _SCHEME.match(literal)
    if scheme:
        bucket_and_path = scheme.group(2)
        if "/" not in bucket_and_path or not bucket_and_path.split("/", 1)[0]:
            return ()
        return (f"{scheme.group(1)}://{bucket_and_path.rsplit('/', 1)[0]}",)
    directory = os.path.dirname(literal) or "."
    return () if os.path.realpath(directory) == os.path.realpath(os.sep) else (os.path.abspath(directory),)


def image_roots(option: str | None, input_pattern: str | None) -> tuple[str, ...]:
    """`--image_roots` (comma-separated; local ones made absolute here, where the command was given)
    when given, else `default_image_roots(input_pattern)`."""
    if option is None:
        return default_image_roots(input_pattern)
    roots = (root.strip() for root in option.split(","))
    return tuple(root if _SCHEME.match(root) else os.path.abspath(root) for root in roots if root)


def _normalised(uri: str) -> tuple[str | None, str]:
    """(scheme, path): a URI's path normalised as a POSIX path, a local file's resolved (symlinks too)."""
    match = _SCHEME.match(uri)
    if match:
        return match.group(1).lower(), posixpath.normpath("/" + match.group(2))[1:]
    return None, os.path.realpath(uri)


def confine(uri: str, roots: tuple[str, ...]) -> str:
    """The normalised location of `uri` when it lies inside one of `roots`, which is what is opened."""
    try:
        scheme, path = _normalised(uri)
        inside = any(_inside(scheme, path, *_normalised(root)) for root in roots)
    except ValueError:  # a NUL byte in the path
        raise UnreadableImage("outside_image_roots") from None
    if not inside:
        raise UnreadableImage("outside_image_roots")
    return path if scheme is None else f"{scheme}://{path}"


def _inside(scheme: str | None, path: str, root_scheme: str | None, root: str) -> bool:
    separator = os.sep if scheme is None else "/"
    return scheme == root_scheme and (path == root or path.startswith(root.rstrip(separator) + separator))


def open_local(path: str) -> tuple[BinaryIO, int]:
    """A regular local file opened without blocking or following a final symlink, and its size."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        raise UnreadableImage("image_uri_unreadable") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise UnreadableImage("not_a_regular_file")
    return os.fdopen(descriptor, "rb"), status.st_size


def read_within(stream: BinaryIO, max_bytes: int, timeout_secs: float,
                clock: Callable[[], float] = time.monotonic) -> bytes:
    """The stream's bytes, read in bounded chunks: more than `max_bytes` is refused as soon as it is
    seen, and a read still going after `timeout_secs` is abandoned between two chunks."""
    deadline = clock() + timeout_secs
    data = bytearray()
    while chunk := stream.read(min(READ_CHUNK_BYTES, max_bytes + 1 - len(data))):
        data += chunk
        if len(data) > max_bytes:
            raise UnreadableImage("too_large")
        if clock() > deadline:
            raise UnreadableImage("read_timeout")
    return bytes(data)


def read_image_file(uri: str, roots: tuple[str, ...], max_bytes: int, timeout_secs: float,
                    open_remote: RemoteOpener, clock: Callable[[], float] = time.monotonic) -> bytes:
    """The bytes of the image file `uri` names, if it lies under `roots` and fits the limits; the size
    is checked before anything is read. Non-local URIs are opened by `open_remote`."""
    location = confine(uri, roots)
    stream, size = open_local(location) if _SCHEME.match(location) is None else open_remote(location)
    with stream:
        if size is not None and size > max_bytes:
            raise UnreadableImage("too_large")
        return read_within(stream, max_bytes, timeout_secs, clock)
