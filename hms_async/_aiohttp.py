"""The optional aiohttp transport behind ``HMSClient(http="aiohttp")`` (asyncio only).

It is httpx-aiohttp's ``AiohttpTransport`` (``pip install 'hms-async[aiohttp]'``)
with two changes. The body is read whole in the transport (the SDK never
streams one), so httpx gets it in one piece. And what aiohttp raises becomes
the httpx exception that says what happened, so the requester's rules hold
unchanged. A connection that
could not be made, or not in time, is ``ConnectError``/``ConnectTimeout``
(nothing was sent: retried for every method); a server that hung up, cut a
body short or sent a malformed response is ``RemoteProtocolError`` and a read
that timed out ``ReadTimeout`` (the request may have been processed: retried
only when safe). httpx-aiohttp itself maps a dropped connection to
``ConnectTimeout``, which would repeat a POST the server may have applied.
"""

from __future__ import annotations

import asyncio
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


class AiohttpTransport(httpx_aiohttp.AiohttpTransport):
    """httpx-aiohttp's transport, its errors translated; refuses to run on trio."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through aiohttp's connection pool and read the body.

        The body is read here, whole, and the connection handed back to the
        pool before httpx sees the response: the SDK reads every body whole
        anyway, and one read costs less than httpx iterating an aiohttp stream
        through two async generators (a tenth of the transport's CPU per call).
        """
        if asyncio._get_running_loop() is None:
            raise httpx.UnsupportedProtocol(_NOT_ASYNCIO)
        session = self.client
        if not isinstance(session, aiohttp.ClientSession):
            session = self.client = self.get_client()
        timeout = request.extensions.get("timeout", {})
        data: bytes | httpx.AsyncByteStream | None
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # a streamed body: aiohttp frames it
            data = request.stream  # type: ignore[assignment]
            request.headers.pop("transfer-encoding", None)
        try:
            async with session.request(
                request.method,
                str(request.url),
                headers=request.headers,
                data=data,
                allow_redirects=False,
                auto_decompress=False,  # httpx decodes, as on its own transport
                compress=False,
                timeout=aiohttp.ClientTimeout(
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                    connect=timeout.get("pool"),
                ),
                server_hostname=request.extensions.get("sni_hostname"),
            ) as response:
                body = await response.read()
        except Exception as exc:
            if (mapped := _translate(exc)) is None:
                raise
            raise mapped from exc
        extensions = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode()
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=httpx.ByteStream(body),
            request=request,
            extensions=extensions,
        )
