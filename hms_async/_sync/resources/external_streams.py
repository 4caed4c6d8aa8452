# Generated from hms_async/resources/external_streams.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.external_streams`: RTMP(S) out of rooms to other platforms.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models._common import JobStatus
from hms_async.models.external_streams import ExternalStream
from hms_async.models.live_streams import StoppedStreams
from hms_async.models.recording_assets import RecordingResolution
from hms_async.resources._base import check_limit
from hms_async.resources.external_streams import (
    _check_resolution,
    _check_rtmp_urls,
)
from hms_async.resources.live_streams import stopped_streams

__all__ = ["ExternalStreamsResource"]


class ExternalStreamsResource(Resource):
    """External streams: a room composed and pushed to RTMP(S) endpoints.

    Reach it as `hms.external_streams`, to stream a room to YouTube, Twitch or
    any RTMP ingest. Its jobs go through the same states as recordings.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def start(
        self,
        room_id: str,
        *,
        rtmp_urls: Sequence[str],
        meeting_url: str | None = None,
        recording: bool | None = None,
        resolution: RecordingResolution | Mapping[str, Any] | None = None,
        destination: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> ExternalStream:
        """Start streaming the room to RTMP(S) URLs; the job comes back `starting`.

        Not retried once sent: a repeat could start a second stream.

        Args:
            room_id: The room's id.
            rtmp_urls: 1 to 5 URLs starting with `rtmp://` or `rtmps://`, each
                the ingest URL followed by its stream key. (One 100ms page says at
                most 3; the SDK accepts 5.) Error messages never echo them.
            meeting_url: The page the streaming browser opens (see
                `hms.recordings.start()`); needed when the template has no
                subdomain.
            recording: `True` also records the stream (a `room-composite` asset).
            resolution: `{"width": int, "height": int}` or a
                [RecordingResolution][hms_async.models.RecordingResolution];
                1280x720 by default. Landscape sizes go from 500x480 to 1920x1080,
                portrait ones from 500x500 to 1080x1920.
            destination: The name of an RTMP destination of the template; needed
                only when the template has several.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The new external stream.

        Raises:
            TypeError: `rtmp_urls` is a single string, not a list, or a resolution
                side is not an int.
            ValueError: Raised before sending when there are no or more than 5
                URLs, a URL is not `rtmp://` or `rtmps://`, the resolution lacks
                a side or is out of range, or `room_id` is empty.
            BadRequestError: The API refused the body.
            NotFoundError: No room has this id.

        Example:
            ```python
            stream = hms.external_streams.start(
                room.id, rtmp_urls=["rtmps://live.example.com/app/STREAM-KEY"]
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/start-external-stream-for-room>
        """
        urls = _check_rtmp_urls(rtmp_urls)
        _check_resolution(resolution)
        payload = body(
            meeting_url=meeting_url,
            rtmp_urls=urls,
            recording=recording,
            resolution=resolution,
            destination=destination,
        )
        return self._requester.request(
            "POST",
            "external-streams/room/{room_id}/start",
            room_id,
            json=payload,
            parse=model(ExternalStream),
            options=request_options,
        )

    def stop(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> ExternalStream:
        """Stop one external stream.

        Not retried once sent.

        Args:
            stream_id: The external stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The external stream, `stopping`.

        Raises:
            NotFoundError: No external stream has this id.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/stop-rtmp-for-a-job-id>
        """
        return self._requester.request(
            "POST",
            "external-streams/{stream_id}/stop",
            stream_id,
            parse=model(ExternalStream),
            options=request_options,
        )

    def stop_all(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> StoppedStreams[ExternalStream]:
        """Stop every external stream of the room.

        Not retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The streams stopped: a list with an `error` attribute, the API's
                `error` text (logged as a warning) or `None`.

        Raises:
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/stop-rtmp-for-a-given-room>
        """
        return self._requester.request(
            "POST",
            "external-streams/room/{room_id}/stop",
            room_id,
            parse=stopped_streams(ExternalStream),
            options=request_options,
        )

    def retrieve(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> ExternalStream:
        """Get an external stream by id.

        Args:
            stream_id: The external stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The external stream.

        Raises:
            NotFoundError: No external stream has this id.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/Get-details-for-a-job-id>
        """
        return self._requester.request(
            "GET",
            "external-streams/{stream_id}",
            stream_id,
            parse=model(ExternalStream),
            options=request_options,
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: JobStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[ExternalStream]:
        """List external streams, lazily.

        Args:
            room_id: Only the streams of this room.
            session_id: Only the streams of this session.
            status: Only the streams in this state: `starting`, `running`,
                `stopping`, `post_processing`, `completed` or `failed`.
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of external streams:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when the first page is fetched or
                iterated).

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/list-all-external-streams>
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list(
            "external-streams",
            ExternalStream,
            params,
            start=start,
            options=request_options,
        )
