"""``hms.rooms``: create, read, update, enable and disable rooms (§2.1)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._pagination import AsyncPaginator
from .._requester import model, path
from ..errors import NotFoundError
from ..models.rooms import RecordingInfo, Region, Room, RoomWebhook
from ._base import Resource, body, check_limit, check_range

__all__ = ["RoomsResource"]

_ROOM_NAME: Final = re.compile(r"[a-zA-Z0-9.\-:_]+")
_MAX_SIZE: Final = 2500
_MAX_LARGE_SIZE: Final = 20000


def _check_room(
    name: str | None,
    size: int | None,
    large_room: bool | None,
    max_duration_seconds: int | None,
) -> None:
    if name is not None and not _ROOM_NAME.fullmatch(name):
        raise ValueError(
            f"name may only contain a-z, A-Z, 0-9 and . - : _, got {name!r}"
        )
    check_range("size", size, 0, _MAX_LARGE_SIZE if large_room else _MAX_SIZE)
    check_range("max_duration_seconds", max_duration_seconds, 120, 43200)


class RoomsResource(Resource):
    """Rooms: the places where sessions happen. Rooms are never deleted, only disabled."""

    async def create(
        self,
        *,
        name: str | None = None,
        description: str | None = None,
        template_id: str | None = None,
        recording_info: RecordingInfo | Mapping[str, Any] | None = None,
        region: Region | str | None = None,
        large_room: bool | None = None,
        size: int | None = None,
        max_duration_seconds: int | None = None,
        webhook: RoomWebhook | Mapping[str, Any] | None = None,
        polls: Sequence[str] | None = None,
    ) -> Room:
        """Create a room; a room with the same ``name`` is returned updated.

        Because a named create is idempotent, it is retried like a GET; an
        unnamed one (the server picks a name) is never retried once sent.
        """
        _check_room(name, size, large_room, max_duration_seconds)
        payload = body(
            name=name,
            description=description,
            template_id=template_id,
            recording_info=recording_info,
            region=region,
            large_room=large_room,
            size=size,
            max_duration_seconds=max_duration_seconds,
            webhook=webhook,
            polls=polls,
        )
        return await self._requester.request(
            "POST",
            "rooms",
            json=payload,
            parse=model(Room),
            idempotent=name is not None,
        )

    async def retrieve(self, room_id: str) -> Room:
        """Get a room by id."""
        return await self._requester.request(
            "GET", path("rooms", room_id), parse=model(Room)
        )

    async def retrieve_by_name(self, name: str) -> Room:
        """Get the room with this exact name; ``NotFoundError`` if there is none."""
        if not name:
            raise ValueError("name must not be empty")
        page = await self.list(name=name, limit=10)
        if not page.data:
            raise NotFoundError(
                status_code=404,
                message=f"no room is named {name!r}",
                method="GET",
                path="rooms",
            )
        return page.data[0]

    def list(
        self,
        *,
        enabled: bool | None = None,
        name: str | None = None,
        template_id: str | None = None,
        after: dt.datetime | str | None = None,
        before: dt.datetime | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[Room]:
        """List rooms, lazily; ``after``/``before`` filter on creation time.

        ``limit`` is the page size (10 to 100; the largest page is the fastest
        way through a long list).
        """
        check_limit(limit)
        params = {
            "enabled": enabled,
            "name": name,
            "template_id": template_id,
            "after": after,
            "before": before,
            "limit": limit,
        }
        return self._list("rooms", Room, params, start=start)

    async def update(
        self,
        room_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        recording_info: RecordingInfo | Mapping[str, Any] | None = None,
        region: Region | str | None = None,
        large_room: bool | None = None,
        size: int | None = None,
        max_duration_seconds: int | None = None,
        webhook: RoomWebhook | Mapping[str, Any] | None = None,
        polls: Sequence[str] | None = None,
    ) -> Room:
        """Change a room's settings; only the arguments passed are sent."""
        _check_room(name, size, large_room, max_duration_seconds)
        payload = body(
            name=name,
            description=description,
            recording_info=recording_info,
            region=region,
            large_room=large_room,
            size=size,
            max_duration_seconds=max_duration_seconds,
            webhook=webhook,
            polls=polls,
        )
        if not payload:
            raise ValueError("update() needs at least one field to change")
        return await self._set(room_id, payload)

    async def enable(self, room_id: str) -> Room:
        """Let peers join the room again."""
        return await self._set(room_id, {"enabled": True})

    async def disable(self, room_id: str) -> Room:
        """Stop new peers from joining; a running session goes on."""
        return await self._set(room_id, {"enabled": False})

    async def _set(self, room_id: str, payload: dict[str, Any]) -> Room:
        # Setting fields is idempotent: sending the same values twice is harmless.
        return await self._requester.request(
            "POST",
            path("rooms", room_id),
            json=payload,
            parse=model(Room),
            idempotent=True,
        )
