"""Quick start: create a room, give it room codes, mint a token, list sessions.

Runs against the real API when HMS_ACCESS_KEY and HMS_SECRET are set, else
against the built-in fake: ``python examples/quickstart.py``. Needs nothing
beyond hms-async itself.
"""

from __future__ import annotations

import os

import anyio

import hms_async
from hms_async.testing import FakeHMS


def make_client() -> hms_async.HMSClient:
    """A client on the real API when credentials are set, else on the fake."""
    if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
        return hms_async.HMSClient()
    return FakeHMS().client()


async def main() -> None:
    """Walk through the most common calls."""
    async with make_client() as hms:
        room = await hms.rooms.create(name="quickstart-standup", description="daily")
        print(f"room {room.name} ({room.id}), template {room.template_id}")
        codes = await hms.room_codes.create(room.id)
        for code in codes:
            print(f"  room code for {code.role}: {code.code}")
        token = hms.tokens.create(room_id=room.id, role=codes[0].role or "host")
        print(f"peer token: {len(token)} characters (not printed: it is a secret)")
        async for session in hms.sessions.list(room_id=room.id):
            print(f"  session {session.id}: {len(session.peers)} peers")


if __name__ == "__main__":
    anyio.run(main)
