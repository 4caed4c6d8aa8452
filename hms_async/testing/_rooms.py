"""Room objects: validation of create/update bodies and the API rendering."""

from __future__ import annotations

import copy
import re

from ._http import ApiError, bad_request
from ._state import JSON, State
from ._validate import opt_bool, opt_dict, opt_int, opt_str, opt_str_list

__all__ = [
    "apply_room_body",
    "create_room",
    "find_room_by_name",
    "render_room",
    "seed_rooms",
]

ROOM_NAME = re.compile(r"^[a-zA-Z0-9.\-:_]+$")
REGIONS = ("in", "us", "eu", "auto")
STORAGE_TYPES = ("s3", "gs", "oss", "azure")


def render_room(state: State, room: JSON) -> JSON:
    """Return a room as the API shows it (template name, key, no credentials).

    The copy is shallow except along the path to the stripped credentials:
    responses are encoded at once, under the engine's lock.
    """
    shown = dict(room)
    template = state.templates.get(room["template_id"])
    shown["template"] = template["name"] if template else ""
    shown["key"] = f"{state.customer_id}:{room['name']}"
    info = shown.get("recording_info")
    upload = info.get("upload_info") if isinstance(info, dict) else None
    if isinstance(info, dict) and isinstance(upload, dict):
        shown["recording_info"] = info | {
            "upload_info": {k: v for k, v in upload.items() if k != "credentials"}
        }
    return shown


def find_room_by_name(state: State, name: str) -> JSON | None:
    """Return the room whose name matches ``name`` case-insensitively."""
    room_id = state.room_names.get(name.casefold())
    return None if room_id is None else state.rooms.get(room_id)


def _room_defaults(state: State, template: JSON, now: str) -> JSON:
    """A new room's fields before the create body applies (no id or name yet)."""
    return {
        "id": "",
        "name": "",
        "enabled": True,
        "description": "",
        "customer_id": state.customer_id,
        "customer": state.customer_id,
        "app_id": state.app_id,
        "recording_source_template": True,
        "enabled_source_template": False,
        "template_id": template["id"],
        "region": template["settings"].get("region") or "auto",
        "large_room": False,
        "size": 0,
        "max_duration_seconds": 43200,
        "polls": [],
        "created_at": now,
        "updated_at": now,
    }


def create_room(state: State, body: JSON) -> JSON:
    """Create a room, or update and return the one that already has the name."""
    name = opt_str(body, "name")
    existing = find_room_by_name(state, name) if name else None
    if existing is not None:
        update = {k: v for k, v in body.items() if k != "name"}
        return apply_room_body(state, existing, update)
    template = state.default_template()
    room = _room_defaults(state, template, state.clock.stamp())
    room["id"] = state.ids.object_id()
    room["name"] = name or state.ids.uuid()
    candidate = apply_room_body(state, room, body, store=False)
    state.rooms[candidate["id"]] = candidate
    state.room_names[candidate["name"].casefold()] = candidate["id"]
    return candidate


