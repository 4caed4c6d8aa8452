"""Routes: RTMP ingest stream keys (§2.9)."""

from __future__ import annotations

from ._http import ApiError, not_found
from ._router import Call, Router
from ._starts import startable_room
from ._state import JSON

__all__ = ["router"]

router = Router()


def _active_key(call: Call, room_id: str) -> JSON | None:
    for key in call.state.stream_keys.values():
        if key["room_id"] == room_id and key["enabled"]:
            return key
    return None


@router.route("POST", "/stream-keys/room/{room_id}")
def _create_key(call: Call) -> JSON:
    room = startable_room(call.state, call.params["room_id"])
    if _active_key(call, room["id"]) is not None:
        raise ApiError(400, "Active key already exists", ["disable it first"])
    now = call.state.clock.stamp()
    key: JSON = {
        "id": call.state.ids.object_id(),
        "url": "rtmp://ingest.fake.100ms.test/live",
        "key": "sk_" + call.state.ids.token(24),
        "room_id": room["id"],
        "customer_id": call.state.customer_id,
        "app_id": call.state.app_id,
        "enabled": True,
        "created_at": now,
        "updated_at": now,
    }
    call.state.stream_keys[key["id"]] = key
    return key


@router.route("GET", "/stream-keys/room/{room_id}")
def _get_key(call: Call) -> JSON:
    room = startable_room(call.state, call.params["room_id"])
    key = _active_key(call, room["id"])
    if key is None:
        raise not_found("stream key")
    return {"data": [key], "last": key["id"]}


@router.route("POST", "/stream-keys/room/{room_id}/disable")
def _disable_key(call: Call) -> JSON:
    room = call.state.room(call.params["room_id"])
    key = _active_key(call, room["id"])
    if key is None:
        raise not_found("stream key")
    key.update(enabled=False, updated_at=call.state.clock.stamp())
    return {"message": "key disabled successfully"}
