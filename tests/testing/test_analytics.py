"""Analytics events, peer stats, webhook history and replay, and SIP."""

from __future__ import annotations

import pytest

from ._helpers import client, create_room, make_fake, token

pytestmark = pytest.mark.anyio


async def test_events_require_room_id_and_bounded_limit() -> None:
    """room_id is required; limit must be within 1-100."""
    async with client(make_fake()) as http:
        no_room = await http.get("analytics/events")
        zero = await http.get("analytics/events", params={"room_id": "r", "limit": 0})
        one = await http.get("analytics/events", params={"room_id": "r", "limit": 1})

    assert no_room.status_code == 400
    assert no_room.json()["details"] == ["room_id is required"]
    assert zero.status_code == 400
    assert one.status_code == 200


async def test_events_walk_with_next_over_a_snapshot() -> None:
    """Pages follow next; the set is snapshotted at the first query."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        for _ in range(3):
            fake.join(room["id"], role="guest")
        params = {"room_id": room["id"], "limit": 4, "type": "track.add.success"}
        first = (await http.get("analytics/events", params=params)).json()
        fake.join(room["id"], role="guest")
        seen = list(first["events"])
        cursor = first["next"]
        while cursor:
            page = (await http.get("analytics/events", params={"start": cursor})).json()
            seen += page["events"]
            cursor = page["next"]

    assert first["total"] == 6
    assert len(seen) == 6
    assert len({e["id"] for e in seen}) == 6


async def test_peer_stats_needs_both_ids() -> None:
    """peer-stats needs peer_id and session_id and returns publisher series."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        peer = fake.join(room["id"], role="host")
        params = {"peer_id": peer.id, "session_id": peer.session_id}
        stats = (await http.get("analytics/peer-stats", params=params)).json()
        missing = await http.get("analytics/peer-stats", params={"peer_id": peer.id})

    assert stats["room_id"] == room["id"]
    assert len(stats["publisher"]["video"]) == 1
    assert len(stats["publisher"]["audio"]) == 1
    assert missing.status_code == 400


async def test_webhook_history_pages_by_number() -> None:
    """Webhook history is page-numbered with pagination and summary blocks."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        for _ in range(3):
            peer = fake.join(room["id"], role="guest")
            fake.leave(room["id"], peer.id)
        first = (await http.get("analytics/webhooks", params={"limit": 5})).json()
        last = await http.get("analytics/webhooks", params={"limit": 5, "page": 3})
        joins = await http.get(
            "analytics/webhooks", params={"event_names": "peer.join.success"}
        )
        too_big = await http.get("analytics/webhooks", params={"limit": 101})

    assert first["pagination"] == {
        "current_page": 1,
        "page_size": 5,
        "total_pages": 3,
        "total_items": 12,
        "has_next": True,
        "has_prev": False,
    }
    assert first["summary"] == {"total_events": 12}
    assert last.json()["pagination"]["has_next"] is False
    assert len(last.json()["events"]) == 2
    assert joins.json()["pagination"]["total_items"] == 3
    assert too_big.status_code == 400


async def test_webhook_history_time_window_is_checked() -> None:
    """start_time older than 30 days or a window over 14 days is a 400."""
    async with client(make_fake()) as http:
        old = await http.get(
            "analytics/webhooks", params={"start_time": "2000-01-01T00:00:00Z"}
        )

    assert old.status_code == 400


async def test_replay_creates_a_workflow() -> None:
    """Replay returns a workflow whose status can be fetched; replays carry is_replay."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        fake.join(room["id"], role="guest")
        started = (
            await http.post("analytics/webhooks/replay", json={"status": "success"})
        ).json()
        status = await http.get(f"analytics/webhooks/replay/{started['workflow_id']}")
        missing = await http.get("analytics/webhooks/replay/nope")

    assert started["status"] == "started"
    assert status.json()["progress"]["total"] == 2
    assert fake.webhook_events[-1]["is_replay"] is True
    assert missing.status_code == 404


async def test_sip_trunk_and_call_join_a_sip_peer() -> None:
    """An outbound call joins a SIP peer through a room code; fields are mandatory."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        code = (await http.post(f"room-codes/room/{room['id']}/role/guest")).json()
        trunk = (
            await http.post(
                "sip/outbound/trunks", json={"address": "sip.x", "from": "+1"}
            )
        ).json()
        body = {"to": "+2", "room_code": code["code"], "trunk_id": trunk["id"]}
        call = await http.post("sip/outbound/call", json=body)
        missing = await http.post("sip/outbound/call", json={"to": "+2"})
        peers = (await http.get(f"active-rooms/{room['id']}/peers")).json()["peers"]

    assert "id" in call.json()
    assert missing.status_code == 400
    assert missing.json()["message"] == "room_code is mandatory"
    assert [p["role"] for p in peers.values()] == ["guest"]
    join = [e for e in fake.webhook_events if e["type"] == "peer.join.success"][-1]
    assert join["data"]["type"] == "sip"


async def test_dtmf_digit_validation() -> None:
    """DTMF needs digits from 0-9 * # a-d."""
    fake = make_fake()
    app = {"Authorization": f"Bearer {token(type='app', room_id='r', role='host')}"}
    async with client(fake) as http:
        empty = await http.post("sip/dtmf", json={}, headers=app)
        bad = await http.post("sip/dtmf", json={"digits": ["x"]}, headers=app)

    assert empty.json() == {"code": 400, "message": "digits are mandatory"}
    assert bad.json() == {"code": 400, "message": "invalid digit"}


async def test_token_exchange_rejects_disabled_code() -> None:
    """A disabled room code cannot be exchanged for a token."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        code = (await http.post(f"room-codes/room/{room['id']}/role/host")).json()
        await http.post(
            "room-codes/code", json={"code": code["code"], "enabled": False}
        )
        refused = await http.post("token", json={"code": code["code"]})
        unknown = await http.post("token", json={"code": "zzz-zzzz-zzz"})

    assert refused.status_code == 403
    assert unknown.status_code == 404