def seed_rooms(state: State, count: int, prefix: str) -> list[str]:
    """Store ``count`` default rooms named ``{prefix}-{n}``; no validation, no events.

    The cheap way to a big workspace: one dict per room, O(1) each.
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if not ROOM_NAME.match(f"{prefix}-0"):
        raise ValueError(f"prefix may only contain a-z A-Z 0-9 . - : _, got {prefix!r}")
    names = [f"{prefix}-{n}" for n in range(count)]
    taken = [name for name in names if name.casefold() in state.room_names]
    if taken:
        raise ValueError(f"a room named {taken[0]!r} already exists")
    template = state.default_template()
    now = state.clock.stamp()
    base = _room_defaults(state, template, now)
    ids = []
    for name in names:
        room_id = state.ids.object_id()
        state.rooms[room_id] = {**base, "id": room_id, "name": name, "polls": []}
        state.room_names[name.casefold()] = room_id
        ids.append(room_id)
    return ids


def apply_room_body(
    state: State, room: JSON, body: JSON, *, store: bool = True
) -> JSON:
    """Validate ``body`` and apply it to ``room`` (atomically); return the room."""
    if "template" in body:
        detail = "Invalid body param: template. Use template_id"
        raise ApiError(400, detail, [detail])
    new = copy.deepcopy(room)
    _apply_simple(state, new, body)
    _apply_template(state, new, body)
    _apply_limits(new, body)
    _apply_nested(state, new, body)
    new["updated_at"] = state.clock.stamp()
    if store:
        if new["name"] != room["name"]:
            state.room_names.pop(room["name"].casefold(), None)
            state.room_names[new["name"].casefold()] = room["id"]
        room.clear()
        room.update(new)
        return room
    return new


def _apply_simple(state: State, room: JSON, body: JSON) -> None:
    name = opt_str(body, "name")
    if name is not None:
        if not ROOM_NAME.match(name):
            raise bad_request(
                "Invalid body param: name may contain a-z A-Z 0-9 . - : _"
            )
        other = find_room_by_name(state, name)
        if other is not None and other["id"] != room["id"]:
            raise bad_request(f"room with name {name} already exists")
        room["name"] = name
    for key, getter in (("description", opt_str), ("enabled", opt_bool)):
        value = getter(body, key)
        if value is not None:
            room[key] = value
    region = opt_str(body, "region")
    if region is not None:
        if region not in REGIONS:
            raise ApiError(400, "Error: region not supported", [f"region {region}"])
        room["region"] = region


def _apply_template(state: State, room: JSON, body: JSON) -> None:
    template_id = opt_str(body, "template_id")
    if template_id is None:
        return
    if template_id not in state.templates:
        raise ApiError(400, "Error: template not found", [f"template {template_id}"])
    room["template_id"] = template_id


def _apply_limits(room: JSON, body: JSON) -> None:
    large = opt_bool(body, "large_room")
    if large is not None:
        room["large_room"] = large
    size = opt_int(body, "size")
    if size is not None:
        room["size"] = size
    top = 20000 if room["large_room"] else 2500
    if not 0 <= room["size"] <= top:
        raise ApiError(400, "Invalid body param", [_size_detail(room["size"], top)])
    duration = opt_int(body, "max_duration_seconds")
    if duration is not None:
        if duration < 120:
            detail = "Invalid body param: max_duration_seconds less than 120 seconds"
            raise bad_request(detail, detail)
        if duration > 43200:
            detail = (
                "Invalid body param: max_duration_seconds greater than 43200 seconds"
            )
            raise bad_request(detail, detail)
        room["max_duration_seconds"] = duration


def _size_detail(size: int, top: int) -> str:
    if size < 0:
        return "Invalid body param: room size must not be negative"
    if top == 2500:
        return "Invalid body param: room size greater than 2500, set large_room flag as true"
    return "Invalid body param: room size greater than 20000"


def _apply_nested(state: State, room: JSON, body: JSON) -> None:
    recording = opt_dict(body, "recording_info")
    if recording is not None:
        _check_upload(recording.get("upload_info"))
        room["recording_info"] = copy.deepcopy(recording)
        room["recording_source_template"] = False
    webhook = opt_dict(body, "webhook")
    if webhook is not None:
        if not isinstance(webhook.get("url"), str) or not webhook["url"]:
            raise bad_request("Invalid body param: webhook.url is required")
        room["webhook"] = copy.deepcopy(webhook)
    polls = opt_str_list(body, "polls")
    if polls is not None:
        missing = [p for p in polls if p not in state.polls]
        if missing:
            raise bad_request(f"Invalid body param: poll {missing[0]} not found")
        room["polls"] = list(polls)


def _check_upload(upload: object) -> None:
    if upload is None:
        return
    if not isinstance(upload, dict) or upload.get("type") not in STORAGE_TYPES:
        raise ApiError(400, "Invalid upload configuration", ["upload_info.type"])
    if not upload.get("location"):
        raise ApiError(400, "Bucket location is missing", ["upload_info.location"])
    credentials = upload.get("credentials")
    if credentials is not None and not (
        isinstance(credentials, dict)
        and credentials.get("key")
        and credentials.get("secret")
    ):
        raise ApiError(400, "Invalid upload configuration", ["upload_info.credentials"])
