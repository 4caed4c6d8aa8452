"""Rooms (`/rooms`): the room object and what it nests."""

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
    """A 100ms room, as `hms.rooms` returns it.

    Attributes:
        id: The room's id (24 hex characters).
        name: The room's name (case-insensitive, unique in the workspace).
        enabled: Whether peers may join; a disabled room is retired.
        description: Free text.
        template_id: The template the room's roles and settings come from.
        template: The template's name.
        region: `in`, `us`, `eu` or `auto`.
        large_room: Whether the room may hold more than 2500 peers.
        size: The most peers expected.
        max_duration_seconds: The longest a session may last (120 to 43200).
        recording_source_template: `True` when the room follows its
            template's recording settings.
        recording_info: The room's own SFU recording settings, if any.
        polls: The ids of the polls linked to the room.
        webhook: The room-level webhook, if any.
        created_at: When the room was created.
        updated_at: When it last changed (may be the zero time in lists).
        extra_fields: Fields the API sent that this model does not name.
    """

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
