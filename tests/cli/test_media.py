"""hms sessions, recordings, live-streams and templates against the in-process fake."""

from __future__ import annotations

from hms_async.testing import FakeHMS

from ._workspace import build
from .conftest import Cli


def test_sessions_list_and_get(hms: Cli, fake: FakeHMS) -> None:
    """The live session is listed (filtered by room) and shown with its peers."""
    work = build(fake)
    listed = hms.json("sessions", "list", "--room-id", work.room_id, "--active")
    shown = hms.json("sessions", "get", work.session_id)
    ended = hms.json("sessions", "list", "--inactive")

    assert [s["id"] for s in listed] == [work.session_id]
    assert work.host_id in shown["peers"]
    assert ended == []


def test_recordings_list_get_stop(hms: Cli, fake: FakeHMS) -> None:
    """A completed recording is listed by status and shown; stopping a live one works."""
    work = build(fake)
    completed = hms.json("recordings", "list", "--status", "completed")
    shown = hms.json("recordings", "get", work.recording_id)
    running = hms.json("recordings", "list", "--status", "running")

    assert [r["id"] for r in completed] == [work.recording_id]
    assert shown["status"] == "completed"
    assert running == []


def test_live_streams_list_get_stop(hms: Cli, fake: FakeHMS) -> None:
    """The live stream is listed, shown and stopped."""
    work = build(fake)
    listed = hms.json("live-streams", "list", "--room-id", work.room_id)
    shown = hms.json("live-streams", "get", work.live_stream_id)
    fake.advance(work.live_stream_id, to="running")
    stopped = hms.json("live-streams", "stop", work.live_stream_id)

    assert [s["id"] for s in listed] == [work.live_stream_id]
    assert shown["room_id"] == work.room_id
    assert stopped["status"] == "stopping"


def test_recordings_stop(hms: Cli, fake: FakeHMS) -> None:
    """Stopping a running recording answers the job, now stopping."""
    work = build(fake)
    started = hms.json("rooms", "create", "--name", "second")
    fake.join(started["id"], role="host")
    import anyio

    async def start() -> str:
        async with fake.client() as client:
            return (await client.recordings.start(started["id"])).id

    recording_id = anyio.run(start)
    fake.advance(recording_id, to="running")
    stopped = hms.json("recordings", "stop", recording_id)

    assert stopped["id"] == recording_id != work.recording_id
    assert stopped["status"] == "stopping"


def test_templates_list_and_get(hms: Cli, fake: FakeHMS) -> None:
    """The default template is listed and shown with its roles."""
    listed = hms.json("templates", "list")
    shown = hms.json("templates", "get", fake.default_template_id)

    assert [t["id"] for t in listed] == [fake.default_template_id]
    assert "host" in shown["roles"]
