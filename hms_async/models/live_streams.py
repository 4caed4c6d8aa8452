"""Live streams (`/live-streams`): HLS jobs, and what a stop-all returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from .._serde import EMPTY
from ._common import JobStatus
from .recording_assets import RecordingAsset

__all__ = [
    "LiveStream",
    "LiveStreamPlayback",
    "LiveStreamRecording",
    "StoppedStreams",
]

_T = TypeVar("_T")


@attrs.define(kw_only=True)
class LiveStreamPlayback:
    """Where viewers play the stream: `url` is the master m3u8 playlist."""

    url: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class LiveStreamRecording:
    """What a live stream records: an HLS VOD and/or one mp4 per layer."""

    hls_vod: bool | None = None
    single_file_per_layer: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class LiveStream:
    """An HLS live-stream job of a room.

    `meeting_url` is hidden from the repr: it may carry an `auth_token`.

    Attributes:
        id: The job's id.
        room_id: The room streamed.
        session_id: The session streamed.
        status: `starting`, `running`, `stopping`, `post_processing`,
            `completed` or `failed`.
        playback: Where viewers play it: `playback.url` is the master m3u8.
        recording: What is recorded (`hls_vod`, `single_file_per_layer`).
        destination: The template destination used, if named.
        started_at: When streaming began.
        stopped_at: When it stopped.
        recording_assets: The recordings, filled by `retrieve()` once the
            job completed.
    """

    id: str
    room_id: str | None = None
    session_id: str | None = None
    status: JobStatus | str | None = None
    meeting_url: str | None = attrs.field(default=None, repr=False)
    playback: LiveStreamPlayback | None = None
    recording: LiveStreamRecording | None = None
    destination: str | None = None
    started_by: str | None = None
    stopped_by: str | None = None
    created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    recording_assets: list[RecordingAsset] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


class StoppedStreams(list[_T]):
    """The streams a stop-all call stopped: a plain list, plus the API's `error`.

    The stop-all responses carry an `error` string whose meaning the API does
    not document; it is `None` when empty or absent. The call does not raise
    for it (the listed streams were stopped), but a non-empty one is logged as
    a warning on the `hms_async` logger.

    Attributes:
        error: The API's `error` text, or `None`.
    """

    __slots__ = ("error",)

    def __init__(self, streams: Iterable[_T] = (), *, error: str | None = None) -> None:
        super().__init__(streams)
        self.error = error

    def __repr__(self) -> str:
        return f"StoppedStreams({list.__repr__(self)}, error={self.error!r})"
