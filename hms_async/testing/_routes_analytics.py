"""Routes: analytics events, peer stats and webhook history/replay (§2.12)."""

from __future__ import annotations

import copy
import math
from datetime import datetime, timedelta
from typing import Any

from ._clock import format_time, parse_time
from ._http import ApiError, bad_request, not_found
from ._router import Call, Router
from ._state import JSON, State

__all__ = ["router"]

router = Router()
_QUERY = "Invalid query parameter"
EVENT_TYPES = frozenset(
    {
        "track.add.success",
        "track.update.success",
        "track.remove.success",
        "beam.recording.success",
        "client.publish.failed",
        "client.subscribe.failed",
        "client.join.failed",
        "client.disconnected",
        "client.connect.failed",
    }
)
_EVENT_FILTERS = ("session_id", "peer_id", "user_id", "beam_id")


def _event_snapshot(call: Call) -> list[JSON]:
    room_id = call.q("room_id")
    if not room_id:
        raise bad_request("room_id is required", _QUERY)
    types = call.q_all("type") or sorted(EVENT_TYPES)
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise bad_request(f"unsupported type {unknown[0]}", _QUERY)
    if call.q("beam_id") and types != ["beam.recording.success"]:
        raise bad_request("beam_id needs type=beam.recording.success", _QUERY)
    events = [
        e
        for e in call.state.events
        if e["type"] in types and e["data"].get("room_id") == room_id
    ]
    for field in _EVENT_FILTERS:
        wanted = call.q(field)
        if wanted:
            events = [e for e in events if e["data"].get(field) == wanted]
    if call.q_bool("error"):
        events = [e for e in events if e["type"].startswith("client.")]
    return events


@router.route("GET", "/analytics/events")
def _events(call: Call) -> JSON:
    limit = call.q_int("limit", 10, 1, 100)
    start = call.q("start")
    if start:
        snapshot_id, _, offset_text = start.rpartition(":")
        events = call.state.event_snapshots.get(snapshot_id)
        if events is None or not offset_text.isdigit():
            raise bad_request("start is not a valid cursor", _QUERY)
        offset = int(offset_text)
    else:
        events, offset = _event_snapshot(call), 0
        snapshot_id = call.state.ids.uuid()
        call.state.event_snapshots[snapshot_id] = events
    page = events[offset : offset + limit]
    more = offset + limit < len(events)
    next_cursor = f"{snapshot_id}:{offset + limit}" if more else ""
    return {"limit": limit, "total": len(events), "next": next_cursor, "events": page}


@router.route("GET", "/analytics/peer-stats")
def _peer_stats(call: Call) -> JSON:
    peer_id, session_id = call.q("peer_id"), call.q("session_id")
    if not peer_id or not session_id:
        raise bad_request("peer_id and session_id are required", _QUERY)
    session = call.state.sessions.get(session_id)
    if session is None or peer_id not in session["peers"]:
        raise not_found("peer")
    tracks = [
        e["data"]
        for e in call.state.events
        if e["type"] == "track.add.success" and e["data"]["peer_id"] == peer_id
    ]
    stamp = int(parse_time(session["created_at"]).timestamp() * 1000)
    return {
        "peer_id": peer_id,
        "session_id": session_id,
        "room_id": session["room_id"],
        "publisher": {
            "video": [_video_series(t, stamp) for t in tracks if t["type"] == "video"],
            "audio": [_audio_series(t, stamp) for t in tracks if t["type"] == "audio"],
        },
        "subscriber": {"video": [], "audio": []},
    }


def _video_series(track: JSON, stamp: int) -> JSON:
    series: JSON = {"timestamps": [stamp], "bitrate": [256000], "fps": [25]}
    series.update(packet_loss_percent=[0.0], rtt_ms=[20])
    return {
        "track_id": track["track_id"],
        "type": "regular",
        "rid": None,
        "time_series": series,
    }


def _audio_series(track: JSON, stamp: int) -> JSON:
    series: JSON = {
        "timestamps": [stamp],
        "bitrate": [32000],
        "packet_loss_percent": [0.0],
    }
    series.update(rtt_ms=[20], jitter_ms=[1])
    return {"track_id": track["track_id"], "time_series": series}


