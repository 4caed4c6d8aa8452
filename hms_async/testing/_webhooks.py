"""Background delivery of webhook envelopes, like 100ms: signed, retried, in order.

A :class:`WebhookSender` owns a daemon thread running its own event loop, so a
slow or dead target never blocks the fake's API. Envelopes of one room are
delivered one after another, in the order they were emitted; rooms do not wait
for each other. A delivery that does not get a 200 is retried after each of
``retry_delays`` (100ms: 1 s, 3 s, 10 s), then given up and reported.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import hmac
import json
import threading
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import anyio
import anyio.abc
import anyio.from_thread
import attrs
import httpx

from ._clock import Clock
from ._server import is_loopback
from ._state import JSON

__all__ = [
    "DEFAULT_RETRY_DELAYS",
    "DeliveryAttempt",
    "WebhookSender",
    "check_url",
    "sign",
]

DEFAULT_RETRY_DELAYS = (1.0, 3.0, 10.0)
SIGNATURE_HEADER = "x-100ms-signature"
_START_SECONDS = 10.0
_STOP_SECONDS = 5.0

ResultHook = Callable[[str, "str | None"], None]


def sign(body: bytes, secret: str) -> str:
    """Return the ``x-100ms-signature`` of a body: hex HMAC-SHA256 with ``secret``."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@attrs.frozen(kw_only=True)
class DeliveryAttempt:
    """One POST of one envelope: ``status_code`` is ``None`` when none came back."""

    event_id: str
    type: str
    room_id: str
    attempt: int
    url: str
    status_code: int | None
    error: str | None
    delivered: bool
    at: str

    def to_json(self) -> JSON:
        """Return the attempt as the control plane shows it."""
        return attrs.asdict(self)


