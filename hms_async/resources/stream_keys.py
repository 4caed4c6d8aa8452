"""``hms.stream_keys``: RTMP ingest keys of rooms (§2.9, feature gated)."""

from __future__ import annotations

from typing import Any

from .._requester import model, model_list, path
from ..errors import NotFoundError
from ..models.stream_keys import StreamKey, StreamKeyActionResult
from ._base import Resource

__all__ = ["StreamKeysResource"]

_keys = model_list(StreamKey)


def _active_key(data: Any) -> StreamKey | None:
    keys = _keys(data)
    return keys[0] if keys else None


class StreamKeysResource(Resource):
    """RTMP ingest: the one active key with which an encoder publishes into a room.

    To rotate a key, ``disable()`` it and ``create()`` a new one.
    """

    async def create(self, room_id: str) -> StreamKey:
        """Create the room's RTMP ingest key and URL.

        Fails with ``BadRequestError`` ("Active key already exists") while the
        room has an enabled key, and with ``PermissionDeniedError`` when the
        room is disabled.
        """
        return await self._requester.request(
            "POST", path("stream-keys", "room", room_id), parse=model(StreamKey)
        )

    async def retrieve(self, room_id: str) -> StreamKey:
        """Get the room's active key; ``NotFoundError`` when it has none."""
        url_path = path("stream-keys", "room", room_id)
        key = await self._requester.request("GET", url_path, parse=_active_key)
        if key is None:  # the API answers 404 itself; an empty list means the same
            raise NotFoundError(
                status_code=404,
                message=f"room {room_id!r} has no active stream key",
                method="GET",
                path=url_path,
            )
        return key

    async def disable(self, room_id: str) -> StreamKeyActionResult:
        """Disable the room's active key; encoders using it can no longer publish."""
        return await self._requester.request(
            "POST",
            path("stream-keys", "room", room_id, "disable"),
            parse=model(StreamKeyActionResult),
            idempotent=True,
        )
