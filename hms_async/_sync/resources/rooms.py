# Generated from hms_async/resources/rooms.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.rooms`: create, read, update, enable and disable rooms.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/overview>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.rooms import RecordingInfo, Region, Room, RoomWebhook
from hms_async.resources._base import check_limit
from hms_async.resources.rooms import (
    _check_room,
)

__all__ = ["RoomsResource"]


class RoomsResource(Resource):
    """Rooms: the places where sessions happen. Rooms are never deleted, only disabled.

    Reach it as `hms.rooms` on an [SyncHMSClient][hms_async.SyncHMSClient].

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def create(
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
        **request_options: Unpack[RequestOptions],
    ) -> Room:
        """Create a room, or update and return the room that already has this name.

        Names are case-insensitive: creating `"Physics"` when `"physics"` exists
        returns that room, changed to the values passed here (for example a new
        `template_id`). A named create is therefore idempotent and retried like a
        GET; an unnamed one (the server picks a UUID name) is never retried once
        sent. Every argument is optional; `None` leaves it out of the request.

        Args:
            name: The room name: letters `a-z A-Z`, digits and `. - : _` only.
                Generated (a UUID) when omitted.
            description: Free text shown in the dashboard.
            template_id: The template whose roles and settings the room uses;
                the workspace's default template when omitted.
            recording_info: SFU recording settings, a
                [RecordingInfo][hms_async.models.RecordingInfo] or its JSON
                (`{"enabled": bool, "upload_info": {"type": "s3"|"gs"|"oss"|"azure",
                "location": bucket, ...}}`). When omitted the room follows its
                template's recording settings, including later changes.
            region: Where media is served: `in`, `us`, `eu` or `auto` (a
                [Region][hms_async.models.Region] or the string). Defaults to the
                template's region.
            large_room: Set to `True` for more than 2500 peers (up to 20000).
            size: The most peers expected: 0 to 2500, or 0 to 20000 with
                `large_room=True`.
            max_duration_seconds: The session ends by itself after this long:
                120 to 43200 (12 h).
            webhook: A room-level webhook, a
                [RoomWebhook][hms_async.models.RoomWebhook] or
                `{"url": ..., "headers": {...}}`. It replaces the workspace's
                webhook for this room.
            polls: Ids of polls to link to the room; a poll whose `start` is
                `auto` starts with each session.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room as the API stores it.

        Raises:
            ValueError: Raised before sending when `name` has other characters,
                or `size` or `max_duration_seconds` is out of range.
            TypeError: `size` or `max_duration_seconds` is not an int.
            BadRequestError: The API refused the body, e.g. "Error: template not
                found", "Error: region not supported", "Invalid upload
                configuration" or a size above the room's limit.

        Example:
            ```python
            room = hms.rooms.create(name="physics-7b", region="eu", size=50)
            print(room.id, room.template_id)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/create-via-api>
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
        return self._requester.request(
            "POST",
            "rooms",
            json=payload,
            parse=model(Room),
            idempotent=name is not None,
            options=request_options,
        )

    def retrieve(self, room_id: str, **request_options: Unpack[RequestOptions]) -> Room:
        """Get a room by id.

        Args:
            room_id: The room's id (24 hex characters).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room.

        Raises:
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/retrieve-room>
        """
        return self._requester.request(
            "GET",
            "rooms/{room_id}",
            room_id,
            parse=model(Room),
            options=request_options,
        )

    def retrieve_by_name(
        self, name: str, **request_options: Unpack[RequestOptions]
    ) -> Room:
        """Get the room with this exact name.

        It lists rooms filtered by `name` and returns the first match. Names are
        case-insensitive on the server. No `enabled` filter is sent, so the API's
        default applies (documented as enabled rooms only).

        Args:
            name: The room's name.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room.

        Raises:
            NotFoundError: No room has this name (raised by the SDK on an empty
                list; `path` is `"rooms"`).
            ValueError: `name` is empty; nothing is sent.

        Example:
            ```python
            room = hms.rooms.retrieve_by_name("physics-7b")
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/list-rooms>
        """
        if not name:
            raise ValueError("name must not be empty")
        return self._lookup(
            "rooms",
            Room,
            {"name": name, "limit": 10},
            f"no room is named {name!r}",
            options=request_options,
        )

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
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[Room]:
        """List rooms, lazily.

        Nothing is sent until the result is awaited (the first page) or iterated
        with `for` (every room, page after page). Filters left as `None` are
        not sent.

        Args:
            enabled: `True` for enabled rooms only, `False` for disabled ones. The
                API documents `True` as its default, so pass `False` to see
                disabled rooms.
            name: Only the room with this exact name.
            template_id: Only rooms made from this template.
            after: Only rooms created at or after this time (a `datetime`, naive
                ones taken as UTC, or an RFC 3339 string).
            before: Only rooms created at or before this time.
            limit: The page size, 10 to 100. The largest page is the fastest way
                through a long list.
            start: Resume after a page: pass a page's `next_cursor` (the API's
                `last` room id).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of rooms: `await`
                it for the first [Page][hms_async.Page], `for` over it for
                every room.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter ("Invalid query parameter"),
                raised when the list is awaited or iterated.

        Example:
            ```python
            for room in hms.rooms.list(enabled=True):
                print(room.name)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/list-rooms>
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
        return self._list("rooms", Room, params, start=start, options=request_options)

    def update(
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
        **request_options: Unpack[RequestOptions],
    ) -> Room:
        """Change a room's settings; only the arguments passed are sent.

        The arguments mean what they mean for `create()`, with the same limits.
        Changing `recording_info` stops the room from following its template's
        recording settings. Sending the same values twice is harmless, so the call
        is retried like a GET.

        Args:
            room_id: The room's id.
            name: A new name: letters `a-z A-Z`, digits and `. - : _` only.
            description: A new description.
            recording_info: New SFU recording settings (a
                [RecordingInfo][hms_async.models.RecordingInfo] or its JSON).
            region: `in`, `us`, `eu` or `auto`.
            large_room: `True` to allow up to 20000 peers.
            size: The most peers expected: 0 to 2500, or 0 to 20000 with
                `large_room=True`.
            max_duration_seconds: 120 to 43200.
            webhook: A room-level webhook (`{"url": ..., "headers": {...}}`).
            polls: The ids of the polls linked to the room.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The updated room.

        Raises:
            ValueError: Raised before sending when no field is passed, `room_id`
                is empty, `name` has other characters, or `size` or
                `max_duration_seconds` is out of range.
            TypeError: `size` or `max_duration_seconds` is not an int.
            NotFoundError: No room has this id.
            BadRequestError: The API refused the body (see `create()`).

        Example:
            ```python
            room = hms.rooms.update(room.id, description="Tuesdays only")
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/update-a-room>
        """
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
        return self._set(room_id, payload, options=request_options)

    def enable(self, room_id: str, **request_options: Unpack[RequestOptions]) -> Room:
        """Let peers join the room again.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room, now `enabled`.

        Raises:
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/disable-or-enable>
        """
        return self._set(room_id, {"enabled": True}, options=request_options)

    def disable(self, room_id: str, **request_options: Unpack[RequestOptions]) -> Room:
        """Stop new peers from joining the room; a running session goes on.

        Rooms cannot be deleted: disabling is how a room is retired. To also end
        the running session, call `hms.active_rooms.end(room_id, lock=True)`.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room, now not `enabled`.

        Raises:
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Rooms/disable-or-enable>
        """
        return self._set(room_id, {"enabled": False}, options=request_options)

    def _set(
        self, room_id: str, payload: dict[str, Any], *, options: Mapping[str, Any]
    ) -> Room:
        # Setting fields is idempotent: sending the same values twice is harmless.
        return self._requester.request(
            "POST",
            "rooms/{room_id}",
            room_id,
            json=payload,
            parse=model(Room),
            idempotent=True,
            options=options,
        )
