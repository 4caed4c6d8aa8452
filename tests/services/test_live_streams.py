"""hms.live_streams: exact requests, §6.8 parsing, limits, stop-all, pagination."""

from __future__ import annotations

import copy
import datetime as dt
import logging
from typing import Any

import pytest
import respx

from hms_async import HMSClient, NotFoundError, ServerError
from hms_async._serde import parse_datetime, structure, unstructure
from hms_async.models._common import JobStatus
from hms_async.models.live_streams import (
    LiveStream,
    LiveStreamPlayback,
    LiveStreamRecording,
    StoppedStreams,
)
from hms_async.models.recording_assets import (
    RecordingAsset,
    RecordingAssetStatus,
    RecordingAssetType,
)
from hms_async.models.recordings import Transcription, TranscriptionSummary

from ..helpers import assert_api_request

STREAM_ID = "641a8e0a1b2c3d4e5f607182"
ROOM_ID = "635fe195f5e1f4a0abb7d1ae"
MEETING_URL = (
    "https://myapp.app.100ms.live/streaming/preview/abc-defg-hij?skip_preview=true"
)
LIVE_STREAM: dict[str, Any] = {
    "id": STREAM_ID,
    "room_id": ROOM_ID,
    "session_id": "641a8e051b2c3d4e5f607180",
    "status": "running",
    "meeting_url": MEETING_URL,
    "playback": {"url": "https://cdn.example.100ms.live/beam/641a8e0a/master.m3u8"},
    "recording": {"hls_vod": True, "single_file_per_layer": True},
    "destination": "default",
    "created_at": "2023-03-22T04:24:10Z",
    "started_at": "2023-03-22T04:25:11Z",
    "updated_at": "2023-03-22T04:25:11Z",
    "started_by": "",
    "stopped_at": None,
    "stopped_by": "",
    "recording_assets": None,
    "beam_region": "eu",  # unknown: kept in extra_fields
}
COMPLETED: dict[str, Any] = {
    **LIVE_STREAM,
    "status": "completed",
    "stopped_at": "2023-03-22T05:00:00.123456789Z",
    "stopped_by": "3f174686-cef9-4d9e-b3d5-ed91773e7f3e",
    "recording_assets": [
        {
            "id": "6425320e94091a5af841456f",
            "type": "room-vod",
            "path": "s3://bucket/hms/vod/master.m3u8",
            "thumbnails": ["s3://bucket/hms/vod/thumb-2.png"],
            "status": "completed",
            "size": 364582,
        }
    ],
}


def assert_is_example(stream: LiveStream) -> None:
    """Every field of the §6.8 example arrived with its type."""
    assert isinstance(stream, LiveStream)
    assert stream.id == STREAM_ID
    assert stream.room_id == ROOM_ID
    assert stream.session_id == "641a8e051b2c3d4e5f607180"
    assert stream.status is JobStatus.RUNNING
    assert stream.meeting_url == MEETING_URL
    assert stream.playback == LiveStreamPlayback(
        url="https://cdn.example.100ms.live/beam/641a8e0a/master.m3u8"
    )
    assert stream.recording == LiveStreamRecording(
        hls_vod=True, single_file_per_layer=True
    )
    assert stream.destination == "default"
    assert stream.created_at == dt.datetime(2023, 3, 22, 4, 24, 10, tzinfo=dt.UTC)
    assert stream.started_at == dt.datetime(2023, 3, 22, 4, 25, 11, tzinfo=dt.UTC)
    assert stream.updated_at == stream.started_at
    assert stream.stopped_at is None
    assert (stream.started_by, stream.stopped_by) == ("", "")
    assert stream.recording_assets == []
    assert stream.extra_fields == {"beam_region": "eu"}


