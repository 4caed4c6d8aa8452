"""The loopback server: the fake's ASGI app on uvicorn, in a thread of its own.

The server runs its own asyncio event loop in a daemon thread, so a test's
client load (asyncio or trio) never shares a loop with it. uvicorn comes with
the ``fake`` extra (``pip install 'hms-async[fake]'``).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import socket
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import anyio

from ._asgi import FakeASGIApp

if TYPE_CHECKING:
    from ._fake import FakeHMS

__all__ = ["FakeServer", "PortInUseError", "is_loopback", "serve"]

_START_SECONDS = 15.0
_STOP_SECONDS = 5.0
_POLL_SECONDS = 0.005
_BACKLOG = 1024


class PortInUseError(OSError):
    """The port asked for is taken (pass port 0 to pick a free one)."""


def is_loopback(host: str) -> bool:
    """Return whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """Listen on ``host:port``; a TCP-protocol socket so asyncio sets TCP_NODELAY."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(_BACKLOG)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortInUseError(
                errno.EADDRINUSE, f"port {port} on {host} is already in use"
            ) from None
        raise
    return sock


def _uvicorn() -> Any:
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ImportError(
            "serving the fake over HTTP needs uvicorn: pip install 'hms-async[fake]'"
        ) from None
    return uvicorn


class FakeServer:
    """A fake served over HTTP on ``host:port`` (0 picks a free port).

    Use it as a context manager (``with fake.server() as server:``) or call
    :meth:`start` and :meth:`stop`. The control plane under ``/_fake/`` is on
    for loopback binds unless ``control=False``; on any other address it is off
    unless ``control=True``.
    """

    def __init__(
        self,
        fake: FakeHMS,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        control: bool | None = None,
    ) -> None:
        self.fake = fake
        self.host = host
        self.port = port
        self.control = is_loopback(host) if control is None else control
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def __repr__(self) -> str:
        return f"FakeServer(url={self.url!r}, control={self.control})"

    @property
    def url(self) -> str:
        """The server's root URL (``http://127.0.0.1:PORT``)."""
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API's base URL (``.../v2/``), for ``HMSClient(base_url=...)``."""
        return self.url + "/v2/"

    @property
    def control_url(self) -> str:
        """The control plane's base URL (``.../_fake/``)."""
        return self.url + "/_fake/"

    @property
    def access_key(self) -> str:
        """The fake's access key."""
        return self.fake.access_key

    @property
    def app_secret(self) -> str:
        """The fake's app secret."""
        return self.fake.app_secret

    def environment(self) -> dict[str, str]:
        """The variables that point ``HMSClient`` (and the ``hms`` CLI) here."""
        env = {
            "HMS_BASE_URL": self.base_url,
            "HMS_AUTH_BASE_URL": self.base_url,
            "HMS_ACCESS_KEY": self.access_key,
            "HMS_SECRET": self.app_secret,
        }
        if self.control:
            env["HMS_FAKE_CONTROL_URL"] = self.control_url
        env["HMS_MANAGEMENT_TOKEN"] = self.fake.management_token()
        return env

    def start(self) -> Self:
        """Bind, start serving in a daemon thread and wait until it answers.

        Raises :class:`PortInUseError` when the port is taken, and
        ``ImportError`` naming ``pip install 'hms-async[fake]'`` when uvicorn
        is not installed.
        """
        if self._thread is not None:
            raise RuntimeError("this server was already started")
        _uvicorn()  # a missing extra is said here, in one line, before binding
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        app = FakeASGIApp(self.fake._gateway(control=self.control))
        self._thread = threading.Thread(
            target=self._run,
            args=(app, sock),
            name=f"hms-fake:{self.port}",
            daemon=True,
        )
        self._thread.start()
        if not self._ready.wait(_START_SECONDS):
            raise RuntimeError("the fake's server did not start in time")
        if self._error is not None:
            raise RuntimeError("the fake's server failed to start") from self._error
        return self

    def stop(self) -> None:
        """Stop serving: close the listener and every connection, join the thread."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None or not thread.is_alive():
            return
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(stopping.set)
        thread.join(_STOP_SECONDS + 1)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self, app: FakeASGIApp, sock: socket.socket) -> None:
        try:
            asyncio.run(self._main(app, sock))
        except BaseException as error:  # reported to start(), never lost silently
            self._error = error
        finally:
            sock.close()
            self._ready.set()

    async def _main(self, app: FakeASGIApp, sock: socket.socket) -> None:
        config = _uvicorn().Config(
            app,
            lifespan="off",
            log_config=None,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            server_header=False,
            ws="none",
        )
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = _server_class()(config, self._stopping, self._ready)
        await server.serve(sockets=[sock])


def _server_class() -> Any:
    """uvicorn's Server, told when to stop by an event and without fixed waits."""
    base = _uvicorn().Server

    class _Server(base):  # type: ignore[misc, valid-type]
        def __init__(
            self, config: Any, stopping: asyncio.Event, ready: threading.Event
        ) -> None:
            super().__init__(config)
            self._stopping = stopping
            self._ready_flag = ready

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            self._ready_flag.set()

        async def main_loop(self) -> None:
            await self._stopping.wait()

        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            await _shutdown(self)

    return _Server


async def _shutdown(server: Any) -> None:
    """Close the listener and the connections, waiting only as long as needed."""
    for listener in server.servers:
        listener.close()
    state = server.server_state
    for connection in list(state.connections):
        connection.shutdown()
    waited = 0.0
    while (state.connections or state.tasks) and waited < _STOP_SECONDS:
        await asyncio.sleep(_POLL_SECONDS)
        waited += _POLL_SECONDS
    for task in list(state.tasks):
        task.cancel()
    for connection in list(state.connections):
        transport = getattr(connection, "transport", None)
        if transport is not None:
            transport.close()
    await asyncio.sleep(0)


@asynccontextmanager
async def serve(
    fake: FakeHMS, host: str, port: int, control: bool | None
) -> AsyncIterator[str]:
    """Serve ``fake`` in a thread while the block runs; yield the ``/v2/`` base URL."""
    server = FakeServer(fake, host, port, control=control)
    await anyio.to_thread.run_sync(server.start)
    try:
        yield server.base_url
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(server.stop)
