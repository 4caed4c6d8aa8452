"""Testing your own app with the ``hms_fake`` fixture (no 100ms account needed).

The fixture comes with the package (a pytest plugin); it yields the fake and a
client wired to it. Needs pytest (``pip install pytest``); the anyio marker's
plugin comes with anyio, a dependency of hms-async. Run with
``pytest examples/test_with_fake.py``.
"""

from __future__ import annotations

import pytest

from hms_async import HMSClient
from hms_async.testing import FakeHMSFixture


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Run each test on asyncio and on trio."""
    backend: str = request.param
    return backend


async def open_classroom(hms: HMSClient, name: str) -> str:
    """The code under test: make a room and return the host's room code."""
    room = await hms.rooms.create(name=name)
    codes = await hms.room_codes.create(room.id)
    return next(code.code for code in codes if code.role == "host")


@pytest.mark.anyio
async def test_open_classroom(hms_fake: FakeHMSFixture) -> None:
    """The app creates the room and hands out the host's code."""
    code = await open_classroom(hms_fake.client, "physics-7b")

    room = await hms_fake.client.rooms.retrieve_by_name("physics-7b")
    codes = await hms_fake.client.room_codes.list(room.id)
    assert code in {c.code for c in codes.data if c.role == "host"}


@pytest.mark.anyio
async def test_peers_show_up_in_sessions(hms_fake: FakeHMSFixture) -> None:
    """A simulated peer's visit is visible in the room's sessions."""
    room = await hms_fake.client.rooms.create(name="standup")
    peer = hms_fake.fake.join(room.id, role="host", user_id="alice")
    hms_fake.fake.leave(room.id, peer.id)

    sessions = [s async for s in hms_fake.client.sessions.list(room_id=room.id)]

    assert [p.user_id for s in sessions for p in s.peers.values()] == ["alice"]
