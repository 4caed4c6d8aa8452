"""Webhook envelopes, their delivery to a loopback URL, and time filters."""

from __future__ import annotations

import anyio
import pytest

from hms_async.testing import FakeHMS

from ._helpers import ACCESS_KEY, SECRET, client, create_room, make_fake
from ._receiver import receiver

pytestmark = pytest.mark.anyio


async def test_envelopes_follow_the_documented_shape() -> None:
    """Each webhook envelope has version, id, app_id, timestamp, type and data."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        fake.join(room["id"], role="host", name="Ann")

    opened, joined = fake.webhook_events
    assert {
        "version",
        "id",
        "app_id",
        "account_id",
        "timestamp",
        "type",
        "data",
    } <= set(joined)
    assert opened["data"]["session_id"] == joined["data"]["session_id"]
    assert joined["data"]["user_name"] == "Ann"
    assert joined["data"]["room_name"] == "r"


async def test_webhooks_are_posted_to_a_loopback_url() -> None:
    """deliver_webhooks() POSTs pending envelopes to webhook_url."""
    with anyio.fail_after(10):
        async with receiver() as (url, received):
            fake = FakeHMS(access_key=ACCESS_KEY, app_secret=SECRET, webhook_url=url)
            async with client(fake) as http:
                room = await create_room(http, name="r")
            fake.join(room["id"], role="host")
            delivered = await fake.deliver_webhooks()

    assert delivered == 2
    assert [body["type"] for body in received] == [
        "session.open.success",
        "peer.join.success",
    ]
    assert await fake.deliver_webhooks() == 0


async def test_failed_deliveries_show_in_history() -> None:
    """A non-200 from the receiver marks the history entries as failed."""
    with anyio.fail_after(10):
        async with receiver(status=500) as (url, _):
            fake = FakeHMS(
                access_key=ACCESS_KEY,
                app_secret=SECRET,
                webhook_url=url,
                webhook_retry_delays=(0.01, 0.01),
            )
            async with client(fake) as http:
                room = await create_room(http, name="r")
                fake.join(room["id"], role="host")
                assert await fake.deliver_webhooks() == 0
                failed = await http.get(
                    "analytics/webhooks", params={"status": "failed"}
                )

    events = failed.json()["events"]
    assert len(events) == 2
    assert events[0]["event_name"] == "reporter.webhook.delivery.failed"
    assert events[0]["payload"]["error_reason"] == "endpoint returned 500"


def test_webhook_url_must_be_loopback() -> None:
    """A non-loopback webhook_url is refused."""
    with pytest.raises(ValueError, match="loopback"):
        FakeHMS(webhook_url="https://example.com/hook")


async def test_after_and_before_filter_rooms_and_sessions() -> None:
    """after/before bound creation times (the fake's clock can be moved)."""
    fake = make_fake()
    async with client(fake) as http:
        await create_room(http, name="old")
        fake.clock.advance(3600)
        middle = fake.clock.stamp()
        fake.clock.advance(1)
        new = await create_room(http, name="new")
        fake.join(new["id"], role="host")
        rooms = (await http.get("rooms", params={"after": middle})).json()["data"]
        older = (await http.get("rooms", params={"before": middle})).json()["data"]
        sessions = await http.get("sessions", params={"before": middle})

    assert [r["name"] for r in rooms] == ["new"]
    assert [r["name"] for r in older] == ["old"]
    assert sessions.json()["data"] == []


async def test_advanced_clock_expires_tokens() -> None:
    """Moving the fake's clock past a token's exp makes the token invalid."""
    fake = make_fake()
    async with client(fake) as http:
        fake.clock.advance(2 * 3600)
        response = await http.get("rooms")

    assert response.status_code == 401
    assert response.json()["details"] == ["token is expired"]
