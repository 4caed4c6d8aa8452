"""The in-process httpx transport: no sockets, any host; async (asyncio or trio) and sync."""

from __future__ import annotations

import time

import anyio
import httpx

from ._gateway import Gateway
from ._http import Outcome

__all__ = ["FakeTransport"]


class FakeTransport(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """An httpx transport that hands every request to a fake 100ms service.

    One object serves both kinds of client: `httpx.AsyncClient` (and
    `HMSClient`) through `handle_async_request`, `httpx.Client` (and
    `SyncHMSClient`) through `handle_request`.
    """

    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    def __repr__(self) -> str:
        return "FakeTransport()"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` from the fake (a dropped connection raises).

        The client's read timeout is kept as a socket would keep it: an answer
        slower than that (a latency fault) raises ``httpx.ReadTimeout``.
        """
        return _response(request, await self._answer(request))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """The same as `handle_async_request`, for a sync client: a latency
        fault sleeps the calling thread."""
        latency, answer = self._gateway.begin(*_parts(request, request.read()))
        if latency > 0:
            read = request.extensions.get("timeout", {}).get("read")
            if read is not None and latency > read:
                time.sleep(read)
                raise httpx.ReadTimeout("The read operation timed out", request=request)
            time.sleep(latency)
        return _response(request, answer())

    async def _answer(self, request: httpx.Request) -> Outcome:
        parts = _parts(request, await request.aread())
        timeouts = request.extensions.get("timeout", {})
        with anyio.move_on_after(timeouts.get("read")):
            return await self._gateway.answer(*parts)
        raise httpx.ReadTimeout("The read operation timed out", request=request)


def _parts(
    request: httpx.Request, body: bytes
) -> tuple[str, str, list[tuple[str, str]], dict[str, str], bytes]:
    headers = {k.lower(): v for k, v in request.headers.items()}
    query = list(request.url.params.multi_items())
    return request.method, request.url.path, query, headers, body


def _response(request: httpx.Request, outcome: Outcome) -> httpx.Response:
    if outcome.drop:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    content = outcome.body
    if outcome.truncate_at is not None:
        content = content[: outcome.truncate_at]
    return httpx.Response(
        outcome.status,
        headers=list(outcome.headers),
        content=content,
        request=request,
    )
