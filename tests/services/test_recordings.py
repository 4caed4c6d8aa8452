"""hms.recordings: exact requests, §6.6 parsing, transcription limits, pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient
from hms_async._serde import structure, unstructure
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

from ..helpers import assert_api_request
from .test_recording_assets import assert_keys_survive, assert_round_trip, page

REC_ID = "642531cf94091a5af841456d"
ROOM_ID = "635fe195f5e1f4a0abb7d1ae"
MEETING_URL = (
    "https://myapp.app.100ms.live/preview/635fe195f5e1f4a0abb7d1ae/recorder"
    "?skip_preview=true"
)
STARTED: dict[str, Any] = {
    "id": REC_ID,
    "room_id": ROOM_ID,
    "session_id": "642531c8becbb0bb81952e36",
    "status": "starting",
    "created_at": "2023-03-30T05:14:04.007990308Z",
    "started_at": None,
    "updated_at": "2023-03-30T05:14:04.007990308Z",
    "stopped_at": None,
    "meeting_url": MEETING_URL,
    "destination": "default",
    "started_by": "",
    "stopped_by": "",
    "asset_types": ["room-composite", "chat", "transcript", "summary"],
    "recording_assets": None,
    "queue_position": 0,
}
COMPLETED: dict[str, Any] = {
    "id": REC_ID,
    "room_id": ROOM_ID,
    "session_id": "642531c8becbb0bb81952e36",
    "status": "completed",
    "created_at": "2023-03-30T06:53:03.67Z",
    "started_at": "2023-03-30T06:53:06.787Z",
    "updated_at": "2023-03-30T06:54:02.431Z",
    "stopped_at": "2023-03-30T06:53:58.182Z",
    "meeting_url": MEETING_URL,
    "started_by": "3f174686-cef9-4d9e-b3d5-ed91773e7f3e",
    "stopped_by": "",
    "asset_types": ["room-composite", "chat", "transcript"],
    "recording_assets": [
        {
            "id": "6425320e94091a5af841456f",
            "thumbnails": None,
            "metadata": {"resolution": {"width": 1280, "height": 720}},
            "duration": 55,
            "path": "s3://my-recordings-bucket/hms/room-composite.mp4",
            "status": "completed",
            "created_at": "2023-03-30T06:54:06.45Z",
            "type": "room-composite",
            "size": 26361961,
            "fps": 25,
        },
        {
            "id": "6425320e94091a5af841456e",
            "thumbnails": None,
            "metadata": {},
            "duration": 0,
            "path": "s3://my-recordings-bucket/hms/chat.csv",
            "status": "completed",
            "created_at": "2023-03-30T06:54:06.434Z",
            "type": "chat",
            "size": 74,
        },
        {
            "id": "6425320e94091a5af841456d",
            "metadata": {"output_mode": "txt"},
            "duration": 55,
            "path": "s3://my-recordings-bucket/hms/transcript.txt",
            "status": "completed",
            "created_at": "2023-03-30T06:56:06.54Z",
            "type": "transcript",
            "size": 50,
        },
    ],
    "hipaa": False,
}
LISTED = {k: v for k, v in COMPLETED.items() if k != "recording_assets"}
STOPPING = {**STARTED, "status": "stopping"}
TRANSCRIPTION_WIRE: dict[str, Any] = {
    "enabled": True,
    "output_modes": ["txt", "srt", "json"],
    "custom_vocabulary": ["100ms", "WebSDK"],
    "summary": {
        "enabled": True,
        "context": "this is a general call",
        "temperature": 0.5,
        "sections": [
            {"title": "Agenda", "format": "bullets"},
            {"title": "Short Summary", "format": "paragraph"},
        ],
    },
}


def recording(rec_id: str) -> dict[str, Any]:
    """A listed recording with another id."""
    return {**LISTED, "id": rec_id}


def assert_is_started(rec: Recording) -> None:
    """The just-started example arrived with its types."""
    assert isinstance(rec, Recording)
    assert rec.id == REC_ID
    assert rec.room_id == ROOM_ID
    assert rec.session_id == "642531c8becbb0bb81952e36"
    assert rec.status is JobStatus.STARTING
    assert rec.created_at == dt.datetime(2023, 3, 30, 5, 14, 4, 7990, dt.UTC)
    assert rec.updated_at == rec.created_at
    assert rec.started_at is None
    assert rec.stopped_at is None
    assert rec.meeting_url == MEETING_URL
    assert rec.destination == "default"
    assert (rec.started_by, rec.stopped_by) == ("", "")
    assert rec.asset_types == [
        RecordingAssetType.ROOM_COMPOSITE,
        RecordingAssetType.CHAT,
        RecordingAssetType.TRANSCRIPT,
        RecordingAssetType.SUMMARY,
    ]
    assert rec.recording_assets == []
    assert rec.extra_fields == {"queue_position": 0}
    assert MEETING_URL not in repr(rec)


async def test_start_sends_every_field(
    client: HMSClient, respx_router: respx.MockRouter
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

    rec = await client.recordings.start(
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


async def test_start_accepts_plain_mappings(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Plain dicts are sent as given; arguments not passed are not sent."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)

    await client.recordings.start(
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


async def test_start_without_arguments_posts_empty_body(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A bare start() posts ``{}`` and leaves the template's settings in charge."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)

    await client.recordings.start(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/start"
    )


async def test_start_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A start that may have reached the server is never sent twice."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=STARTED)]
    )

    with pytest.raises(ServerError):
        await client.recordings.start(ROOM_ID)

    assert route.call_count == 1


def _summary(**fields: Any) -> dict[str, Any]:
    """A wire-form transcription whose summary has ``fields``."""
    return {"enabled": True, "summary": {"enabled": True, **fields}}


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
async def test_start_refuses_summary_outside_limits(
    client: HMSClient,
    respx_router: respx.MockRouter,
    transcription: Any,
    message: str,
) -> None:
    """Documented summary limits are checked (dicts and models) before sending."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start")

    with pytest.raises(ValueError, match=message):
        await client.recordings.start(ROOM_ID, transcription=transcription)

    assert not route.called


