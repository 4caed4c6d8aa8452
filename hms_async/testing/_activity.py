"""Simulated live activity: sessions opening, peers joining and leaving."""

from __future__ import annotations

from typing import Any

from ._clock import parse_time
from ._http import ApiError, bad_request, forbidden, not_found
from ._state import JSON, State

__all__ = ["change_peer", "end_session", "join", "leave", "open_session"]


def open_session(state: State, room: JSON) -> JSON:
    """Start a session in ``room`` and emit ``session.open.success``."""
    now = state.clock.stamp()
    session: JSON = {
        "id": state.ids.object_id(),
        "room_id": room["id"],
        "customer_id": state.customer_id,
        "app_id": state.app_id,
        "active": True,
        "peers": {},
        "created_at": now,
        "updated_at": now,
    }
    state.sessions[session["id"]] = session
    state.active_sessions[room["id"]] = session["id"]
    state.emit("session.open.success", _session_data(room, session))
    _start_auto_polls(state, room, session)
    return session


def _session_data(room: JSON, session: JSON) -> JSON:
    return {
        "room_id": room["id"],
        "room_name": room["name"],
        "session_id": session["id"],
        "template_id": room["template_id"],
        "session_started_at": session["created_at"],
    }


def _start_auto_polls(state: State, room: JSON, session: JSON) -> None:
    for poll_id in room.get("polls") or []:
        poll = state.polls.get(poll_id)
        if poll is not None and poll.get("start", "auto") == "auto":
            key = f"{poll_id}:{session['id']}"
            state.poll_sessions.setdefault(key, _poll_session(state, poll_id, session))


def _poll_session(state: State, poll_id: str, session: JSON) -> JSON:
    return {
        "id": state.ids.object_id(),
        "poll_id": poll_id,
        "session_id": session["id"],
        "started_at": state.clock.stamp(),
        "stopped_at": None,
        "total_responses": 0,
        "unique_participants": 0,
    }


def _check_role(state: State, room: JSON, role: str) -> None:
    roles = state.room_template(room)["roles"]
    if role not in roles:
        raise bad_request(f"role {role} not found in template", "Invalid role")
    limit = roles[role].get("maxPeerCount", 0)
    present = sum(
        1
        for peer_id, peer in state.peers.items()
        if state.peer_rooms[peer_id] == room["id"] and peer["role"] == role
    )
    if limit == -1 or (limit > 0 and present >= limit):
        raise forbidden("role not allowed")


def join(state: State, room_id: str, role: str, **extra: Any) -> JSON:
    """Add a connected peer with an audio and a video track; return the peer."""
    room = state.room(room_id)
    if not room["enabled"]:
        raise forbidden("room is disabled")
    _check_role(state, room, role)
    session = state.active_session(room_id) or open_session(state, room)
    peer = _new_peer(state, role, **extra)
    state.peers[peer["id"]] = peer
    state.peer_rooms[peer["id"]] = room_id
    session["peers"][peer["id"]] = _session_peer(peer, session)
    session["updated_at"] = peer["joined_at"]
    state.emit("peer.join.success", _peer_data(room, session, peer))
    for track in peer["tracks"].values():
        state.record_event("track.add.success", _track_data(room, session, peer, track))
    return peer


def _new_peer(
    state: State,
    role: str,
    user_id: str | None = None,
    name: str | None = None,
    metadata: str = "",
    peer_type: str = "regular",
) -> JSON:
    peer_id = state.ids.uuid()
    now = state.clock.stamp()
    stream_id = state.ids.uuid()
    tracks = {}
    for kind in ("audio", "video"):
        track_id = state.ids.uuid()
        tracks[track_id] = {
            "id": track_id,
            "stream_id": stream_id,
            "mute": False,
            "type": kind,
            "source": "regular",
            "started_at": now,
            "description": "",
        }
    return {
        "id": peer_id,
        "name": name if name is not None else f"peer-{peer_id[:8]}",
        "user_id": user_id if user_id is not None else peer_id,
        "metadata": metadata,
        "role": role,
        "joined_at": now,
        "tracks": tracks,
        "_type": peer_type,
    }


def public_peer(peer: JSON, *, tracks: bool) -> JSON:
    """Return a connected peer as the API shows it."""
    shown = {k: v for k, v in peer.items() if not k.startswith("_")}
    if not tracks:
        shown.pop("tracks", None)
    return shown


def _session_peer(peer: JSON, session: JSON) -> JSON:
    return {
        "id": peer["id"],
        "session_id": session["id"],
        "name": peer["name"],
        "role": peer["role"],
        "user_id": peer["user_id"],
        "joined_at": peer["joined_at"],
    }


