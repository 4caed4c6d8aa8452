"""A faithful in-memory fake of the 100ms server REST API v2, for tests.

Three ways in:

- In process, no sockets: ``fake.transport()`` (an ``httpx.AsyncBaseTransport``
  that accepts any host and routes on the path after ``/v2/``),
  ``fake.http_client()`` (an ``httpx.AsyncClient`` with a management token) and
  ``fake.client()`` (an ``hms_async.HMSClient``)::

      fake = FakeHMS(seed=1)
      async with fake.client() as hms:
          room = await hms.rooms.create(name="standup")
          peer = fake.join(room.id, role="host")

- The ``hms_fake`` pytest fixture (entry point ``pytest11``), yielding a
  :class:`FakeHMSFixture` with ``.fake``, ``.client`` and ``.http``; and
  ``hms_fake_sync``, its twin for sync code (a :class:`SyncFakeHMSFixture`
  whose ``.client`` is a ``SyncHMSClient`` and ``.http`` an ``httpx.Client``).
  The transport serves both kinds of client (``fake.sync_client()``,
  ``fake.sync_http_client()``).
- Loopback HTTP (extra ``fake``: uvicorn, in a thread of its own):
  ``async with fake.serve() as base_url:``, ``with fake.server() as server:``,
  the ``hms_fake_server`` fixture (a running :class:`FakeServer`), or
  ``python -m hms_async.testing serve --port 0`` (prints ``export`` lines for
  ``HMS_BASE_URL``, ``HMS_AUTH_BASE_URL``, ``HMS_ACCESS_KEY``, ``HMS_SECRET``,
  ``HMS_MANAGEMENT_TOKEN`` and ``HMS_FAKE_CONTROL_URL``). ``fake.asgi_app()``
  mounts it in any ASGI server.
- ``set_testing(True)`` makes every client's retry waits instant (process
  wide, restored after each test by the pytest plugin), and
  ``retry_waits()`` records the waits they would have slept; the
  ``hms_retry_waits`` fixture does both for one test.
- The control plane under ``/_fake/`` (loopback binds only, unless asked):
  reset, join/leave/end, clock and job advances, faults, webhooks, health;
  see ``docs/guides/fake-server.md``. The in-process transport answers it too.

Behaviour where the API docs leave a choice:

- Style-A lists (``{limit, data, last}``) and poll sub-lists: ``limit`` 10-100
  (default 10; room codes default 20); ``start`` is the previous ``last``;
  ``last`` is the id of the page's last item when more follow and ``""`` on the
  final page. Analytics events: ``limit`` 1-100, ``next`` is ``""`` on the last
  page and the result set is snapshotted by the first query.
- ``GET /rooms`` without ``enabled`` lists every room; ``enabled=true|false``
  filters. ``GET /sessions`` without ``active`` lists every session.
- A session closes (``session.close.success``) when its last peer leaves.
- Jobs (recordings, live and external streams) stay where they are until the
  test calls :meth:`FakeHMS.advance`; a job started with no session running
  has ``session_id == ""``. ``meeting_url`` is required when the room's
  template has no subdomain (templates made through ``POST /templates``); the
  default template has one.
- Stream-key disable answers 200. Unknown routes answer 404, known paths with
  another method 405, always with ``{code, message, details}``.
- Token checks allow 10 s of clock skew and use the fake's clock, so
  ``fake.clock.advance(...)`` can expire tokens.
- Faults: ``status``, ``drop`` and ``"malformed"`` fire before the request is
  handled (state unchanged); ``"truncated"`` cuts a real response in half (in
  process the body is short; over loopback the socket closes mid-body). Every
  request, faulted or not, is in ``fake.requests``.
- Webhooks are recorded in ``fake.webhook_events`` and in the delivery
  history; with ``webhook_url`` (loopback only) each one is POSTed in the
  background as it happens (signed, retried, in order per room);
  ``await fake.deliver_webhooks()`` waits for them. Room-level ``webhook``
  settings are stored, not used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._retry import retry_waits, set_testing
    from ._clock import Clock
    from ._fake import DEFAULT_BASE_URL, FakeHMS, FakePeer
    from ._faults import FaultRule, Faults
    from ._fixture import FakeHMSFixture, SyncFakeHMSFixture
    from ._http import RecordedRequest
    from ._server import FakeServer, PortInUseError
    from ._webhooks import DeliveryAttempt

__all__ = [
    "DEFAULT_BASE_URL",
    "Clock",
    "DeliveryAttempt",
    "FakeHMS",
    "FakeHMSFixture",
    "FakePeer",
    "FakeServer",
    "FaultRule",
    "Faults",
    "PortInUseError",
    "RecordedRequest",
    "SyncFakeHMSFixture",
    "retry_waits",
    "set_testing",
]

# Loaded on first use, so the pytest plugin (imported by every pytest run where
# hms-async is installed) costs nothing until a fixture of it is used.
_HOMES = {
    "DEFAULT_BASE_URL": "._fake",
    "Clock": "._clock",
    "DeliveryAttempt": "._webhooks",
    "FakeHMS": "._fake",
    "FakeHMSFixture": "._fixture",
    "FakePeer": "._fake",
    "FakeServer": "._server",
    "FaultRule": "._faults",
    "Faults": "._faults",
    "PortInUseError": "._server",
    "RecordedRequest": "._http",
    "SyncFakeHMSFixture": "._fixture",
    "retry_waits": ".._retry",
    "set_testing": ".._retry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
