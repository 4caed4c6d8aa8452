"""Routes: recordings (§2.5), recording assets (§2.6), live and external streams."""

from __future__ import annotations

from collections.abc import Callable

from ._http import ApiError, bad_request, not_found
from ._jobs import (
    STATUSES,
    Kind,
    collection,
    new_job,
    presigned_url,
    render_job,
    stop_job,
)
from ._pagination import matching, page_a_ordered
from ._router import Call, Router
from ._starts import external_fields, live_fields, recording_fields, startable_room
from ._state import JSON, State
from ._validate import opt_int, req_str

__all__ = ["router"]

router = Router()
Fields = Callable[[State, JSON, JSON], tuple[JSON, JSON]]
_PREFIX: dict[Kind, str] = {
    "recording": "/recordings",
    "live": "/live-streams",
    "external": "/external-streams",
}
_STARTS: dict[Kind, Fields] = {
    "recording": recording_fields,
    "live": live_fields,
    "external": external_fields,
}


def _job(call: Call, kind: Kind, key: str = "job_id") -> JSON:
    job = collection(call.state, kind).get(call.params[key])
    if job is None:
        raise not_found("recording" if kind == "recording" else "stream")
    return job


def _filter(call: Call, fields: tuple[str, ...]) -> Callable[[JSON], bool] | None:
    """The list's query filters on ``fields`` as one test of an item (``None``: all)."""
    status = call.q("status")
    if status and "status" in fields and status not in STATUSES:
        raise bad_request(f"status {status} is not valid", "Invalid query parameter")
    return matching({field: value for field in fields if (value := call.q(field))})


def _start(call: Call, kind: Kind) -> JSON:
    room = startable_room(call.state, call.params["room_id"])
    fields, options = _STARTS[kind](call.state, room, call.obj())
    job = new_job(call.state, kind, room, fields, options)
    if kind == "live":
        job["playback"]["url"] = (
            f"https://cdn.fake.100ms.test/beam/{job['id']}/master.m3u8"
        )
    return job


def _stop_all(call: Call, kind: Kind) -> JSON:
    room = call.state.room(call.params["room_id"])
    jobs = [
        stop_job(call.state, job)
        for job in collection(call.state, kind).values()
        if job["room_id"] == room["id"] and job["status"] in ("starting", "running")
    ]
    page: JSON = {"limit": max(len(jobs), 10) if kind != "recording" else len(jobs)}
    page.update(data=jobs, last="")
    if kind != "recording":
        page = {"error": "", **page}
    return page


def _register(kind: Kind) -> None:
    prefix = _PREFIX[kind]

    @router.route("POST", prefix + "/room/{room_id}/start")
    def start(call: Call) -> JSON:
        return _start(call, kind)

    @router.route("POST", prefix + "/room/{room_id}/stop")
    def stop_all(call: Call) -> JSON:
        return _stop_all(call, kind)

    @router.route("POST", prefix + "/{job_id}/stop")
    def stop(call: Call) -> JSON:
        return stop_job(call.state, _job(call, kind))

    @router.route("GET", prefix + "/{job_id}")
    def get(call: Call) -> JSON:
        return _job(call, kind)

    @router.route("GET", prefix)
    def listing(call: Call) -> JSON:
        return page_a_ordered(
            call,
            collection(call.state, kind),
            keep=_filter(call, _JOB_FILTERS),
            render=lambda j: render_job(j, assets=kind != "recording"),
        )


_JOB_FILTERS = ("room_id", "session_id", "status")
for _kind in _PREFIX:
    _register(_kind)


def _running_in_room(call: Call, paused: bool) -> JSON:
    room = call.state.room(call.params["room_id"])
    for job in call.state.recordings.values():
        running = job["room_id"] == room["id"] and job["status"] == "running"
        if running and (job["id"] in call.state.paused) is paused:
            return job
    state = "paused" if paused else "running"
    raise ApiError(404, f"no {state} recording in room", [f"room {room['id']}"])


@router.route("POST", "/recordings/room/{room_id}/pause")
def _pause_recording(call: Call) -> JSON:
    job = _running_in_room(call, paused=False)
    call.state.paused.add(job["id"])
    return job


@router.route("POST", "/recordings/room/{room_id}/resume")
def _resume_recording(call: Call) -> JSON:
    job = _running_in_room(call, paused=True)
    call.state.paused.discard(job["id"])
    return job


def _running_stream(call: Call) -> JSON:
    job = _job(call, "live")
    if job["status"] != "running":
        raise bad_request("live stream is not running", "Invalid request")
    return job


@router.route("POST", "/live-streams/{job_id}/pause-recording")
def _pause_stream(call: Call) -> JSON:
    job = _running_stream(call)
    call.state.paused.add(job["id"])
    return job


@router.route("POST", "/live-streams/{job_id}/resume-recording")
def _resume_stream(call: Call) -> JSON:
    job = _running_stream(call)
    call.state.paused.discard(job["id"])
    return job


@router.route("POST", "/live-streams/{job_id}/timed-metadata")
def _timed_metadata(call: Call) -> JSON:
    job = _running_stream(call)
    body = call.obj()
    payload = req_str(body, "payload")
    if len(payload) > 100:
        raise bad_request("Invalid body param: payload longer than 100 characters")
    duration = opt_int(body, "duration")
    if duration is None or duration < 1:
        raise bad_request("duration is mandatory (seconds, >= 1)")
    call.state.timed_metadata.append({"stream_id": job["id"], **body})
    return job


@router.route("GET", "/recording-assets")
def _list_assets(call: Call) -> JSON:
    keep = _filter(call, ("room_id", "session_id", "status", "type"))
    return page_a_ordered(call, call.state.assets, keep=keep)


def _asset(call: Call) -> JSON:
    asset = call.state.assets.get(call.params["asset_id"])
    if asset is None:
        raise not_found("recording asset")
    return asset


@router.route("GET", "/recording-assets/{asset_id}")
def _get_asset(call: Call) -> JSON:
    return _asset(call)


@router.route("GET", "/recording-assets/{asset_id}/presigned-url")
def _presign(call: Call) -> JSON:
    asset = _asset(call)
    expiry = call.q_int("presign_duration", 259200, 1, 7 * 86400)
    return presigned_url(asset, expiry)