def _peer_data(room: JSON, session: JSON, peer: JSON) -> JSON:
    return {
        "room_id": room["id"],
        "room_name": room["name"],
        "session_id": session["id"],
        "peer_id": peer["id"],
        "user_id": peer["user_id"],
        "template_id": room["template_id"],
        "user_name": peer["name"],
        "user_data": peer["metadata"],
        "role": peer["role"],
        "joined_at": peer["joined_at"],
        "session_started_at": session["created_at"],
        "type": peer["_type"],
    }


def _track_data(room: JSON, session: JSON, peer: JSON, track: JSON) -> JSON:
    data = {k: v for k, v in _peer_data(room, session, peer).items() if k != "type"}
    for key in ("template_id", "user_data", "session_started_at"):
        data.pop(key)
    data.update(
        track_id=track["id"],
        stream_id=track["stream_id"],
        type=track["type"],
        source=track["source"],
        mute=track["mute"],
        started_at=track["started_at"],
    )
    return data


def leave(
    state: State, peer_id: str, reason: str = "client request", message: str = ""
) -> None:
    """Disconnect a peer; the session closes when its last peer leaves."""
    peer = state.peers.get(peer_id)
    if peer is None:
        raise not_found("peer")
    room = state.room(state.peer_rooms[peer_id])
    session = state.active_session(room["id"])
    assert session is not None  # noqa: S101 - a connected peer has a session
    _depart(state, room, session, peer, reason, message)
    if not any(state.peer_rooms[p] == room["id"] for p in state.peers):
        close_session(state, room, session)


def _depart(
    state: State, room: JSON, session: JSON, peer: JSON, reason: str, message: str
) -> None:
    now = state.clock.stamp()
    del state.peers[peer["id"]]
    del state.peer_rooms[peer["id"]]
    session["peers"][peer["id"]]["left_at"] = now
    session["updated_at"] = now
    data = _peer_data(room, session, peer)
    data.update(
        left_at=now,
        duration=_seconds_between(peer["joined_at"], now),
        reason=reason,
        message=message,
    )
    state.emit("peer.leave.success", data)
    for track in peer["tracks"].values():
        event = _track_data(room, session, peer, track)
        event["stopped_at"] = now
        state.record_event("track.remove.success", event)


def _seconds_between(start: str, end: str) -> int:
    return int((parse_time(end) - parse_time(start)).total_seconds())


def close_session(state: State, room: JSON, session: JSON) -> None:
    """Mark a session inactive and emit ``session.close.success``."""
    now = state.clock.stamp()
    session["active"] = False
    session["updated_at"] = now
    del state.active_sessions[room["id"]]
    data = _session_data(room, session)
    data.update(
        session_duration=_seconds_between(session["created_at"], now),
        session_stopped_at=now,
    )
    state.emit("session.close.success", data)
    for key, poll_session in state.poll_sessions.items():
        if key.endswith(session["id"]) and poll_session["stopped_at"] is None:
            poll_session["stopped_at"] = now


def end_session(
    state: State, room_id: str, *, reason: str = "", lock: bool = False
) -> None:
    """End the room's session: every peer is removed, then the session closes."""
    room = state.room(room_id)
    session = state.active_session(room_id)
    if session is None:
        raise ApiError(404, "room is not active", ["no active session in room"])
    state.emit("room.end.success", _end_data(room, session, reason, lock))
    for peer_id in [p for p, r in state.peer_rooms.items() if r == room_id]:
        _depart(
            state, room, session, state.peers[peer_id], "server removed peer", reason
        )
    close_session(state, room, session)
    if lock:
        room["enabled"] = False
        room["updated_at"] = state.clock.stamp()


def _end_data(room: JSON, session: JSON, reason: str, lock: bool) -> JSON:
    return {
        "room_id": room["id"],
        "room_name": room["name"],
        "session_id": session["id"],
        "peer_id": "",
        "user_id": "",
        "template_id": room["template_id"],
        "user_name": "",
        "role": "",
        "lock_room": lock,
        "reason": reason,
        "source": "api",
        "session_started_at": session["created_at"],
    }


def change_peer(state: State, peer_id: str, body: JSON) -> JSON:
    """Apply a peer update (name, role, metadata) and return the peer."""
    peer = state.peers[peer_id]
    room = state.room(state.peer_rooms[peer_id])
    session = state.active_session(room["id"])
    assert session is not None  # noqa: S101 - a connected peer has a session
    new_role = body.get("role")
    if new_role is not None and new_role != peer["role"]:
        _check_role(state, room, new_role)
    for key in ("name", "metadata"):
        if key in body:
            peer[key] = body[key]
    if "name" in body:
        session["peers"][peer_id]["name"] = body["name"]
    if new_role is not None and new_role != peer["role"]:
        data = _peer_data(room, session, peer)
        data.update(previous_role=peer["role"], role=new_role)
        data["role_changed_at"] = state.clock.stamp()
        peer["role"] = new_role
        session["peers"][peer_id]["role"] = new_role
        del data["type"]
        state.emit("role.change.success", data)
    return peer
