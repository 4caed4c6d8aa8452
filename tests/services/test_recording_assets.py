"""hms.recording_assets: exact requests, §6.7 parsing, pages, presigned URLs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient
from hms_async._serde import structure, unstructure
from hms_async.models.recording_assets import (
    PresignedUrl,
    RecordingAsset,
    RecordingAssetStatus,
    RecordingAssetType,
)

from ..helpers import assert_api_request

ASSET_ID = "6425320e94091a5af841456f"
ASSET: dict[str, Any] = {
    "id": ASSET_ID,
    "job_id": "642531cf94091a5af841456d",
    "room_id": "635fe195f5e1f4a0abb7d1ae",
    "session_id": "642531c8becbb0bb81952e36",
    "type": "room-vod",
    "path": "s3://my-recordings-bucket/hms/vod/master.m3u8",
    "thumbnails": ["s3://my-recordings-bucket/hms/vod/thumb-2.png"],
    "metadata": {
        "num_layers": "4",
        "max_width": 1280,
        "max_height": 720,
        "codec": "h264",
    },
    "duration": 30,
    "size": 364582,
    "status": "completed",
    "created_at": "2023-03-30T06:23:03.216Z",
    "storage": "100ms",
}
PRESIGNED: dict[str, Any] = {
    "id": ASSET_ID,
    "path": "s3://my-recordings-bucket/hms/room-composite.mp4",
    "url": "https://my-recordings-bucket.s3.amazonaws.com/hms/room-composite.mp4"
    "?X-Amz-Signature=abc",
    "expiry": 3600,
    "region": "us-east-1",
}
TRACK_METADATA = {
    "track_id": "780a28e0-f2df-450b-9954-70307a440530",
    "stream_id": "2cc4afed-20ba-4793-a223-d4c76c331456",
    "peer_id": "2e8fc83e-6aef-4ca8-9124-bedc253f3529",
    "track_type": "video",
}
STREAM_METADATA = {
    "stream_id": "2cc4afed-20ba-4793-a223-d4c76c331456",
    "peer_id": "2e8fc83e-6aef-4ca8-9124-bedc253f3529",
    "user_id": "tutor_id_1234",
    "stream_type": "screen",
}


def assert_keys_survive(payload: Any, data: Any) -> None:
    """Every non-null key of ``payload``, nested ones too, is in ``data``."""
    if isinstance(payload, dict):
        assert isinstance(data, dict)
        for key, value in payload.items():
            if value is not None:
                assert key in data, key
                assert_keys_survive(value, data[key])
    elif isinstance(payload, list):
        assert isinstance(data, list)
        assert len(data) == len(payload)
        for item, written in zip(payload, data, strict=True):
            assert_keys_survive(item, written)
    else:
        assert type(data) is type(payload)


def assert_round_trip(cls: type[Any], payload: dict[str, Any]) -> None:
    """unstructure then structure gives an equal model; every key is written back."""
    model = structure(payload, cls)
    data = unstructure(model)
    assert_keys_survive(payload, data)
    assert structure(data, cls) == model


def page(items: list[dict[str, Any]], last: str, limit: int = 10) -> httpx.Response:
    """A style-A page response."""
    return httpx.Response(200, json={"limit": limit, "data": items, "last": last})


def asset(asset_id: str) -> dict[str, Any]:
    """The example asset with another id."""
    return {**ASSET, "id": asset_id}


async def test_retrieve(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /recording-assets/{id} and parses the §6.7 example."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}").respond(json=ASSET)

    got = await client.recording_assets.retrieve(ASSET_ID)

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


@pytest.mark.parametrize(
    ("kind", "metadata"),
    [
        ("track", TRACK_METADATA),
        ("stream", STREAM_METADATA),
        ("transcript", {"output_mode": "srt"}),
        (
            "room-composite",
            {"resolution": {"width": 1920, "height": 1080}, "layer": "0"},
        ),
    ],
)
def test_metadata_variants(kind: str, metadata: dict[str, Any]) -> None:
    """Each documented metadata variant lands in typed fields, nothing left over."""
    got = structure({**ASSET, "type": kind, "metadata": metadata}, RecordingAsset)

    assert got.type == kind
    assert isinstance(got.type, RecordingAssetType)
    assert got.metadata is not None
    assert got.metadata.extra_fields == {}
    assert unstructure(got.metadata) == metadata
    if kind == "room-composite":
        assert got.metadata.resolution is not None
        assert got.metadata.resolution.width == 1920
        assert got.metadata.layer == "0"


def test_unknown_values_and_nulls() -> None:
    """An unknown type or status stays a string; null thumbnails become []."""
    got = structure(
        {"id": "a1", "type": "room-vod-v2", "status": "queued", "thumbnails": None},
        RecordingAsset,
    )

    assert got.type == "room-vod-v2"
    assert not isinstance(got.type, RecordingAssetType)
    assert got.status == "queued"
    assert got.thumbnails == []
    assert got.metadata is None


async def test_list_sends_filters(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends each filter and the page size; await gives page one."""
    route = respx_router.get("recording-assets").mock(return_value=page([ASSET], ""))

    first = await client.recording_assets.list(
        room_id="r1",
        session_id="s1",
        status=RecordingAssetStatus.FAILED,
        limit=10,
    )

    assert_api_request(
        route.calls.last.request,
        "GET",
        "recording-assets",
        params={"room_id": "r1", "session_id": "s1", "status": "failed", "limit": "10"},
    )
    assert [a.id for a in first.data] == [ASSET_ID]
    assert first.data[0].metadata is not None
    assert not first.has_next


