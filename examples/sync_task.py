"""A background task, the shape of a Celery or RQ task, on SyncHMSClient.

``close_class(room_id)`` ends the class that ran in a room: it ends the
live session (when there is one) and locks the room against new joins,
disables the room, and returns a summary of its sessions. It is a plain
function; with Celery you would write::

    @celery_app.task(autoretry_for=(hms_async.APIConnectionError,), retry_backoff=True)
    def close_class(room_id: str) -> dict[str, Any]: ...

The client is made once per process, at import. Under Celery's prefork pool
(or ``multiprocessing`` with ``fork``) that is in the parent, before the
workers are forked; each worker notices it is a new process and opens its own
connections, so one module-level client is all a task module needs.

Run it against the built-in fake (or the API, with HMS_ACCESS_KEY and
HMS_SECRET set): ``python examples/sync_task.py``.
"""

from __future__ import annotations

import os
from typing import Any

import hms_async
from hms_async.testing import FakeHMS


def make_client() -> hms_async.SyncHMSClient:
    """A client on the real API when credentials are set, else on the fake."""
    if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
        return hms_async.SyncHMSClient()
    return FakeHMS(seed="task-example").sync_client()


hms = make_client()
"""The one client of this process, shared by its tasks (and threads)."""


def close_class(room_id: str) -> dict[str, Any]:
    """End the room's session, disable the room, and sum up its sessions.

    Args:
        room_id: The room of the class.

    Returns:
        The room's name, whether a live session was ended, and how many
        sessions and distinct users the room had.
    """
    try:
        hms.active_rooms.end(room_id, reason="The class is over", lock=True)
        ended = True
    except hms_async.NotFoundError:  # no session running: nothing to end
        ended = False
    room = hms.rooms.disable(room_id)
    users: set[str | None] = set()
    sessions = 0
    for session in hms.sessions.list(room_id=room_id):
        sessions += 1
        users.update(peer.user_id for peer in session.peers.values())
    return {
        "room": room.name,
        "ended_live_session": ended,
        "sessions": sessions,
        "users": len(users),
    }


def main() -> None:
    """Create a room on the fake and run the task on it, as a worker would."""
    room = hms.rooms.create(name="physics-7b")
    print(close_class(room.id))
    hms.close()


if __name__ == "__main__":
    main()
