"""Rooms (``/rooms``): the room object and what it nests."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = [
    "RecordingInfo",
    "Region",
    "Room",
    "RoomWebhook",
    "StorageType",
    "UploadCredentials",
    "UploadInfo",
    "UploadOptions",
]


class Region(enum.StrEnum):
    """Where a room's media is served from."""

    IN = "in"
    US = "us"
    EU = "eu"
    AUTO = "auto"


class StorageType(enum.StrEnum):
    """Cloud storage kinds for recording uploads."""

    S3 = "s3"
    GS = "gs"
    OSS = "oss"
    AZURE = "azure"


@attrs.define(kw_only=True)
class UploadOptions:
    """Storage options of an upload target."""

    region: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class UploadCredentials:
    """Storage credentials; the secret is never shown in a repr."""

    key: str
    secret: str = attrs.field(repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class UploadInfo:
    """Where recordings are uploaded."""

    type: StorageType | str
    location: str
    prefix: str | None = None
    options: UploadOptions | None = None
    credentials: UploadCredentials | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingInfo:
    """A room's recording settings (SFU recording)."""

    enabled: bool | None = None
    upload_info: UploadInfo | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RoomWebhook:
    """A room-level webhook; its headers (often secrets) are not shown in a repr."""

    url: str
    headers: dict[str, str] = attrs.field(factory=dict, repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Room:
    """A 100ms room."""

    id: str
    name: str | None = None
    enabled: bool | None = None
    description: str | None = None
    customer_id: str | None = None
    app_id: str | None = None
    template_id: str | None = None
    template: str | None = None
    region: Region | str | None = None
    large_room: bool | None = None
    size: int | None = None
    max_duration_seconds: int | None = None
    recording_source_template: bool | None = None
    enabled_source_template: bool | None = None
    recording_info: RecordingInfo | None = None
    polls: list[str] = attrs.field(factory=list)
    webhook: RoomWebhook | None = None
    key: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
