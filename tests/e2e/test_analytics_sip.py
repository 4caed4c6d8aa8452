"""End to end: analytics events, peer stats and webhook history; SIP calls and DTMF."""

from __future__ import annotations

import jwt
import pytest

from hms_async import NotFoundError, PermissionDeniedError, ServerError
from hms_async.models import TrackEvent

from ._support import Env, bounded


async def _meeting(env: Env) -> tuple[str, str, list[str], str]:
    """A room where ada and bob met, ada left, and a recording completed."""
    hms, fake = env.hms, env.fake
    room = await hms.rooms.create(name="measured")
    ada = fake.join(room.id, role="host", user_id="ada")
    bob = fake.join(room.id, role="guest", user_id="bob")
    job = await hms.recordings.start(room.id)
    fake.advance(job.id, to="completed")
    fake.leave(room.id, ada.id)
    fake.leave(room.id, bob.id)
    return room.id, ada.id, list(ada.track_ids), ada.session_id


@bounded
async def test_analytics_events_follow_what_happened(env: Env) -> None:
    """Track and recording events are listed one per page, cursor after cursor."""
    hms = env.hms
    room_id, ada, ada_tracks, session_id = await _meeting(env)

    pages = [
        p async for p in hms.analytics.list_events(room_id=room_id, limit=1).pages()
    ]
    cursors = env.starts("/analytics/events")
    added = [
        e
        async for e in hms.analytics.list_events(
            room_id=room_id, type="track.add.success", peer_id=ada, limit=10
        )
    ]

    events = [e for p in pages for e in p.data]
    kinds = [str(e.type) for e in events]
    assert all(len(p.data) == 1 for p in pages)
    assert cursors == [None, *(p.next for p in pages[:-1])]
    assert kinds.count("track.add.success") == 4
    assert kinds.count("track.remove.success") == 4
    assert kinds.count("beam.recording.success") == 1
    assert len({e.id for e in events}) == len(events)
    tracks = [e.data for e in added if isinstance(e, TrackEvent) and e.data]
    assert len(tracks) == len(added)
    assert sorted(str(t.track_id) for t in tracks) == sorted(ada_tracks)
    assert {t.session_id for t in tracks} == {session_id}


@bounded
async def test_peer_stats_after_the_session(env: Env) -> None:
    """A peer's stats cover the tracks it published in the session."""
    room_id, ada, ada_tracks, session_id = await _meeting(env)

    stats = await env.hms.analytics.retrieve_peer_stats(
        peer_id=ada, session_id=session_id
    )

    assert (stats.peer_id, stats.session_id, stats.room_id) == (
        ada,
        session_id,
        room_id,
    )
    assert stats.publisher is not None
    published = [str(t.track_id) for t in stats.publisher.video + stats.publisher.audio]
    assert sorted(published) == sorted(ada_tracks)


