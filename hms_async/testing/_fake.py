"""FakeHMS: the in-memory 100ms workspace users drive from their tests."""

from __future__ import annotations

import random
import secrets
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs
import httpx

from . import _activity, _jobs, _polls, _rooms
from ._auth import mint_token
from ._clock import Clock, IdFactory
from ._engine import Engine
from ._faults import Faults
from ._http import ApiError, RecordedRequest
from ._routes import ROUTER
from ._state import JSON, State
from ._templates import create_default_template
from ._transport import FakeTransport

if TYPE_CHECKING:
    from hms_async import HMSClient

__all__ = ["DEFAULT_BASE_URL", "FakeHMS", "FakePeer"]

DEFAULT_BASE_URL = "http://fake.100ms.test/v2/"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


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


def _rng(seed: int | str | None, purpose: str) -> random.Random:
    """A generator per purpose: seeded ones repeat, unseeded ones do not."""
    if seed is None:
        return random.Random()  # noqa: S311 - test data, not cryptography
    return random.Random(f"{seed}:{purpose}")  # noqa: S311


def _check_loopback(url: str | None) -> None:
    if url is not None and urlsplit(url).hostname not in _LOOPBACK:
        raise ValueError("webhook_url must point at a loopback address")


class FakeHMS:
    """An in-memory, stateful fake of the 100ms server REST API v2.

    ``access_key`` and ``app_secret`` are generated unless given; tokens must be
    HS256-signed with the secret and carry the key. ``seed`` makes UUIDs, room
    codes and fractional faults repeat from run to run (24-hex object ids also
    embed the creation second, so they sort by creation). ``webhook_url`` (a
    loopback URL) receives the webhooks on :meth:`deliver_webhooks`.
    ``base_url`` is what :meth:`client` and :meth:`http_client` use in process.
    """

    def __init__(
        self,
        *,
        access_key: str | None = None,
        app_secret: str | None = None,
        seed: int | str | None = None,
        webhook_url: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
    ) -> None:
        _check_loopback(webhook_url)
        clock = Clock()
        ids = IdFactory(_rng(seed, "ids"), clock)
        self.seed = seed
        self.base_url = base_url
        self.state = State(
            access_key=access_key or f"fake-access-key-{ids.token(12)}",
            app_secret=app_secret or secrets.token_urlsafe(48),
            clock=clock,
            ids=ids,
            customer_id=ids.object_id(),
            app_id=ids.object_id(),
            webhook_url=webhook_url,
        )
        create_default_template(self.state)
        self.faults = Faults(_rng(seed, "faults"))
        self._engine = Engine(self.state, ROUTER, self.faults)

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

    def transport(self) -> httpx.AsyncBaseTransport:
        """Return an in-process httpx transport (any host, asyncio or trio)."""
        return FakeTransport(self._engine)

    def http_client(
        self, *, authenticated: bool = True, **kwargs: Any
    ) -> httpx.AsyncClient:
        """Return an ``httpx.AsyncClient`` wired to the fake (bearer token included).

        Keyword arguments go to ``httpx.AsyncClient``; pass ``base_url=`` (from
        :meth:`serve`) and ``transport=None`` to talk to the fake over loopback.
        """
        headers = dict(kwargs.pop("headers", {}) or {})
        if authenticated:
            headers.setdefault("Authorization", f"Bearer {self.management_token()}")
        kwargs.setdefault("base_url", self.base_url)
        if "transport" not in kwargs:
            kwargs["transport"] = self.transport()
        return httpx.AsyncClient(headers=headers, **kwargs)

    def client(self, **kwargs: Any) -> HMSClient:
        """Return an ``hms_async.HMSClient`` talking to this fake in process."""
        from hms_async import HMSClient

        return HMSClient(
            access_key=self.access_key,
            app_secret=self.app_secret,
            base_url=self.base_url,
            auth_base_url=self.base_url,
            transport=self.transport(),
            **kwargs,
        )

    def serve(
        self, host: str = "127.0.0.1", port: int = 0
    ) -> AbstractAsyncContextManager[str]:
        """Serve the fake over HTTP; ``async with`` yields the base URL."""
        from ._server import serve

        return serve(self._engine, host, port)

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
        peer = _call(
            _activity.join,
            self.state,
            room_id,
            role,
            user_id=user_id,
            name=name,
            metadata=metadata,
        )
        return self._fake_peer(peer["id"])

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
        if self.state.peer_rooms.get(peer_id) != room_id:
            raise LookupError(f"peer {peer_id} is not connected to room {room_id}")
        _call(_activity.leave, self.state, peer_id)

    def end_session(
        self, room_id: str, *, reason: str = "", lock: bool = False
    ) -> None:
        """End the room's active session, removing every peer."""
        _call(_activity.end_session, self.state, room_id, reason=reason, lock=lock)

    def advance(self, job_id: str, *, to: str | None = None) -> JSON:
        """Move a recording/live/external-stream job along its lifecycle.

        One step per call (starting → running → stopping → completed), or up to
        ``to``; ``to="failed"`` fails the job. Completion creates the recording
        assets and emits the ``beam.*``/``hls.*`` webhooks and analytics events.
        Returns the job's JSON.
        """
        job: JSON = _call(_jobs.advance_job, self.state, job_id, to)
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
        response: JSON = _call(
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
        """POST pending webhook envelopes to ``webhook_url``; return how many succeeded."""
        from ._webhooks import deliver

        return await deliver(self.state)


def _call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a state operation, turning API errors into Python exceptions."""
    try:
        return function(*args, **kwargs)
    except ApiError as error:
        if error.status == 404:
            raise LookupError(error.message) from None
        raise ValueError(error.message) from None
