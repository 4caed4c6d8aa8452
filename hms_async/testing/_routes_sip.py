"""Routes: SIP (§2.13) and the room-code → auth-token exchange (§1.3)."""

from __future__ import annotations

from typing import Any

from ._activity import join
from ._auth import mint_token
from ._http import ApiError, bad_request, not_found
from ._router import Call, Router
from ._state import JSON, State
from ._validate import opt_bool, opt_dict, opt_str

__all__ = ["router"]

router = Router()
DTMF_DIGITS = frozenset("0123456789*#abcd")
_TRUNK_FIELDS = ("username", "password", "address", "from")


def _enabled_code(state: State, text: object) -> JSON:
    if not isinstance(text, str) or not text:
        raise ApiError(400, "code is mandatory")
    code = state.room_codes.get(text)
    if code is None:
        raise ApiError(404, "room code not found")
    room = state.rooms.get(code["room_id"])
    if not code["enabled"] or room is None or not room["enabled"]:
        raise ApiError(403, "room code is disabled")
    return code


@router.route("POST", "/token", auth="none")
def _exchange_code(call: Call) -> JSON:
    body = call.obj()
    code = _enabled_code(call.state, body.get("code"))
    claims: dict[str, Any] = {
        "access_key": call.state.access_key,
        "type": "app",
        "room_id": code["room_id"],
        "role": code["role"],
        "user_id": opt_str(body, "user_id") or call.state.ids.uuid(),
    }
    token = mint_token(call.state.app_secret, claims, now=call.state.clock.now())
    return {"token": token}


def _trunk_body(call: Call) -> JSON:
    body = call.obj()
    for name in _TRUNK_FIELDS:
        opt_str(body, name)
    for name in ("address", "from"):
        if not body.get(name):
            raise bad_request(f"{name} is mandatory")
    return {name: body.get(name, "") for name in _TRUNK_FIELDS}


@router.route("POST", "/sip/outbound/trunks")
def _create_trunk(call: Call) -> JSON:
    trunk = _trunk_body(call)
    trunk["id"] = call.state.ids.object_id()
    call.state.trunks[trunk["id"]] = trunk
    return {"id": trunk["id"]}


@router.route("POST", "/sip/outbound/trunks/{trunk_id}")
def _update_trunk(call: Call) -> JSON:
    trunk_id = call.params["trunk_id"]
    if trunk_id not in call.state.trunks:
        raise not_found("trunk")
    trunk = _trunk_body(call)
    trunk["id"] = trunk_id
    call.state.trunks[trunk_id] = trunk
    return {"id": trunk_id}


@router.route("POST", "/sip/outbound/call")
def _call_out(call: Call) -> JSON:
    body = call.obj()
    for name in ("to", "room_code", "trunk_id"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise ApiError(400, f"{name} is mandatory")
    opt_bool(body, "video")
    opt_dict(body, "headers")
    if body["trunk_id"] not in call.state.trunks:
        raise not_found("trunk")
    code = _enabled_code(call.state, body["room_code"])
    peer = join(
        call.state,
        code["room_id"],
        code["role"],
        user_id=opt_str(body, "user_id"),
        name=opt_str(body, "name") or body["to"],
        peer_type="sip",
    )
    call_id = call.state.ids.uuid()
    call.state.calls[call_id] = {"id": call_id, "peer_id": peer["id"], **body}
    return {"id": call_id}


@router.route("POST", "/sip/dtmf", auth="app")
def _dtmf(call: Call) -> JSON:
    digits = call.obj().get("digits")
    if not digits:
        raise ApiError(400, "digits are mandatory")
    if not isinstance(digits, list) or not all(
        isinstance(d, str) and d in DTMF_DIGITS for d in digits
    ):
        raise ApiError(400, "invalid digit")
    call.state.dtmf.append(
        {"digits": list(digits), "sent_at": call.state.clock.stamp()}
    )
    return {}
