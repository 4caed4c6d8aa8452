"""Template (policy) objects: defaults, creation and role filling (camelCase)."""

from __future__ import annotations

import copy
import re
from typing import Any

from ._http import bad_request
from ._state import JSON, State

__all__ = [
    "DEFAULT_ROLES",
    "build_role",
    "create_default_template",
    "deep_merge",
    "store_template",
]

TEMPLATE_NAME = re.compile(r"^[a-zA-Z0-9 \-._:]+$")
DEFAULT_ROLES = ("host", "guest", "viewer-realtime", "viewer-near-realtime")
_ADMIN = ("endRoom", "removeOthers", "mute", "unmute", "changeRole", "pollWrite")
_LAYERS = [
    {"rid": "f", "scaleResolutionDownBy": 1, "maxBitrate": 700, "maxFramerate": 25},
    {"rid": "h", "scaleResolutionDownBy": 2, "maxBitrate": 350, "maxFramerate": 25},
    {"rid": "q", "scaleResolutionDownBy": 4, "maxBitrate": 100, "maxFramerate": 25},
]
_ROLE_SHAPES: dict[str, tuple[list[str], int, bool]] = {
    "host": (["audio", "video", "screen"], 1, True),
    "guest": (["audio", "video", "screen"], 2, False),
    "viewer-realtime": ([], 3, False),
    "viewer-near-realtime": ([], 4, False),
}


def deep_merge(base: Any, override: Any) -> Any:
    """Return ``base`` with ``override`` merged in (objects merge, rest replaces)."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = deep_merge(base.get(key), value)
        return merged
    return copy.deepcopy(override)


def _permissions(admin: bool) -> JSON:
    perms: JSON = {
        "browserRecording": True,
        "rtmpStreaming": True,
        "hlsStreaming": True,
        "sendRoomState": False,
        "pollRead": True,
    }
    perms.update(dict.fromkeys(_ADMIN, admin))
    return perms


def _base_role(name: str, allowed: list[str], priority: int, admin: bool) -> JSON:
    return {
        "name": name,
        "publishParams": {
            "allowed": allowed,
            "audio": {"bitRate": 32, "codec": "opus"},
            "video": {
                "bitRate": 256,
                "codec": "vp8",
                "frameRate": 25,
                "width": 320,
                "height": 180,
            },
            "screen": {"codec": "vp8", "frameRate": 10, "width": 1280, "height": 720},
            "simulcast": {"video": {"layers": copy.deepcopy(_LAYERS)}, "screen": {}},
        },
        "subscribeParams": {
            "subscribeToRoles": ["host", "guest"],
            "maxSubsBitRate": 3200,
            "subscribeDegradation": {
                "packetLossThreshold": 50,
                "degradeGracePeriodSeconds": 1,
                "recoverGracePeriodSeconds": 4,
            },
        },
        "permissions": _permissions(admin),
        "priority": priority,
        "maxPeerCount": 0,
    }


def build_role(name: str, body: JSON) -> JSON:
    """Return a full role object: defaults for ``name`` with ``body`` merged in."""
    allowed, priority, admin = _ROLE_SHAPES.get(name, (["audio", "video"], 2, False))
    role: JSON = deep_merge(_base_role(name, allowed, priority, admin), body)
    role["name"] = name
    if not isinstance(role.get("maxPeerCount"), int) or role["maxPeerCount"] < -1:
        raise bad_request("maxPeerCount must be an integer >= -1")
    return role


def _default_settings() -> JSON:
    return {
        "region": "auto",
        "recording": None,
        "roomState": {
            "messageInterval": 5,
            "sendPeerList": False,
            "stopRoomStateOnJoin": True,
            "enabled": False,
        },
        "retry": {},
    }


def _roles(body: JSON) -> dict[str, JSON]:
    raw = body.get("roles")
    if raw is None:
        return {name: build_role(name, {}) for name in DEFAULT_ROLES}
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise bad_request("roles must map role names to role objects")
    return {name: build_role(name, value) for name, value in raw.items()}


def store_template(state: State, body: JSON, template_id: str | None = None) -> JSON:
    """Create a template from a request body, or overwrite ``template_id``."""
    name = body.get("name") or f"template-{state.ids.token(10)}"
    if not isinstance(name, str) or not TEMPLATE_NAME.match(name):
        raise bad_request("name may only contain a-z A-Z 0-9 space - . _ :")
    same_name = _by_name(state, name)
    if template_id is None and same_name is not None:
        template_id = same_name["id"]
    elif same_name is not None and same_name["id"] != template_id:
        raise bad_request(f"template with name {name} already exists")
    now = state.clock.stamp()
    old = state.templates.get(template_id or "")
    new_id = template_id or state.ids.object_id()
    template: JSON = {
        "id": new_id,
        "name": name,
        "customerId": state.customer_id,
        "roles": _roles(body),
        "settings": deep_merge(_default_settings(), body.get("settings") or {}),
        "destinations": copy.deepcopy(body.get("destinations") or {}),
        "createdAt": old["createdAt"] if old else now,
        "updatedAt": now,
        "_id": new_id,
        "customer": state.customer_id,
        "appId": state.app_id,
        "default": bool(old and old.get("default")),
    }
    if "plugins" in body:
        template["plugins"] = copy.deepcopy(body["plugins"])
    if old is not None and "recordings" in old:
        template["recordings"] = old["recordings"]
    state.templates[new_id] = template
    return template


def _by_name(state: State, name: str) -> JSON | None:
    for template in state.templates.values():
        if template["name"] == name:
            return template
    return None


def create_default_template(state: State) -> JSON:
    """Create the workspace's default template (it has a subdomain)."""
    template = store_template(state, {"name": "default-template"})
    template["default"] = True
    state.template_subdomains[template["id"]] = "fake-app"
    return template


def public_template(template: JSON) -> JSON:
    """Return a template as the API shows it (no internal keys)."""
    return {k: v for k, v in template.items() if k != "recordings"}
