"""The pytest plugin: the ``hms_fake``, ``hms_fake_server`` and
``hms_retry_waits`` fixtures, and a guard that no test leaves
``set_testing()`` or ``retry_waits()`` changed for the next one.

Registered through the ``pytest11`` entry point ``hms_async``. Importing this
module loads nothing of the fake: that happens when a test uses a fixture.
The fixtures are synchronous, so they work in any async test framework (anyio
on asyncio or trio, pytest-asyncio, ...)::

    async def test_create(hms_fake):
        room = await hms_fake.client.rooms.create(name="standup")
        assert hms_fake.fake.state.rooms[room.id]["name"] == "standup"


    def test_create_sync(hms_fake_sync):  # SyncHMSClient
        room = hms_fake_sync.client.rooms.create(name="standup")
        assert hms_fake_sync.fake.state.rooms[room.id]["name"] == "standup"


    def test_other_language(hms_fake_server):
        env = hms_fake_server.environment()  # HMS_BASE_URL, HMS_ACCESS_KEY, ...
        subprocess.run(["node", "test.mjs"], env=os.environ | env, check=True)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

import pytest

if TYPE_CHECKING:
    from ._fixture import FakeHMSFixture, SyncFakeHMSFixture
    from ._server import FakeServer

__all__ = ["hms_fake", "hms_fake_server", "hms_fake_sync", "hms_retry_waits"]

_RETRY: Final = "hms_async._retry"


@pytest.fixture
def hms_fake() -> Iterator[FakeHMSFixture]:
    """A fresh fake 100ms workspace with an in-process SDK client."""
    from ._fake import FakeHMS
    from ._fixture import FakeHMSFixture

    fixture = FakeHMSFixture(FakeHMS())
    try:
        yield fixture
    finally:
        fixture.close()
        fixture.fake.close()


@pytest.fixture
def hms_fake_sync() -> Iterator[SyncFakeHMSFixture]:
    """A fresh fake 100ms workspace with an in-process `SyncHMSClient`."""
    from ._fake import FakeHMS
    from ._fixture import SyncFakeHMSFixture

    fixture = SyncFakeHMSFixture(FakeHMS())
    try:
        yield fixture
    finally:
        fixture.close()
        fixture.fake.close()


@pytest.fixture
def hms_fake_server() -> Iterator[FakeServer]:
    """A fresh fake served on a free loopback port, in a thread of its own.

    Yields the running :class:`~hms_async.testing.FakeServer`: ``base_url``,
    ``control_url``, ``access_key``, ``app_secret``, ``environment()`` and
    ``fake`` (to drive or inspect it from Python). Needs the ``fake`` extra.
    """
    from ._fake import FakeHMS

    fake = FakeHMS()
    try:
        with fake.server() as server:
            yield server
    finally:
        fake.close()


@pytest.fixture
def hms_retry_waits() -> Iterator[list[float]]:
    """Instant retry waits for this test (``set_testing(True)``), and the waits
    every client's retries asked for, in seconds, in order."""
    from .._retry import retry_waits, set_testing

    set_testing(True)
    try:
        with retry_waits() as waits:
            yield waits
    finally:
        set_testing(False)


@pytest.fixture(autouse=True)
def _hms_async_retry_state() -> Iterator[None]:
    """Put ``set_testing()`` and ``retry_waits()`` back as they were before the test.

    Costs nothing while hms-async's retries are not loaded: the state is only
    read when its module is.
    """
    before = sys.modules.get(_RETRY)
    saved: Any = None if before is None else before._TESTING.snapshot()
    yield
    after = sys.modules.get(_RETRY)
    if after is None:
        return
    if saved is None:
        after._TESTING.restore((False, None, []))
    else:
        after._TESTING.restore(saved)
