"""Tesseract in process, through libtesseract's C API: one loaded engine per language data and process.

A `tesseract` command loads its language data on every call: 0.4 s of CPU for `Latin` (89 MB),
about a third of a 1x frame's read. Here the data is loaded once per worker process and each
image is handed over as pixels (no PNG, no file, no pipe); the word table is the one the command
writes (same words, boxes and confidences). A read runs under the record's deadline (Tesseract's
own monitor stops it); one engine reads one image at a time (a lock), single-threaded unless the
operator set OMP_THREAD_LIMIT.
"""
from __future__ import annotations

import atexit
import ctypes
import os
import shlex
import threading
from functools import cache

import numpy as np
from PIL import Image

# The columns of Tesseract's TSV, which the C API gives without its header line.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
LIBRARY = "libtesseract.so.5"
# Page segmentation and engine modes Tesseract has (the command refuses others; the C API takes any int).
LARGEST = {"--psm": 13, "--oem": 3}
# `-c` variables the command reads: the modes (set per read or per engine here, where a variable would
# be overridden) and the debug file (here /dev/null; the command's stderr is captured and dropped).
COMMAND_VARIABLES = frozenset({"tessedit_pageseg_mode", "tessedit_ocr_engine_mode", "debug_file"})


class EngineUnavailable(RuntimeError):
    """libtesseract or the language data could not be loaded; holds no content."""


class ReadFailed(RuntimeError):
    """Tesseract stopped a read (its deadline passed, or it failed); holds no content."""


def engine_flags(config: str) -> dict[str, object] | None:
    """`config` (command-line flags) as the engine's settings: `--psm N`, `--oem N`, `--dpi N` and
    `-c name=value`; None when it holds any other flag (the command then reads)."""
    tokens, flags = shlex.split(config), {"variables": ()}
    named = {"--psm": "psm", "--oem": "oem", "--dpi": "dpi"}
    while tokens:
        flag = tokens.pop(0)
        if flag in named and tokens and tokens[0].isdigit() and int(tokens[0]) <= LARGEST.get(flag, 10**6):
            flags[named[flag]] = int(tokens.pop(0))
        elif flag == "-c" and tokens and "=" in tokens[0] and tokens[0].split("=", 1)[0] not in COMMAND_VARIABLES:
            flags["variables"] = (*flags["variables"], tuple(tokens.pop(0).split("=", 1)))
        else:
            return None
    return flags


@cache
def _library() -> ctypes.CDLL:
    """Libtesseract with the C signatures used here."""
    try:
        lib = ctypes.CDLL(LIBRARY)
    except OSError:
        raise EngineUnavailable(f"{LIBRARY} is not installed (Debian package libtesseract5)") from None
    handle, text = ctypes.c_void_p, ctypes.c_char_p
    for name, argtypes, restype in (
            ("TessBaseAPICreate", [], handle),
            ("TessBaseAPIInit4", [handle, text, text, ctypes.c_int, ctypes.POINTER(text), ctypes.c_int,
                                  ctypes.POINTER(text), ctypes.POINTER(text), ctypes.c_size_t, ctypes.c_int], ctypes.c_int),
            ("TessBaseAPISetPageSegMode", [handle, ctypes.c_int], None),
            ("TessBaseAPISetVariable", [handle, text, text], ctypes.c_int),
            ("TessBaseAPISetImage", [handle, text, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int], None),
            ("TessBaseAPISetSourceResolution", [handle, ctypes.c_int], None),
            ("TessBaseAPIRecognize", [handle, handle], ctypes.c_int),
            ("TessBaseAPIGetTsvText", [handle, ctypes.c_int], handle), ("TessDeleteText", [handle], None),
            ("TessBaseAPIClear", [handle], None), ("TessBaseAPIEnd", [handle], None),
            ("TessBaseAPIDelete", [handle], None), ("TessMonitorCreate", [], handle),
            ("TessMonitorSetDeadlineMSecs", [handle, ctypes.c_int], None), ("TessMonitorDelete", [handle], None)):
        function = getattr(lib, name)
        function.argtypes, function.restype = argtypes, restype
    return lib


def check_library() -> None:
    """Raise EngineUnavailable, naming the Debian package, unless libtesseract loads."""
    _library()


