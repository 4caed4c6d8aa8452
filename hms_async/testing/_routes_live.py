"""Routes: active rooms (§2.3) and sessions (§2.4)."""

from __future__ import annotations

from ._activity import change_peer, end_session, leave, public_peer
from ._http import ApiError, bad_request, not_found
from ._pagination import matching, page_a_ordered, time_window
from ._router import Call, Router
from ._state import JSON
from ._validate import opt_bool, opt_str, req_str

__all__ = ["router"]

router = Router()


def _active(call: Call) -> tuple[JSON, JSON]:
    room = call.state.room(call.params["room_id"])
    session = call.state.active_session(room["id"])
    if session is None:
        raise ApiError(404, "room is not active", ["no active session in room"])
    return room, session


def _room_peers(call: Call, room_id: str) -> list[JSON]:
    state = call.state
    return [state.peers[p] for p, r in state.peer_rooms.items() if r == room_id]


def _peer(call: Call) -> JSON:
    room, _ = _active(call)
    peer_id = call.params["peer_id"]
    if call.state.peer_rooms.get(peer_id) != room["id"]:
        raise not_found("peer")
    return call.state.peers[peer_id]


@router.route("GET", "/active-rooms/{room_id}")
def _get_active(call: Call) -> JSON:
    room, session = _active(call)
    return {
        "id": room["id"],
        "name": room["name"],
        "customer_id": room["customer_id"],
        "session": {
            "id": session["id"],
            "created_at": session["created_at"],
            "peers": [p["id"] for p in _room_peers(call, room["id"])],
        },
    }


@router.route("GET", "/active-rooms/{room_id}/peers")
def _list_peers(call: Call) -> JSON:
    room, _ = _active(call)
    peers = _room_peers(call, room["id"])
    for field in ("user_id", "role"):
        wanted = call.q(field)
        if wanted:
            peers = [p for p in peers if p[field] == wanted]
    return {"peers": {p["id"]: public_peer(p, tracks=False) for p in peers}}


@router.route("GET", "/active-rooms/{room_id}/peers/{peer_id}")
def _get_peer(call: Call) -> JSON:
    return public_peer(_peer(call), tracks=True)


@router.route("POST", "/active-rooms/{room_id}/peers/{peer_id}")
def _update_peer(call: Call) -> JSON:
    peer = _peer(call)
    body = call.obj()
    for key in ("name", "role", "metadata"):
        opt_str(body, key)
    return public_peer(change_peer(call.state, peer["id"], body), tracks=True)


@router.route("POST", "/active-rooms/{room_id}/send-message")
def _send_message(call: Call) -> JSON:
    room, session = _active(call)
    body = call.obj()
    message = req_str(body, "message")
    peer_id, role = opt_str(body, "peer_id"), opt_str(body, "role")
    if peer_id and call.state.peer_rooms.get(peer_id) != room["id"]:
        raise not_found("peer")
    call.state.messages.append(
        {
            "room_id": room["id"],
            "session_id": session["id"],
            "message": message,
            "peer_id": peer_id or "",
            "role": "" if peer_id else role or "",
            "type": opt_str(body, "type") or "chat",
            "sent_at": call.state.clock.stamp(),
        }
    )
    return {"message": "message sent"}


@router.route("POST", "/active-rooms/{room_id}/remove-peers")
def _remove_peers(call: Call) -> JSON:
    room, _ = _active(call)
    body = call.obj()
    peer_id, role = opt_str(body, "peer_id"), opt_str(body, "role")
    reason = opt_str(body, "reason") or ""
    if peer_id:
        targets = [p for p in _room_peers(call, room["id"]) if p["id"] == peer_id]
    elif role:
        targets = [p for p in _room_peers(call, room["id"]) if p["role"] == role]
    else:
        raise bad_request("peer_id or role is mandatory")
    if not targets:
        raise not_found("peer")
    for peer in targets:
        leave(call.state, peer["id"], "server removed peer", reason)
    return {"message": "peer remove request submitted"}


@router.route("POST", "/active-rooms/{room_id}/end-room")
def _end_room(call: Call) -> JSON:
    room, _ = _active(call)
    body = call.obj()
    reason = opt_str(body, "reason") or ""
    end_session(
        call.state, room["id"], reason=reason, lock=bool(opt_bool(body, "lock"))
    )
    return {"message": "session is ending"}


@router.route("GET", "/sessions")
def _list_sessions(call: Call) -> JSON:
    wanted: dict[str, object] = {}
    room_id = call.q("room_id")
    if room_id:
        wanted["room_id"] = room_id
    active = call.q_bool("active")
    if active is not None:
        wanted["active"] = active
    keep = matching(wanted, time_window(call, "created_at"))
    return page_a_ordered(call, call.state.sessions, keep=keep)


@router.route("GET", "/sessions/{session_id}")
def _get_session(call: Call) -> JSON:
    session = call.state.sessions.get(call.params["session_id"])
    if session is None:
        raise not_found("session")
    return session
