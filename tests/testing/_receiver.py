"""A tiny loopback webhook receiver for tests (anyio + h11)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import anyio.abc
import h11


async def _read_body(
    conn: h11.Connection, stream: anyio.abc.SocketStream
) -> bytes | None:
    body = b""
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            try:
                conn.receive_data(await stream.receive())
            except (anyio.EndOfStream, anyio.BrokenResourceError):
                return None
        elif isinstance(event, h11.Data):
            body += event.data
        elif isinstance(event, h11.EndOfMessage):
            return body
        elif not isinstance(event, h11.Request):
            return None


async def _answer(
    stream: anyio.abc.SocketStream, status: int, received: list[Any]
) -> None:
    conn = h11.Connection(h11.SERVER)
    async with stream:
        while (body := await _read_body(conn, stream)) is not None:
            received.append(json.loads(body))
            headers = [("content-length", "0")]
            await stream.send(
                conn.send(h11.Response(status_code=status, headers=headers)) or b""
            )
            await stream.send(conn.send(h11.EndOfMessage()) or b"")
            conn.start_next_cycle()


@asynccontextmanager
async def receiver(status: int = 200) -> AsyncIterator[tuple[str, list[Any]]]:
    """Listen on 127.0.0.1; yield ``(url, received JSON bodies)``."""
    received: list[Any] = []
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    async with listener, anyio.create_task_group() as group:
        port = listener.extra(anyio.abc.SocketAttribute.local_port)  # noqa: S610

        async def handle(stream: anyio.abc.SocketStream) -> None:
            await _answer(stream, status, received)

        group.start_soon(listener.serve, handle)
        yield f"http://127.0.0.1:{port}/hooks", received
        group.cancel_scope.cancel()
