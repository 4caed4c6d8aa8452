"""The pytest plugin: the ``hms_fake`` and ``hms_fake_server`` fixtures.

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

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._fixture import FakeHMSFixture, SyncFakeHMSFixture
    from ._server import FakeServer

__all__ = ["hms_fake", "hms_fake_server", "hms_fake_sync"]


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
