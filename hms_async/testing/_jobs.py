"""Beam jobs (recordings, live streams, external streams) and their lifecycle."""

from __future__ import annotations

from typing import Any, Literal

from ._clock import parse_time
from ._http import ApiError, not_found
from ._state import JSON, State

__all__ = ["STATUSES", "advance_job", "find_job", "new_job", "render_job"]

Kind = Literal["recording", "live", "external"]
STATUSES = ("starting", "running", "stopping", "post_processing", "completed", "failed")
_FLOW = ("starting", "running", "stopping", "completed")
_BUCKET = "s3://fake-100ms-recordings"


def collection(state: State, kind: str) -> dict[str, JSON]:
    """Return the store for one kind of job."""
    stores = {
        "recording": state.recordings,
        "live": state.live_streams,
        "external": state.external_streams,
    }
    return stores[kind]


def find_job(state: State, job_id: str) -> tuple[str, JSON]:
    """Return ``(kind, job)`` for any job id, or raise a 404."""
    for kind in ("recording", "live", "external"):
        job = collection(state, kind).get(job_id)
        if job is not None:
            return kind, job
    raise not_found("job")


def new_job(state: State, kind: Kind, room: JSON, fields: JSON, options: JSON) -> JSON:
    """Create a job in ``starting`` status; ``fields`` are kind-specific keys."""
    now = state.clock.stamp()
    session = state.active_session(room["id"])
    job: JSON = {
        "id": state.ids.object_id(),
        "room_id": room["id"],
        "session_id": session["id"] if session else "",
        "status": "starting",
        "created_at": now,
        "started_at": None,
        "updated_at": now,
        "stopped_at": None,
        **fields,
        "started_by": "",
        "stopped_by": "",
        "recording_assets": None,
    }
    collection(state, kind)[job["id"]] = job
    state.job_options[job["id"]] = {"kind": kind, **options}
    return job


def render_job(job: JSON, *, assets: bool = True) -> JSON:
    """Return a job as the API shows it (list items of recordings lack assets)."""
    if assets:
        return job
    return {k: v for k, v in job.items() if k != "recording_assets"}


def stop_job(state: State, job: JSON) -> JSON:
    """Move a starting/running job to ``stopping``."""
    if job["status"] not in ("starting", "running"):
        raise ApiError(400, "job is not running", [f"status is {job['status']}"])
    _set_status(state, job, "stopping")
    return job


def advance_job(state: State, job_id: str, to: str | None = None) -> JSON:
    """Move a job one step along starting → running → stopping → completed.

    With ``to``, keep stepping until that status is reached (``"failed"`` fails
    it at once). Completion creates the recording assets and emits webhooks.
    """
    kind, job = find_job(state, job_id)
    if to == "failed":
        _fail(state, kind, job)
        return job
    if to is not None and to not in _FLOW:
        raise ValueError(f"cannot advance to {to!r}")
    target = to or _next(job["status"])
    while job["status"] != target:
        _step(state, kind, job, _next(job["status"]))
    return job


def _next(status: str) -> str:
    if status not in _FLOW or status == "completed":
        raise ValueError(f"a {status} job cannot advance")
    return _FLOW[_FLOW.index(status) + 1]


def _set_status(state: State, job: JSON, status: str) -> None:
    now = state.clock.stamp()
    job["status"] = status
    job["updated_at"] = now
    if status == "running":
        job["started_at"] = now
    if status == "stopping":
        job["stopped_at"] = now


def _step(state: State, kind: str, job: JSON, status: str) -> None:
    _set_status(state, job, status)
    if status == "running":
        state.emit(_prefix(kind) + ".started.success", _beam_data(state, job))
    elif status == "completed":
        _complete(state, kind, job)


def _prefix(kind: str) -> str:
    return "hls" if kind == "live" else "beam"


def _fail(state: State, kind: str, job: JSON) -> None:
    _set_status(state, job, "failed")
    data = _beam_data(state, job)
    data.update(
        error_code=1, error_message="injected failure", error_type="INTERNAL_ERROR"
    )
    state.emit(_prefix(kind) + ".failure", data)


def _beam_data(state: State, job: JSON) -> JSON:
    room = state.rooms.get(job["room_id"], {})
    return {
        "beam_id": job["id"],
        "job_id": job["id"],
        "room_id": job["room_id"],
        "session_id": job["session_id"],
        "template_id": room.get("template_id", ""),
        "peer_id": "",
        "meeting_url": job.get("meeting_url", ""),
        "state_name": job["status"].upper(),
        "state_timestamp": job["updated_at"],
        "max_width": 1280,
        "max_height": 720,
        "started_at": job["started_at"],
    }


