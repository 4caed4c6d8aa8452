"""FakeHMS: the in-memory 100ms workspace users drive from their tests."""

from __future__ import annotations

import random
import secrets
import threading
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Self

import anyio
import attrs
import httpx

from . import _activity, _jobs, _polls, _rooms
from ._auth import mint_token
from ._clock import Clock, IdFactory
from ._engine import Engine
from ._faults import Faults
from ._gateway import Gateway
from ._http import ApiError, FakeRequest, Outcome, RecordedRequest
from ._routes import ROUTER
from ._state import JSON, State
from ._templates import create_default_template
from ._transport import FakeTransport
from ._webhooks import DEFAULT_RETRY_DELAYS, DeliveryAttempt, WebhookSender, check_url

if TYPE_CHECKING:
    from hms_async import HMSClient, SyncHMSClient

    from ._asgi import FakeASGIApp
    from ._server import FakeServer

__all__ = ["DEFAULT_BASE_URL", "FakeHMS", "FakePeer"]

DEFAULT_BASE_URL = "http://fake.100ms.test/v2/"
_IDLE_POLL_SECONDS = 0.01


@attrs.frozen(kw_only=True)
class FakePeer:
    """A peer connected to a fake room, as returned by :meth:`FakeHMS.join`."""

    id: str
    room_id: str
    session_id: str
    role: str
    user_id: str
    name: str
    track_ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class _WebhookOptions:
    url: str | None
    headers: dict[str, str]
    signing_secret: str | None = attrs.field(repr=False)
    retry_delays: tuple[float, ...]


def _rng(seed: int | str | None, purpose: str) -> random.Random:
    """A generator per purpose: seeded ones repeat, unseeded ones do not."""
    if seed is None:
        return random.Random()  # noqa: S311 - test data, not cryptography
    return random.Random(f"{seed}:{purpose}")  # noqa: S311


