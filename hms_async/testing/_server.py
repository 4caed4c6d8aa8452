"""A loopback HTTP/1.1 server for the fake, built on anyio and h11."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import parse_qsl, urlsplit

import anyio
import anyio.abc
import h11

from ._engine import Engine
from ._http import Outcome
from ._transport import not_v2_outcome, to_fake_request

__all__ = ["serve"]

_MAX_EVENT = 1 << 20


@asynccontextmanager
async def serve(engine: Engine, host: str, port: int) -> AsyncIterator[str]:
    """Listen on ``host:port`` (0 picks a free port); yield the ``/v2/`` base URL."""
    listener = await anyio.create_tcp_listener(local_host=host, local_port=port)
    async with listener:
        bound = listener.extra(anyio.abc.SocketAttribute.local_port)  # noqa: S610
        shown = f"[{host}]" if ":" in host else host
        async with anyio.create_task_group() as group:
            group.start_soon(listener.serve, _Connection.handler(engine))
            try:
                yield f"http://{shown}:{bound}/v2/"
            finally:
                group.cancel_scope.cancel()


class _Connection:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, engine: Engine, stream: anyio.abc.ByteStream) -> None:
        self._engine = engine
        self._stream = stream
        self._h11 = h11.Connection(h11.SERVER, max_incomplete_event_size=_MAX_EVENT)

    @classmethod
    def handler(
        cls, engine: Engine
    ) -> Callable[[anyio.abc.SocketStream], Awaitable[None]]:
        """Return the per-connection callback for ``listener.serve``."""

        async def handle(stream: anyio.abc.SocketStream) -> None:
            async with stream:
                try:
                    await cls(engine, stream).run()
                except (
                    anyio.BrokenResourceError,
                    anyio.ClosedResourceError,
                    h11.ProtocolError,
                ):
                    return

        return handle

    async def run(self) -> None:
        """Serve requests until the client closes or a response must close."""
        while True:
            request = await self._read_request()
            if request is None:
                return
            outcome = await self._answer(*request)
            if not await self._write(outcome):
                return
            if self._h11.our_state is h11.MUST_CLOSE:
                return
            self._h11.start_next_cycle()

    async def _next_event(self) -> object:
        while True:
            event = self._h11.next_event()
            if event is not h11.NEED_DATA:
                return event
            try:
                data = await self._stream.receive()
            except (anyio.EndOfStream, anyio.BrokenResourceError):
                data = b""
            self._h11.receive_data(data)

    async def _read_request(self) -> tuple[h11.Request, bytes] | None:
        event = await self._next_event()
        if not isinstance(event, h11.Request):
            return None
        body = bytearray()
        while True:
            part = await self._next_event()
            if isinstance(part, h11.Data):
                body += part.data
            elif isinstance(part, h11.EndOfMessage):
                return event, bytes(body)
            else:
                return None

    async def _answer(self, request: h11.Request, body: bytes) -> Outcome:
        target = urlsplit(request.target.decode("latin-1"))
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in request.headers
        }
        query = parse_qsl(target.query, keep_blank_values=True)
        method = request.method.decode("ascii")
        fake = to_fake_request(method, target.path, query, headers, body)
        if fake is None:
            return not_v2_outcome(target.path)
        return await self._engine.handle(fake)

    async def _write(self, outcome: Outcome) -> bool:
        """Send the outcome; return whether the connection may stay open."""
        if outcome.drop:
            return False
        headers = list(outcome.headers)
        if outcome.status not in (204, 304):
            headers.append(("content-length", str(len(outcome.body))))
        response = h11.Response(status_code=outcome.status, headers=headers)
        await self._stream.send(self._h11.send(response) or b"")
        body = outcome.body
        if outcome.truncate_at is not None:
            await self._stream.send(body[: outcome.truncate_at])
            return False
        if body:
            await self._stream.send(self._h11.send(h11.Data(data=body)) or b"")
        await self._stream.send(self._h11.send(h11.EndOfMessage()) or b"")
        return True
