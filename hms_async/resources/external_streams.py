"""`hms.external_streams`: RTMP(S) out of rooms to other platforms.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/external-streams/overview>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Unpack

from .._call_options import RequestOptions
from .._encoding import body
from .._pagination import AsyncPaginator
from .._parsers import model
from ..models._common import JobStatus
from ..models.external_streams import ExternalStream
from ..models.live_streams import StoppedStreams
from ..models.recording_assets import RecordingResolution
from ._base import Resource, check_int, check_limit
from .live_streams import stopped_streams

__all__ = ["ExternalStreamsResource"]

_MAX_RTMP_URLS: Final = 5
"""One reference page says 5, another 3: the larger is accepted."""
_RTMP_SCHEMES: Final = ("rtmp://", "rtmps://")
_LANDSCAPE: Final = ((500, 1920), (480, 1080))
_PORTRAIT: Final = ((500, 1080), (500, 1920))


def _check_rtmp_urls(rtmp_urls: Sequence[str]) -> list[str]:
    if isinstance(rtmp_urls, str):
        raise TypeError("rtmp_urls must be a list of URLs, not a single string")
    urls = list(rtmp_urls)
    if not 1 <= len(urls) <= _MAX_RTMP_URLS:
        raise ValueError(
            f"rtmp_urls must hold between 1 and {_MAX_RTMP_URLS} URLs, got {len(urls)}"
        )
    for url in urls:
        if not isinstance(url, str) or not url.lower().startswith(_RTMP_SCHEMES):
            # The URL embeds the stream key: never echo it.
            raise ValueError("each of rtmp_urls must start with rtmp:// or rtmps://")
    return urls


def _check_resolution(
    resolution: RecordingResolution | Mapping[str, Any] | None,
) -> None:
    if resolution is None:
        return
    width: Any
    height: Any
    if isinstance(resolution, RecordingResolution):
        width, height = resolution.width, resolution.height
    else:
        width, height = resolution.get("width"), resolution.get("height")
    if width is None or height is None:
        raise ValueError("resolution needs both width and height")
    check_int("resolution width", width)
    check_int("resolution height", height)
    (w_low, w_high), (h_low, h_high) = _LANDSCAPE if width >= height else _PORTRAIT
    check_int("resolution width", width, w_low, w_high)
    check_int("resolution height", height, h_low, h_high)


class ExternalStreamsResource(Resource):
    """External streams: a room composed and pushed to RTMP(S) endpoints.

    Reach it as `hms.external_streams`, to stream a room to YouTube, Twitch or
    any RTMP ingest. Its jobs go through the same states as recordings.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    async def start(
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
            stream = await hms.external_streams.start(
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
        return await self._requester.request(
            "POST",
            "external-streams/room/{room_id}/start",
            room_id,
            json=payload,
            parse=model(ExternalStream),
            options=request_options,
        )

    async def stop(
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
        return await self._requester.request(
            "POST",
            "external-streams/{stream_id}/stop",
            stream_id,
            parse=model(ExternalStream),
            options=request_options,
        )

    async def stop_all(
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
        return await self._requester.request(
            "POST",
            "external-streams/room/{room_id}/stop",
            room_id,
            parse=stopped_streams(ExternalStream),
            options=request_options,
        )

    async def retrieve(
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
        return await self._requester.request(
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
    ) -> AsyncPaginator[ExternalStream]:
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
            A lazy [AsyncPaginator][hms_async.AsyncPaginator] of external streams:
                `await` it for the first page, `async for` over it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when awaited or
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
