"""Routes: rooms (§2.1) and room codes (§2.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._http import ApiError, bad_request, forbidden, not_found
from ._pagination import matching, page_a, page_a_ordered, time_window
from ._rooms import apply_room_body, create_room, render_room
from ._router import Call, Router
from ._state import JSON, State

__all__ = ["router"]

router = Router()
MAX_CODES = 100


@router.route("POST", "/rooms")
def _create_room(call: Call) -> JSON:
    return render_room(call.state, create_room(call.state, call.obj()))


@router.route("GET", "/rooms")
def _list_rooms(call: Call) -> JSON:
    state = call.state
    return page_a_ordered(
        call,
        state.rooms,
        keep=_room_filter(call),
        render=lambda room: render_room(state, room),
    )


def _room_filter(call: Call) -> Callable[[JSON], bool] | None:
    """The list's query filters as one test of a room (``None``: keep all)."""
    wanted: dict[str, object] = {}
    enabled = call.q_bool("enabled")
    if enabled is not None:
        wanted["enabled"] = enabled
    for field in ("name", "template_id"):
        value = call.q(field)
        if value:
            wanted[field] = value
    return matching(wanted, time_window(call, "created_at"))


@router.route("GET", "/rooms/{room_id}")
def _get_room(call: Call) -> JSON:
    return render_room(call.state, call.state.room(call.params["room_id"]))


@router.route("POST", "/rooms/{room_id}")
def _update_room(call: Call) -> JSON:
    room = call.state.room(call.params["room_id"])
    return render_room(call.state, apply_room_body(call.state, room, call.obj()))


def _new_code(state: State, room: JSON, role: str) -> JSON:
    if (
        sum(1 for c in state.room_codes.values() if c["room_id"] == room["id"])
        >= MAX_CODES
    ):
        raise bad_request("room code limit of 100 per room reached")
    now = state.clock.stamp()
    code = {
        "code": state.ids.room_code(),
        "room_id": room["id"],
        "role": role,
        "enabled": True,
        "created_at": now,
        "updated_at": now,
    }
    state.room_codes[code["code"]] = code
    return code


def _usable_room(state: State, room_id: str) -> JSON:
    room = state.room(room_id)
    if not room["enabled"]:
        raise forbidden("room is disabled")
    return room


@router.route("POST", "/room-codes/room/{room_id}")
def _create_codes(call: Call) -> JSON:
    state = call.state
    room = _usable_room(state, call.params["room_id"])
    roles = state.room_template(room)["roles"]
    codes = [c for c in state.room_codes.values() if c["room_id"] == room["id"]]
    for code in codes:
        if code["role"] not in roles and code["enabled"]:
            code.update(enabled=False, updated_at=state.clock.stamp())
    data = []
    for role in roles:
        mine = [c for c in codes if c["role"] == role and c["enabled"]]
        data.append(mine[0] if mine else _new_code(state, room, role))
    return {"data": data}


@router.route("POST", "/room-codes/room/{room_id}/role/{role}")
def _create_role_code(call: Call) -> JSON:
    room = _usable_room(call.state, call.params["room_id"])
    role = call.params["role"]
    if role not in call.state.room_template(room)["roles"]:
        raise not_found("role")
    return _new_code(call.state, room, role)


@router.route("GET", "/room-codes/room/{room_id}")
def _list_codes(call: Call) -> JSON:
    room = call.state.room(call.params["room_id"])
    codes = [c for c in call.state.room_codes.values() if c["room_id"] == room["id"]]
    role = call.q("role")
    if role:
        codes = [c for c in codes if c["role"] == role]
    enabled = call.q_bool("enabled")
    if enabled is not None:
        codes = [c for c in codes if c["enabled"] is enabled]
    return page_a(call, codes, key="code", default=20)


@router.route("POST", "/room-codes/code")
def _toggle_code(call: Call) -> JSON:
    body = call.obj()
    extra = sorted(set(body) - {"code", "enabled"})
    if extra:
        raise bad_request(f"Invalid body param: {extra[0]}")
    code_text: Any = body.get("code")
    enabled: Any = body.get("enabled")
    if not isinstance(code_text, str) or not isinstance(enabled, bool):
        raise bad_request("code (string) and enabled (bool) are required")
    code = call.state.room_codes.get(code_text)
    if code is None:
        raise not_found("room code")
    if enabled:
        _check_can_enable(call.state, code)
    code.update(enabled=enabled, updated_at=call.state.clock.stamp())
    return code


def _check_can_enable(state: State, code: JSON) -> None:
    room = state.rooms.get(code["room_id"])
    if room is None or not room["enabled"]:
        raise forbidden("room is disabled")
    if code["role"] not in state.room_template(room)["roles"]:
        raise ApiError(403, "role not found", ["the code's role no longer exists"])
