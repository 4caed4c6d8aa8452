"""Export every room and its sessions to JSON Lines, streaming, with progress.

``python examples/export_jsonl.py out.jsonl`` (uses the fake with sample data
when no HMS_ACCESS_KEY/HMS_SECRET are set). Memory stays flat however many
rooms there are: pages are fetched as they are needed, and the next page is
fetched while this one is written (``prefetch``). Needs nothing beyond
hms-async itself.
"""

from __future__ import annotations

import os
import sys
from typing import IO

import anyio
import orjson

import hms_async
from hms_async.testing import FakeHMS


async def export(hms: hms_async.HMSClient, out: IO[bytes], progress: IO[str]) -> int:
    """Write one line per room, with its sessions; return the number of rooms."""
    count = 0
    async with hms.rooms.list(limit=100).prefetch() as rooms:
        async for room in rooms:
            sessions = [
                hms_async.to_dict(s) async for s in hms.sessions.list(room_id=room.id)
            ]
            line = {"room": hms_async.to_dict(room), "sessions": sessions}
            out.write(orjson.dumps(line) + b"\n")
            count += 1
            if count % 100 == 0:
                progress.write(f"\rexported {count} rooms")
                progress.flush()
    progress.write(f"\rexported {count} rooms\n")
    return count


async def _sample_fake(rooms: int) -> FakeHMS:
    fake = FakeHMS(seed="export")
    async with fake.client() as hms:
        for index in range(rooms):
            room = await hms.rooms.create(name=f"export-{index}")
            if index % 10 == 0:
                peer = fake.join(room.id, role="host", user_id=f"user-{index}")
                fake.leave(room.id, peer.id)
    return fake


async def main(path: str) -> None:
    """Export to ``path`` from the real API or a fake with sample data."""
    with open(path, "wb") as out:  # noqa: ASYNC230 - a local file, written line by line
        if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
            async with hms_async.HMSClient() as hms:
                await export(hms, out, sys.stderr)
            return
        fake = await _sample_fake(250)
        async with fake.client() as hms:
            await export(hms, out, sys.stderr)


if __name__ == "__main__":
    anyio.run(main, sys.argv[1] if len(sys.argv) > 1 else "export.jsonl")