class WebhookSender:
    """Delivers envelopes to ``url`` from a thread of its own (started on first use).

    ``headers`` are sent verbatim with every delivery (the way 100ms sends the
    custom headers configured for a webhook); with ``signing_secret`` each body
    is also signed in ``x-100ms-signature``. ``on_result(event_id, reason)`` is
    called once per envelope when it is delivered (``reason`` ``None``) or given
    up, from the sender's thread.
    """

    def __init__(
        self,
        url: str,
        *,
        clock: Clock,
        headers: Mapping[str, str] | None = None,
        signing_secret: str | None = None,
        retry_delays: tuple[float, ...] = DEFAULT_RETRY_DELAYS,
        timeout: float = 5.0,
        on_result: ResultHook | None = None,
    ) -> None:
        self.url = url
        self._clock = clock
        self._headers = dict(headers or {})
        self._secret = signing_secret
        self._delays = tuple(retry_delays)
        self._timeout = timeout
        self._on_result = on_result
        self._lock = threading.Condition()
        self._inbox: collections.deque[JSON] = collections.deque()
        self._lanes: dict[str, collections.deque[JSON]] = {}
        self._pending = 0
        self._delivered = 0
        self._closed = False
        self.attempts: list[DeliveryAttempt] = []
        self.failures: list[JSON] = []
        self._thread: threading.Thread | None = None
        self._portal: anyio.from_thread.BlockingPortal | None = None
        self._group: anyio.abc.TaskGroup | None = None
        self._client: httpx.AsyncClient | None = None
        self._started = threading.Event()

    def __repr__(self) -> str:
        return f"WebhookSender(url={self.url!r}, pending={self._pending})"

    @property
    def delivered(self) -> int:
        """How many envelopes got a 200 so far."""
        return self._delivered

    @property
    def pending(self) -> int:
        """How many envelopes are waiting for a delivery or a retry."""
        return self._pending

    def submit(self, envelope: JSON) -> None:
        """Queue an envelope; returns at once (safe from any thread)."""
        with self._lock:
            if self._closed:
                return
            self._inbox.append(envelope)
            self._pending += 1
        portal = self._ensure_started()
        portal.start_task_soon(self._pump)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is pending; return ``False`` on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending == 0, timeout)

    def snapshot(self) -> tuple[list[DeliveryAttempt], list[JSON]]:
        """Return copies of the attempts and failures so far."""
        with self._lock:
            return list(self.attempts), list(self.failures)

    def close(self) -> None:
        """Stop delivering (pending envelopes are dropped) and end the thread."""
        with self._lock:
            self._closed = True
            self._pending = 0
            self._inbox.clear()
            self._lock.notify_all()
        portal, thread = self._portal, self._thread
        if portal is None or thread is None:
            return
        with contextlib.suppress(RuntimeError):  # the portal already stopped
            portal.start_task_soon(self._cancel)
        thread.join(_STOP_SECONDS)

    def _ensure_started(self) -> anyio.from_thread.BlockingPortal:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=anyio.run,
                    args=(self._main,),
                    name="hms-fake-webhooks",
                    daemon=True,
                )
                self._thread.start()
        if not self._started.wait(_START_SECONDS) or self._portal is None:
            raise RuntimeError("the webhook sender did not start")
        return self._portal

    async def _main(self) -> None:
        async with (
            anyio.from_thread.BlockingPortal() as portal,
            httpx.AsyncClient(timeout=self._timeout) as self._client,
            anyio.create_task_group() as group,
        ):
            self._group = group
            self._portal = portal
            self._started.set()
            await anyio.sleep_forever()

    async def _cancel(self) -> None:
        if self._group is not None:
            self._group.cancel_scope.cancel()

    async def _pump(self) -> None:
        """Move queued envelopes to their room's lane; start idle lanes."""
        assert self._group is not None  # noqa: S101 - set before any pump runs
        with self._lock:
            while self._inbox:
                envelope = self._inbox.popleft()
                key = str(envelope.get("data", {}).get("room_id", ""))
                lane = self._lanes.get(key)
                if lane is None:
                    lane = self._lanes[key] = collections.deque()
                    self._group.start_soon(self._run_lane, key, lane)
                lane.append(envelope)

    async def _run_lane(self, key: str, lane: collections.deque[JSON]) -> None:
        while True:
            with self._lock:
                if not lane:
                    del self._lanes[key]
                    return
                envelope = lane[0]
            reason = await self._deliver(envelope)
            with self._lock:
                lane.popleft()
                if not self._closed:
                    self._pending -= 1
                    self._delivered += reason is None
                    if reason is not None:
                        self.failures.append(_failure(envelope, reason, self._delays))
                self._lock.notify_all()
            if self._on_result is not None and not self._closed:
                self._on_result(envelope["id"], reason)

    async def _deliver(self, envelope: JSON) -> str | None:
        """POST one envelope until it gets a 200; return why it failed, or ``None``."""
        body = json.dumps(envelope).encode()
        headers = {"content-type": "application/json", **self._headers}
        if self._secret is not None:
            headers[SIGNATURE_HEADER] = sign(body, self._secret)
        reason = "not attempted"
        for attempt, delay in enumerate((0.0, *self._delays), start=1):
            if delay:
                await anyio.sleep(delay)
            status, reason = await self._post(body, headers)
            self._record(envelope, attempt, status, reason)
            if status == 200:
                return None
        return reason

    async def _post(
        self, body: bytes, headers: dict[str, str]
    ) -> tuple[int | None, str]:
        assert self._client is not None  # noqa: S101 - set before any delivery
        try:
            response = await self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as error:
            return None, f"delivery error: {type(error).__name__}"
        return response.status_code, f"endpoint returned {response.status_code}"

    def _record(
        self, envelope: JSON, attempt: int, status: int | None, reason: str
    ) -> None:
        delivered = status == 200
        record = DeliveryAttempt(
            event_id=envelope["id"],
            type=envelope["type"],
            room_id=str(envelope.get("data", {}).get("room_id", "")),
            attempt=attempt,
            url=self.url,
            status_code=status,
            error=None if delivered else reason,
            delivered=delivered,
            at=self._clock.stamp(),
        )
        with self._lock:
            self.attempts.append(record)


def _failure(envelope: JSON, reason: str, delays: tuple[float, ...]) -> JSON:
    return {
        "event_id": envelope["id"],
        "type": envelope["type"],
        "room_id": str(envelope.get("data", {}).get("room_id", "")),
        "attempts": len(delays) + 1,
        "error": reason,
    }


def check_url(url: str) -> None:
    """Refuse a webhook URL that is not http(s) on a loopback address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not is_loopback(parts.hostname or ""):
        raise ValueError(
            f"webhook_url must be an http(s) URL on a loopback address, got {url!r}"
        )
