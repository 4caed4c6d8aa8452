"""``hms.external_streams``: RTMP(S) out of rooms to other platforms (§2.8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._pagination import AsyncPaginator
from .._requester import model, path
from ..models._common import JobStatus
from ..models.external_streams import ExternalStream
from ..models.live_streams import StoppedStreams
from ..models.recording_assets import RecordingResolution
from ._base import Resource, body, check_limit, check_range
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
    (w_low, w_high), (h_low, h_high) = _LANDSCAPE if width >= height else _PORTRAIT
    check_range("resolution width", width, w_low, w_high)
    check_range("resolution height", height, h_low, h_high)


class ExternalStreamsResource(Resource):
    """External streams: a room composed and pushed to RTMP(S) endpoints."""

    async def start(
        self,
        room_id: str,
        *,
        rtmp_urls: Sequence[str],
        meeting_url: str | None = None,
        recording: bool | None = None,
        resolution: RecordingResolution | Mapping[str, Any] | None = None,
        destination: str | None = None,
    ) -> ExternalStream:
        """Start streaming the room to 1 to 5 ``rtmp://``/``rtmps://`` URLs.

        Each URL includes its stream key. ``resolution`` defaults to 1280x720
        on the server; landscape sizes go from 500x480 to 1920x1080, portrait
        ones from 500x500 to 1080x1920. ``recording=True`` also records it.
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
            path("external-streams", "room", room_id, "start"),
            json=payload,
            parse=model(ExternalStream),
        )

    async def stop(self, stream_id: str) -> ExternalStream:
        """Stop one external stream."""
        return await self._requester.request(
            "POST",
            path("external-streams", stream_id, "stop"),
            parse=model(ExternalStream),
        )

    async def stop_all(self, room_id: str) -> StoppedStreams[ExternalStream]:
        """Stop every external stream of the room; returns the streams stopped.

        The result is a list with an ``error`` attribute (see ``StoppedStreams``).
        """
        return await self._requester.request(
            "POST",
            path("external-streams", "room", room_id, "stop"),
            parse=stopped_streams(ExternalStream),
        )

    async def retrieve(self, stream_id: str) -> ExternalStream:
        """Get an external stream by id."""
        return await self._requester.request(
            "GET", path("external-streams", stream_id), parse=model(ExternalStream)
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: JobStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[ExternalStream]:
        """List external streams, lazily; ``limit`` is the page size (10 to 100)."""
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list("external-streams", ExternalStream, params, start=start)
