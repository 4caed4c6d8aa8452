# Generated from tests/services/test_external_streams.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.external_streams: exact requests, §6.9 parsing, limits, stop-all, pagination."""

from __future__ import annotations

import pytest
import respx

from hms_async import ServerError, SyncHMSClient
from hms_async.models._common import JobStatus
from hms_async.models.live_streams import StoppedStreams
from hms_async.models.recording_assets import RecordingAsset, RecordingResolution
from tests.helpers import assert_api_request
from tests.services.test_external_streams import (
    EXTERNAL_STREAM,
    MEETING_URL,
    ROOM_ID,
    RTMP_URL,
    STREAM_ID,
    assert_is_example,
)


def test_start_sends_every_given_field(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start() posts the given fields and parses the job."""
    path = f"external-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(
        json={**EXTERNAL_STREAM, "status": "starting"}
    )
    urls = (RTMP_URL, "rtmps://live.twitch.tv/app/key-2")

    stream = client.external_streams.start(
        ROOM_ID,
        rtmp_urls=urls,
        meeting_url=MEETING_URL,
        recording=False,
        resolution=RecordingResolution(width=1920, height=1080),
        destination="rtmp-main",
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={
            "rtmp_urls": list(urls),
            "meeting_url": MEETING_URL,
            "recording": False,
            "resolution": {"width": 1920, "height": 1080},
            "destination": "rtmp-main",
        },
    )
    assert stream.status is JobStatus.STARTING


def test_start_sends_only_rtmp_urls(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Arguments not passed are not sent; a mapping resolution is accepted."""
    path = f"external-streams/room/{ROOM_ID}/start"
    route = respx_router.post(path).respond(json=EXTERNAL_STREAM)

    stream = client.external_streams.start(
        ROOM_ID, rtmp_urls=[RTMP_URL], resolution={"width": 720, "height": 1280}
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        path,
        json_body={
            "rtmp_urls": [RTMP_URL],
            "resolution": {"width": 720, "height": 1280},
        },
    )
    assert_is_example(stream)


def test_start_accepts_five_urls(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Five URLs are allowed (the reference says 5 in one place, 3 in another)."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )
    urls = [f"rtmp://host/live/key{i}" for i in range(5)]

    client.external_streams.start(ROOM_ID, rtmp_urls=urls)

    assert route.calls.last.request.read().count(b"rtmp://") == 5


@pytest.mark.parametrize(
    ("urls", "match"),
    [
        ([], "rtmp_urls must hold between 1 and 5 URLs, got 0"),
        ([f"rtmp://h/k{i}" for i in range(6)], "between 1 and 5 URLs, got 6"),
        (["https://h/secret-key"], "must start with rtmp:// or rtmps://"),
        ([RTMP_URL, ""], "must start with rtmp:// or rtmps://"),
    ],
)
def test_start_refuses_bad_rtmp_urls(
    client: SyncHMSClient, respx_router: respx.MockRouter, urls: list[str], match: str
) -> None:
    """The URL count and scheme are checked before any request; keys never echoed."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )

    with pytest.raises(ValueError, match=match) as info:
        client.external_streams.start(ROOM_ID, rtmp_urls=urls)

    assert "secret-key" not in str(info.value)
    assert not route.called


def test_start_refuses_a_single_string(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A bare string (not a list of URLs) is a TypeError, nothing sent."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )

    with pytest.raises(TypeError, match="list of URLs"):
        client.external_streams.start(ROOM_ID, rtmp_urls=RTMP_URL)

    assert not route.called


@pytest.mark.parametrize(
    ("width", "height", "match"),
    [
        (1921, 1080, "resolution width must be between 500 and 1920"),
        (499, 480, "resolution width must be between 500 and 1920"),
        (1280, 1081, "resolution height must be between 480 and 1080"),
        (640, 479, "resolution height must be between 480 and 1080"),
        (1081, 1920, "resolution width must be between 500 and 1080"),
        (720, 1921, "resolution height must be between 500 and 1920"),
        (499, 600, "resolution width must be between 500 and 1080"),
    ],
)
def test_start_refuses_bad_resolution(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    width: int,
    height: int,
    match: str,
) -> None:
    """Landscape 500x480..1920x1080 and portrait 500x500..1080x1920, else ValueError."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )

    with pytest.raises(ValueError, match=match):
        client.external_streams.start(
            ROOM_ID,
            rtmp_urls=[RTMP_URL],
            resolution={"width": width, "height": height},
        )

    assert not route.called


@pytest.mark.parametrize(
    ("width", "height"), [(500, 480), (1920, 1080), (500, 500), (1080, 1920)]
)
def test_start_accepts_resolution_bounds(
    client: SyncHMSClient, respx_router: respx.MockRouter, width: int, height: int
) -> None:
    """The documented extremes themselves are accepted."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )

    client.external_streams.start(
        ROOM_ID,
        rtmp_urls=[RTMP_URL],
        resolution=RecordingResolution(width=width, height=height),
    )

    assert route.called


def test_start_refuses_half_a_resolution(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A resolution without height is refused before any request."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(
        json=EXTERNAL_STREAM
    )

    with pytest.raises(ValueError, match="both width and height"):
        client.external_streams.start(
            ROOM_ID, rtmp_urls=[RTMP_URL], resolution={"width": 1280}
        )

    assert not route.called


def test_start_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 on start is raised at once: a retry could start a second stream."""
    route = respx_router.post(f"external-streams/room/{ROOM_ID}/start").respond(503)

    with pytest.raises(ServerError):
        client.external_streams.start(ROOM_ID, rtmp_urls=[RTMP_URL])

    assert route.call_count == 1


def test_stop(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """stop() posts {} to /external-streams/{id}/stop and parses the stream."""
    path = f"external-streams/{STREAM_ID}/stop"
    route = respx_router.post(path).respond(
        json={**EXTERNAL_STREAM, "status": "stopping"}
    )

    stream = client.external_streams.stop(STREAM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert stream.status is JobStatus.STOPPING


def test_stop_all(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """stop_all() returns the stopped streams as a list, with the error note."""
    path = f"external-streams/room/{ROOM_ID}/stop"
    route = respx_router.post(path).respond(
        json={
            "error": "one stream could not be stopped",
            "data": [EXTERNAL_STREAM],
            "limit": 10,
            "last": STREAM_ID,
        }
    )

    stopped = client.external_streams.stop_all(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert isinstance(stopped, StoppedStreams)
    assert len(stopped) == 1
    assert_is_example(stopped[0])
    assert stopped.error == "one stream could not be stopped"


def test_retrieve(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs the stream and parses the §6.9 example."""
    path = f"external-streams/{STREAM_ID}"
    route = respx_router.get(path).respond(json=EXTERNAL_STREAM)

    stream = client.external_streams.retrieve(STREAM_ID)

    assert_api_request(route.calls.last.request, "GET", path)
    assert_is_example(stream)


def test_retrieve_with_assets(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A completed stream's recording assets are typed RecordingAsset models."""
    asset = {
        "id": "6425320e94091a5af841456f",
        "type": "room-composite",
        "path": "s3://bucket/hms/room-composite.mp4",
        "metadata": {"resolution": {"width": 1280, "height": 720}},
        "status": "completed",
        "size": 26361961,
    }
    respx_router.get(f"external-streams/{STREAM_ID}").respond(
        json={**EXTERNAL_STREAM, "status": "completed", "recording_assets": [asset]}
    )

    stream = client.external_streams.retrieve(STREAM_ID)

    assert stream.status is JobStatus.COMPLETED
    [parsed] = stream.recording_assets
    assert isinstance(parsed, RecordingAsset)
    assert parsed.type == "room-composite"
    assert parsed.size == 26361961
    assert parsed.metadata is not None
    assert parsed.metadata.resolution == RecordingResolution(width=1280, height=720)


def test_list_sends_every_filter(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends room, session, status and the default page size 100."""
    route = respx_router.get("external-streams").respond(
        json={"limit": 100, "data": [EXTERNAL_STREAM], "last": ""}
    )

    page = client.external_streams.list(
        room_id=ROOM_ID, session_id="s1", status=JobStatus.FAILED
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "external-streams",
        params={
            "room_id": ROOM_ID,
            "session_id": "s1",
            "status": "failed",
            "limit": "100",
        },
    )
    assert_is_example(page.data[0])
    assert not page.has_next


def test_list_walks_pages_and_resumes(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Pages chain last into start, end on a null cursor, and resume from start=."""
    route = respx_router.get("external-streams").mock(
        side_effect=[
            respx.MockResponse(
                json={"data": [{**EXTERNAL_STREAM, "id": "a"}], "last": "a"}
            ),
            respx.MockResponse(
                json={"data": [{**EXTERNAL_STREAM, "id": "b"}], "last": "b"}
            ),
            respx.MockResponse(
                json={"data": [{**EXTERNAL_STREAM, "id": "c"}], "last": None}
            ),
        ]
    )

    pages = [p for p in client.external_streams.list(start="s0").pages()]

    assert [[s.id for s in p.data] for p in pages] == [["a"], ["b"], ["c"]]
    assert [p.next_cursor for p in pages] == ["a", "b", None]
    starts = [c.request.url.params["start"] for c in route.calls]
    assert starts == ["s0", "a", "b"]


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_limit_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10..100 is refused before any request."""
    route = respx_router.get("external-streams").respond(json={"data": []})

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.external_streams.list(limit=limit)

    assert not route.called
