"""The hms_fake pytest fixture and the SDK client wired to the fake."""

from __future__ import annotations

import pytest

from hms_async.testing import FakeHMS, FakeHMSFixture
from hms_async.testing._fixture import close_now

pytestmark = pytest.mark.anyio


async def test_fixture_client_talks_to_the_fake(hms_fake: FakeHMSFixture) -> None:
    """The fixture's SDK client creates a room the fake then holds."""
    room = await hms_fake.client.rooms.create(name="standup")

    assert hms_fake.fake.state.rooms[room.id]["name"] == "standup"
    assert hms_fake.fake.requests[-1].path == "/rooms"


async def test_fixture_http_client_is_authenticated(hms_fake: FakeHMSFixture) -> None:
    """The fixture's raw httpx client carries a valid management token."""
    response = await hms_fake.http.get("templates")

    assert response.status_code == 200
    assert response.json()["data"][0]["id"] == hms_fake.fake.default_template_id


async def test_fake_client_uses_the_in_process_transport() -> None:
    """fake.client() returns an HMSClient whose calls reach the fake."""
    fake = FakeHMS()
    async with fake.client() as hms:
        room = await hms.rooms.create(name="sdk")
        fetched = await hms.rooms.retrieve(room.id)

    assert fetched.name == "sdk"
    assert [r.method for r in fake.requests] == ["POST", "GET"]


def test_close_now_finishes_a_coroutine_that_never_waits() -> None:
    """close_now() completes a non-suspending coroutine without an event loop."""
    done: list[bool] = []

    async def closing() -> None:
        done.append(True)

    assert close_now(closing()) is True
    assert done == [True]


def test_fixture_close_is_idempotent() -> None:
    """Closing the fixture twice, with its clients made, raises nothing."""
    fixture = FakeHMSFixture(FakeHMS())
    http = fixture.http

    fixture.close()
    fixture.close()

    assert http.is_closed


def test_sdk_client_closes_without_an_event_loop() -> None:
    """An in-process HMSClient's aclose() completes synchronously (fixture teardown)."""
    hms = FakeHMS().client()

    assert close_now(hms.aclose()) is True