async def test_start_accepts_limits_at_the_edges(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """300 characters of context, temperature 0.1 and 6 sections are allowed."""
    route = respx_router.post(f"recordings/room/{ROOM_ID}/start").respond(json=STARTED)
    sections = [{"title": "t" * 100, "format": "paragraph"}] * 6

    await client.recordings.start(
        ROOM_ID,
        transcription=_summary(context="c" * 300, temperature=0.1, sections=sections),
    )

    assert route.call_count == 1


async def test_stop(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """stop() posts ``{}`` to /recordings/{id}/stop and parses the job."""
    route = respx_router.post(f"recordings/{REC_ID}/stop").respond(json=STOPPING)

    rec = await client.recordings.stop(REC_ID)

    assert_api_request(route.calls.last.request, "POST", f"recordings/{REC_ID}/stop")
    assert rec.id == REC_ID
    assert rec.status is JobStatus.STOPPING


async def test_stop_all(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """stop_all() posts to the room's stop and returns every stopping job."""
    second = {**STOPPING, "id": "642531cf94091a5af8414570"}
    route = respx_router.post(f"recordings/room/{ROOM_ID}/stop").respond(
        json={"limit": 2, "data": [STOPPING, second], "last": second["id"]}
    )

    stopped = await client.recordings.stop_all(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/stop"
    )
    assert isinstance(stopped, list)
    assert [r.id for r in stopped] == [REC_ID, "642531cf94091a5af8414570"]
    assert all(r.status is JobStatus.STOPPING for r in stopped)
    assert route.call_count == 1


async def test_stop_all_with_null_data(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """``data: null`` (nothing was running) is an empty list."""
    respx_router.post(f"recordings/room/{ROOM_ID}/stop").respond(
        json={"limit": 0, "data": None, "last": ""}
    )

    assert await client.recordings.stop_all(ROOM_ID) == []


@pytest.mark.parametrize("action", ["pause", "resume"])
async def test_pause_and_resume(
    client: HMSClient, respx_router: respx.MockRouter, action: str
) -> None:
    """pause()/resume() post ``{}`` to the room's action and parse the job."""
    running = {**STARTED, "status": "running", "asset_types": None}
    route = respx_router.post(f"recordings/room/{ROOM_ID}/{action}").respond(
        json=running
    )

    rec = await getattr(client.recordings, action)(ROOM_ID)

    assert_api_request(
        route.calls.last.request, "POST", f"recordings/room/{ROOM_ID}/{action}"
    )
    assert isinstance(rec, Recording)
    assert rec.status is JobStatus.RUNNING
    assert rec.asset_types == []
    assert rec.destination == "default"


async def test_retrieve_with_assets(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs /recordings/{id} and parses the embedded assets."""
    route = respx_router.get(f"recordings/{REC_ID}").respond(json=COMPLETED)

    rec = await client.recordings.retrieve(REC_ID)

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


async def test_list_sends_filters(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends each filter and the page size; items have no assets."""
    route = respx_router.get("recordings").mock(return_value=page([LISTED], ""))

    first = await client.recordings.list(
        room_id=ROOM_ID, session_id="s1", status=JobStatus.COMPLETED, limit=25
    )

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


async def test_list_defaults_to_largest_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Without arguments, list() asks for pages of 100 and no filter."""
    route = respx_router.get("recordings").mock(return_value=page([], ""))

    await client.recordings.list()

    assert_api_request(
        route.calls.last.request, "GET", "recordings", params={"limit": "100"}
    )


async def test_list_walks_every_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get("recordings").mock(
        side_effect=[
            page([recording("j1"), recording("j2")], "j2"),
            page([recording("j3")], "j3"),
            page([recording("j4")], ""),
        ]
    )

    ids = [r.id async for r in client.recordings.list(status="running")]

    assert ids == ["j1", "j2", "j3", "j4"]
    assert [c.request.url.params.get("start") for c in route.calls] == [
        None,
        "j2",
        "j3",
    ]
    assert {c.request.url.params["status"] for c in route.calls} == {"running"}


async def test_list_resumes_from_cursor(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor; an empty page ends the list."""
    route = respx_router.get("recordings").mock(
        side_effect=[page([recording("j5")], "j5"), page([], "j6")]
    )

    ids = [r.id async for r in client.recordings.list(start="j4")]

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
async def test_list_refuses_bad_limit(
    client: HMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get("recordings")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.recordings.list(limit=limit)

    assert not route.called


def test_unknown_status_stays_a_string() -> None:
    """A status the SDK does not know is kept as its string."""
    rec = structure({**LISTED, "status": "paused"}, Recording)

    assert rec.status == "paused"
    assert not isinstance(rec.status, JobStatus)


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(STARTED, id="started"),
        pytest.param(COMPLETED, id="completed"),
        pytest.param(LISTED, id="listed"),
    ],
)
def test_round_trip(payload: dict[str, Any]) -> None:
    """A recording turns back into the JSON it came from, unknown keys included."""
    assert_round_trip(Recording, payload)


def test_round_trip_of_request_models() -> None:
    """The transcription model and its wire form convert both ways."""
    assert_round_trip(Transcription, TRANSCRIPTION_WIRE)


@pytest.mark.parametrize(
    ("cls", "payload"), [(Recording, STARTED), (Recording, COMPLETED)]
)
def test_every_key_is_written_back(cls: type[Any], payload: dict[str, Any]) -> None:
    """Every non-null key, nested and unknown ones included, survives unstructure."""
    assert_keys_survive(payload, unstructure(structure(payload, cls)))
