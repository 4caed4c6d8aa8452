"""The pytest plugin: the ``hms_fake`` fixture.

Registered through the ``pytest11`` entry point ``hms_async``. The fixture is
synchronous, so it works in any async test framework (anyio on asyncio or trio,
pytest-asyncio, ...)::

    async def test_create(hms_fake):
        room = await hms_fake.client.rooms.create(name="standup")
        assert hms_fake.fake.state.rooms[room.id]["name"] == "standup"
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._fake import FakeHMS
from ._fixture import FakeHMSFixture

__all__ = ["hms_fake"]


@pytest.fixture
def hms_fake() -> Iterator[FakeHMSFixture]:
    """A fresh fake 100ms workspace with an in-process SDK client."""
    fixture = FakeHMSFixture(FakeHMS())
    try:
        yield fixture
    finally:
        fixture.close()
