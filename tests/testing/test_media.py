"""Recordings, assets, live streams, external streams and stream keys."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ._helpers import client, create_room, make_fake

pytestmark = pytest.mark.anyio

MEETING = "https://x.app.100ms.live/preview/r/host?skip_preview=true"


async def _template_without_subdomain(http: httpx.AsyncClient) -> dict[str, Any]:
    response = await http.post("templates", json={"name": "api-made"})
    template: dict[str, Any] = response.json()
    return template


async def test_recording_lifecycle_creates_assets() -> None:
    """advance() walks starting→running→stopping→completed and creates assets."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="rec")
        peer = fake.join(room["id"], role="host")
        started = (
            await http.post(f"recordings/room/{room['id']}/start", json={})
        ).json()
        statuses = [fake.advance(started["id"])["status"]]
        stopped = (await http.post(f"recordings/{started['id']}/stop")).json()
        statuses.append(fake.advance(started["id"])["status"])
        done = (await http.get(f"recordings/{started['id']}")).json()
        assets = (
            await http.get("recording-assets", params={"room_id": room["id"]})
        ).json()

    assert started["status"] == "starting"
    assert started["recording_assets"] is None
    assert started["session_id"] == peer.session_id
    assert stopped["status"] == "stopping"
    assert statuses == ["running", "completed"]
    assert {a["type"] for a in done["recording_assets"]} == {"room-composite", "chat"}
    assert "job_id" not in done["recording_assets"][0]
    assert {a["job_id"] for a in assets["data"]} == {started["id"]}


async def test_recording_completion_is_an_analytics_event_and_webhook() -> None:
    """Completing a recording adds beam.recording.success to events and webhooks."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="rec")
        job = (await http.post(f"recordings/room/{room['id']}/start", json={})).json()
        fake.advance(job["id"], to="completed")
        events = await http.get(
            "analytics/events",
            params={"room_id": room["id"], "type": "beam.recording.success"},
        )

    assert [e["data"]["beam_id"] for e in events.json()["events"]] == [job["id"]]
    kinds = [e["type"] for e in fake.webhook_events]
    assert kinds[-3:] == [
        "beam.started.success",
        "beam.stopped.success",
        "beam.recording.success",
    ]


async def test_recording_list_items_lack_assets_and_filter_by_status() -> None:
    """GET /recordings items have no recording_assets; status filters."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="rec")
        job = (await http.post(f"recordings/room/{room['id']}/start", json={})).json()
        fake.advance(job["id"], to="completed")
        await http.post(f"recordings/room/{room['id']}/start", json={})
        completed = await http.get("recordings", params={"status": "completed"})
        bad = await http.get("recordings", params={"status": "sleeping"})

    items = completed.json()["data"]
    assert [i["id"] for i in items] == [job["id"]]
    assert "recording_assets" not in items[0]
    assert bad.status_code == 400


async def test_meeting_url_required_for_api_made_template() -> None:
    """A template made via REST has no subdomain, so meeting_url is required."""
    async with client(make_fake()) as http:
        template = await _template_without_subdomain(http)
        room = await create_room(http, name="r", template_id=template["id"])
        missing = await http.post(f"recordings/room/{room['id']}/start", json={})
        given = await http.post(
            f"recordings/room/{room['id']}/start", json={"meeting_url": MEETING}
        )

    assert missing.status_code == 400
    assert given.status_code == 200
    assert given.json()["meeting_url"] == MEETING


async def test_stop_all_and_pause_resume() -> None:
    """Pause/resume need a running recording; stop-all returns a {limit,data,last} page."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        job = (await http.post(f"recordings/room/{room['id']}/start", json={})).json()
        early_pause = await http.post(f"recordings/room/{room['id']}/pause")
        fake.advance(job["id"])
        paused = await http.post(f"recordings/room/{room['id']}/pause")
        resumed = await http.post(f"recordings/room/{room['id']}/resume")
        stop_all = (await http.post(f"recordings/room/{room['id']}/stop")).json()

    assert early_pause.status_code == 404
    assert paused.json()["status"] == "running"
    assert resumed.status_code == 200
    assert [j["status"] for j in stop_all["data"]] == ["stopping"]
    assert set(stop_all) == {"limit", "data", "last"}


async def test_presigned_url_and_unknown_asset() -> None:
    """An asset has a presigned URL with the requested expiry; unknown ids are 404."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        job = (await http.post(f"recordings/room/{room['id']}/start", json={})).json()
        asset_id = fake.advance(job["id"], to="completed")["recording_assets"][0]["id"]
        url = await http.get(
            f"recording-assets/{asset_id}/presigned-url",
            params={"presign_duration": 3600},
        )
        missing = await http.get("recording-assets/" + "0" * 24)

    assert url.json()["expiry"] == 3600
    assert url.json()["id"] == asset_id
    assert url.json()["url"].startswith("https://")
    assert missing.status_code == 404


