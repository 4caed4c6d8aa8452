"""The in-process httpx transport: no sockets, any host, asyncio or trio."""

from __future__ import annotations

import json

import anyio
import httpx

from ._engine import Engine, split_v2
from ._http import FakeRequest, Outcome, error_body

__all__ = ["FakeTransport", "to_fake_request"]


def to_fake_request(
    method: str,
    raw_path: str,
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes,
) -> FakeRequest | None:
    """Build the router's request, or ``None`` when the path is not under ``/v2``."""
    path = split_v2(raw_path)
    if path is None:
        return None
    return FakeRequest(
        method=method.upper(), path=path, query=query, headers=headers, body=body
    )


def not_v2_outcome(raw_path: str) -> Outcome:
    """Return the 404 for a path outside ``/v2``."""
    body = json.dumps(error_body(404, "Not found", [f"no route for {raw_path}"]))
    return Outcome(status=404, body=body.encode())


class FakeTransport(httpx.AsyncBaseTransport):
    """An httpx transport that hands every request to a fake 100ms engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __repr__(self) -> str:
        return "FakeTransport()"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` from the fake (a dropped connection raises).

        The client's read timeout is kept as a socket would keep it: an answer
        slower than that (a latency fault) raises ``httpx.ReadTimeout``.
        """
        body = await request.aread()
        headers = {k.lower(): v for k, v in request.headers.items()}
        query = list(request.url.params.multi_items())
        fake = to_fake_request(request.method, request.url.path, query, headers, body)
        if fake is None:
            outcome = not_v2_outcome(request.url.path)
        else:
            outcome = await self._answer(fake, request)
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

    async def _answer(self, fake: FakeRequest, request: httpx.Request) -> Outcome:
        timeouts = request.extensions.get("timeout", {})
        read_timeout = timeouts.get("read")
        with anyio.move_on_after(read_timeout):
            return await self._engine.handle(fake)
        raise httpx.ReadTimeout("The read operation timed out", request=request)
