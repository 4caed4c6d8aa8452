"""End to end: rooms, room codes, the code exchange, active rooms and sessions."""

from __future__ import annotations

import jwt
import pytest

from hms_async import NotFoundError, PermissionDeniedError

from ._support import Env, bounded


@bounded
async def test_rooms_create_list_retrieve_update_disable_enable(env: Env) -> None:
    """Rooms are listed page by page, changed, disabled and enabled; names are unique."""
    hms = env.hms
    created = [await hms.rooms.create(name=f"class-{i:02d}") for i in range(22)]

    pages = [p async for p in hms.rooms.list(limit=10).pages()]
    cursors = env.starts("/rooms")
    again = await hms.rooms.create(name="class-05", description="renamed by create")
    updated = await hms.rooms.update(again.id, max_duration_seconds=600)
    disabled = await hms.rooms.disable(again.id)
    only_disabled = [r.id async for r in hms.rooms.list(enabled=False, limit=10)]
    enabled = await hms.rooms.enable(again.id)
    fetched = await hms.rooms.retrieve(again.id)

    assert [len(p.data) for p in pages] == [10, 10, 2]
    assert [r.id for p in pages for r in p.data] == [r.id for r in created]
    assert cursors == [None, pages[0].last, pages[1].last]
    assert pages[-1].has_next is False
    assert again.id == created[5].id
    assert again.description == "renamed by create"
    assert updated.max_duration_seconds == 600
    assert disabled.enabled is False
    assert only_disabled == [again.id]
    assert enabled.enabled is True
    assert (fetched.description, fetched.max_duration_seconds) == (
        "renamed by create",
        600,
    )
    assert fetched.template_id == env.fake.default_template_id
    assert (await hms.rooms.retrieve_by_name("class-07")).id == created[7].id


@bounded
async def test_rooms_list_resumes_from_a_saved_cursor(env: Env) -> None:
    """A list started from a page's cursor yields exactly the rooms after that page."""
    hms = env.hms
    ids = [(await hms.rooms.create(name=f"r{i:02d}")).id for i in range(15)]
    first = await hms.rooms.list(limit=10)

    rest = [r.id async for r in hms.rooms.list(limit=10, start=first.last)]

    assert first.has_next is True
    assert [r.id for r in first.data] == ids[:10]
    assert rest == ids[10:]


@bounded
async def test_rooms_limit_out_of_range_sends_nothing(env: Env) -> None:
    """A page size the endpoint refuses is a ValueError before any request."""
    with pytest.raises(ValueError, match="limit"):
        await env.hms.rooms.list(limit=5)
    with pytest.raises(ValueError, match="max_duration_seconds"):
        await env.hms.rooms.create(name="short", max_duration_seconds=60)

    assert env.fake.requests == []


@bounded
async def test_room_codes_for_every_role_and_the_token_exchange(env: Env) -> None:
    """Codes cover the template's roles, page by page; one exchanges for a peer token."""
    hms = env.hms
    room = await hms.rooms.create(name="codes")
    template = await hms.templates.retrieve(room.template_id or "")

    codes = await hms.room_codes.create(room.id)
    extra = [await hms.room_codes.create_for_role(room.id, "guest") for _ in range(10)]
    pages = [p async for p in hms.room_codes.list(room.id, limit=10).pages()]
    host = next(c for c in codes if c.role == "host")
    token = await hms.tokens.from_room_code(host.code, user_id="alice")
    off = await hms.room_codes.disable(host.code)
    disabled = [c.code async for c in hms.room_codes.list(room.id, enabled=False)]
    with pytest.raises(PermissionDeniedError):
        await hms.tokens.from_room_code(host.code)
    on = await hms.room_codes.enable(host.code)
    guests = [c async for c in hms.room_codes.list(room.id, role="guest", limit=10)]

    claims = jwt.decode(token, env.fake.app_secret, algorithms=["HS256"])
    assert sorted(str(c.role) for c in codes) == sorted(template.roles)
    assert all(c.room_id == room.id and c.enabled for c in codes)
    assert [len(p.data) for p in pages] == [10, len(codes) + 10 - 10]
    listed = {c.code for p in pages for c in p.data}
    assert listed == {c.code for c in codes + extra}
    assert claims["access_key"] == env.fake.access_key
    assert (claims["type"], claims["room_id"], claims["role"]) == (
        "app",
        room.id,
        "host",
    )
    assert claims["user_id"] == "alice"
    assert claims["exp"] > claims["iat"]
    assert off.enabled is False
    assert disabled == [host.code]
    assert on.enabled is True
    assert len(guests) == 11
    assert {c.role for c in guests} == {"guest"}


