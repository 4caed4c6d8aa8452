"""External streams (`/external-streams`): RTMP(S) out to other platforms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY
from ._common import JobStatus
from .recording_assets import RecordingAsset, RecordingResolution

__all__ = ["ExternalStream"]


@attrs.define(kw_only=True)
class ExternalStream:
    """An RTMP(S) external-stream job of a room.

    `rtmp_urls` (they embed stream keys) and `meeting_url` (it may carry an
    `auth_token`) are hidden from the repr.

    Attributes:
        id: The job's id.
        room_id: The room streamed.
        session_id: The session streamed.
        status: `starting`, `running`, `stopping`, `post_processing`,
            `completed` or `failed`.
        rtmp_urls: The RTMP(S) URLs streamed to, stream keys included.
        recording: Whether the stream is also recorded.
        resolution: The video size streamed.
        started_at: When streaming began.
        stopped_at: When it stopped.
        recording_assets: The recording, once made.
    """

    id: str
    room_id: str | None = None
    session_id: str | None = None
    status: JobStatus | str | None = None
    destination: str | None = None
    rtmp_urls: list[str] = attrs.field(factory=list, repr=False)
    meeting_url: str | None = attrs.field(default=None, repr=False)
    recording: bool | None = None
    resolution: RecordingResolution | None = None
    started_by: str | None = None
    stopped_by: str | None = None
    created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    recording_assets: list[RecordingAsset] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
