"""A faithful in-memory fake of the 100ms server REST API v2, for tests.

Use it in process (``fake.transport()``, ``fake.http_client()``, ``fake.client()``),
through the ``hms_fake`` pytest fixture, or over loopback HTTP
(``async with fake.serve() as base_url`` or ``python -m hms_async.testing serve``).
"""

from ._clock import Clock
from ._fake import DEFAULT_BASE_URL, FakeHMS, FakePeer
from ._faults import FaultRule, Faults
from ._http import RecordedRequest

__all__ = [
    "DEFAULT_BASE_URL",
    "Clock",
    "FakeHMS",
    "FakePeer",
    "FaultRule",
    "Faults",
    "RecordedRequest",
]