@bounded
async def test_active_room_peers_update_message_remove_and_end(env: Env) -> None:
    """Joined peers are visible; updates, messages, removals and the end all take."""
    hms, fake = env.hms, env.fake
    room = await hms.rooms.create(name="live")
    ada = fake.join(room.id, role="host", user_id="ada", name="Ada")
    bob = fake.join(room.id, role="guest", user_id="bob", name="Bob")
    cy = fake.join(room.id, role="guest", user_id="cy", name="Cy")

    active = await hms.active_rooms.retrieve(room.id)
    guests = await hms.active_rooms.list_peers(room.id, role="guest")
    by_user = await hms.active_rooms.list_peers(room.id, user_id="ada")
    changed = await hms.active_rooms.update_peer(
        room.id, bob.id, name="Robert", metadata='{"hand": "up"}'
    )
    seen = await hms.active_rooms.retrieve_peer(room.id, bob.id)
    await hms.active_rooms.send_message(room.id, message="hello bob", peer_id=bob.id)
    await hms.active_rooms.send_message(room.id, message="hi all", role="guest")
    await hms.active_rooms.remove_peers(room.id, role="guest", reason="bye")
    left = await hms.active_rooms.list_peers(room.id)
    ended = await hms.active_rooms.end(room.id, reason="done", lock=True)
    locked = await hms.rooms.retrieve(room.id)

    assert active.id == room.id
    assert active.session is not None
    assert active.session.id == ada.session_id
    assert sorted(active.session.peers) == sorted([ada.id, bob.id, cy.id])
    assert sorted(guests) == sorted([bob.id, cy.id])
    assert list(by_user) == [ada.id]
    assert changed.name == "Robert"
    assert (seen.name, seen.metadata, seen.role) == (
        "Robert",
        '{"hand": "up"}',
        "guest",
    )
    assert sorted(seen.tracks) == sorted(bob.track_ids)
    assert [m["message"] for m in fake.messages] == ["hello bob", "hi all"]
    assert list(left) == [ada.id]
    assert ended.message
    assert locked.enabled is False
    with pytest.raises(NotFoundError):
        await hms.active_rooms.retrieve(room.id)


@bounded
async def test_sessions_keep_their_peers_after_leaving(env: Env) -> None:
    """Closed sessions list page by page, each with its peers map and leave times."""
    hms, fake = env.hms, env.fake
    room = await hms.rooms.create(name="standup")
    joined = []
    for day in range(12):
        peers = [
            fake.join(room.id, role="host", user_id=f"u{day}-{n}") for n in range(2)
        ]
        for peer in peers:
            fake.leave(room.id, peer.id)
        joined.append(peers)
    fake.join(room.id, role="guest", user_id="late")

    pages = [p async for p in hms.sessions.list(room_id=room.id, limit=10).pages()]
    cursors = env.starts("/sessions")
    closed = [s async for s in hms.sessions.list(room_id=room.id, active=False)]
    one = await hms.sessions.retrieve(joined[3][0].session_id)
    live = await hms.sessions.retrieve_active(room.id)

    every = [s for p in pages for s in p.data]
    assert [len(p.data) for p in pages] == [10, 3]
    assert cursors == [None, pages[0].last]
    assert len(closed) == 12
    assert all(s.active is False for s in closed)
    assert {s.id for s in closed} == {peers[0].session_id for peers in joined}
    assert sorted(one.peers) == sorted(p.id for p in joined[3])
    assert {p.user_id for p in one.peers.values()} == {"u3-0", "u3-1"}
    assert all(p.left_at is not None for p in one.peers.values())
    assert all(
        p.joined_at is not None and p.left_at is not None and p.joined_at <= p.left_at
        for p in one.peers.values()
    )
    assert live.active is True
    assert live.id in {s.id for s in every}
    assert [p.user_id for p in live.peers.values()] == ["late"]
