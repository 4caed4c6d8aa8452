# Generated from hms_async/resources/stream_keys.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.stream_keys`: RTMP ingest keys of rooms (a feature 100ms enables on request).

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/stream-key/overview>
"""

from __future__ import annotations

from typing import Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import path
from hms_async._parsers import first, model
from hms_async._sync.resources._base import Resource
from hms_async.errors import NotFoundError
from hms_async.models.stream_keys import StreamKey, StreamKeyActionResult
from hms_async.resources.stream_keys import _keys

__all__ = ["StreamKeysResource"]


class StreamKeysResource(Resource):
    """RTMP ingest: the one active key with which an encoder publishes into a room.

    Reach it as `hms.stream_keys`. Point OBS or any RTMP encoder at the key's
    `url` with its `key` (kept out of reprs). A room has at most one active
    key: to rotate it, `disable()` it and `create()` a new one. Free ingest
    lasts 5 minutes per stream in HD, 15 in lower quality.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def create(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> StreamKey:
        """Create the room's RTMP ingest key and URL.

        Not retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The new key: `url` to publish to, and `key`.

        Raises:
            BadRequestError: The room already has an active key ("Active key
                already exists").
            PermissionDeniedError: The room is disabled.
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        Example:
            ```python
            key = hms.stream_keys.create(room.id)
            print(key.url)  # give key.key to the encoder, never log it
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/stream-key/create-rtmp-stream-key>
        """
        return self._requester.request(
            "POST",
            "stream-keys/room/{room_id}",
            room_id,
            parse=model(StreamKey),
            options=request_options,
        )

    def retrieve(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> StreamKey:
        """Get the room's active key.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The active key.

        Raises:
            NotFoundError: No room has this id, or it has no active key (an
                empty answer raises it too).
            PermissionDeniedError: The room is disabled.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/stream-key/get-rtmp-stream-key>
        """
        # The API answers 404 itself; an empty list means the same.
        template = "stream-keys/room/{room_id}"
        return self._requester.request(
            "GET",
            template,
            room_id,
            parse=first(
                _keys,
                lambda: NotFoundError(
                    status_code=404,
                    message=f"room {room_id!r} has no active stream key",
                    method="GET",
                    path=path(template, room_id),
                ),
            ),
            options=request_options,
        )

    def disable(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> StreamKeyActionResult:
        """Disable the room's active key; encoders using it can no longer publish.

        Disabling twice leaves the same state, so the call is retried like a GET.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The API's acknowledgement (`message` is
                `"key disabled successfully"`).

        Raises:
            NotFoundError: No room has this id, or it has no active key.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/stream-key/disable-rtmp-stream-key>
        """
        return self._requester.request(
            "POST",
            "stream-keys/room/{room_id}/disable",
            room_id,
            parse=model(StreamKeyActionResult),
            idempotent=True,
            options=request_options,
        )
