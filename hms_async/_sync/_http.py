"""The sync client's own ``httpx.Client``: its pool, rebuilt in a forked child.

Written by hand: what the async factory does with aiohttp has no sync
meaning, and a forked process needs a pool of its own. Gunicorn
``--preload``, Celery's prefork pool and ``multiprocessing`` with ``fork``
create the client in the parent and call it in the children; a child that
sent on the parent's pooled sockets would interleave its bytes with the
parent's on one connection. ``ForkSafeTransport`` notices the new process id
at the next request and builds a fresh transport there, leaving the
parent's sockets alone (not even closing them: closing a TLS connection
writes to it).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Final

import httpx

from .._http import HEADERS, CookieJar

__all__ = ["ForkSafeTransport", "make_http_client"]

_AIOHTTP: Final = (
    "SyncHMSClient cannot send through aiohttp, which is async only; "
    "use http='httpx' (the default), or HMSClient(http='aiohttp') in async code"
)

_renewing = threading.Lock()
"""Held while a child builds its transport; a new one in each child."""


def _after_fork_in_child() -> None:
    global _renewing  # a lock a parent thread held stays held
    _renewing = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


class ForkSafeTransport(httpx.BaseTransport):
    """The SDK's HTTP transport, made again in each process that uses it.

    Args:
        factory: Makes the transport (and so its connection pool); called
            at once, and again in a forked child at its first request.
    """

    def __init__(self, factory: Callable[[], httpx.BaseTransport]) -> None:
        self._factory = factory
        self._pid = os.getpid()
        self._transport = factory()

    def __repr__(self) -> str:
        return f"<ForkSafeTransport pid={self._pid}>"

    @property
    def transport(self) -> httpx.BaseTransport:
        """The transport of this process (a new one after a fork)."""
        if self._pid != os.getpid():
            self._renew()
        return self._transport

    def _renew(self) -> None:
        with _renewing:
            if self._pid != os.getpid():
                self._transport = self._factory()  # the parent's pool is left as is
                self._pid = os.getpid()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send through this process's transport."""
        return self.transport.handle_request(request)

    def close(self) -> None:
        """Close this process's transport (a parent's pool is not the child's)."""
        if self._pid == os.getpid():
            self._transport.close()


def make_http_client(
    http: str,
    timeout: float | httpx.Timeout | None,
    transport: httpx.BaseTransport | None,
    max_connections: int,
) -> httpx.Client:
    """The sync client's own httpx client: a pool of `max_connections`, per process.

    Raises:
        ValueError: ``http`` is not ``"httpx"`` (``"aiohttp"`` is async only).
    """
    if http == "aiohttp":
        raise ValueError(_AIOHTTP)
    if http != "httpx":
        raise ValueError(f"http must be 'httpx' or 'aiohttp', got {http!r}")
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    if transport is None:
        transport = ForkSafeTransport(lambda: httpx.HTTPTransport(limits=limits))
    return httpx.Client(
        timeout=timeout,
        transport=transport,
        limits=limits,
        headers=HEADERS,
        cookies=CookieJar(),
    )