@bounded
async def test_webhook_history_pages_and_replay(env: Env) -> None:
    """Webhook history lists every delivery for the room page by page; replay resends."""
    hms, fake = env.hms, env.fake
    room_id, *_ = await _meeting(env)
    emitted = [e for e in fake.webhook_events if e["data"].get("room_id") == room_id]

    pages = [
        p
        async for p in hms.analytics.list_webhook_events(
            room_id=room_id, limit=3
        ).pages()
    ]
    history = [e for p in pages for e in p.data]
    replay = await hms.analytics.replay_webhooks(room_id=room_id, status="all")
    status = await hms.analytics.retrieve_replay(replay.workflow_id or "")

    names = [
        str(e.payload.original_event_name) for e in history if e.payload is not None
    ]
    assert len(pages) == -(-len(emitted) // 3) > 2
    assert [p.page_number for p in pages] == list(range(1, len(pages) + 1))
    assert sorted(names) == sorted(e["type"] for e in emitted)
    assert {"peer.join.success", "peer.leave.success", "session.close.success"} <= set(
        names
    )
    assert {e.room_id for e in history} == {room_id}
    assert status.workflow_id == replay.workflow_id
    assert status.progress is not None
    assert status.progress.total == len(history)
    assert sum(1 for e in fake.webhook_events if e.get("is_replay")) == len(history)


@bounded
async def test_analytics_limits_are_refused_before_sending(env: Env) -> None:
    """Out-of-range limits on events, history and replay send nothing."""
    hms = env.hms
    with pytest.raises(ValueError, match="limit"):
        await hms.analytics.list_events(room_id="r", limit=0)
    with pytest.raises(ValueError, match="limit"):
        await hms.analytics.list_webhook_events(limit=101)
    with pytest.raises(ValueError, match="limit"):
        await hms.analytics.replay_webhooks(limit=0)

    assert env.fake.requests == []


@bounded
async def test_sip_trunk_call_and_dtmf(env: Env) -> None:
    """A trunk is created and updated; a call joins the room; DTMF uses a peer token."""
    hms, fake = env.hms, env.fake
    room = await hms.rooms.create(name="phone")
    codes = await hms.room_codes.create(room.id)
    guest = next(c for c in codes if c.role == "guest")

    trunk = await hms.sip.create_trunk(
        username="u", password="p", address="sip.example.com", from_="+15550100"
    )
    updated = await hms.sip.update_trunk(
        trunk.id, username="u2", password="p2", address="sip.example.com", from_="+1"
    )
    call = await hms.sip.call(
        to="+15550199", room_code=guest.code, trunk_id=trunk.id, user_id="phone"
    )
    peers = await hms.active_rooms.list_peers(room.id)
    await hms.sip.send_dtmf(digits="12#", room_id=room.id, role="host")
    await hms.sip.send_dtmf(
        digits=["*", "9"], auth_token=fake.auth_token(room.id, "host")
    )

    dtmf = [r for r in fake.requests if r.path == "/sip/dtmf"]
    claims = jwt.decode(
        dtmf[0].headers["authorization"].removeprefix("Bearer "),
        fake.app_secret,
        algorithms=["HS256"],
    )
    assert updated.id == trunk.id
    assert call.id
    assert [(p.user_id, p.role, p.name) for p in peers.values()] == [
        ("phone", "guest", "+15550199")
    ]
    assert [d["digits"] for d in fake.state.dtmf] == [["1", "2", "#"], ["*", "9"]]
    assert (claims["type"], claims["room_id"], claims["role"]) == (
        "app",
        room.id,
        "host",
    )
    assert [r.json for r in dtmf] == [
        {"digits": ["1", "2", "#"]},
        {"digits": ["*", "9"]},
    ]


@bounded
async def test_sip_call_refusals_and_no_retry(env: Env) -> None:
    """A disabled code is refused; a 503 on a call is not retried; bad digits send nothing."""
    hms, fake = env.hms, env.fake
    room = await hms.rooms.create(name="phone2")
    code = (await hms.room_codes.create(room.id))[0]
    trunk = await hms.sip.create_trunk(
        username="u", password="p", address="sip.example.com", from_="+1"
    )
    await hms.room_codes.disable(code.code)
    with pytest.raises(PermissionDeniedError):
        await hms.sip.call(to="+2", room_code=code.code, trunk_id=trunk.id)
    await hms.room_codes.enable(code.code)
    fake.faults.add("POST", "/sip/outbound/call", status=503, times=1)
    with pytest.raises(ServerError):
        await hms.sip.call(to="+2", room_code=code.code, trunk_id=trunk.id)
    before = len(fake.requests)
    with pytest.raises(ValueError, match="digit"):
        await hms.sip.send_dtmf(digits="1x", room_id=room.id, role="host")

    assert env.calls("POST", "/sip/outbound/call") == 2
    assert len(fake.requests) == before
    with pytest.raises(NotFoundError):  # neither refused call connected anyone
        await hms.active_rooms.retrieve(room.id)
