"""The in-process httpx transport: no sockets, any host, asyncio or trio."""

from __future__ import annotations

import anyio
import httpx

from ._gateway import Gateway
from ._http import Outcome

__all__ = ["FakeTransport"]


class FakeTransport(httpx.AsyncBaseTransport):
    """An httpx transport that hands every request to a fake 100ms service."""

    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    def __repr__(self) -> str:
        return "FakeTransport()"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` from the fake (a dropped connection raises).

        The client's read timeout is kept as a socket would keep it: an answer
        slower than that (a latency fault) raises ``httpx.ReadTimeout``.
        """
        outcome = await self._answer(request)
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

    async def _answer(self, request: httpx.Request) -> Outcome:
        body = await request.aread()
        headers = {k.lower(): v for k, v in request.headers.items()}
        query = list(request.url.params.multi_items())
        timeouts = request.extensions.get("timeout", {})
        with anyio.move_on_after(timeouts.get("read")):
            return await self._gateway.answer(
                request.method, request.url.path, query, headers, body
            )
        raise httpx.ReadTimeout("The read operation timed out", request=request)
