"""End to end: recordings and their assets, live and external streams, stream keys."""

from __future__ import annotations

import pytest

from hms_async import BadRequestError, NotFoundError, PermissionDeniedError
from hms_async.models import JobStatus

from ._support import Env, bounded


async def _busy_room(env: Env, name: str) -> str:
    """A new room with one host connected (so jobs have a session)."""
    room = await env.hms.rooms.create(name=name)
    env.fake.join(room.id, role="host", user_id=f"{name}-host")
    return room.id


@bounded
async def test_recording_start_pause_resume_stop_then_assets(env: Env) -> None:
    """A recording runs, pauses, resumes, stops and completes into downloadable assets."""
    hms, fake = env.hms, env.fake
    room_id = await _busy_room(env, "recorded")
    session = await hms.sessions.retrieve_active(room_id)

    started = await hms.recordings.start(room_id)
    fake.advance(started.id, to="running")
    paused = await hms.recordings.pause(room_id)
    resumed = await hms.recordings.resume(room_id)
    stopped = await hms.recordings.stop(started.id)
    fake.advance(started.id, to="completed")
    done = await hms.recordings.retrieve(started.id)
    assets = [a async for a in hms.recording_assets.list(room_id=room_id, limit=10)]
    asset = await hms.recording_assets.retrieve(assets[0].id)
    url = await hms.recording_assets.presigned_url(asset.id, presign_duration=600)
    completed = [r.id async for r in hms.recordings.list(status="completed")]

    assert (started.room_id, started.session_id) == (room_id, session.id)
    assert started.status is JobStatus.STARTING
    assert paused.id == resumed.id == started.id
    assert stopped.status is JobStatus.STOPPING
    assert done.status is JobStatus.COMPLETED
    assert done.stopped_at is not None
    assert done.started_at is not None
    assert assets
    assert {a.id for a in done.recording_assets} == {a.id for a in assets}
    assert all(a.job_id == started.id and a.room_id == room_id for a in assets)
    assert asset.session_id == session.id
    assert url.id == asset.id
    assert (url.url or "").startswith("https://")
    assert completed == [started.id]
    events = {e["type"] for e in fake.webhook_events}
    assert {"beam.started.success", "beam.stopped.success"} <= events
    assert "beam.recording.success" in events


@bounded
async def test_recordings_and_assets_walk_several_pages(env: Env) -> None:
    """Eleven recordings in eleven rooms list as 10 + 1; their assets page too."""
    hms, fake = env.hms, env.fake
    started = []
    for n in range(11):
        room_id = await _busy_room(env, f"rec-{n:02d}")
        job = await hms.recordings.start(room_id)
        fake.advance(job.id, to="completed")
        started.append(job.id)

    pages = [p async for p in hms.recordings.list(limit=10).pages()]
    cursors = env.starts("/recordings")
    assets = [a async for a in hms.recording_assets.list(limit=10)]
    jobs = [await hms.recordings.retrieve(job_id) for job_id in started]

    assert [len(p.data) for p in pages] == [10, 1]
    assert cursors == [None, pages[0].last]
    assert sorted(r.id for p in pages for r in p.data) == sorted(started)
    expected = {a.id for job in jobs for a in job.recording_assets}
    assert len(assets) == len(expected) > 10
    assert {a.id for a in assets} == expected


@bounded
async def test_recording_stop_all_returns_every_stopped_job(env: Env) -> None:
    """stop_all stops the room's running recording and returns it in a list."""
    hms, fake = env.hms, env.fake
    room_id = await _busy_room(env, "stop-all")
    job = await hms.recordings.start(room_id)
    fake.advance(job.id, to="running")

    stopped = await hms.recordings.stop_all(room_id)

    assert [r.id for r in stopped] == [job.id]
    assert stopped[0].status is JobStatus.STOPPING
    assert (await hms.recordings.retrieve(job.id)).status is JobStatus.STOPPING


@bounded
async def test_live_stream_metadata_recording_pause_and_stop(env: Env) -> None:
    """A live stream runs, takes timed metadata, pauses its recording and stops."""
    hms, fake = env.hms, env.fake
    room_id = await _busy_room(env, "broadcast")

    live = await hms.live_streams.start(room_id)
    fake.advance(live.id, to="running")
    tagged = await hms.live_streams.send_timed_metadata(
        live.id, payload="goal!", duration=5
    )
    paused = await hms.live_streams.pause_recording(live.id)
    resumed = await hms.live_streams.resume_recording(live.id)
    running = await hms.live_streams.retrieve(live.id)
    stopped = await hms.live_streams.stop(live.id)
    fake.advance(live.id, to="completed")
    done = await hms.live_streams.retrieve(live.id)

    assert live.room_id == room_id
    assert tagged.id == paused.id == resumed.id == live.id
    assert running.status is JobStatus.RUNNING
    assert running.playback is not None
    assert running.playback.url
    assert stopped.status is JobStatus.STOPPING
    assert done.status is JobStatus.COMPLETED
    events = {e["type"] for e in fake.webhook_events}
    assert {"hls.started.success", "hls.stopped.success"} <= events


