"""`hms.live_streams`: HLS live streams of rooms.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/overview>
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, Unpack

from .._call_options import RequestOptions
from .._encoding import body
from .._pagination import AsyncPaginator
from .._parsers import model, model_list
from ..models._common import JobStatus
from ..models.live_streams import LiveStream, LiveStreamRecording, StoppedStreams
from ..models.recordings import Transcription
from ._base import Resource, check_int, check_limit
from ._transcription import check_transcription

__all__ = ["LiveStreamsResource", "stopped_streams"]

T = TypeVar("T")
logger = logging.getLogger("hms_async")

_MAX_PAYLOAD: Final = 100
_MAX_METADATA_SECONDS: Final = 43200
"""A session lasts at most 12 h, so no metadata can need to outlive that."""


def stopped_streams(cls: type[T]) -> Callable[[Any], StoppedStreams[T]]:
    """Make a parser for a stop-all envelope `{error, data, limit, last}`.

    Shared by live and external streams. A non-empty `error` is kept on the
    result and logged as a warning; it does not fail the call.

    Args:
        cls: The stream model of the items.

    Returns:
        A function from the decoded body to a
            [StoppedStreams][hms_async.models.StoppedStreams] list.
    """
    items = model_list(cls)

    def parse(data: Any) -> StoppedStreams[T]:
        streams = items(data)
        error = data.get("error")
        result = StoppedStreams(streams, error=str(error) if error else None)
        if result.error:
            logger.warning("stop-all reported an error: %s", result.error)
        return result

    return parse


class LiveStreamsResource(Resource):
    """HLS live streams: start, stop, inspect, and annotate with timed metadata.

    Reach it as `hms.live_streams`. A stream's `playback.url` is the master
    m3u8 playlist viewers play. Its jobs go through the same states as
    recordings (`starting` ... `completed` or `failed`); with recording on, its
    VOD becomes a `room-vod` asset.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    async def start(
        self,
        room_id: str,
        *,
        meeting_url: str | None = None,
        recording: LiveStreamRecording | Mapping[str, Any] | None = None,
        destination: str | None = None,
        transcription: Transcription | Mapping[str, Any] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> LiveStream:
        """Start an HLS stream of the room; the job comes back `starting`.

        Not retried once sent: a repeat could start a second stream.

        Args:
            room_id: The room's id.
            meeting_url: The page the streaming browser opens (see
                `hms.recordings.start()`). Needed when the template has no
                subdomain, as with every template created through the API.
            recording: What to record, a
                [LiveStreamRecording][hms_async.models.LiveStreamRecording] or
                `{"hls_vod": bool, "single_file_per_layer": bool}`: `hls_vod`
                makes a `room-vod` asset, `single_file_per_layer` one mp4 per
                layer.
            destination: The name of an HLS destination of the template; needed
                only when the template has several.
            transcription: Transcription settings for this stream, as for
                `hms.recordings.start()` and with the same summary limits, plus
                `modes` among `recorded` and `live` (`live` puts WebVTT captions
                in the stream; `output_modes` and `summary` apply to `recorded`).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The new live stream.

        Raises:
            ValueError: A summary limit is exceeded, or `room_id` is empty;
                nothing is sent.
            TypeError: `transcription` is not an object.
            BadRequestError: The API refused the body.
            NotFoundError: No room has this id.

        Example:
            ```python
            stream = await hms.live_streams.start(room.id, recording={"hls_vod": True})
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/start-live-stream-for-room>
        """
        payload = body(
            meeting_url=meeting_url,
            recording=recording,
            destination=destination,
            transcription=transcription,
        )
        if "transcription" in payload:
            check_transcription(payload["transcription"])
        return await self._post(
            "live-streams/room/{room_id}/start",
            room_id,
            payload,
            options=request_options,
        )

    async def stop(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> LiveStream:
        """Stop one live stream.

        Not retried once sent.

        Args:
            stream_id: The live stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The live stream, `stopping`.

        Raises:
            NotFoundError: No live stream has this id.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/stop-live-stream-by-id>
        """
        return await self._post(
            "live-streams/{stream_id}/stop", stream_id, options=request_options
        )

    async def stop_all(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> StoppedStreams[LiveStream]:
        """Stop every live stream of the room.

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

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/stop-live-stream-for-room>
        """
        return await self._requester.request(
            "POST",
            "live-streams/room/{room_id}/stop",
            room_id,
            parse=stopped_streams(LiveStream),
            options=request_options,
        )

    async def retrieve(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> LiveStream:
        """Get a live stream by id.

        Args:
            stream_id: The live stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The live stream; `recording_assets` is filled once it has completed.

        Raises:
            NotFoundError: No live stream has this id.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/get-live-stream>
        """
        return await self._requester.request(
            "GET",
            "live-streams/{stream_id}",
            stream_id,
            parse=model(LiveStream),
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
    ) -> AsyncPaginator[LiveStream]:
        """List live streams, lazily.

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
            A lazy [AsyncPaginator][hms_async.AsyncPaginator] of live streams:
                `await` it for the first page, `async for` over it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when awaited or
                iterated).

        Example:
            ```python
            async for stream in hms.live_streams.list(status="running"):
                print(stream.playback.url if stream.playback else None)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/list-all-live-streams>
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list(
            "live-streams", LiveStream, params, start=start, options=request_options
        )

    async def send_timed_metadata(
        self,
        stream_id: str,
        *,
        payload: str,
        duration: int,
        **request_options: Unpack[RequestOptions],
    ) -> LiveStream:
        """Insert timed metadata into a running stream.

        Players receive `payload` as an HLS cue (ID3) at this point of the
        stream, valid for `duration` seconds. Not retried once sent.

        Args:
            stream_id: The live stream's id.
            payload: The text to insert: 1 to 100 characters.
            duration: How long the cue applies, in whole seconds: 1 to 43200.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The live stream.

        Raises:
            TypeError: `payload` is not a string, or `duration` is not an int.
            ValueError: `payload` is empty or longer than 100 characters,
                `duration` is out of range, or `stream_id` is empty; nothing is
                sent.
            NotFoundError: No live stream has this id.
            BadRequestError: The API refused the metadata.

        Example:
            ```python
            await hms.live_streams.send_timed_metadata(
                stream.id, payload='{"poll": "q1"}', duration=30
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/send-timed-metadata>
        """
        if not isinstance(payload, str):
            raise TypeError(f"payload must be a string, got {type(payload).__name__}")
        if not 1 <= len(payload) <= _MAX_PAYLOAD:
            raise ValueError(
                f"payload must be between 1 and {_MAX_PAYLOAD} characters long, "
                f"got {len(payload)}"
            )
        check_int("duration", duration, 1, _MAX_METADATA_SECONDS)
        return await self._post(
            "live-streams/{stream_id}/timed-metadata",
            stream_id,
            {"payload": payload, "duration": duration},
            options=request_options,
        )

    async def pause_recording(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> LiveStream:
        """Pause the stream's recording; the stream itself goes on.

        Use it to keep the VOD clean while the broadcaster is away. Pausing twice
        leaves the same state, so the call is retried like a GET.

        Args:
            stream_id: The live stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The live stream.

        Raises:
            NotFoundError: No live stream has this id.
            BadRequestError: The API refused the pause.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/pause-live-stream-recording>
        """
        return await self._post(
            "live-streams/{stream_id}/pause-recording",
            stream_id,
            idempotent=True,
            options=request_options,
        )

    async def resume_recording(
        self, stream_id: str, **request_options: Unpack[RequestOptions]
    ) -> LiveStream:
        """Resume the stream's paused recording.

        Resuming twice leaves the same state, so the call is retried like a GET.

        Args:
            stream_id: The live stream's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The live stream.

        Raises:
            NotFoundError: No live stream has this id.
            BadRequestError: The API refused the resume.
            ValueError: `stream_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/live-streams/resume-live-stream-recording>
        """
        return await self._post(
            "live-streams/{stream_id}/resume-recording",
            stream_id,
            idempotent=True,
            options=request_options,
        )

    async def _post(
        self,
        template: str,
        some_id: str,
        payload: dict[str, Any] | None = None,
        *,
        idempotent: bool = False,
        options: Mapping[str, Any],
    ) -> LiveStream:
        # Pausing or resuming twice leaves the same state, so those may be
        # retried; starts, stops and metadata are sent at most once.
        return await self._requester.request(
            "POST",
            template,
            some_id,
            json=payload,
            parse=model(LiveStream),
            idempotent=idempotent,
            options=options,
        )
