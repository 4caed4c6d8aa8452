"""Routes: templates / policy (§2.10), camelCase bodies."""

from __future__ import annotations

import copy
from typing import Any

from ._http import bad_request, not_found
from ._pagination import page_a
from ._router import Call, Reply, Router
from ._state import JSON
from ._templates import build_role, deep_merge, public_template, store_template

__all__ = ["router"]

router = Router()
_REGIONS = ("in", "us", "eu", "auto")


@router.route("POST", "/templates")
def _create(call: Call) -> JSON:
    return public_template(store_template(call.state, call.obj()))


@router.route("GET", "/templates")
def _list(call: Call) -> JSON:
    templates = list(call.state.templates.values())
    return page_a(call, templates, render=public_template)


@router.route("GET", "/templates/{template_id}")
def _get(call: Call) -> JSON:
    return public_template(call.state.template(call.params["template_id"]))


@router.route("POST", "/templates/{template_id}")
def _update(call: Call) -> JSON:
    template = call.state.template(call.params["template_id"])
    body = call.obj()
    for required in ("roles", "settings"):
        if not isinstance(body.get(required), dict):
            raise bad_request(
                f"Invalid body param: {required} is required (full overwrite)"
            )
    merged = dict(body)
    merged.setdefault("name", template["name"])
    updated = store_template(call.state, merged, template["id"])
    return public_template(updated)


def _role_name(call: Call) -> tuple[JSON, str]:
    template = call.state.template(call.params["template_id"])
    return template, call.params["role_name"]


@router.route("GET", "/templates/{template_id}/roles/{role_name}")
def _get_role(call: Call) -> JSON:
    template, name = _role_name(call)
    if name not in template["roles"]:
        raise not_found("role")
    role: JSON = template["roles"][name]
    return role


@router.route("POST", "/templates/{template_id}/roles/{role_name}")
def _put_role(call: Call) -> JSON:
    template, name = _role_name(call)
    body = {k: v for k, v in call.obj().items() if k != "name"}
    base = template["roles"].get(name, {})
    role = build_role(name, deep_merge(base, body))
    template["roles"][name] = role
    template["updatedAt"] = call.state.clock.stamp()
    return role


@router.route("DELETE", "/templates/{template_id}/roles/{role_name}")
def _delete_role(call: Call) -> Reply:
    template, name = _role_name(call)
    if name not in template["roles"]:
        raise not_found("role")
    del template["roles"][name]
    template["updatedAt"] = call.state.clock.stamp()
    return Reply(204, None)


def _shown_settings(settings: JSON) -> JSON:
    shown = copy.deepcopy(settings)
    upload = (shown.get("recording") or {}).get("upload") or {}
    credentials = upload.get("credentials")
    if isinstance(credentials, dict) and "secretKey" in credentials:
        credentials["secret"] = credentials.pop("secretKey")
    return shown


@router.route("GET", "/templates/{template_id}/settings")
def _get_settings(call: Call) -> JSON:
    return _shown_settings(call.state.template(call.params["template_id"])["settings"])


@router.route("POST", "/templates/{template_id}/settings")
def _put_settings(call: Call) -> JSON:
    template = call.state.template(call.params["template_id"])
    body = call.obj()
    region: Any = body.get("region", "auto")
    if region not in _REGIONS:
        raise bad_request("Error: region not supported")
    _check_upload((body.get("recording") or {}).get("upload"))
    template["settings"] = {"recording": None, "retry": {}, **copy.deepcopy(body)}
    template["updatedAt"] = call.state.clock.stamp()
    return _shown_settings(template["settings"])


def _check_upload(upload: Any) -> None:
    if upload is None:
        return
    if not isinstance(upload, dict) or upload.get("type") not in (
        "s3",
        "gs",
        "oss",
        "azure",
    ):
        raise bad_request("Invalid upload configuration")
    for field in ("location", "prefix"):
        if not upload.get(field):
            raise bad_request(
                f"Invalid body param: recording.upload.{field} is required"
            )


@router.route("GET", "/templates/{template_id}/destinations")
def _get_destinations(call: Call) -> JSON:
    destinations: JSON = call.state.template(call.params["template_id"])["destinations"]
    return destinations


@router.route("POST", "/templates/{template_id}/destinations")
def _put_destinations(call: Call) -> JSON:
    template = call.state.template(call.params["template_id"])
    body = call.obj()
    for name, item in (body.get("rtmpDestinations") or {}).items():
        if len((item or {}).get("rtmpUrls") or []) > 3:
            raise bad_request(
                f"Invalid body param: rtmpDestinations.{name} has more than 3 rtmpUrls"
            )
    for name, item in (body.get("hlsDestinations") or {}).items():
        segments = (item or {}).get("numPlaylistSegments", 5)
        if not isinstance(segments, int) or not 3 <= segments <= 150:
            raise bad_request(
                f"Invalid body param: hlsDestinations.{name}.numPlaylistSegments"
            )
    template["destinations"] = copy.deepcopy(body)
    template["updatedAt"] = call.state.clock.stamp()
    return body


def _without_false(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_false(v) for k, v in value.items() if v is not False}
    if isinstance(value, list):
        return [_without_false(v) for v in value]
    return value


@router.route("GET", "/templates/{template_id}/recordings")
def _get_recordings(call: Call) -> list[JSON]:
    template = call.state.template(call.params["template_id"])
    configs: list[JSON] = _without_false(template.get("recordings") or [])
    return configs


@router.route("POST", "/templates/{template_id}/recordings")
def _put_recordings(call: Call) -> list[JSON]:
    template = call.state.template(call.params["template_id"])
    body = call.body
    if not isinstance(body, list) or len(body) != 1 or not isinstance(body[0], dict):
        raise bad_request("Invalid body param: exactly one recording config is allowed")
    for field in ("name", "role"):
        if not isinstance(body[0].get(field), str) or not body[0][field]:
            raise bad_request(f"Invalid body param: {field} is required")
    template["recordings"] = copy.deepcopy(body)
    template["updatedAt"] = call.state.clock.stamp()
    configs: list[JSON] = _without_false(body)
    return configs
