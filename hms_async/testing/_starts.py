"""Validation of the start bodies of recordings and streams (§2.5, §2.7, §2.8)."""

from __future__ import annotations

from typing import Any

from ._http import bad_request, forbidden
from ._state import JSON, State
from ._validate import opt_bool, opt_dict, opt_str, opt_str_list

__all__ = ["external_fields", "live_fields", "recording_fields", "startable_room"]

_OUTPUT_MODES = frozenset({"txt", "srt", "json"})


def startable_room(state: State, room_id: str) -> JSON:
    """Return the room a job can start in (exists, enabled)."""
    room = state.room(room_id)
    if not room["enabled"]:
        raise forbidden("room is disabled")
    return room


def _meeting_url(state: State, room: JSON, body: JSON, page: str) -> str:
    url = opt_str(body, "meeting_url")
    if url:
        return url
    subdomain = state.template_subdomains.get(room["template_id"])
    if subdomain is None:
        raise bad_request(
            "meeting_url is mandatory: the room's template has no subdomain"
        )
    return f"https://{subdomain}.app.100ms.live/{page}/{room['id']}/__internal_recorder?skip_preview=true"


def _resolution(body: JSON, bounded: bool) -> JSON | None:
    resolution = opt_dict(body, "resolution")
    if resolution is None:
        return None
    width, height = resolution.get("width"), resolution.get("height")
    if (
        not isinstance(width, int)
        or not isinstance(height, int)
        or width <= 0
        or height <= 0
    ):
        raise bad_request(
            "Invalid body param: resolution needs integer width and height"
        )
    if bounded:
        low = (500, 480) if width >= height else (500, 500)
        top = (1920, 1080) if width >= height else (1080, 1920)
        if not (low[0] <= width <= top[0] and low[1] <= height <= top[1]):
            raise bad_request("Invalid body param: resolution out of range")
    return {"width": width, "height": height}


def _transcription(body: JSON, modes: frozenset[str]) -> JSON | None:
    transcription = opt_dict(body, "transcription")
    if transcription is None:
        return None
    opt_bool(transcription, "enabled")
    outputs = opt_str_list(transcription, "output_modes") or []
    if not set(outputs) <= _OUTPUT_MODES:
        raise bad_request("Invalid body param: transcription.output_modes")
    if not set(opt_str_list(transcription, "modes") or []) <= modes:
        raise bad_request("Invalid body param: transcription.modes")
    _summary(opt_dict(transcription, "summary"))
    return transcription


def _summary(summary: JSON | None) -> None:
    if summary is None:
        return
    if len(opt_str(summary, "context") or "") > 300:
        raise bad_request(
            "Invalid body param: summary.context longer than 300 characters"
        )
    temperature: Any = summary.get("temperature", 0.5)
    if not isinstance(temperature, int | float) or not 0.1 <= temperature <= 1.0:
        raise bad_request("Invalid body param: summary.temperature must be 0.1-1.0")
    sections: Any = summary.get("sections") or []
    if not isinstance(sections, list) or len(sections) > 6:
        raise bad_request("Invalid body param: at most 6 summary sections")
    for section in sections:
        title = section.get("title") if isinstance(section, dict) else None
        if not isinstance(title, str) or not title or len(title) > 100:
            raise bad_request(
                "Invalid body param: section title is required (<= 100 chars)"
            )
        if section.get("format") not in ("bullets", "paragraph"):
            raise bad_request(
                "Invalid body param: section format must be bullets or paragraph"
            )


def recording_fields(state: State, room: JSON, body: JSON) -> tuple[JSON, JSON]:
    """Return ``(job fields, options)`` for a recording start body."""
    transcription = _transcription(body, frozenset({"recorded"}))
    asset_types = ["room-composite", "chat"]
    if transcription and transcription.get("enabled"):
        asset_types.append("transcript")
        if (transcription.get("summary") or {}).get("enabled"):
            asset_types.append("summary")
    fields = {
        "meeting_url": _meeting_url(state, room, body, "preview"),
        "destination": opt_str(body, "destination") or "default",
        "asset_types": asset_types,
    }
    options = {
        "resolution": _resolution(body, bounded=False),
        "audio_only": bool(opt_bool(body, "audio_only")),
        "transcription": transcription,
    }
    return fields, options


def live_fields(state: State, room: JSON, body: JSON) -> tuple[JSON, JSON]:
    """Return ``(job fields, options)`` for a live-stream start body."""
    recording = opt_dict(body, "recording") or {}
    for flag in ("hls_vod", "single_file_per_layer"):
        opt_bool(recording, flag)
    transcription = _transcription(body, frozenset({"recorded", "live"}))
    fields = {
        "meeting_url": _meeting_url(state, room, body, "streaming/preview"),
        "playback": {"url": ""},
        "recording": {
            "hls_vod": bool(recording.get("hls_vod")),
            "single_file_per_layer": bool(recording.get("single_file_per_layer")),
        },
        "destination": opt_str(body, "destination") or "default",
    }
    return fields, {"transcription": transcription}


def external_fields(state: State, room: JSON, body: JSON) -> tuple[JSON, JSON]:
    """Return ``(job fields, options)`` for an external-stream start body."""
    urls = opt_str_list(body, "rtmp_urls")
    if not urls:
        raise bad_request("rtmp_urls is mandatory")
    if len(urls) > 5:
        raise bad_request("Invalid body param: at most 5 rtmp_urls")
    if not all(u.startswith(("rtmp://", "rtmps://")) for u in urls):
        raise bad_request("Invalid body param: rtmp_urls must be rtmp:// or rtmps://")
    fields = {
        "destination": opt_str(body, "destination") or "default",
        "rtmp_urls": list(urls),
        "meeting_url": _meeting_url(state, room, body, "preview"),
        "recording": bool(opt_bool(body, "recording")),
        "resolution": _resolution(body, bounded=True) or {"width": 1280, "height": 720},
    }
    return fields, {}
