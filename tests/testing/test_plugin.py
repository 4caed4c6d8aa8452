"""The hms_fake pytest fixture and the SDK client wired to the fake."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from hms_async import HMSClient
from hms_async.testing import FakeHMS, FakeHMSFixture, FakeServer
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


async def test_server_fixture_serves_a_fresh_fake(hms_fake_server: FakeServer) -> None:
    """hms_fake_server gives a base URL and credentials an SDK client can use."""
    env = hms_fake_server.environment()
    async with HMSClient(
        env["HMS_ACCESS_KEY"],
        env["HMS_SECRET"],
        base_url=env["HMS_BASE_URL"],
        auth_base_url=env["HMS_AUTH_BASE_URL"],
    ) as hms:
        room = await hms.rooms.create(name="over-the-wire")
    async with httpx.AsyncClient(base_url=hms_fake_server.control_url) as control:
        health = await control.get("health")

    assert hms_fake_server.base_url.startswith("http://127.0.0.1:")
    assert hms_fake_server.fake.state.rooms[room.id]["name"] == "over-the-wire"
    assert health.json()["rooms"] == 1


def test_plugin_import_loads_nothing_of_the_fake() -> None:
    """Importing the pytest plugin (every pytest run does) leaves the fake unloaded."""
    probe = (
        "import sys, hms_async.testing._plugin as plugin;"
        "print(sorted(m for m in sys.modules if m.startswith('hms_async.testing')));"
        "print('uvicorn' in sys.modules, 'h11' in sys.modules)"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe], capture_output=True, check=True, text=True
    )

    modules, heavy = done.stdout.splitlines()
    assert modules == "['hms_async.testing', 'hms_async.testing._plugin']"
    assert heavy == "False False"


def test_testing_names_load_on_first_use() -> None:
    """hms_async.testing's public names resolve lazily; unknown ones raise."""
    import hms_async.testing as testing

    assert testing.FakeServer is FakeServer
    assert "FakeHMS" in dir(testing)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        testing.Nope  # noqa: B018
