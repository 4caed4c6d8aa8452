# Generated from tests/services/test_recordings.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.recordings: exact requests, §6.6 parsing, transcription limits, pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.errors import ServerError
from hms_async.models._common import JobStatus
from hms_async.models.recording_assets import (
    RecordingAssetStatus,
    RecordingAssetType,
    RecordingResolution,
)
from hms_async.models.recordings import (
    Recording,
    SummarySection,
    SummarySectionFormat,
    Transcription,
    TranscriptionOutputMode,
    TranscriptionSummary,
)
from tests.helpers import assert_api_request
from tests.services.test_recording_assets import (
    page,
)
from tests.services.test_recordings import (
    COMPLETED,
    LISTED,
    MEETING_URL,
    REC_ID,
    ROOM_ID,
    STARTED,
    STOPPING,
    TRANSCRIPTION_WIRE,
    _summary,
    assert_is_started,
    recording,
)


def test_start_sends_every_field(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start() posts every documented field, models turned into their JSON."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)
    transcription = Transcription(
        enabled=True,
        output_modes=[
            TranscriptionOutputMode.TXT,
            TranscriptionOutputMode.SRT,
            TranscriptionOutputMode.JSON,
        ],
        custom_vocabulary=["100ms", "WebSDK"],
        summary=TranscriptionSummary(
            enabled=True,
            context="this is a general call",
            temperature=0.5,
            sections=[
                SummarySection(title="Agenda", format=SummarySectionFormat.BULLETS),
                SummarySection(title="Short Summary", format="paragraph"),
            ],
        ),
    )

    rec = client.recordings.start(
        ROOM_ID,
        meeting_url=MEETING_URL,
        resolution=RecordingResolution(width=1280, height=720),
        destination="default",
        audio_only=False,
        transcription=transcription,
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"recordings/room/{ROOM_ID}/start",
        json_body={
            "meeting_url": MEETING_URL,
            "resolution": {"width": 1280, "height": 720},
            "destination": "default",
            "audio_only": False,
            "transcription": TRANSCRIPTION_WIRE,
        },
    )
    assert_is_started(rec)


def test_start_accepts_plain_mappings(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Plain dicts are sent as given; arguments not passed are not sent."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)

    client.recordings.start(
        ROOM_ID,
        resolution={"width": 720, "height": 1280},
        transcription=TRANSCRIPTION_WIRE,
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"recordings/room/{ROOM_ID}/start",
        json_body={
            "resolution": {"width": 720, "height": 1280},
            "transcription": TRANSCRIPTION_WIRE,
        },
    )


def test_start_without_arguments_posts_empty_body(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A bare start() posts ``{}`` and leaves the template's settings in charge."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)

    client.recordings.start(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/start"
    )


def test_start_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A start that may have reached the server is never sent twice."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=STARTED)]
    )

    with pytest.raises(ServerError):
        client.recordings.start(ROOM_ID)

    assert route.call_count == 1


@pytest.mark.parametrize(
    ("transcription", "message"),
    [
        (_summary(context="x" * 301), r"summary\.context may hold at most 300"),
        (_summary(temperature=0.05), r"summary\.temperature must be between 0.1 and 1"),
        (_summary(temperature=1.1), r"summary\.temperature must be between 0.1 and 1"),
        (
            _summary(sections=[{"title": "Agenda", "format": "bullets"}] * 7),
            r"summary\.sections may hold at most 6",
        ),
        (
            _summary(sections=[{"title": "t" * 101, "format": "bullets"}]),
            r"sections\[0\]\.title may hold at most 100",
        ),
        (
            _summary(sections=[{"title": "Agenda"}]),
            r"sections\[0\]\.format is required",
        ),
        (
            Transcription(
                summary=TranscriptionSummary(
                    sections=[SummarySection(title="", format="bullets")]
                )
            ),
            r"sections\[0\]\.title is required",
        ),
        (
            Transcription(summary=TranscriptionSummary(context="y" * 301)),
            r"summary\.context may hold at most 300",
        ),
    ],
)
def test_start_refuses_summary_outside_limits(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    transcription: Any,
    message: str,
) -> None:
    """Documented summary limits are checked (dicts and models) before sending."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start")

    with pytest.raises(ValueError, match=message):
        client.recordings.start(ROOM_ID, transcription=transcription)

    assert not route.called


def test_start_accepts_limits_at_the_edges(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """300 characters of context, temperature 0.1 and 6 sections are allowed."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)
    sections = [{"title": "t" * 100, "format": "paragraph"}] * 6

    client.recordings.start(
        ROOM_ID,
        transcription=_summary(context="c" * 300, temperature=0.1, sections=sections),
    )

    assert route.call_count == 1


def test_stop(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """stop() posts ``{}`` to /recordings/{id}/stop and parses the job."""
    route = respx_router.post(f"recordings/{REC_ID}/stop").respond(json=STOPPING)

    rec = client.recordings.stop(REC_ID)

    assert_api_request(route.calls.last.request, "POST", f"recordings/{REC_ID}/stop")
    assert rec.id == REC_ID
    assert rec.status is JobStatus.STOPPING


def test_stop_all(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """stop_all() posts to the room's stop and returns every stopping job."""
    second = {**STOPPING, "id": "642531cf94091a5af8414570"}
    route = respx_router.post(f"recordings/room/{ROOM_ID}/stop").respond(
        json={"limit": 2, "data": [STOPPING, second], "last": second["id"]}
    )

    stopped = client.recordings.stop_all(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/stop"
    )
    assert isinstance(stopped, list)
    assert [r.id for r in stopped] == [REC_ID, "642531cf94091a5af8414570"]
    assert all(r.status is JobStatus.STOPPING for r in stopped)
    assert route.call_count == 1


def test_stop_all_with_null_data(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """``data: null`` (nothing was running) is an empty list."""
    respx_router.post(f"recordings/room/{ROOM_ID}/stop").respond(
        json={"limit": 0, "data": None, "last": ""}
    )

    assert client.recordings.stop_all(ROOM_ID) == []


@pytest.mark.parametrize("action", ["pause", "resume"])
def test_pause_and_resume(
    client: SyncHMSClient, respx_router: respx.MockRouter, action: str
) -> None:
    """pause()/resume() post ``{}`` to the room's action and parse the job."""
    running = {**STARTED, "status": "running", "asset_types": None}
    route = respx_router.post(f"recordings/room/{ROOM_ID}/{action}").respond(
        json=running
    )

    rec = getattr(client.recordings, action)(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/{action}"
    )
    assert isinstance(rec, Recording)
    assert rec.status is JobStatus.RUNNING
    assert rec.asset_types == []
    assert rec.destination == "default"


def test_retrieve_with_assets(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs /recordings/{id} and parses the embedded assets."""
    route = respx_router.get(f"recordings/{REC_ID}").respond(json=COMPLETED)

    rec = client.recordings.retrieve(REC_ID)

    assert_api_request(route.calls.last.request, "GET", f"recordings/{REC_ID}")
    assert rec.status is JobStatus.COMPLETED
    assert rec.started_at == dt.datetime(2023, 3, 30, 6, 53, 6, 787000, dt.UTC)
    assert rec.stopped_at == dt.datetime(2023, 3, 30, 6, 53, 58, 182000, dt.UTC)
    assert rec.started_by == "3f174686-cef9-4d9e-b3d5-ed91773e7f3e"
    assert rec.extra_fields == {"hipaa": False}
    composite, chat, transcript = rec.recording_assets
    assert composite.type is RecordingAssetType.ROOM_COMPOSITE
    assert composite.status is RecordingAssetStatus.COMPLETED
    assert composite.metadata is not None
    assert composite.metadata.resolution == RecordingResolution(width=1280, height=720)
    assert composite.thumbnails == []
    assert composite.size == 26361961
    assert composite.job_id is None
    assert composite.extra_fields == {"fps": 25}
    assert chat.type is RecordingAssetType.CHAT
    assert chat.path == "s3://my-recordings-bucket/hms/chat.csv"
    assert transcript.metadata is not None
    assert transcript.metadata.output_mode == "txt"
    assert transcript.created_at == dt.datetime(2023, 3, 30, 6, 56, 6, 540000, dt.UTC)


def test_list_sends_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends each filter and the page size; items have no assets."""
    route = respx_router.get("recordings").mock(return_value=page([LISTED], ""))

    first = client.recordings.list(
        room_id=ROOM_ID, session_id="s1", status=JobStatus.COMPLETED, limit=25
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "recordings",
        params={
            "room_id": ROOM_ID,
            "session_id": "s1",
            "status": "completed",
            "limit": "25",
        },
    )
    assert [r.id for r in first.data] == [REC_ID]
    assert first.data[0].recording_assets == []
    assert not first.has_next


def test_list_defaults_to_largest_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Without arguments, list() asks for pages of 100 and no filter."""
    route = respx_router.get("recordings").mock(return_value=page([], ""))

    client.recordings.list().first_page()

    assert_api_request(
        route.calls.last.request, "GET", "recordings", params={"limit": "100"}
    )


def test_list_walks_every_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get("recordings").mock(
        side_effect=[
            page([recording("j1"), recording("j2")], "j2"),
            page([recording("j3")], "j3"),
            page([recording("j4")], ""),
        ]
    )

    ids = [r.id for r in client.recordings.list(status="running")]

    assert ids == ["j1", "j2", "j3", "j4"]
    assert [c.request.url.params.get("start") for c in route.calls] == [
        None,
        "j2",
        "j3",
    ]
    assert {c.request.url.params["status"] for c in route.calls} == {"running"}


def test_list_resumes_from_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor; an empty page ends the list."""
    route = respx_router.get("recordings").mock(
        side_effect=[page([recording("j5")], "j5"), page([], "j6")]
    )

    ids = [r.id for r in client.recordings.list(start="j4")]

    assert ids == ["j5"]
    assert_api_request(
        route.calls[0].request,
        "GET",
        "recordings",
        params={"start": "j4", "limit": "100"},
    )
    assert route.calls[1].request.url.params["start"] == "j5"
    assert route.call_count == 2


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_refuses_bad_limit(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get("recordings")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.recordings.list(limit=limit)

    assert not route.called