async def test_list_defaults_to_largest_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Without arguments, list() asks for pages of 100 and no filter."""
    route = respx_router.get("recording-assets").mock(return_value=page([], ""))

    first = await client.recording_assets.list()

    assert_api_request(
        route.calls.last.request, "GET", "recording-assets", params={"limit": "100"}
    )
    assert first.data == []


async def test_list_walks_every_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get("recording-assets").mock(
        side_effect=[
            page([asset("a1"), asset("a2")], "a2"),
            page([asset("a3")], "a3"),
            page([asset("a4")], ""),
        ]
    )

    ids = [a.id async for a in client.recording_assets.list(room_id="r1")]

    assert ids == ["a1", "a2", "a3", "a4"]
    assert route.call_count == 3
    starts = [c.request.url.params.get("start") for c in route.calls]
    assert starts == [None, "a2", "a3"]
    for call in route.calls:
        assert call.request.url.params["room_id"] == "r1"


async def test_list_resumes_from_cursor(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor with the first request."""
    route = respx_router.get("recording-assets").mock(
        side_effect=[page([asset("a3")], "a3"), page([], "a9")]
    )

    pages = [p async for p in client.recording_assets.list(start="a2").pages()]

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
async def test_list_refuses_bad_limit(
    client: HMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get("recording-assets")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.recording_assets.list(limit=limit)

    assert not route.called


async def test_presigned_url(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """presigned_url() GETs .../presigned-url with no query by default."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}/presigned-url").respond(
        json=PRESIGNED
    )

    got = await client.recording_assets.presigned_url(ASSET_ID)

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


async def test_presigned_url_sends_duration(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """``presign_duration`` goes in the query, in seconds."""
    route = respx_router.get(f"recording-assets/{ASSET_ID}/presigned-url").respond(
        json={**PRESIGNED, "expiry": 600}
    )

    got = await client.recording_assets.presigned_url(ASSET_ID, presign_duration=600)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"recording-assets/{ASSET_ID}/presigned-url",
        params={"presign_duration": "600"},
    )
    assert got.expiry == 600


@pytest.mark.parametrize("seconds", [0, -60, 604801])
async def test_presigned_url_refuses_bad_duration(
    client: HMSClient, respx_router: respx.MockRouter, seconds: int
) -> None:
    """A lifetime outside 1 s - 7 days is refused before any request."""
    route = respx_router.get(url__regex=r".*")

    with pytest.raises(
        ValueError, match="presign_duration must be between 1 and 604800"
    ):
        await client.recording_assets.presigned_url(ASSET_ID, presign_duration=seconds)

    assert not route.called


async def test_retrieve_encodes_the_id(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in an asset id stays inside its path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=PRESIGNED)

    await client.recording_assets.presigned_url("../recordings")

    raw = route.calls.last.request.url.raw_path
    assert raw == b"/v2/recording-assets/..%2Frecordings/presigned-url"


@pytest.mark.parametrize(
    ("cls", "payload"),
    [
        (RecordingAsset, ASSET),
        (RecordingAsset, {**ASSET, "metadata": TRACK_METADATA}),
        (PresignedUrl, PRESIGNED),
    ],
)
def test_round_trip(cls: type[Any], payload: dict[str, Any]) -> None:
    """Models turn back into the JSON they came from, unknown keys included."""
    assert_round_trip(cls, payload)
