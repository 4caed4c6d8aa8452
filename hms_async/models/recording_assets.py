"""Recording assets (``/recording-assets``): the files recordings and streams produce."""

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
    """Whether an asset is ready (transcripts may be ``processing`` for a while)."""

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
    """Facts about an asset; which fields are set depends on the asset ``type``.

    ``num_layers`` and ``layer`` come as strings (``"4"``), as the API sends them.
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
    """A file produced by a recording; ``path`` points into the storage bucket.

    Assets embedded in a recording have no ``job_id``, ``room_id`` or
    ``session_id``.
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
    """A short-lived download URL of an asset; ``expiry`` is its lifetime in seconds.

    The URL grants access to the file by itself, so it is kept out of the repr.
    """

    id: str | None = None
    path: str | None = None
    url: str | None = attrs.field(default=None, repr=False)
    expiry: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
