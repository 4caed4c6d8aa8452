"""A small fake workspace with something in every list the CLI exports."""

from __future__ import annotations

from typing import Any

import anyio
import attrs

from hms_async.testing import FakeHMS

QUIZ: list[dict[str, Any]] = [
    {
        "text": "2 + 2?",
        "type": "single-choice",
        "options": [{"text": "4"}, {"text": "5"}],
        "answer": {"options": [1]},
    },
]


@attrs.frozen(kw_only=True)
class Workspace:
    """The ids of what ``build`` made."""

    room_id: str
    session_id: str
    host_id: str
    recording_id: str
    live_stream_id: str
    external_stream_id: str
    poll_id: str


def build(fake: FakeHMS) -> Workspace:
    """A room with a session, two peers, a completed recording, streams and a quiz."""

    async def main() -> Workspace:
        async with fake.client() as hms:
            poll = await hms.polls.create(title="Quiz", type="quiz", questions=QUIZ)
            room = await hms.rooms.create(name="studio", polls=[poll.id])
            host = fake.join(room.id, role="host", user_id="ada")
            guest = fake.join(room.id, role="guest", user_id="bob")
            fake.answer_poll(poll.id, guest.id, question=1, options=[1])
            recording = await hms.recordings.start(room.id)
            fake.advance(recording.id, to="completed")
            live = await hms.live_streams.start(room.id)
            external = await hms.external_streams.start(
                room.id, rtmp_urls=["rtmp://example.com/live/key"]
            )
            return Workspace(
                room_id=room.id,
                session_id=host.session_id,
                host_id=host.id,
                recording_id=recording.id,
                live_stream_id=live.id,
                external_stream_id=external.id,
                poll_id=poll.id,
            )

    return anyio.run(main)