async def test_live_stream_timed_metadata_and_vod_asset() -> None:
    """A running live stream takes timed metadata; completion makes a room-vod asset."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        body = {"recording": {"hls_vod": True}}
        stream = (
            await http.post(f"live-streams/room/{room['id']}/start", json=body)
        ).json()
        too_early = await http.post(
            f"live-streams/{stream['id']}/timed-metadata",
            json={"payload": "x", "duration": 5},
        )
        fake.advance(stream["id"])
        sent = await http.post(
            f"live-streams/{stream['id']}/timed-metadata",
            json={"payload": "x", "duration": 5},
        )
        too_long = await http.post(
            f"live-streams/{stream['id']}/timed-metadata",
            json={"payload": "x" * 101, "duration": 5},
        )
        stop_all = (await http.post(f"live-streams/room/{room['id']}/stop")).json()
        done = fake.advance(stream["id"])

    assert stream["playback"]["url"].endswith("master.m3u8")
    assert too_early.status_code == 400
    assert sent.status_code == 200
    assert too_long.status_code == 400
    assert stop_all["error"] == ""
    assert [a["type"] for a in done["recording_assets"]] == ["room-vod"]
    assert "hls.recording.success" in [e["type"] for e in fake.webhook_events]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"rtmp_urls": ["http://example.com/live"]},
        {"rtmp_urls": [f"rtmp://a/{n}" for n in range(6)]},
        {"rtmp_urls": ["rtmp://a/b"], "resolution": {"width": 100, "height": 100}},
    ],
)
async def test_external_stream_start_validation(body: dict[str, Any]) -> None:
    """rtmp_urls is required (1-5 rtmp(s) URLs) and resolution is bounded."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="r")
        response = await http.post(
            f"external-streams/room/{room['id']}/start", json=body
        )

    assert response.status_code == 400


async def test_external_stream_lifecycle() -> None:
    """An external stream starts, lists, stops and completes with its recording."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        body = {"rtmp_urls": ["rtmp://a/b"], "recording": True}
        stream = (
            await http.post(f"external-streams/room/{room['id']}/start", json=body)
        ).json()
        listed = (
            await http.get("external-streams", params={"room_id": room["id"]})
        ).json()
        fake.advance(stream["id"], to="running")
        stopped = (await http.post(f"external-streams/{stream['id']}/stop")).json()
        done = fake.advance(stream["id"])

    assert stream["resolution"] == {"width": 1280, "height": 720}
    assert [s["id"] for s in listed["data"]] == [stream["id"]]
    assert stopped["status"] == "stopping"
    assert done["status"] == "completed"
    assert [a["type"] for a in done["recording_assets"]] == ["room-composite"]


async def test_stream_keys() -> None:
    """One active key per room; disable it to create a new one."""
    async with client(make_fake()) as http:
        room = await create_room(http, name="r")
        none_yet = await http.get(f"stream-keys/room/{room['id']}")
        key = (await http.post(f"stream-keys/room/{room['id']}")).json()
        again = await http.post(f"stream-keys/room/{room['id']}")
        got = (await http.get(f"stream-keys/room/{room['id']}")).json()
        disabled = (await http.post(f"stream-keys/room/{room['id']}/disable")).json()
        fresh = await http.post(f"stream-keys/room/{room['id']}")

    assert none_yet.status_code == 404
    assert again.json()["message"] == "Active key already exists"
    assert got == {"data": [key], "last": key["id"]}
    assert disabled == {"message": "key disabled successfully"}
    assert fresh.json()["id"] != key["id"]


async def test_failed_job_and_unknown_job() -> None:
    """advance(to='failed') fails a job; unknown job ids raise LookupError."""
    fake = make_fake()
    async with client(fake) as http:
        room = await create_room(http, name="r")
        job = (await http.post(f"recordings/room/{room['id']}/start", json={})).json()

    assert fake.advance(job["id"], to="failed")["status"] == "failed"
    with pytest.raises(LookupError):
        fake.advance("0" * 24)
    with pytest.raises(ValueError, match="cannot advance"):
        fake.advance(job["id"])
