# Generated from tests/services/test_recording_assets.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.recording_assets: exact requests, §6.7 parsing, pages, presigned URLs."""

from __future__ import annotations

import datetime as dt

import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.models.recording_assets import (
    PresignedUrl,
    RecordingAsset,
    RecordingAssetStatus,
    RecordingAssetType,
)
from tests.helpers import assert_api_request
from tests.services.test_recording_assets import (
    ASSET,
    ASSET_ID,
    PRESIGNED,
    asset,
    page,
)


def test_retrieve(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /recording-assets/{id} and parses the §6.7 example."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}").respond(json=ASSET)

    got = client.recording_assets.retrieve(ASSET_ID)

    assert_api_request(route.calls.last.request, "GET", f"recording-assets/{ASSET_ID}")
    assert isinstance(got, RecordingAsset)
    assert got.id == ASSET_ID
    assert got.job_id == "642531cf94091a5af841456d"
    assert got.room_id == "635fe195f5e1f4a0abb7d1ae"
    assert got.session_id == "642531c8becbb0bb81952e36"
    assert got.type is RecordingAssetType.ROOM_VOD
    assert got.status is RecordingAssetStatus.COMPLETED
    assert got.path == "s3://my-recordings-bucket/hms/vod/master.m3u8"
    assert got.thumbnails == ["s3://my-recordings-bucket/hms/vod/thumb-2.png"]
    assert (got.duration, got.size) == (30, 364582)
    assert got.created_at == dt.datetime(2023, 3, 30, 6, 23, 3, 216000, dt.UTC)
    assert got.metadata is not None
    assert got.metadata.num_layers == "4"
    assert (got.metadata.max_width, got.metadata.max_height) == (1280, 720)
    assert got.metadata.resolution is None
    assert got.metadata.extra_fields == {"codec": "h264"}
    assert got.extra_fields == {"storage": "100ms"}


def test_list_sends_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends each filter and the page size; gives page one."""
    route = respx_router.get("recording-assets").mock(return_value=page([ASSET], ""))

    first = client.recording_assets.list(
        room_id="r1",
        session_id="s1",
        status=RecordingAssetStatus.FAILED,
        limit=10,
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "recording-assets",
        params={"room_id": "r1", "session_id": "s1", "status": "failed", "limit": "10"},
    )
    assert [a.id for a in first.data] == [ASSET_ID]
    assert first.data[0].metadata is not None
    assert not first.has_next


def test_list_defaults_to_largest_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Without arguments, list() asks for pages of 100 and no filter."""
    route = respx_router.get("recording-assets").mock(return_value=page([], ""))

    first = client.recording_assets.list().first_page()

    assert_api_request(
        route.calls.last.request, "GET", "recording-assets", params={"limit": "100"}
    )
    assert first.data == []


def test_list_walks_every_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get("recording-assets").mock(
        side_effect=[
            page([asset("a1"), asset("a2")], "a2"),
            page([asset("a3")], "a3"),
            page([asset("a4")], ""),
        ]
    )

    ids = [a.id for a in client.recording_assets.list(room_id="r1")]

    assert ids == ["a1", "a2", "a3", "a4"]
    assert route.call_count == 3
    starts = [c.request.url.params.get("start") for c in route.calls]
    assert starts == [None, "a2", "a3"]
    for call in route.calls:
        assert call.request.url.params["room_id"] == "r1"


def test_list_resumes_from_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor with the first request."""
    route = respx_router.get("recording-assets").mock(
        side_effect=[page([asset("a3")], "a3"), page([], "a9")]
    )

    pages = [p for p in client.recording_assets.list(start="a2").pages()]

    assert_api_request(
        route.calls[0].request,
        "GET",
        "recording-assets",
        params={"start": "a2", "limit": "100"},
    )
    assert route.calls[1].request.url.params["start"] == "a3"
    assert [len(p.data) for p in pages] == [1, 0]
    assert pages[0].next_cursor == "a3"
    assert not pages[1].has_next


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_refuses_bad_limit(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get("recording-assets")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.recording_assets.list(limit=limit)

    assert not route.called


def test_presigned_url(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """presigned_url() GETs .../presigned-url with no query by default."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}/presigned-url").respond(
        json=PRESIGNED
    )

    got = client.recording_assets.presigned_url(ASSET_ID)

    assert_api_request(
        route.calls.last.request, "GET", f"recording-assets/{ASSET_ID}/presigned-url"
    )
    assert isinstance(got, PresignedUrl)
    assert got.id == ASSET_ID
    assert got.path == "s3://my-recordings-bucket/hms/room-composite.mp4"
    assert got.url == PRESIGNED["url"]
    assert got.expiry == 3600
    assert got.extra_fields == {"region": "us-east-1"}
    assert "X-Amz-Signature" not in repr(got)


def test_presigned_url_sends_duration(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """``presign_duration`` goes in the query, in seconds."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}/presigned-url").respond(
        json={**PRESIGNED, "expiry": 600}
    )

    got = client.recording_assets.presigned_url(ASSET_ID, presign_duration=600)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"recording-assets/{ASSET_ID}/presigned-url",
        params={"presign_duration": "600"},
    )
    assert got.expiry == 600


@pytest.mark.parametrize("seconds", [0, -60, 604801])
def test_presigned_url_refuses_bad_duration(
    client: SyncHMSClient, respx_router: respx.MockRouter, seconds: int
) -> None:
    """A lifetime outside 1 s - 7 days is refused before any request."""
    route = respx_router.get(url__regex=r".*")

    with pytest.raises(
        ValueError, match="presign_duration must be between 1 and 604800"
    ):
        client.recording_assets.presigned_url(ASSET_ID, presign_duration=seconds)

    assert not route.called


def test_retrieve_encodes_the_id(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in an asset id stays inside its path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=PRESIGNED)

    client.recording_assets.presigned_url("../recordings")

    raw = route.calls.last.request.url.raw_path
    assert raw == b"/v2/recording-assets/..%2Frecordings/presigned-url"