def _window(state: State, start: Any, end: Any) -> tuple[datetime, datetime]:
    now = state.clock.now()
    try:
        begin = parse_time(start) if start else now - timedelta(hours=24)
        finish = parse_time(end) if end else now
    except (ValueError, TypeError):
        raise bad_request("start_time and end_time must be RFC 3339", _QUERY) from None
    if begin < now - timedelta(days=30):
        raise bad_request("start_time must be within the last 30 days", _QUERY)
    if finish < begin or finish - begin > timedelta(days=14):
        raise bad_request("end_time must be within 14 days after start_time", _QUERY)
    return begin, finish


def _history(
    state: State,
    window: tuple[datetime, datetime],
    room_id: Any,
    status: Any,
    names: list[str],
) -> list[JSON]:
    if status not in ("all", "failed", "success"):
        raise bad_request("status must be all, failed or success", _QUERY)
    items = [
        h
        for h in state.webhook_history
        if window[0] <= parse_time(h["event_timestamp"]) <= window[1]
    ]
    if room_id:
        items = [h for h in items if h["room_id"] == room_id]
    if names:
        items = [h for h in items if h["payload"]["original_event_name"] in names]
    if status != "all":
        items = [h for h in items if h["event_name"].endswith("." + status)]
    return items


@router.route("GET", "/analytics/webhooks")
def _webhooks(call: Call) -> JSON:
    window = _window(call.state, call.q("start_time"), call.q("end_time"))
    names = call.q_all("event_names")
    items = _history(
        call.state, window, call.q("room_id"), call.q("status") or "all", names
    )
    size = call.q_int("limit", 50, 1, 100)
    page = call.q_int("page", 1, 1, 1_000_000)
    pages = max(1, math.ceil(len(items) / size))
    return {
        "events": items[(page - 1) * size : page * size],
        "pagination": {
            "current_page": page,
            "page_size": size,
            "total_pages": pages,
            "total_items": len(items),
            "has_next": page < pages,
            "has_prev": page > 1,
        },
        "summary": {"total_events": len(items)},
    }


def _replay_filters(call: Call) -> tuple[JSON, list[JSON]]:
    body = call.obj()
    window = _window(call.state, body.get("start_time"), body.get("end_time"))
    names: Any = body.get("event_names") or []
    limit: Any = body.get("limit", 50000)
    offset: Any = body.get("offset", 0)
    if not isinstance(limit, int) or not 1 <= limit <= 50000:
        raise bad_request("Invalid body param: limit must be 1-50000")
    if not isinstance(offset, int) or offset < 0:
        raise bad_request("Invalid body param: offset must be >= 0")
    matched = _history(
        call.state, window, body.get("room_id"), body.get("status", "failed"), names
    )
    filters = {
        "start_time": format_time(window[0]),
        "end_time": format_time(window[1]),
        "room_id": body.get("room_id", ""),
        "event_types": list(names),
    }
    return {**filters, "limit": limit, "offset": offset}, matched[
        offset : offset + limit
    ]


@router.route("POST", "/analytics/webhooks/replay")
def _replay(call: Call) -> JSON:
    filters, matched = _replay_filters(call)
    workflow_id = call.state.ids.uuid()
    now = call.state.clock.stamp()
    for entry in matched:
        _redeliver(call.state, entry)
    call.state.replays[workflow_id] = {
        "workflow_id": workflow_id,
        "status": "completed",
        "started_at": now,
        "completed_at": now,
        "filters": filters,
        "progress": {"total": len(matched), "completed": len(matched), "failed": 0},
        "result": {
            "total": len(matched),
            "completed": len(matched),
            "failed": 0,
            "failed_events": [],
        },
    }
    shown = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    return {
        "workflow_id": workflow_id,
        "status": "started",
        "message": "webhook replay started",
        "filters": shown,
    }


def _redeliver(state: State, entry: JSON) -> None:
    for envelope in state.webhook_events:
        if envelope["id"] == entry["event_id"]:
            replay = copy.deepcopy(envelope)
            replay["is_replay"] = True
            state.webhook_events.append(replay)
            state.send(replay)
            return


@router.route("GET", "/analytics/webhooks/replay/{workflow_id}")
def _replay_status(call: Call) -> JSON:
    workflow = call.state.replays.get(call.params["workflow_id"])
    if workflow is None:
        raise ApiError(404, "workflow not found", [call.params["workflow_id"]])
    return workflow
