"""``hms.live_streams``: HLS live streams of rooms (§2.7)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from .._pagination import AsyncPaginator
from .._requester import model, model_list, path
from ..models._common import JobStatus
from ..models.live_streams import LiveStream, LiveStreamRecording, StoppedStreams
from ..models.recordings import Transcription
from ._base import Resource, body, check_limit, check_range
from .recordings import check_transcription

__all__ = ["LiveStreamsResource", "stopped_streams"]

T = TypeVar("T")
logger = logging.getLogger("hms_async")

_MAX_PAYLOAD: Final = 100
_MAX_METADATA_SECONDS: Final = 43200
"""A session lasts at most 12 h, so no metadata can need to outlive that."""


def stopped_streams(cls: type[T]) -> Callable[[Any], StoppedStreams[T]]:
    """A parser for a stop-all envelope ``{error, data, limit, last}``.

    Shared by live and external streams. A non-empty ``error`` is kept on the
    result and logged as a warning; it does not fail the call.
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
    """HLS live streams: start, stop, inspect, and annotate with timed metadata."""

    async def start(
        self,
        room_id: str,
        *,
        meeting_url: str | None = None,
        recording: LiveStreamRecording | Mapping[str, Any] | None = None,
        destination: str | None = None,
        transcription: Transcription | Mapping[str, Any] | None = None,
    ) -> LiveStream:
        """Start an HLS stream of the room; the job comes back ``starting``.

        ``meeting_url`` is needed when the room's template has no subdomain
        (templates made through the API have none). ``transcription`` is
        checked against the summary limits, as for recordings; it also takes
        ``modes: ["recorded", "live"]`` (``live`` adds WebVTT captions).
        """
        payload = body(
            meeting_url=meeting_url,
            recording=recording,
            destination=destination,
            transcription=transcription,
        )
        if "transcription" in payload:
            check_transcription(payload["transcription"])
        return await self._post(path("live-streams", "room", room_id, "start"), payload)

    async def stop(self, stream_id: str) -> LiveStream:
        """Stop one live stream."""
        return await self._post(path("live-streams", stream_id, "stop"))

    async def stop_all(self, room_id: str) -> StoppedStreams[LiveStream]:
        """Stop every live stream of the room; returns the streams stopped.

        The result is a list with an ``error`` attribute (see ``StoppedStreams``).
        """
        return await self._requester.request(
            "POST",
            path("live-streams", "room", room_id, "stop"),
            parse=stopped_streams(LiveStream),
        )

    async def retrieve(self, stream_id: str) -> LiveStream:
        """Get a live stream; ``recording_assets`` is set once it has completed."""
        return await self._requester.request(
            "GET", path("live-streams", stream_id), parse=model(LiveStream)
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: JobStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[LiveStream]:
        """List live streams, lazily; ``limit`` is the page size (10 to 100)."""
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list("live-streams", LiveStream, params, start=start)

    async def send_timed_metadata(
        self, stream_id: str, *, payload: str, duration: int
    ) -> LiveStream:
        """Insert timed metadata (up to 100 characters) into a running stream.

        Players receive ``payload`` as an HLS cue valid for ``duration`` seconds.
        """
        if not isinstance(payload, str):
            raise TypeError(f"payload must be a string, got {type(payload).__name__}")
        if not 1 <= len(payload) <= _MAX_PAYLOAD:
            raise ValueError(
                f"payload must be between 1 and {_MAX_PAYLOAD} characters long, "
                f"got {len(payload)}"
            )
        if isinstance(duration, float):
            raise TypeError("duration must be a whole number of seconds")
        check_range("duration", duration, 1, _MAX_METADATA_SECONDS)
        return await self._post(
            path("live-streams", stream_id, "timed-metadata"),
            {"payload": payload, "duration": duration},
        )

    async def pause_recording(self, stream_id: str) -> LiveStream:
        """Pause the stream's recording (the stream itself goes on)."""
        return await self._post(
            path("live-streams", stream_id, "pause-recording"), idempotent=True
        )

    async def resume_recording(self, stream_id: str) -> LiveStream:
        """Resume the stream's paused recording."""
        return await self._post(
            path("live-streams", stream_id, "resume-recording"), idempotent=True
        )

    async def _post(
        self,
        url_path: str,
        payload: dict[str, Any] | None = None,
        *,
        idempotent: bool = False,
    ) -> LiveStream:
        # Pausing or resuming twice leaves the same state, so those may be
        # retried; starts, stops and metadata are sent at most once.
        return await self._requester.request(
            "POST",
            url_path,
            json=payload,
            parse=model(LiveStream),
            idempotent=idempotent,
        )
