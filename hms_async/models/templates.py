"""Templates (`/templates`): roles, settings, destinations, plugins, recording configs.

The template objects are camelCase on the wire (`publishParams`,
`maxPeerCount`...) and snake_case here; `metadata={"json": ...}` maps one
to the other. Roles and destinations are maps keyed by name and stay maps.
The deprecated `_id` and `customer` keys, `settings.retry` and
`destinations.browserRecordings` are kept in `extra_fields` and written
back unchanged.

Lists and maps other than `Template.roles` are `None` when unset and are then
not sent (a missing `layers` means every layer, for instance), while an empty
one that the API sent stays empty: a template read, changed and written back
sends only what was read plus the change.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY
from .recordings import SummarySectionFormat, TranscriptionMode, TranscriptionOutputMode
from .rooms import Region, StorageType, UploadOptions

__all__ = [
    "AudioPublishParams",
    "BrowserCompositeRecording",
    "CompositeRecording",
    "CustomCompositeRecording",
    "HlsLayer",
    "HlsPlaylistType",
    "HlsRecordingConfig",
    "PublishParams",
    "PublishType",
    "RecordingConfig",
    "Role",
    "RolePermissions",
    "RoomStateSettings",
    "SimulcastLayer",
    "SimulcastLayers",
    "SimulcastParams",
    "StreamRecordingConfig",
    "SubscribeDegradation",
    "SubscribeParams",
    "Template",
    "TemplateDestinations",
    "TemplateHlsDestination",
    "TemplatePlugins",
    "TemplateRecordingSettings",
    "TemplateRecordingUpload",
    "TemplateRtmpDestination",
    "TemplateSettings",
    "TemplateStorageCredentials",
    "TemplateSummarySection",
    "TemplateTranscription",
    "TemplateTranscriptionSummary",
    "ThumbnailSettings",
    "TrackRecordingConfig",
    "TranscriptionMode",
    "TranscriptionPlugin",
    "TranscriptionPluginPermissions",
    "TranscriptionTranslation",
    "VideoPublishParams",
    "WhiteboardPermissions",
    "WhiteboardPlugin",
]


class PublishType(enum.StrEnum):
    """What a role may publish (`publishParams.allowed`)."""

    AUDIO = "audio"
    VIDEO = "video"
    SCREEN = "screen"
    SIMULCAST = "simulcast"


class HlsPlaylistType(enum.StrEnum):
    """An HLS playlist kind: `event` keeps every segment, `live` a window."""

    EVENT = "event"
    LIVE = "live"


# --- roles ---------------------------------------------------------------------


@attrs.define(kw_only=True)
class AudioPublishParams:
    """Audio publishing: `bit_rate` 16 to 128 kbps, codec `opus`."""

    bit_rate: int | None = attrs.field(default=None, metadata={"json": "bitRate"})
    codec: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class VideoPublishParams:
    """Video or screen-share publishing (bit rate kbps, frame rate, size)."""

    bit_rate: int | None = attrs.field(default=None, metadata={"json": "bitRate"})
    codec: str | None = None
    frame_rate: int | None = attrs.field(default=None, metadata={"json": "frameRate"})
    width: int | None = None
    height: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SimulcastLayer:
    """One simulcast layer: `rid` `f`, `h` or `q`, scale 1.0 to 12.0."""

    rid: str | None = None
    scale_resolution_down_by: float | None = attrs.field(
        default=None, metadata={"json": "scaleResolutionDownBy"}
    )
    max_bitrate: int | None = attrs.field(default=None, metadata={"json": "maxBitrate"})
    max_framerate: int | None = attrs.field(
        default=None, metadata={"json": "maxFramerate"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SimulcastLayers:
    """The simulcast layers of one source (at most 3)."""

    layers: list[SimulcastLayer] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SimulcastParams:
    """Simulcast for camera video and screen share."""

    video: SimulcastLayers | None = None
    screen: SimulcastLayers | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublishParams:
    """What a role publishes, and at which quality."""

    allowed: list[PublishType | str] | None = None
    audio: AudioPublishParams | None = None
    video: VideoPublishParams | None = None
    screen: VideoPublishParams | None = None
    simulcast: SimulcastParams | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscribeDegradation:
    """When subscribed video is degraded under packet loss, and recovered."""

    packet_loss_threshold: int | None = attrs.field(
        default=None, metadata={"json": "packetLossThreshold"}
    )
    degrade_grace_period_seconds: int | None = attrs.field(
        default=None, metadata={"json": "degradeGracePeriodSeconds"}
    )
    recover_grace_period_seconds: int | None = attrs.field(
        default=None, metadata={"json": "recoverGracePeriodSeconds"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscribeParams:
    """Whose tracks a role receives, and the bit-rate budget for them."""

    subscribe_to_roles: list[str] | None = attrs.field(
        default=None, metadata={"json": "subscribeToRoles"}
    )
    max_subs_bit_rate: int | None = attrs.field(
        default=None, metadata={"json": "maxSubsBitRate"}
    )
    subscribe_degradation: SubscribeDegradation | None = attrs.field(
        default=None, metadata={"json": "subscribeDegradation"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RolePermissions:
    """What a role may do; permissions that are false may be missing (`None`)."""

    end_room: bool | None = attrs.field(default=None, metadata={"json": "endRoom"})
    remove_others: bool | None = attrs.field(
        default=None, metadata={"json": "removeOthers"}
    )
    mute: bool | None = None
    unmute: bool | None = None
    change_role: bool | None = attrs.field(
        default=None, metadata={"json": "changeRole"}
    )
    send_room_state: bool | None = attrs.field(
        default=None, metadata={"json": "sendRoomState"}
    )
    poll_read: bool | None = attrs.field(default=None, metadata={"json": "pollRead"})
    poll_write: bool | None = attrs.field(default=None, metadata={"json": "pollWrite"})
    browser_recording: bool | None = attrs.field(
        default=None, metadata={"json": "browserRecording"}
    )
    rtmp_streaming: bool | None = attrs.field(
        default=None, metadata={"json": "rtmpStreaming"}
    )
    hls_streaming: bool | None = attrs.field(
        default=None, metadata={"json": "hlsStreaming"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Role:
    """A role of a template: what its peers publish, receive and may do.

    Attributes:
        name: The role's name.
        publish_params: What the role publishes (`allowed` among `audio`,
            `video`, `screen`, `simulcast`) and at which quality.
        subscribe_params: Whose tracks it receives (`subscribe_to_roles`) and
            the bit-rate budget for them.
        permissions: What it may do (end the room, remove or mute others,
            change roles, read and write polls, ...).
        priority: 1 (highest) to 5.
        max_peer_count: 0 for no limit, -1 when nobody may join with this
            role, else the most peers with it.
    """

    name: str | None = None
    publish_params: PublishParams | None = attrs.field(
        default=None, metadata={"json": "publishParams"}
    )
    subscribe_params: SubscribeParams | None = attrs.field(
        default=None, metadata={"json": "subscribeParams"}
    )
    permissions: RolePermissions | None = None
    priority: int | None = None
    max_peer_count: int | None = attrs.field(
        default=None, metadata={"json": "maxPeerCount"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- settings ------------------------------------------------------------------


@attrs.define(kw_only=True)
class TemplateStorageCredentials:
    """Bucket credentials: requests carry `secretKey`, responses `secret`.

    Neither secret is ever shown in a repr.
    """

    key: str | None = None
    secret_key: str | None = attrs.field(
        default=None, repr=False, metadata={"json": "secretKey"}
    )
    secret: str | None = attrs.field(default=None, repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateRecordingUpload:
    """Where a template's recordings are uploaded (the customer's bucket)."""

    type: StorageType | str | None = None
    location: str | None = None
    prefix: str | None = None
    options: UploadOptions | None = None
    credentials: TemplateStorageCredentials | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateRecordingSettings:
    """Recording storage of a template (`enabled` is deprecated: use recording configs)."""

    enabled: bool | None = None
    upload: TemplateRecordingUpload | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RoomStateSettings:
    """Room-state updates: `message_interval` is a multiple of 5, 5 to 3600 s."""

    message_interval: int | None = attrs.field(
        default=None, metadata={"json": "messageInterval"}
    )
    send_peer_list: bool | None = attrs.field(
        default=None, metadata={"json": "sendPeerList"}
    )
    stop_room_state_on_join: bool | None = attrs.field(
        default=None, metadata={"json": "stopRoomStateOnJoin"}
    )
    enabled: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateSettings:
    """A template's settings; `recording` is `None` when no bucket is set."""

    region: Region | str | None = None
    recording: TemplateRecordingSettings | None = None
    room_state: RoomStateSettings | None = attrs.field(
        default=None, metadata={"json": "roomState"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- destinations --------------------------------------------------------------


@attrs.define(kw_only=True)
class TemplateRtmpDestination:
    """An RTMP-out destination: at most 3 `rtmp_urls`."""

    name: str | None = None
    width: int | None = None
    height: int | None = None
    max_duration: int | None = attrs.field(
        default=None, metadata={"json": "maxDuration"}
    )
    rtmp_urls: list[str] | None = attrs.field(
        default=None, repr=False, metadata={"json": "rtmpUrls"}
    )
    recording_enabled: bool | None = attrs.field(
        default=None, metadata={"json": "recordingEnabled"}
    )
    auto_stop_timeout: int | None = attrs.field(
        default=None, metadata={"json": "autoStopTimeout"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class HlsLayer:
    """An HLS rendition: even width and height, bit rates in kbps."""

    width: int | None = None
    height: int | None = None
    video_bitrate: int | None = attrs.field(
        default=None, metadata={"json": "videoBitrate"}
    )
    audio_bitrate: int | None = attrs.field(
        default=None, metadata={"json": "audioBitrate"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ThumbnailSettings:
    """Thumbnails taken at `offsets` (seconds)."""

    enabled: bool | None = None
    width: int | None = None
    height: int | None = None
    offsets: list[int] | None = None
    fps: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class HlsRecordingConfig:
    """Recording of an HLS stream (`enable_zip_upload` needs a customer bucket)."""

    hls_vod: bool | None = attrs.field(default=None, metadata={"json": "hlsVod"})
    single_file_per_layer: bool | None = attrs.field(
        default=None, metadata={"json": "singleFilePerLayer"}
    )
    enable_zip_upload: bool | None = attrs.field(
        default=None, metadata={"json": "enableZipUpload"}
    )
    layers: list[HlsLayer] | None = None
    thumbnails: ThumbnailSettings | None = None
    presign_duration: int | None = attrs.field(
        default=None, metadata={"json": "presignDuration"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateHlsDestination:
    """An HLS destination: `num_playlist_segments` 3 to 150 (`live` playlists)."""

    name: str | None = None
    role: str | None = None
    max_duration: int | None = attrs.field(
        default=None, metadata={"json": "maxDuration"}
    )
    layers: list[HlsLayer] | None = None
    playlist_type: HlsPlaylistType | str | None = attrs.field(
        default=None, metadata={"json": "playlistType"}
    )
    num_playlist_segments: int | None = attrs.field(
        default=None, metadata={"json": "numPlaylistSegments"}
    )
    video_frame_rate: int | None = attrs.field(
        default=None, metadata={"json": "videoFrameRate"}
    )
    enable_metadata_insertion: bool | None = attrs.field(
        default=None, metadata={"json": "enableMetadataInsertion"}
    )
    enable_static_url: bool | None = attrs.field(
        default=None, metadata={"json": "enableStaticUrl"}
    )
    auto_stop_timeout: int | None = attrs.field(
        default=None, metadata={"json": "autoStopTimeout"}
    )
    recording: HlsRecordingConfig | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateSummarySection:
    """One section of an AI summary (title up to 100 characters)."""

    title: str | None = None
    format: SummarySectionFormat | str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateTranscriptionSummary:
    """AI summary: `context` up to 300 characters, `temperature` 0.1 to 1.0,
    up to 6 `sections`."""

    enabled: bool | None = None
    context: str | None = None
    temperature: float | None = None
    sections: list[TemplateSummarySection] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TranscriptionTranslation:
    """Caption translation: `role_languages` maps a role to a language code."""

    enabled: bool | None = None
    role_languages: dict[str, str] | None = attrs.field(
        default=None, metadata={"json": "roleLanguages"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateTranscription:
    """A transcription destination: the roles `role` subscribes to are transcribed."""

    name: str | None = None
    role: str | None = None
    modes: list[TranscriptionMode | str] | None = None
    output_modes: list[TranscriptionOutputMode | str] | None = attrs.field(
        default=None, metadata={"json": "outputModes"}
    )
    custom_vocabulary: list[str] | None = attrs.field(
        default=None, metadata={"json": "customVocabulary"}
    )
    summary: TemplateTranscriptionSummary | None = None
    translation: TranscriptionTranslation | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplateDestinations:
    """RTMP, HLS and transcription destinations, each a map keyed by name."""

    rtmp_destinations: dict[str, TemplateRtmpDestination] | None = attrs.field(
        default=None, metadata={"json": "rtmpDestinations"}
    )
    hls_destinations: dict[str, TemplateHlsDestination] | None = attrs.field(
        default=None, metadata={"json": "hlsDestinations"}
    )
    transcriptions: dict[str, TemplateTranscription] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- plugins -------------------------------------------------------------------


@attrs.define(kw_only=True)
class WhiteboardPermissions:
    """Which roles administer, write on and read the whiteboard."""

    admin: list[str] | None = None
    writer: list[str] | None = None
    reader: list[str] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WhiteboardPlugin:
    """The whiteboard plugin."""

    permissions: WhiteboardPermissions | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TranscriptionPluginPermissions:
    """Which roles may start and stop live transcription."""

    admin: list[str] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TranscriptionPlugin:
    """The live-transcription plugin (`mode` is `"caption"`)."""

    permissions: TranscriptionPluginPermissions | None = None
    mode: TranscriptionMode | str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TemplatePlugins:
    """A template's plugins."""

    whiteboard: WhiteboardPlugin | None = None
    transcriptions: TranscriptionPlugin | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- the template --------------------------------------------------------------


@attrs.define(kw_only=True)
class Template:
    """A template (policy): the roles, settings and destinations rooms are made from.

    On the wire its keys are camelCase; here they are snake_case. The
    deprecated `_id` and `customer` keys are kept in `extra_fields`.

    Attributes:
        id: The template's id.
        name: Its name (letters, digits, spaces and `- . _ :`).
        default: Whether it is the workspace's default template.
        roles: Its roles, keyed by role name.
        settings: Region, recording storage and room-state settings.
        destinations: RTMP, HLS and transcription destinations.
        plugins: Whiteboard and live-transcription permissions.
        created_at: When it was created (may be the zero time).
        updated_at: When it last changed.
    """

    id: str
    name: str | None = None
    customer_id: str | None = attrs.field(default=None, metadata={"json": "customerId"})
    app_id: str | None = attrs.field(default=None, metadata={"json": "appId"})
    default: bool | None = None
    roles: dict[str, Role] = attrs.field(factory=dict)
    settings: TemplateSettings | None = None
    destinations: TemplateDestinations | None = None
    plugins: TemplatePlugins | None = None
    created_at: dt.datetime | None = attrs.field(
        default=None, metadata={"json": "createdAt"}
    )
    updated_at: dt.datetime | None = attrs.field(
        default=None, metadata={"json": "updatedAt"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- recording configs (/templates/{id}/recordings) ----------------------------


@attrs.define(kw_only=True)
class BrowserCompositeRecording:
    """Browser composite recording (`auto_start` defaults to false)."""

    auto_start: bool | None = attrs.field(default=None, metadata={"json": "autoStart"})
    auto_stop_timeout: int | None = attrs.field(
        default=None, metadata={"json": "autoStopTimeout"}
    )
    width: int | None = None
    height: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class CustomCompositeRecording:
    """Custom (SFU) composite recording."""

    enabled: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class CompositeRecording:
    """Composite recordings: browser-based or custom."""

    browser_composite: BrowserCompositeRecording | None = attrs.field(
        default=None, metadata={"json": "browserComposite"}
    )
    custom_composite: CustomCompositeRecording | None = attrs.field(
        default=None, metadata={"json": "customComposite"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TrackRecordingConfig:
    """Per-track recording."""

    enabled: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class StreamRecordingConfig:
    """Recording of the room's composite stream."""

    enabled: bool | None = None
    width: int | None = None
    height: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingConfig:
    """A template's recording config; flags that are false may be missing."""

    name: str | None = None
    role: str | None = None
    max_duration: int | None = attrs.field(
        default=None, metadata={"json": "maxDuration"}
    )
    presign_duration: int | None = attrs.field(
        default=None, metadata={"json": "presignDuration"}
    )
    thumbnails: ThumbnailSettings | None = None
    composite_recording: CompositeRecording | None = attrs.field(
        default=None, metadata={"json": "compositeRecording"}
    )
    track_recording: TrackRecordingConfig | None = attrs.field(
        default=None, metadata={"json": "trackRecording"}
    )
    stream_recording: StreamRecordingConfig | None = attrs.field(
        default=None, metadata={"json": "streamRecording"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