class FakeHMS:
    """An in-memory, stateful fake of the 100ms server REST API v2.

    ``access_key`` and ``app_secret`` are generated unless given; tokens must be
    HS256-signed with the secret and carry the key. ``seed`` makes UUIDs, room
    codes and fractional faults repeat from run to run (24-hex object ids also
    embed the creation second, so they sort by creation). ``base_url`` is what
    :meth:`client` and :meth:`http_client` use in process.

    Webhooks: with ``webhook_url`` (http(s) on a loopback address) every event
    is POSTed in the background as it happens, with ``webhook_headers`` sent
    verbatim and, given ``webhook_signing_secret``, an ``x-100ms-signature``
    (hex HMAC-SHA256 of the body). A delivery without a 200 is retried after
    each of ``webhook_retry_delays`` seconds (100ms: 1, 3, 10), in order per
    room; see :meth:`deliver_webhooks`, :attr:`webhook_attempts` and
    :attr:`webhook_failures`. Call :meth:`close` (or use ``with FakeHMS() as
    fake:``) to stop the sender's thread.
    """

    def __init__(
        self,
        *,
        access_key: str | None = None,
        app_secret: str | None = None,
        seed: int | str | None = None,
        webhook_url: str | None = None,
        webhook_headers: Mapping[str, str] | None = None,
        webhook_signing_secret: str | None = None,
        webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        base_url: str = DEFAULT_BASE_URL,
    ) -> None:
        if webhook_url is not None:
            check_url(webhook_url)
        if any(delay < 0 for delay in webhook_retry_delays):
            raise ValueError("webhook_retry_delays must not be negative")
        self.seed = seed
        self.base_url = base_url
        self._webhook = _WebhookOptions(
            url=webhook_url,
            headers=dict(webhook_headers or {}),
            signing_secret=webhook_signing_secret,
            retry_delays=tuple(webhook_retry_delays),
        )
        self.state = self._new_state(access_key, app_secret)
        self.faults = Faults(_rng(seed, "faults"))
        self._engine = Engine(self.state, ROUTER, self.faults)
        self._sender = self._new_sender()
        self._delivered_seen = 0

    def _new_state(self, access_key: str | None, app_secret: str | None) -> State:
        clock = Clock()
        ids = IdFactory(_rng(self.seed, "ids"), clock)
        state = State(
            access_key=access_key or f"fake-access-key-{ids.token(12)}",
            app_secret=app_secret or secrets.token_urlsafe(48),
            clock=clock,
            ids=ids,
            customer_id=ids.object_id(),
            app_id=ids.object_id(),
            webhook_url=self._webhook.url,
        )
        create_default_template(state)
        return state

    def _new_sender(self) -> WebhookSender | None:
        options = self._webhook
        if options.url is None:
            return None
        sender = WebhookSender(
            options.url,
            clock=self.state.clock,
            headers=options.headers,
            signing_secret=options.signing_secret,
            retry_delays=options.retry_delays,
            on_result=self._delivery_result,
        )
        self.state.outbox = sender.submit
        return sender

    def _delivery_result(self, event_id: str, reason: str | None) -> None:
        if reason is not None:
            with self._engine.lock:
                self.state.mark_delivery_failed(event_id, reason)

    def reset(self) -> None:
        """Forget everything: rooms, sessions, jobs, requests, faults, webhooks.

        The credentials, the seed and the webhook settings stay; a seeded fake
        makes the same ids again. Pending webhook deliveries are dropped.
        """
        with self._engine.lock:
            old_sender = self._sender
            self.state = self._new_state(self.access_key, self.app_secret)
            self._engine.state = self.state
            self._engine.requests.clear()
            self.faults.clear()
            self.faults.reseed(_rng(self.seed, "faults"))
            self._sender = self._new_sender()
            self._delivered_seen = 0
        if old_sender is not None:
            old_sender.close()

    def close(self) -> None:
        """Stop the webhook sender's thread (pending deliveries are dropped)."""
        if self._sender is not None:
            self._sender.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FakeHMS(access_key={self.access_key!r}, base_url={self.base_url!r})"

    @property
    def access_key(self) -> str:
        """The workspace access key tokens must carry."""
        return self.state.access_key

    @property
    def app_secret(self) -> str:
        """The app secret tokens must be signed with (HS256)."""
        return self.state.app_secret

    @property
    def clock(self) -> Clock:
        """The fake's clock; ``fake.clock.advance(60)`` moves time forward."""
        return self.state.clock

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, oldest first (faulted ones included)."""
        return self._engine.requests

    @property
    def webhook_events(self) -> list[JSON]:
        """Every webhook envelope emitted so far (§4.2), oldest first."""
        return self.state.webhook_events

    @property
    def messages(self) -> list[JSON]:
        """Messages sent through ``send-message``, oldest first."""
        return self.state.messages

    @property
    def default_template_id(self) -> str:
        """The id of the workspace's default template."""
        template_id: str = self.state.default_template()["id"]
        return template_id

    def management_token(self, *, ttl: float = 86400, **claims: Any) -> str:
        """Mint a valid management token (extra ``claims`` override the defaults)."""
        base = {"access_key": self.access_key, "type": "management"}
        return mint_token(self.app_secret, base | claims, now=self.clock.now(), ttl=ttl)

    def auth_token(
        self, room_id: str, role: str, *, user_id: str | None = None, ttl: float = 86400
    ) -> str:
        """Mint a peer auth (``app``) token, as accepted by ``/sip/dtmf``."""
        claims: dict[str, Any] = {
            "access_key": self.access_key,
            "type": "app",
            "room_id": room_id,
            "role": role,
        }
        if user_id is not None:
            claims["user_id"] = user_id
        return mint_token(self.app_secret, claims, now=self.clock.now(), ttl=ttl)

    def _gateway(self, *, control: bool) -> Gateway:
        return Gateway(self._engine, self._control if control else None)

    def _control(self, request: FakeRequest) -> Outcome:
        from ._control import handle_control

        return handle_control(self, request)

    @property
    def lock(self) -> threading.RLock:
        """The lock every change to the state takes (the server has its own thread).

        Hold it to read several things consistently while a server runs.
        """
        return self._engine.lock

    @property
    def webhook_url(self) -> str | None:
        """Where webhooks are delivered (``None``: recorded only)."""
        return self._webhook.url

    @property
    def webhooks_pending(self) -> int:
        """How many webhooks wait for a delivery or a retry."""
        return 0 if self._sender is None else self._sender.pending

    def transport(self) -> httpx.AsyncBaseTransport:
        """Return an in-process httpx transport (any host, asyncio or trio).

        It answers the API under ``/v2/`` and the control plane under ``/_fake/``.
        The object also serves sync clients; :meth:`sync_transport` says so
        to type checkers.
        """
        return FakeTransport(self._gateway(control=True))

    def sync_transport(self) -> httpx.BaseTransport:
        """Return the in-process transport for a sync ``httpx.Client``.

        The same fake as :meth:`transport`; a latency fault sleeps the
        calling thread.
        """
        return FakeTransport(self._gateway(control=True))

    def asgi_app(self, *, control: bool = True) -> FakeASGIApp:
        """Return the fake as an ASGI 3 application, to mount in any ASGI server."""
        from ._asgi import FakeASGIApp

        return FakeASGIApp(self._gateway(control=control))

    def http_client(
        self, *, authenticated: bool = True, **kwargs: Any
    ) -> httpx.AsyncClient:
        """Return an ``httpx.AsyncClient`` wired to the fake (bearer token included).

        Keyword arguments go to ``httpx.AsyncClient``; pass ``base_url=`` (from
        :meth:`serve`) and ``transport=None`` to talk to the fake over loopback.
        """
        if "transport" not in kwargs:
            kwargs["transport"] = self.transport()
        return httpx.AsyncClient(**self._http_options(authenticated, kwargs))

    def sync_http_client(
        self, *, authenticated: bool = True, **kwargs: Any
    ) -> httpx.Client:
        """Return an ``httpx.Client`` wired to the fake: :meth:`http_client`, sync."""
        kwargs.setdefault("transport", self.sync_transport())
        return httpx.Client(**self._http_options(authenticated, kwargs))

    def _http_options(
        self, authenticated: bool, kwargs: dict[str, Any]
    ) -> dict[str, Any]:
        headers = dict(kwargs.pop("headers", {}) or {})
        if authenticated:
            headers.setdefault("Authorization", f"Bearer {self.management_token()}")
        kwargs.setdefault("base_url", self.base_url)
        return {"headers": headers, **kwargs}

    def client(self, **kwargs: Any) -> HMSClient:
        """Return an ``hms_async.HMSClient`` talking to this fake in process."""
        from hms_async import HMSClient

        return HMSClient(transport=self.transport(), **self._client_options(kwargs))

    def sync_client(self, **kwargs: Any) -> SyncHMSClient:
        """Return an ``hms_async.SyncHMSClient`` talking to this fake in process."""
        from hms_async import SyncHMSClient

        return SyncHMSClient(
            transport=self.sync_transport(), **self._client_options(kwargs)
        )

    def _client_options(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        return {
            "access_key": self.access_key,
            "app_secret": self.app_secret,
            "base_url": self.base_url,
            "auth_base_url": self.base_url,
            **kwargs,
        }

    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, control: bool | None = None
    ) -> AbstractAsyncContextManager[str]:
        """Serve the fake over HTTP; ``async with`` yields the ``/v2/`` base URL.

        The server (uvicorn, extra ``fake``) runs in a thread of its own, so
        the caller's event loop (asyncio or trio) only runs the client. See
        :meth:`server` for ``host``, ``port`` and ``control``.
        """
        from ._server import serve

        return serve(self, host, port, control)

    def server(
        self, host: str = "127.0.0.1", port: int = 0, *, control: bool | None = None
    ) -> FakeServer:
        """Return a :class:`FakeServer` for this fake (not started yet).

        ``port=0`` picks a free port. The control plane under ``/_fake/`` is on
        for a loopback ``host`` unless ``control=False``, and off on any other
        address unless ``control=True``. ``with fake.server() as server:``
        serves in a background thread until the block ends.
        """
        from ._server import FakeServer

        return FakeServer(self, host, port, control=control)

    def seed_rooms(self, count: int, *, prefix: str = "room") -> list[str]:
        """Store ``count`` rooms named ``{prefix}-0`` … straight into the fake.

        No request is recorded and no webhook emitted: the cheap way to a
        workspace with many rooms, for list and export tests. Returns the new
        ids, oldest first; ``ValueError`` if a name is already taken.
        """
        return _rooms.seed_rooms(self.state, count, prefix)

    def join(
        self,
        room_id: str,
        *,
        role: str,
        user_id: str | None = None,
        name: str | None = None,
        metadata: str = "",
    ) -> FakePeer:
        """Connect a peer (audio + video tracks), opening a session if needed.

        Raises ``LookupError`` for an unknown room and ``ValueError`` when the room
        is disabled or the role does not exist or is full.
        """
        with self.lock:
            peer = self._locked(
                _activity.join,
                self.state,
                room_id,
                role,
                user_id=user_id,
                name=name,
                metadata=metadata,
            )
            return self._fake_peer(peer["id"])

    def _locked(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return _call(function, *args, **kwargs)

    def _fake_peer(self, peer_id: str) -> FakePeer:
        peer = self.state.peers[peer_id]
        room_id = self.state.peer_rooms[peer_id]
        return FakePeer(
            id=peer_id,
            room_id=room_id,
            session_id=self.state.active_sessions[room_id],
            role=peer["role"],
            user_id=peer["user_id"],
            name=peer["name"],
            track_ids=tuple(peer["tracks"]),
        )

    def leave(self, room_id: str, peer_id: str) -> None:
        """Disconnect a peer (reason ``client request``); the last one closes the session."""
        with self.lock:
            if self.state.peer_rooms.get(peer_id) != room_id:
                raise LookupError(f"peer {peer_id} is not connected to room {room_id}")
            self._locked(_activity.leave, self.state, peer_id)

    def end_session(
        self, room_id: str, *, reason: str = "", lock: bool = False
    ) -> None:
        """End the room's active session, removing every peer."""
        self._locked(
            _activity.end_session, self.state, room_id, reason=reason, lock=lock
        )

    def advance(self, job_id: str, *, to: str | None = None) -> JSON:
        """Move a recording/live/external-stream job along its lifecycle.

        One step per call (starting → running → stopping → completed), or up to
        ``to``; ``to="failed"`` fails the job. Completion creates the recording
        assets and emits the ``beam.*``/``hls.*`` webhooks and analytics events.
        Returns the job's JSON.
        """
        job: JSON = self._locked(_jobs.advance_job, self.state, job_id, to)
        return job

    def answer_poll(
        self,
        poll_id: str,
        peer_id: str,
        *,
        question: int,
        options: list[int] | None = None,
        text: str = "",
        duration: int = 1000,
    ) -> JSON:
        """Record a connected peer's answer to a poll question (1-based indexes).

        Updates the poll's session, responses and (for quizzes) results.
        """
        response: JSON = self._locked(
            _polls.answer,
            self.state,
            poll_id,
            peer_id,
            question,
            list(options or []),
            text,
            duration,
        )
        return _polls.public(response)

    async def deliver_webhooks(self) -> int:
        """Wait until every webhook emitted so far is delivered or given up.

        Returns how many deliveries succeeded since the previous call (0 without
        ``webhook_url``). Bound the wait with ``anyio.fail_after`` when the
        target may be down (retries follow ``webhook_retry_delays``).
        """
        sender = self._sender
        if sender is None:
            return 0
        # The sender lives in another thread: poll its condition, never block.
        while not sender.wait_idle(0):  # noqa: ASYNC110
            await anyio.sleep(_IDLE_POLL_SECONDS)
        delivered = sender.delivered - self._delivered_seen
        self._delivered_seen = sender.delivered
        return delivered

    @property
    def webhook_attempts(self) -> list[DeliveryAttempt]:
        """Every delivery attempt so far, oldest first (empty without ``webhook_url``)."""
        return [] if self._sender is None else self._sender.snapshot()[0]

    @property
    def webhook_failures(self) -> list[JSON]:
        """Envelopes given up after every retry: event id, type, room, attempts, error."""
        return [] if self._sender is None else self._sender.snapshot()[1]


def _call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a state operation, turning API errors into Python exceptions."""
    try:
        return function(*args, **kwargs)
    except ApiError as error:
        if error.status == 404:
            raise LookupError(error.message) from None
        raise ValueError(error.message) from None