async def test_start_sends_every_given_field(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """start() posts the given fields, models unstructured, and parses the job."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json={**LIVE_STREAM, "status": "starting"})
    transcription = {"enabled": True, "modes": ["recorded", "live"]}

    stream = await client.live_streams.start(
        ROOM_ID,
        meeting_url=MEETING_URL,
        recording=LiveStreamRecording(hls_vod=True, single_file_per_layer=False),
        destination="hls-main",
        transcription=transcription,
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={
            "meeting_url": MEETING_URL,
            "recording": {"hls_vod": True, "single_file_per_layer": False},
            "destination": "hls-main",
            "transcription": transcription,
        },
    )
    assert stream.status is JobStatus.STARTING


async def test_start_accepts_a_transcription_model(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A Transcription model is sent in its wire form."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    await client.live_streams.start(
        ROOM_ID,
        transcription=Transcription(
            enabled=True,
            output_modes=["txt"],
            summary=TranscriptionSummary(enabled=True, temperature=0.4),
            extra_fields={"modes": ["live"]},
        ),
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={
            "transcription": {
                "enabled": True,
                "output_modes": ["txt"],
                "summary": {"enabled": True, "temperature": 0.4},
                "modes": ["live"],
            }
        },
    )


async def test_start_without_arguments_sends_empty_body(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Arguments not passed are not sent: the body is {}."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    stream = await client.live_streams.start(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(stream)


async def test_start_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 on start is raised at once: starting twice would start two streams."""
    route = respx_router.post(f"live-streams/room/{ROOM_ID}/start").respond(503)

    with pytest.raises(ServerError, match="503"):
        await client.live_streams.start(ROOM_ID)

    assert route.call_count == 1


async def test_stop(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """stop() posts {} to /live-streams/{id}/stop and parses the stream."""
    path = f"live-streams/{STREAM_ID}/stop"
    route = respx_router.post(path).respond(json={**LIVE_STREAM, "status": "stopping"})

    stream = await client.live_streams.stop(STREAM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert stream.status is JobStatus.STOPPING


async def test_stop_all_returns_the_stopped_streams(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """stop_all() parses the {error, data, limit, last} envelope into a list."""
    path = f"live-streams/room/{ROOM_ID}/stop"
    route = respx_router.post(path).respond(
        json={"error": "", "data": [LIVE_STREAM], "limit": 10, "last": STREAM_ID}
    )

    stopped = await client.live_streams.stop_all(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert isinstance(stopped, StoppedStreams)
    assert isinstance(stopped, list)
    assert len(stopped) == 1
    assert_is_example(stopped[0])
    assert stopped.error is None


async def test_stop_all_surfaces_the_error(
    client: HMSClient,
    respx_router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A non-empty error is kept on the result and logged as a warning."""
    respx_router.post(f"live-streams/room/{ROOM_ID}/stop").respond(
        json={"error": "stream 2 failed to stop", "data": None, "limit": 10}
    )

    with caplog.at_level(logging.WARNING, logger="hms_async"):
        stopped = await client.live_streams.stop_all(ROOM_ID)

    assert stopped == []
    assert stopped.error == "stream 2 failed to stop"
    assert "stream 2 failed to stop" in caplog.text
    assert "error='stream 2 failed to stop'" in repr(stopped)


async def test_stop_all_without_error_key(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An envelope without ``error`` is a plain list with error None."""
    respx_router.post(f"live-streams/room/{ROOM_ID}/stop").respond(
        json={"data": [LIVE_STREAM, COMPLETED], "limit": 10, "last": STREAM_ID}
    )

    stopped = await client.live_streams.stop_all(ROOM_ID)

    assert [s.status for s in stopped] == [JobStatus.RUNNING, JobStatus.COMPLETED]
    assert stopped.error is None


async def test_retrieve_completed(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs the stream; nanosecond stopped_at and assets are parsed."""
    path = f"live-streams/{STREAM_ID}"
    route = respx_router.get(path).respond(json=COMPLETED)

    stream = await client.live_streams.retrieve(STREAM_ID)

    assert_api_request(route.calls.last.request, "GET", path)
    assert stream.status is JobStatus.COMPLETED
    assert stream.stopped_at == dt.datetime(2023, 3, 22, 5, 0, 0, 123456, tzinfo=dt.UTC)
    [asset] = stream.recording_assets
    assert isinstance(asset, RecordingAsset)
    assert asset.type is RecordingAssetType.ROOM_VOD
    assert asset.status is RecordingAssetStatus.COMPLETED
    assert asset.size == 364582


async def test_retrieve_not_found(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A 404 is a NotFoundError carrying the API's message."""
    respx_router.get("live-streams/nope").respond(
        404, json={"code": 404, "message": "live stream not found"}
    )

    with pytest.raises(NotFoundError, match="live stream not found"):
        await client.live_streams.retrieve("nope")


async def test_retrieve_unknown_status_kept(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A status the SDK does not know stays a plain string."""
    respx_router.get(f"live-streams/{STREAM_ID}").respond(
        json={**LIVE_STREAM, "status": "paused"}
    )

    stream = await client.live_streams.retrieve(STREAM_ID)

    assert stream.status == "paused"
    assert not isinstance(stream.status, JobStatus)


async def test_list_sends_every_filter(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends room, session, status and page size; await gives page one."""
    route = respx_router.get("live-streams").respond(
        json={"limit": 20, "data": [LIVE_STREAM], "last": ""}
    )

    page = await client.live_streams.list(
        room_id=ROOM_ID,
        session_id="641a8e051b2c3d4e5f607180",
        status=JobStatus.RUNNING,
        limit=20,
    )

    assert_api_request(
        route.calls.last.request,
        "GET",
        "live-streams",
        params={
            "room_id": ROOM_ID,
            "session_id": "641a8e051b2c3d4e5f607180",
            "status": "running",
            "limit": "20",
        },
    )
    assert_is_example(page.data[0])
    assert not page.has_next


async def test_list_walks_pages_and_ends(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows each last into start, and stops on an empty cursor."""
    route = respx_router.get("live-streams").mock(
        side_effect=[
            respx.MockResponse(
                json={"limit": 10, "data": [{**LIVE_STREAM, "id": "a"}], "last": "a"}
            ),
            respx.MockResponse(
                json={"limit": 10, "data": [{**LIVE_STREAM, "id": "b"}], "last": "b"}
            ),
            respx.MockResponse(
                json={"limit": 10, "data": [{**LIVE_STREAM, "id": "c"}], "last": ""}
            ),
        ]
    )

    ids = [s.id async for s in client.live_streams.list(status="completed", limit=10)]

    assert ids == ["a", "b", "c"]
    assert route.call_count == 3
    assert "start" not in route.calls[0].request.url.params
    for call, cursor in zip(route.calls[1:], ["a", "b"], strict=True):
        assert_api_request(
            call.request,
            "GET",
            "live-streams",
            params={"status": "completed", "limit": "10", "start": cursor},
        )


async def test_list_ends_on_empty_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty page ends the list even when it carries a cursor."""
    route = respx_router.get("live-streams").mock(
        side_effect=[
            respx.MockResponse(json={"data": [LIVE_STREAM], "last": STREAM_ID}),
            respx.MockResponse(json={"data": [], "last": "zzz"}),
        ]
    )

    streams = [s async for s in client.live_streams.list()]

    assert [s.id for s in streams] == [STREAM_ID]
    assert route.call_count == 2


async def test_list_resumes_from_cursor(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """start= resumes: the first request already carries the saved cursor."""
    route = respx_router.get("live-streams").respond(
        json={"limit": 100, "data": [COMPLETED], "last": None}
    )

    pages = [p async for p in client.live_streams.list(start="saved-cursor").pages()]

    assert len(pages) == 1
    assert_api_request(
        route.calls.last.request,
        "GET",
        "live-streams",
        params={"limit": "100", "start": "saved-cursor"},
    )


@pytest.mark.parametrize("limit", [0, 9, 101])
async def test_list_limit_refused(
    client: HMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10..100 is refused before any request."""
    route = respx_router.get("live-streams").respond(json={"data": []})

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.live_streams.list(limit=limit)

    assert not route.called


async def test_send_timed_metadata(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """send_timed_metadata() posts payload and duration; 100 characters is allowed."""
    path = f"live-streams/{STREAM_ID}/timed-metadata"
    route = respx_router.post(path).respond(json=LIVE_STREAM)
    payload = "q" * 100

    stream = await client.live_streams.send_timed_metadata(
        STREAM_ID, payload=payload, duration=30
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={"payload": payload, "duration": 30},
    )
    assert_is_example(stream)


async def test_send_timed_metadata_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Metadata is sent at most once: a 503 is not retried."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/timed-metadata").respond(503)

    with pytest.raises(ServerError, match="503"):
        await client.live_streams.send_timed_metadata(
            STREAM_ID, payload="x", duration=5
        )

    assert route.call_count == 1


@pytest.mark.parametrize(
    ("payload", "duration", "match"),
    [
        ("x" * 101, 10, "payload must be between 1 and 100 characters"),
        ("", 10, "payload must be between 1 and 100 characters"),
        ("ok", 0, "duration must be between 1 and 43200"),
        ("ok", -5, "duration must be between 1 and 43200"),
        ("ok", 43201, "duration must be between 1 and 43200"),
    ],
)
async def test_send_timed_metadata_limits(
    client: HMSClient,
    respx_router: respx.MockRouter,
    payload: str,
    duration: int,
    match: str,
) -> None:
    """Payload length and duration are checked before any request."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/timed-metadata").respond(
        json=LIVE_STREAM
    )

    with pytest.raises(ValueError, match=match):
        await client.live_streams.send_timed_metadata(
            STREAM_ID, payload=payload, duration=duration
        )

    assert not route.called


async def test_send_timed_metadata_types(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A non-string payload or fractional duration is a TypeError, nothing sent."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/timed-metadata").respond(
        json=LIVE_STREAM
    )
    bad_payload: Any = {"a": 1}
    bad_duration: Any = 1.5

    with pytest.raises(TypeError, match="payload must be a string"):
        await client.live_streams.send_timed_metadata(
            STREAM_ID, payload=bad_payload, duration=5
        )
    with pytest.raises(TypeError, match="duration"):
        await client.live_streams.send_timed_metadata(
            STREAM_ID, payload="x", duration=bad_duration
        )

    assert not route.called


@pytest.mark.parametrize(
    ("verb", "action"),
    [("pause_recording", "pause-recording"), ("resume_recording", "resume-recording")],
)
async def test_pause_and_resume_recording(
    client: HMSClient, respx_router: respx.MockRouter, verb: str, action: str
) -> None:
    """pause/resume post {} to their action path and parse the stream."""
    path = f"live-streams/{STREAM_ID}/{action}"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    stream = await getattr(client.live_streams, verb)(STREAM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(stream)


async def test_pause_recording_is_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Pausing twice is harmless, so a 503 is retried."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/pause-recording").mock(
        side_effect=[
            respx.MockResponse(503),
            respx.MockResponse(json=LIVE_STREAM),
        ]
    )

    stream = await client.live_streams.pause_recording(STREAM_ID)

    assert route.call_count == 2
    assert stream.id == STREAM_ID


async def test_stream_id_is_encoded(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An id with a slash stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=LIVE_STREAM)

    await client.live_streams.stop("../rooms")

    assert route.calls.last.request.url.raw_path == b"/v2/live-streams/..%2Frooms/stop"


def test_round_trip_completed() -> None:
    """unstructure then structure gives an equal model; every key survives."""
    # Timestamps are written back with milliseconds (the API's usual precision).
    original = {**COMPLETED, "stopped_at": "2023-03-22T05:00:00.123Z"}
    payload = copy.deepcopy(original)
    stream = structure(payload, LiveStream)

    out = unstructure(stream)

    assert structure(out, LiveStream) == stream
    assert set(out) == set(original)
    assert out["beam_region"] == "eu"
    assert out["recording"] == original["recording"]
    assert out["playback"] == original["playback"]
    assert out["recording_assets"] == original["recording_assets"]
    assert parse_datetime(out["created_at"]) == stream.created_at
    assert parse_datetime(out["stopped_at"]) == dt.datetime(
        2023, 3, 22, 5, 0, 0, 123000, tzinfo=dt.UTC
    )
    assert payload == original


def test_round_trip_example_drops_only_nulls() -> None:
    """The §6.8 example round-trips; a null timestamp is "not set" and omitted."""
    stream = structure(copy.deepcopy(LIVE_STREAM), LiveStream)

    out = unstructure(stream)

    assert structure(out, LiveStream) == stream
    assert set(out) == set(LIVE_STREAM) - {"stopped_at"}
    assert out["recording_assets"] == []


def test_repr_hides_meeting_url() -> None:
    """The meeting URL (it may carry an auth token) is not in the repr."""
    stream = structure(
        {**LIVE_STREAM, "meeting_url": "https://x/preview?auth_token=eyJsecret"},
        LiveStream,
    )

    assert "eyJsecret" not in repr(stream)
    assert STREAM_ID in repr(stream)