def _omp_threads() -> None:
    """OpenMP threads of the calling thread's Tesseract work: OMP_THREAD_LIMIT, else 1 (libgomp may
    have been loaded, and read the environment, before this module)."""
    try:
        ctypes.CDLL("libgomp.so.1").omp_set_num_threads(int(os.environ.get("OMP_THREAD_LIMIT", "1")))
    except (OSError, AttributeError, ValueError):
        pass  # a Tesseract built without OpenMP runs single-threaded anyway


class Engine:
    """One loaded TessBaseAPI: `language` data, engine mode `oem` (3: Tesseract's default) and
    `variables` (`-c` name, value pairs), set once so no read's flags reach another's."""

    def __init__(self, language: str, oem: int, variables: tuple[tuple[str, str], ...] = ()):
        self._lib = _library()
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._api = self._lib.TessBaseAPICreate()
        # The variables are given to Init, as the command gives its `-c` flags: some take effect only
        # there (load_system_dawg, user_words_file); set after it, they are accepted and ignored.
        # Tesseract's diagnostics ("Estimating resolution as ...") hold no content, but need no log either.
        pairs = (("debug_file", os.devnull), *variables)
        names = (ctypes.c_char_p * len(pairs))(*(name.encode() for name, _ in pairs))
        values = (ctypes.c_char_p * len(pairs))(*(value.encode() for _, value in pairs))
        if self._lib.TessBaseAPIInit4(self._api, None, language.encode(), oem, None, 0, names, values, len(pairs), 0):
            self._lib.TessBaseAPIDelete(self._api)
            raise EngineUnavailable(f"Tesseract could not load language data {language!r}")
        atexit.register(self.close)

    def table(self, image: Image.Image, flags: dict[str, object], seconds: float) -> str:
        """The TSV word table (with its header line) of the grayscale `image`, read within `seconds`."""
        pixels = np.ascontiguousarray(np.asarray(image.convert("L")))
        with self._lock:
            lib, api = self._lib, self._api
            _omp_threads()
            lib.TessBaseAPISetPageSegMode(api, int(flags.get("psm", 3)))
            lib.TessBaseAPISetImage(api, pixels.tobytes(), pixels.shape[1], pixels.shape[0], 1, pixels.shape[1])
            if "dpi" in flags:
                lib.TessBaseAPISetSourceResolution(api, int(flags["dpi"]))
            monitor = lib.TessMonitorCreate()
            try:
                lib.TessMonitorSetDeadlineMSecs(monitor, max(1, min(2**31 - 1, round(seconds * 1000))))
                if lib.TessBaseAPIRecognize(api, monitor):
                    raise ReadFailed("timeout or recognition failed")
                text = lib.TessBaseAPIGetTsvText(api, 0)
                if not text:  # a null pointer: string_at would read address 0 (the worker dies)
                    raise ReadFailed("no word table")
                try:
                    return TSV_HEADER + ctypes.string_at(text).decode("utf-8")
                finally:
                    lib.TessDeleteText(text)
            finally:
                lib.TessMonitorDelete(monitor)
                lib.TessBaseAPIClear(api)

    def close(self) -> None:
        """Free the engine (at exit, so Tesseract's cache finds nothing left loaded)."""
        if self._pid != os.getpid():  # a fork's copy: the parent frees its own
            return
        with self._lock:
            if self._api:
                self._lib.TessBaseAPIEnd(self._api)
                self._lib.TessBaseAPIDelete(self._api)
                self._api = None


_engines: dict[tuple, Engine] = {}
_engines_lock = threading.Lock()


def _after_fork_in_child() -> None:
    """A fork's child starts with no engine and a free lock: a thread of the parent that held the
    lock at the fork does not exist in the child to release it (the child's first read would hang)."""
    global _engines_lock
    _engines_lock = threading.Lock()
    _engines.clear()  # the parent's engines: their locks may be held too, and the parent frees them


os.register_at_fork(after_in_child=_after_fork_in_child)


def engine(language: str, oem: int, variables: tuple[tuple[str, str], ...] = ()) -> Engine:
    """The engine of this process for `language`, `oem` and `variables`, loaded on first use (a fork's child loads its own)."""
    key = (language, oem, variables, os.getpid())
    with _engines_lock:
        if key not in _engines:
            _engines[key] = Engine(language, oem, variables)
        return _engines[key]