def _duration(job: JSON) -> int:
    if not job["started_at"] or not job["stopped_at"]:
        return 0
    seconds = (
        parse_time(job["stopped_at"]) - parse_time(job["started_at"])
    ).total_seconds()
    return max(0, int(seconds))


def _complete(state: State, kind: str, job: JSON) -> None:
    plans = _asset_plan(state, kind, job)
    assets = [_make_asset(state, job, kind_, meta) for kind_, meta in plans]
    job["recording_assets"] = (
        [_embedded(a) for a in assets] if assets else job["recording_assets"]
    )
    stopped = _beam_data(state, job)
    stopped.update(
        duration=_duration(job), reason="client request", stopped_at=job["stopped_at"]
    )
    state.emit(_prefix(kind) + ".stopped.success", stopped)
    if assets:
        _announce_recording(state, kind, job, assets)


def _asset_plan(state: State, kind: str, job: JSON) -> list[tuple[str, JSON]]:
    options = state.job_options.get(job["id"], {})
    size = (
        job.get("resolution")
        or options.get("resolution")
        or {"width": 1280, "height": 720}
    )
    composite = {"resolution": {"width": size["width"], "height": size["height"]}}
    plan: list[tuple[str, JSON]] = []
    if kind == "recording":
        plan += [("room-composite", composite), ("chat", {})]
        plan += [("transcript", {"output_mode": m}) for m in _transcripts(options)]
        if (options.get("transcription") or {}).get("summary", {}).get("enabled"):
            plan.append(("summary", {"output_mode": "json"}))
    elif kind == "live":
        recording = job.get("recording") or {}
        if recording.get("hls_vod"):
            plan.append(
                ("room-vod", {"num_layers": "1", "max_width": 1280, "max_height": 720})
            )
        if recording.get("single_file_per_layer"):
            plan.append(("room-composite", {**composite, "layer": "0"}))
    elif job.get("recording"):
        plan.append(("room-composite", composite))
    return plan


def _transcripts(options: JSON) -> list[str]:
    transcription = options.get("transcription") or {}
    if not transcription.get("enabled"):
        return []
    modes: list[str] = transcription.get("output_modes") or ["txt"]
    return modes


_FILES = {
    "room-composite": "room-composite.mp4",
    "chat": "chat.csv",
    "room-vod": "vod/master.m3u8",
    "summary": "summary.json",
}


def _make_asset(state: State, job: JSON, kind: str, metadata: JSON) -> JSON:
    duration = 0 if kind == "chat" else _duration(job)
    name = _FILES.get(kind) or f"transcript.{metadata.get('output_mode', 'txt')}"
    asset: JSON = {
        "id": state.ids.object_id(),
        "job_id": job["id"],
        "room_id": job["room_id"],
        "session_id": job["session_id"],
        "type": kind,
        "path": f"{_BUCKET}/{job['room_id']}/{job['id']}/{name}",
        "thumbnails": None,
        "metadata": metadata,
        "duration": duration,
        "size": 1024 + duration * 100_000,
        "status": "completed",
        "created_at": state.clock.stamp(),
    }
    state.assets[asset["id"]] = asset
    return asset


def _embedded(asset: JSON) -> JSON:
    return {
        k: v for k, v in asset.items() if k not in ("job_id", "room_id", "session_id")
    }


def _announce_recording(state: State, kind: str, job: JSON, assets: list[JSON]) -> None:
    main = assets[0]
    data: dict[str, Any] = _beam_data(state, job)
    data.update(
        duration=main["duration"],
        size=main["size"],
        recording_id=job["id"],
        started_at=job["started_at"],
        stopped_at=job["stopped_at"],
        created_at=main["created_at"],
    )
    if kind == "live":
        data.update(
            hls_vod_recording_path=main["path"], hls_vod_recording_size=main["size"]
        )
        state.emit("hls.recording.success", data)
        return
    data.update(
        recording_path=main["path"], recording_presigned_url=_presign(main["path"])
    )
    state.emit("beam.recording.success", data)
    if kind == "recording":
        state.record_event("beam.recording.success", data)


def _presign(path: str) -> str:
    return (
        path.replace(_BUCKET + "/", "https://fake-100ms-recordings.s3.test/")
        + "?sig=fake"
    )


def presigned_url(asset: JSON, expiry: int) -> JSON:
    """Return the presigned-URL body for an asset."""
    return {
        "id": asset["id"],
        "path": asset["path"],
        "url": _presign(asset["path"]),
        "expiry": expiry,
    }