@bounded
async def test_live_streams_pages_and_stop_all(env: Env) -> None:
    """Eleven live streams list over two pages; stop_all stops a room's stream."""
    hms, fake = env.hms, env.fake
    rooms, streams = [], []
    for n in range(11):
        rooms.append(await _busy_room(env, f"hls-{n:02d}"))
        streams.append((await hms.live_streams.start(rooms[-1])).id)
        fake.advance(streams[-1], to="running")

    pages = [p async for p in hms.live_streams.list(limit=10).pages()]
    stopped = await hms.live_streams.stop_all(rooms[0])
    still = [s.id async for s in hms.live_streams.list(status="running", limit=10)]

    assert [len(p.data) for p in pages] == [10, 1]
    assert sorted(s.id for p in pages for s in p.data) == sorted(streams)
    assert [s.id for s in stopped] == [streams[0]]
    assert sorted(still) == sorted(streams[1:])


@bounded
async def test_external_streams_start_list_stop(env: Env) -> None:
    """External RTMP streams start in many rooms, list over pages and stop."""
    hms, fake = env.hms, env.fake
    rooms, streams = [], []
    for n in range(11):
        rooms.append(await _busy_room(env, f"rtmp-{n:02d}"))
        stream = await hms.external_streams.start(
            rooms[-1], rtmp_urls=[f"rtmp://example.com/live/key{n}"]
        )
        streams.append(stream)

    pages = [p async for p in hms.external_streams.list(limit=10).pages()]
    one = await hms.external_streams.retrieve(streams[3].id)
    stopped = await hms.external_streams.stop(streams[3].id)
    fake.advance(streams[4].id, to="running")
    all_stopped = await hms.external_streams.stop_all(rooms[4])
    in_room = [s.id async for s in hms.external_streams.list(room_id=rooms[3])]

    assert [len(p.data) for p in pages] == [10, 1]
    assert sorted(s.id for p in pages for s in p.data) == sorted(s.id for s in streams)
    assert one.rtmp_urls == ["rtmp://example.com/live/key3"]
    assert stopped.status is JobStatus.STOPPING
    assert [s.id for s in all_stopped] == [streams[4].id]
    assert in_room == [streams[3].id]


@bounded
async def test_stream_key_create_retrieve_rotate(env: Env) -> None:
    """One active key per room; disabling it lets a new one be created."""
    hms = env.hms
    room = await hms.rooms.create(name="ingest")

    key = await hms.stream_keys.create(room.id)
    same = await hms.stream_keys.retrieve(room.id)
    with pytest.raises(BadRequestError):
        await hms.stream_keys.create(room.id)
    disabled = await hms.stream_keys.disable(room.id)
    with pytest.raises(NotFoundError):
        await hms.stream_keys.retrieve(room.id)
    rotated = await hms.stream_keys.create(room.id)
    await hms.rooms.disable(room.id)
    other = await hms.rooms.create(name="closed")
    await hms.rooms.disable(other.id)
    with pytest.raises(PermissionDeniedError):
        await hms.stream_keys.create(other.id)

    assert (same.id, same.key) == (key.id, key.key)
    assert key.room_id == room.id
    assert key.enabled is True
    assert (key.url or "").startswith("rtmp")
    assert disabled.message
    assert rotated.id != key.id
    assert rotated.key != key.key


@bounded
async def test_media_limits_are_refused_before_sending(env: Env) -> None:
    """Out-of-range page sizes, presign durations and metadata durations send nothing."""
    hms = env.hms
    with pytest.raises(ValueError, match="limit"):
        await hms.recordings.list(limit=101)
    with pytest.raises(ValueError, match="limit"):
        await hms.recording_assets.list(limit=9)
    with pytest.raises(ValueError, match="limit"):
        await hms.live_streams.list(limit=0)
    with pytest.raises(ValueError, match="limit"):
        await hms.external_streams.list(limit=500)
    with pytest.raises(ValueError, match="presign_duration"):
        await hms.recording_assets.presigned_url("a", presign_duration=0)
    with pytest.raises(ValueError, match="duration"):
        await hms.live_streams.send_timed_metadata("s", payload="x", duration=0)

    assert env.fake.requests == []
