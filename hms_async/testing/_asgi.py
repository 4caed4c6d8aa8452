"""The fake as an ASGI 3 application (served by uvicorn, or mounted in any ASGI server)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from ._gateway import Gateway
from ._http import Outcome

__all__ = ["FakeASGIApp"]

Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class FakeASGIApp:
    """An ASGI application answering the fake's API (and control plane, if on).

    Faults that break the connection (``drop``, a ``truncated`` body) close the
    client's socket when the server exposes it (uvicorn does); on another
    server they end the response early by raising, which servers answer by
    closing the connection or with a 500.
    """

    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    def __repr__(self) -> str:
        return f"FakeASGIApp({self._gateway!r})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope (``http`` or ``lifespan``)."""
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = await _read_body(receive)
        if body is None:
            return
        outcome = await self._gateway.answer(
            scope["method"], _path(scope), _query(scope), _headers(scope), body
        )
        await _respond(outcome, receive, send)


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _read_body(receive: Receive) -> bytes | None:
    """Return the whole request body, or ``None`` if the client went away."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _path(scope: Scope) -> str:
    raw = scope.get("raw_path")
    if raw:
        path: str = raw.decode("latin-1").partition("?")[0]
        return path
    decoded: str = scope["path"]
    return decoded


def _query(scope: Scope) -> list[tuple[str, str]]:
    raw: bytes = scope.get("query_string", b"")
    return parse_qsl(raw.decode("latin-1"), keep_blank_values=True)


def _headers(scope: Scope) -> dict[str, str]:
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in scope["headers"]
    }


class _Severed(Exception):
    """Raised to make a server without a reachable socket close the connection."""


async def _respond(outcome: Outcome, receive: Receive, send: Send) -> None:
    if outcome.drop:
        await _sever(receive, send)
        return
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in outcome.headers]
    if outcome.status not in (204, 304):
        headers.append((b"content-length", str(len(outcome.body)).encode()))
    start = {"type": "http.response.start", "status": outcome.status}
    await send(start | {"headers": headers})
    if outcome.truncate_at is not None:
        part = outcome.body[: outcome.truncate_at]
        await send({"type": "http.response.body", "body": part, "more_body": True})
        await _sever(receive, send)
        return
    await send({"type": "http.response.body", "body": outcome.body})


async def _sever(receive: Receive, send: Send) -> None:
    """Close the client's connection now, mid-response or before any."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None or not hasattr(transport, "close"):
        raise _Severed("connection dropped by an injected fault")
    transport.close()
    while (await receive())["type"] != "http.disconnect":
        pass
