"""Put on PYTHONPATH by tests: refuses, and records in $NETGUARD_LOG, any connection leaving the machine."""
import os
import socket

_LOCAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "", None}
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect


def _record(what: str) -> None:
    with open(os.environ["NETGUARD_LOG"], "a", encoding="utf-8") as log:
        log.write(what + "\n")


def _getaddrinfo(host, *args, **kwargs):
    if host not in _LOCAL:
        _record(f"lookup {host}")
        raise OSError(f"network disabled by test guard: {host}")
    return _real_getaddrinfo(host, *args, **kwargs)


def _connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (socket.AF_INET, socket.AF_INET6) and host not in _LOCAL:
        _record(f"connect {host}")
        raise OSError(f"network disabled by test guard: {host}")
    return _real_connect(self, address)


if os.environ.get("NETGUARD_LOG"):
    socket.getaddrinfo = _getaddrinfo
    socket.socket.connect = _connect
    _record("loaded")  # proves the guard was active, so an empty attempt list means something
