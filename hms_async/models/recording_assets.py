"""Recording assets (`/recording-assets`): the files recordings and streams produce."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = [
    "PresignedUrl",
    "RecordingAsset",
    "RecordingAssetMetadata",
    "RecordingAssetStatus",
    "RecordingAssetType",
    "RecordingResolution",
]


class RecordingAssetType(enum.StrEnum):
    """What a recording asset holds."""

    ROOM_COMPOSITE = "room-composite"
    ROOM_COMPOSITE_LEGACY = "room-composite-legacy"
    ROOM_VOD = "room-vod"
    CHAT = "chat"
    TRANSCRIPT = "transcript"
    SUMMARY = "summary"
    TRACK = "track"
    STREAM = "stream"


class RecordingAssetStatus(enum.StrEnum):
    """Whether an asset is ready (transcripts may be `processing` for a while)."""

    COMPLETED = "completed"
    FAILED = "failed"
    PROCESSING = "processing"


@attrs.define(kw_only=True)
class RecordingResolution:
    """A video resolution in pixels."""

    width: int | None = None
    height: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingAssetMetadata:
    """Facts about an asset; which fields are set depends on the asset `type`.

    `num_layers` and `layer` come as strings (`"4"`), as the API sends them.
    """

    resolution: RecordingResolution | None = None
    num_layers: str | None = None
    layer: str | None = None
    max_width: int | None = None
    max_height: int | None = None
    output_mode: str | None = None
    media_type: str | None = None
    track_id: str | None = None
    track_type: str | None = None
    stream_id: str | None = None
    stream_type: str | None = None
    peer_id: str | None = None
    user_id: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingAsset:
    """A file produced by a recording or stream.

    Attributes:
        id: The asset's id.
        job_id: The recording or stream job that made it.
        room_id: The room.
        session_id: The session.
        type: `room-composite`, `room-composite-legacy`, `room-vod`, `chat`,
            `transcript`, `summary`, `track` or `stream`.
        status: `completed` or `failed` (transcripts may show `processing`).
        path: Where it is in the storage bucket; download it with
            `hms.recording_assets.presigned_url()`.
        size: Its size in bytes.
        duration: Its length in seconds.
        thumbnails: Paths of thumbnails, for videos that have them.
        metadata: Facts that depend on the type (resolution, layer,
            `output_mode` of a transcript, ...).
        created_at: When it was made.
    """

    id: str
    job_id: str | None = None
    room_id: str | None = None
    session_id: str | None = None
    type: RecordingAssetType | str | None = None
    status: RecordingAssetStatus | str | None = None
    path: str | None = None
    size: int | None = None
    duration: int | None = None
    thumbnails: list[str] = attrs.field(factory=list)
    metadata: RecordingAssetMetadata | None = None
    created_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PresignedUrl:
    """A short-lived download URL of an asset.

    Attributes:
        id: The asset's id.
        path: The asset's path in the bucket.
        url: The download URL (kept out of the repr: it grants access).
        expiry: The URL's lifetime in seconds.
    """

    id: str | None = None
    path: str | None = None
    url: str | None = attrs.field(default=None, repr=False)
    expiry: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
