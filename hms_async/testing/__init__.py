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
  :class:`FakeHMSFixture` with ``.fake``, ``.client`` and ``.http``.
- Loopback HTTP: ``async with fake.serve() as base_url:`` or
  ``python -m hms_async.testing serve --port 8765`` (prints the base URL, the
  access key, the secret and a management token).

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
  history; with ``webhook_url`` (loopback only) ``await fake.deliver_webhooks()``
  POSTs the pending ones. Room-level ``webhook`` settings are stored, not used.
"""

from ._clock import Clock
from ._fake import DEFAULT_BASE_URL, FakeHMS, FakePeer
from ._faults import FaultRule, Faults
from ._fixture import FakeHMSFixture
from ._http import RecordedRequest

__all__ = [
    "DEFAULT_BASE_URL",
    "Clock",
    "FakeHMS",
    "FakeHMSFixture",
    "FakePeer",
    "FaultRule",
    "Faults",
    "RecordedRequest",
]
