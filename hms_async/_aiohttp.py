"""The optional aiohttp transport behind ``HMSClient(http="aiohttp")`` (asyncio only).

It is httpx-aiohttp's ``AiohttpTransport`` (``pip install 'hms-async[aiohttp]'``)
with one change: what aiohttp raises becomes the httpx exception that says
what happened, so the requester's rules hold unchanged. A connection that
could not be made, or not in time, is ``ConnectError``/``ConnectTimeout``
(nothing was sent: retried for every method); a server that hung up, cut a
body short or sent a malformed response is ``RemoteProtocolError`` and a read
that timed out ``ReadTimeout`` (the request may have been processed: retried
only when safe). httpx-aiohttp itself maps a dropped connection to
``ConnectTimeout``, which would repeat a POST the server may have applied.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Final

import aiohttp
import httpx
import httpx_aiohttp

__all__ = ["AiohttpTransport"]

_ERRORS: Final[tuple[tuple[type[BaseException], type[httpx.TransportError]], ...]] = (
    (aiohttp.ClientConnectorError, httpx.ConnectError),
    (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),
    (aiohttp.ServerTimeoutError, httpx.ReadTimeout),
    (asyncio.TimeoutError, httpx.ReadTimeout),
    (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
    (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),
    (aiohttp.ClientResponseError, httpx.RemoteProtocolError),
    (aiohttp.InvalidURL, httpx.UnsupportedProtocol),
    (aiohttp.ClientOSError, httpx.ReadError),
    (aiohttp.ClientError, httpx.TransportError),
    (OSError, httpx.ReadError),
)
_NOT_ASYNCIO: Final = (
    "HMSClient(http='aiohttp') runs on asyncio only; on trio use the default "
    "http='httpx'"
)


def _translate(exc: Exception) -> httpx.TransportError | None:
    """The httpx exception for what aiohttp raised (directly or as a cause)."""
    cause = exc.__cause__ if isinstance(exc, httpx.TransportError) else exc
    for kind, mapped in _ERRORS:
        if isinstance(cause, kind):
            return mapped(f"{type(cause).__name__}: {cause}".rstrip(": "))
    return None


class _Body(httpx.AsyncByteStream):
    """A response body whose read errors are translated too."""

    __slots__ = ("_inner",)

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except Exception as exc:
            if (mapped := _translate(exc)) is None:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        except Exception as exc:
            if (mapped := _translate(exc)) is None:
                raise
            raise mapped from exc


class AiohttpTransport(httpx_aiohttp.AiohttpTransport):
    """httpx-aiohttp's transport, its errors translated; refuses to run on trio."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through aiohttp's connection pool."""
        if asyncio._get_running_loop() is None:
            raise httpx.UnsupportedProtocol(_NOT_ASYNCIO)
        try:
            response = await super().handle_async_request(request)
        except Exception as exc:
            if (mapped := _translate(exc)) is None:
                raise
            raise mapped from exc
        assert isinstance(response.stream, httpx.AsyncByteStream)  # noqa: S101
        response.stream = _Body(response.stream)
        return response
