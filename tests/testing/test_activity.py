"""Simulated activity (join, leave, end) and how REST and webhooks reflect it."""

from __future__ import annotations

import re

import pytest

from ._helpers import client, create_room, make_fake

pytestmark = pytest.mark.anyio

UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


async def test_join_opens_session_and_shows_in_active_room() -> None:
    """Joining opens a session; the active room lists the peer with its tracks."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="live")
        peer = fake.join(room["id"], role="host", user_id="u1", name="Ann")
        active = (await http.get(f"active-rooms/{room['id']}")).json()
        detail = (await http.get(f"active-rooms/{room['id']}/peers/{peer.id}")).json()

    assert UUID.match(peer.id)
    assert active["session"]["id"] == peer.session_id
    assert active["session"]["peers"] == [peer.id]
    assert detail["user_id"] == "u1"
    assert {t["type"] for t in detail["tracks"].values()} == {"audio", "video"}
    assert set(detail["tracks"]) == set(peer.track_ids)


async def test_peer_list_filters_by_role_and_user() -> None:
    """GET peers is a map keyed by peer id, filtered by role and user_id."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="live")
        host = fake.join(room["id"], role="host", user_id="h")
        fake.join(room["id"], role="guest", user_id="g")
        everyone = (await http.get(f"active-rooms/{room['id']}/peers")).json()
        hosts = await http.get(
            f"active-rooms/{room['id']}/peers", params={"role": "host"}
        )
        nobody = await http.get(
            f"active-rooms/{room['id']}/peers", params={"user_id": "x"}
        )

    assert len(everyone["peers"]) == 2
    assert list(hosts.json()["peers"]) == [host.id]
    assert "tracks" not in hosts.json()["peers"][host.id]
    assert nobody.json() == {"peers": {}}


async def test_inactive_room_is_404() -> None:
    """A room without a session is not an active room."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="idle")
        response = await http.get(f"active-rooms/{room['id']}")

    assert response.status_code == 404


async def test_join_rejects_unknown_role_and_disabled_room() -> None:
    """join() raises for a role not in the template and for a disabled room."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        with pytest.raises(ValueError, match="role"):
            fake.join(room["id"], role="nobody")
        await http.post(f"rooms/{room['id']}", json={"enabled": False})
        with pytest.raises(ValueError, match="disabled"):
            fake.join(room["id"], role="host")


async def test_leave_of_last_peer_closes_session() -> None:
    """When the last peer leaves, the session becomes inactive with left_at set."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        peer = fake.join(room["id"], role="guest")
        fake.leave(room["id"], peer.id)
        session = (await http.get(f"sessions/{peer.session_id}")).json()

    assert session["active"] is False
    assert "left_at" in session["peers"][peer.id]
    types = [e["type"] for e in fake.webhook_events]
    assert types == [
        "session.open.success",
        "peer.join.success",
        "peer.leave.success",
        "session.close.success",
    ]


async def test_update_peer_changes_role_and_emits_webhook() -> None:
    """POST peer updates name/metadata/role and emits role.change.success."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        peer = fake.join(room["id"], role="guest")
        url = f"active-rooms/{room['id']}/peers/{peer.id}"
        body = {"role": "host", "name": "Bo", "metadata": '{"hand":true}'}
        updated = (await http.post(url, json=body)).json()
        bad_role = await http.post(url, json={"role": "nobody"})

    assert updated["role"] == "host"
    assert updated["metadata"] == '{"hand":true}'
    change = fake.webhook_events[-1]
    assert change["type"] == "role.change.success"
    assert change["data"]["previous_role"] == "guest"
    assert "role_change_requested_by" not in change["data"]
    assert bad_role.status_code == 400


async def test_send_message_is_recorded() -> None:
    """send-message answers 'message sent' and the fake keeps the message."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        fake.join(room["id"], role="host")
        sent = await http.post(
            f"active-rooms/{room['id']}/send-message", json={"message": "hi"}
        )
        missing = await http.post(f"active-rooms/{room['id']}/send-message", json={})

    assert sent.json() == {"message": "message sent"}
    assert fake.messages[0]["message"] == "hi"
    assert fake.messages[0]["type"] == "chat"
    assert missing.status_code == 400


async def test_remove_peers_by_role() -> None:
    """remove-peers by role kicks those peers with the reason as message."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        fake.join(room["id"], role="host")
        guest = fake.join(room["id"], role="guest")
        answer = await http.post(
            f"active-rooms/{room['id']}/remove-peers",
            json={"role": "guest", "reason": "bye"},
        )
        peers = (await http.get(f"active-rooms/{room['id']}/peers")).json()["peers"]
        neither = await http.post(f"active-rooms/{room['id']}/remove-peers", json={})

    assert answer.json() == {"message": "peer remove request submitted"}
    assert guest.id not in peers
    assert len(peers) == 1
    leave = [e for e in fake.webhook_events if e["type"] == "peer.leave.success"][-1]
    assert leave["data"]["message"] == "bye"
    assert neither.status_code == 400


async def test_end_room_with_lock_disables_room() -> None:
    """end-room ends the session; lock also disables the room."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        peer = fake.join(room["id"], role="host")
        ended = await http.post(
            f"active-rooms/{room['id']}/end-room", json={"reason": "done", "lock": True}
        )
        after = (await http.get(f"rooms/{room['id']}")).json()
        session = (await http.get(f"sessions/{peer.session_id}")).json()

    assert ended.json() == {"message": "session is ending"}
    assert after["enabled"] is False
    assert session["active"] is False
    assert "room.end.success" in [e["type"] for e in fake.webhook_events]


async def test_sessions_list_filters_room_and_active() -> None:
    """Sessions filter by room_id and active; the peers map is embedded."""
    fake = make_fake()
    async with client(fake) as http:
        one = await create_room(http, name="one")
        two = await create_room(http, name="two")
        first = fake.join(one["id"], role="host")
        fake.end_session(one["id"])
        second = fake.join(one["id"], role="host")
        fake.join(two["id"], role="host")
        of_one = (await http.get("sessions", params={"room_id": one["id"]})).json()
        live = await http.get(
            "sessions", params={"room_id": one["id"], "active": "true"}
        )

    assert [s["id"] for s in of_one["data"]] == [first.session_id, second.session_id]
    assert [s["id"] for s in live.json()["data"]] == [second.session_id]
    assert second.id in live.json()["data"][0]["peers"]


async def test_join_records_track_analytics_events() -> None:
    """Each joining peer adds track.add.success events for its two tracks."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        peer = fake.join(room["id"], role="host")
        events = await http.get(
            "analytics/events",
            params={"room_id": room["id"], "type": "track.add.success"},
        )

    body = events.json()
    assert body["total"] == 2
    assert body["next"] == ""
    assert {e["data"]["track_id"] for e in body["events"]} == set(peer.track_ids)


async def test_fake_leave_requires_connected_peer() -> None:
    """leave() raises LookupError for a peer that is not in the room."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")

    with pytest.raises(LookupError):
        fake.leave(room["id"], "not-a-peer")
