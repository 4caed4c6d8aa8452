# Generated from tests/services/test_live_streams.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.live_streams: exact requests, §6.8 parsing, limits, stop-all, pagination."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
import respx

from hms_async import NotFoundError, ServerError, SyncHMSClient
from hms_async.models._common import JobStatus
from hms_async.models.live_streams import (
    LiveStreamRecording,
    StoppedStreams,
)
from hms_async.models.recording_assets import (
    RecordingAsset,
    RecordingAssetStatus,
    RecordingAssetType,
)
from hms_async.models.recordings import Transcription, TranscriptionSummary
from tests.helpers import assert_api_request
from tests.services.test_live_streams import (
    COMPLETED,
    LIVE_STREAM,
    MEETING_URL,
    ROOM_ID,
    STREAM_ID,
    assert_is_example,
)


def test_start_sends_every_given_field(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start() posts the given fields, models unstructured, and parses the job."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json={**LIVE_STREAM, "status": "starting"})
    transcription = {"enabled": True, "modes": ["recorded", "live"]}

    stream = client.live_streams.start(
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


def test_start_accepts_a_transcription_model(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A Transcription model is sent in its wire form."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    client.live_streams.start(
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


def test_start_without_arguments_sends_empty_body(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Arguments not passed are not sent: the body is {}."""
    path = f"live-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    stream = client.live_streams.start(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(stream)


def test_start_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 on start is raised at once: starting twice would start two streams."""
    route = respx_router.post(f"live-streams/room/{ROOM_ID}/start").respond(503)

    with pytest.raises(ServerError, match="503"):
        client.live_streams.start(ROOM_ID)

    assert route.call_count == 1


def test_stop(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """stop() posts {} to /live-streams/{id}/stop and parses the stream."""
    path = f"live-streams/{STREAM_ID}/stop"
    route = respx_router.post(path).respond(json={**LIVE_STREAM, "status": "stopping"})

    stream = client.live_streams.stop(STREAM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert stream.status is JobStatus.STOPPING


def test_stop_all_returns_the_stopped_streams(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """stop_all() parses the {error, data, limit, last} envelope into a list."""
    path = f"live-streams/room/{ROOM_ID}/stop"
    route = respx_router.post(path).respond(
        json={"error": "", "data": [LIVE_STREAM], "limit": 10, "last": STREAM_ID}
    )

    stopped = client.live_streams.stop_all(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert isinstance(stopped, StoppedStreams)
    assert isinstance(stopped, list)
    assert len(stopped) == 1
    assert_is_example(stopped[0])
    assert stopped.error is None


def test_stop_all_surfaces_the_error(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A non-empty error is kept on the result and logged as a warning."""
    respx_router.post(f"live-streams/room/{ROOM_ID}/stop").respond(
        json={"error": "stream 2 failed to stop", "data": None, "limit": 10}
    )

    with caplog.at_level(logging.WARNING, logger="hms_async"):
        stopped = client.live_streams.stop_all(ROOM_ID)

    assert stopped == []
    assert stopped.error == "stream 2 failed to stop"
    assert "stream 2 failed to stop" in caplog.text
    assert "error='stream 2 failed to stop'" in repr(stopped)


def test_stop_all_without_error_key(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An envelope without ``error`` is a plain list with error None."""
    respx_router.post(f"live-streams/room/{ROOM_ID}/stop").respond(
        json={"data": [LIVE_STREAM, COMPLETED], "limit": 10, "last": STREAM_ID}
    )

    stopped = client.live_streams.stop_all(ROOM_ID)

    assert [s.status for s in stopped] == [JobStatus.RUNNING, JobStatus.COMPLETED]
    assert stopped.error is None


def test_retrieve_completed(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs the stream; nanosecond stopped_at and assets are parsed."""
    path = f"live-streams/{STREAM_ID}"
    route = respx_router.get(path).respond(json=COMPLETED)

    stream = client.live_streams.retrieve(STREAM_ID)

    assert_api_request(route.calls.last.request, "GET", path)
    assert stream.status is JobStatus.COMPLETED
    assert stream.stopped_at == dt.datetime(2023, 3, 22, 5, 0, 0, 123456, tzinfo=dt.UTC)
    [asset] = stream.recording_assets
    assert isinstance(asset, RecordingAsset)
    assert asset.type is RecordingAssetType.ROOM_VOD
    assert asset.status is RecordingAssetStatus.COMPLETED
    assert asset.size == 364582


def test_retrieve_not_found(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 404 is a NotFoundError carrying the API's message."""
    respx_router.get("live-streams/nope").respond(
        404, json={"code": 404, "message": "live stream not found"}
    )

    with pytest.raises(NotFoundError, match="live stream not found"):
        client.live_streams.retrieve("nope")


def test_retrieve_unknown_status_kept(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A status the SDK does not know stays a plain string."""
    respx_router.get(f"live-streams/{STREAM_ID}").respond(
        json={**LIVE_STREAM, "status": "paused"}
    )

    stream = client.live_streams.retrieve(STREAM_ID)

    assert stream.status == "paused"
    assert not isinstance(stream.status, JobStatus)


def test_list_sends_every_filter(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends room, session, status and page size; gives page one."""
    route = respx_router.get("live-streams").respond(
        json={"limit": 20, "data": [LIVE_STREAM], "last": ""}
    )

    page = client.live_streams.list(
        room_id=ROOM_ID,
        session_id="641a8e051b2c3d4e5f607180",
        status=JobStatus.RUNNING,
        limit=20,
    ).first_page()

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


def test_list_walks_pages_and_ends(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    ids = [s.id for s in client.live_streams.list(status="completed", limit=10)]

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


def test_list_ends_on_empty_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty page ends the list even when it carries a cursor."""
    route = respx_router.get("live-streams").mock(
        side_effect=[
            respx.MockResponse(json={"data": [LIVE_STREAM], "last": STREAM_ID}),
            respx.MockResponse(json={"data": [], "last": "zzz"}),
        ]
    )

    streams = [s for s in client.live_streams.list()]

    assert [s.id for s in streams] == [STREAM_ID]
    assert route.call_count == 2


def test_list_resumes_from_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start= resumes: the first request already carries the saved cursor."""
    route = respx_router.get("live-streams").respond(
        json={"limit": 100, "data": [COMPLETED], "last": None}
    )

    pages = [p for p in client.live_streams.list(start="saved-cursor").pages()]

    assert len(pages) == 1
    assert_api_request(
        route.calls.last.request,
        "GET",
        "live-streams",
        params={"limit": "100", "start": "saved-cursor"},
    )


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_limit_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10..100 is refused before any request."""
    route = respx_router.get("live-streams").respond(json={"data": []})

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.live_streams.list(limit=limit)

    assert not route.called


def test_send_timed_metadata(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """send_timed_metadata() posts payload and duration; 100 characters is allowed."""
    path = f"live-streams/{STREAM_ID}/timed-metadata"
    route = respx_router.post(path).respond(json=LIVE_STREAM)
    payload = "q" * 100

    stream = client.live_streams.send_timed_metadata(
        STREAM_ID, payload=payload, duration=30
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={"payload": payload, "duration": 30},
    )
    assert_is_example(stream)


def test_send_timed_metadata_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Metadata is sent at most once: a 503 is not retried."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/timed-metadata").respond(503)

    with pytest.raises(ServerError, match="503"):
        client.live_streams.send_timed_metadata(STREAM_ID, payload="x", duration=5)

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
def test_send_timed_metadata_limits(
    client: SyncHMSClient,
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
        client.live_streams.send_timed_metadata(
            STREAM_ID, payload=payload, duration=duration
        )

    assert not route.called


def test_send_timed_metadata_types(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A non-string payload or fractional duration is a TypeError, nothing sent."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/timed-metadata").respond(
        json=LIVE_STREAM
    )
    bad_payload: Any = {"a": 1}
    bad_duration: Any = 1.5

    with pytest.raises(TypeError, match="payload must be a string"):
        client.live_streams.send_timed_metadata(
            STREAM_ID, payload=bad_payload, duration=5
        )
    with pytest.raises(TypeError, match="duration"):
        client.live_streams.send_timed_metadata(
            STREAM_ID, payload="x", duration=bad_duration
        )

    assert not route.called


@pytest.mark.parametrize(
    ("verb", "action"),
    [("pause_recording", "pause-recording"), ("resume_recording", "resume-recording")],
)
def test_pause_and_resume_recording(
    client: SyncHMSClient, respx_router: respx.MockRouter, verb: str, action: str
) -> None:
    """pause/resume post {} to their action path and parse the stream."""
    path = f"live-streams/{STREAM_ID}/{action}"
    route = respx_router.post(path).respond(json=LIVE_STREAM)

    stream = getattr(client.live_streams, verb)(STREAM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(stream)


def test_pause_recording_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Pausing twice is harmless, so a 503 is retried."""
    route = respx_router.post(f"live-streams/{STREAM_ID}/pause-recording").mock(
        side_effect=[
            respx.MockResponse(503),
            respx.MockResponse(json=LIVE_STREAM),
        ]
    )

    stream = client.live_streams.pause_recording(STREAM_ID)

    assert route.call_count == 2
    assert stream.id == STREAM_ID


def test_stream_id_is_encoded(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An id with a slash stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=LIVE_STREAM)

    client.live_streams.stop("../rooms")

    assert route.calls.last.request.url.raw_path == b"/v2/live-streams/..%2Frooms/stop"
