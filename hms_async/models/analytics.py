"""Analytics (`/analytics`): events, peer quality stats, webhook history and replay.

Events are parsed by their `type` into one class per family
(`TrackEvent`, `RecordingEvent`, `ClientErrorEvent`); a type this SDK
does not know becomes a `GenericAnalyticsEvent` that keeps `data` as JSON.
All of them are `AnalyticsEvent` subclasses: narrow with `isinstance`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from .._serde import EMPTY, converter, parser

__all__ = [
    "AnalyticsEvent",
    "AnalyticsEventType",
    "AnalyticsTrackSource",
    "AnalyticsTrackType",
    "ClientAgent",
    "ClientDevices",
    "ClientErrorAction",
    "ClientErrorEvent",
    "ClientErrorEventData",
    "GenericAnalyticsEvent",
    "PeerStats",
    "PublishAudioSettings",
    "PublishVideoSettings",
    "PublisherAudioSeries",
    "PublisherAudioStats",
    "PublisherStats",
    "PublisherVideoSeries",
    "PublisherVideoStats",
    "RecordingEvent",
    "RecordingEventData",
    "RecordingEventRtmp",
    "SubscriberAudioSeries",
    "SubscriberAudioStats",
    "SubscriberStats",
    "SubscriberVideoSeries",
    "SubscriberVideoStats",
    "TrackEvent",
    "TrackEventData",
    "WebhookDeliveryStatus",
    "WebhookHistoryEvent",
    "WebhookHistoryPayload",
    "WebhookReplay",
    "WebhookReplayFilters",
    "WebhookReplayProgress",
    "WebhookReplayResult",
    "WebhookReplayStartStatus",
    "WebhookReplayStarted",
    "WebhookReplayStatus",
]


class AnalyticsEventType(enum.StrEnum):
    """The event types `GET /analytics/events` can return."""

    TRACK_ADD_SUCCESS = "track.add.success"
    TRACK_UPDATE_SUCCESS = "track.update.success"
    TRACK_REMOVE_SUCCESS = "track.remove.success"
    BEAM_RECORDING_SUCCESS = "beam.recording.success"
    CLIENT_PUBLISH_FAILED = "client.publish.failed"
    CLIENT_SUBSCRIBE_FAILED = "client.subscribe.failed"
    CLIENT_JOIN_FAILED = "client.join.failed"
    CLIENT_DISCONNECTED = "client.disconnected"
    CLIENT_CONNECT_FAILED = "client.connect.failed"


class AnalyticsTrackType(enum.StrEnum):
    """The media of a track."""

    AUDIO = "audio"
    VIDEO = "video"


class AnalyticsTrackSource(enum.StrEnum):
    """Where a track comes from (camera/mic, or a shared screen)."""

    REGULAR = "regular"
    SCREEN = "screen"


class ClientErrorAction(enum.StrEnum):
    """What the client SDK was doing when the error happened."""

    PUBLISH = "PUBLISH"
    SUBSCRIBE = "SUBSCRIBE"
    JOIN = "JOIN"
    RECONNECT_SIGNAL = "RECONNECT_SIGNAL"
    INIT = "INIT"


class WebhookDeliveryStatus(enum.StrEnum):
    """The delivery filter of webhook history and replay."""

    ALL = "all"
    FAILED = "failed"
    SUCCESS = "success"


class WebhookReplayStartStatus(enum.StrEnum):
    """What `replay_webhooks` did: started a workflow or found one running."""

    STARTED = "started"
    ALREADY_RUNNING = "already_running"


class WebhookReplayStatus(enum.StrEnum):
    """The state of a replay workflow; the API's mixed case is kept exactly."""

    RUNNING = "Running"
    COMPLETED = "completed"
    COMPLETED_WITH_FAILURES = "completed_with_failures"
    FAILED = "failed"
    CANCELED = "Canceled"
    TERMINATED = "Terminated"


# --- events --------------------------------------------------------------------


@attrs.define(kw_only=True)
class TrackEventData:
    """What a `track.*` event carries (`stopped_at` only on removal)."""

    room_id: str | None = None
    session_id: str | None = None
    room_name: str | None = None
    peer_id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    joined_at: dt.datetime | None = None
    role: str | None = None
    track_id: str | None = None
    stream_id: str | None = None
    type: AnalyticsTrackType | str | None = None
    source: AnalyticsTrackSource | str | None = None
    mute: bool | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingEventRtmp:
    """An RTMP destination of a recording (its URL may hold a stream key)."""

    url: str | None = attrs.field(default=None, repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class RecordingEventData:
    """What a `beam.recording.success` event carries; `size` is in bytes."""

    beam_id: str | None = None
    room_id: str | None = None
    session_id: str | None = None
    peer_id: str | None = None
    template_id: str | None = None
    created_at: dt.datetime | None = None
    duration: int | None = None
    location: str | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    max_width: int | None = None
    max_height: int | None = None
    recording_path: str | None = None
    recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    meeting_url: str | None = attrs.field(default=None, repr=False)
    rtmp: list[RecordingEventRtmp] = attrs.field(factory=list)
    session_started_at: dt.datetime | None = None
    size: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ClientAgent:
    """The client SDK, platform and device that reported an error."""

    sdk: str | None = None
    sdk_version: str | None = None
    os: str | None = None
    os_version: str | None = None
    device_model: str | None = None
    framework: str | None = None
    framework_version: str | None = None
    framework_sdk_version: str | None = None
    is_prebuilt: bool | None = None
    domain: str | None = None
    string: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublishAudioSettings:
    """The audio settings of a failed publish (camelCase on the wire)."""

    max_bitrate: float | None = attrs.field(
        default=None, metadata={"json": "maxBitrate"}
    )
    device_id: str | None = attrs.field(default=None, metadata={"json": "deviceId"})
    volume: float | None = None
    codec: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublishVideoSettings:
    """The video settings of a failed publish (camelCase on the wire)."""

    device_id: str | None = attrs.field(default=None, metadata={"json": "deviceId"})
    max_framerate: float | None = attrs.field(
        default=None, metadata={"json": "maxFramerate"}
    )
    max_bitrate: float | None = attrs.field(
        default=None, metadata={"json": "maxBitrate"}
    )
    codec: str | None = None
    height: int | None = None
    width: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ClientDevices:
    """The media devices the client saw (items kept as the API sends them)."""

    video_input: list[Any] = attrs.field(factory=list, metadata={"json": "videoInput"})
    audio_input: list[Any] = attrs.field(factory=list, metadata={"json": "audioInput"})
    audio_output: list[Any] = attrs.field(
        factory=list, metadata={"json": "audioOutput"}
    )
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ClientErrorEventData:
    """What a `client.*` error event carries (`session_id` may be absent)."""

    user_id: str | None = None
    user_name: str | None = None
    peer_id: str | None = None
    account_id: str | None = None
    room_id: str | None = None
    session_id: str | None = None
    room_name: str | None = None
    template_id: str | None = None
    role: str | None = None
    error_code: int | None = None
    error_name: str | None = None
    error_message: str | None = None
    error_description: str | None = None
    domain: str | None = None
    is_terminal: bool | None = None
    action: ClientErrorAction | str | None = None
    agent: ClientAgent | None = None
    audio: PublishAudioSettings | None = None
    video: PublishVideoSettings | None = None
    devices: ClientDevices | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class AnalyticsEvent:
    """Base class of the analytics events; parsing picks the subclass by `type`.

    Attributes:
        id: The event's id (a UUID).
        version: The event format's version (`"2.0"`).
        timestamp: When the event happened.
        type: The event type, e.g. `track.add.success`.
    """

    id: str
    version: str | None = None
    timestamp: dt.datetime | None = None
    type: AnalyticsEventType | str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TrackEvent(AnalyticsEvent):
    """A track was added, updated or removed."""

    data: TrackEventData | None = None


@attrs.define(kw_only=True)
class RecordingEvent(AnalyticsEvent):
    """A recording (`beam.recording.success`) finished and was stored."""

    data: RecordingEventData | None = None


@attrs.define(kw_only=True)
class ClientErrorEvent(AnalyticsEvent):
    """A client SDK reported an error (publish, subscribe, join, connect…)."""

    data: ClientErrorEventData | None = None


@attrs.define(kw_only=True)
class GenericAnalyticsEvent(AnalyticsEvent):
    """An event of a type this SDK does not model; `data` is the raw JSON."""

    data: dict[str, Any] = attrs.field(factory=dict)


_EVENT_CLASSES: Final[Mapping[str, type[AnalyticsEvent]]] = {
    AnalyticsEventType.TRACK_ADD_SUCCESS: TrackEvent,
    AnalyticsEventType.TRACK_UPDATE_SUCCESS: TrackEvent,
    AnalyticsEventType.TRACK_REMOVE_SUCCESS: TrackEvent,
    AnalyticsEventType.BEAM_RECORDING_SUCCESS: RecordingEvent,
    AnalyticsEventType.CLIENT_PUBLISH_FAILED: ClientErrorEvent,
    AnalyticsEventType.CLIENT_SUBSCRIBE_FAILED: ClientErrorEvent,
    AnalyticsEventType.CLIENT_JOIN_FAILED: ClientErrorEvent,
    AnalyticsEventType.CLIENT_DISCONNECTED: ClientErrorEvent,
    AnalyticsEventType.CLIENT_CONNECT_FAILED: ClientErrorEvent,
}
_event_hooks: dict[type[AnalyticsEvent], Callable[[Any], AnalyticsEvent]] = {}


def _structure_event(value: Any, _type: Any = None) -> AnalyticsEvent:
    """Structure an event into the class of its `type` (generic if unknown)."""
    if type(value) is not dict:
        raise TypeError(f"expected a JSON object event, got {value!r:.40}")
    kind = value.get("type")
    cls: type[AnalyticsEvent] = GenericAnalyticsEvent
    if type(kind) is str:
        cls = _EVENT_CLASSES.get(kind, GenericAnalyticsEvent)
    hook = _event_hooks.get(cls)
    if hook is None:
        hook = _event_hooks[cls] = parser(cls)
    return hook(value)


converter.register_structure_hook_func(
    lambda tp: tp is AnalyticsEvent, _structure_event
)


# --- peer stats ----------------------------------------------------------------


@attrs.define(kw_only=True)
class PublisherVideoSeries:
    """A published video layer over time; `timestamps` are epoch milliseconds."""

    timestamps: list[int] = attrs.field(factory=list)
    bitrate: list[float | None] = attrs.field(factory=list)
    fps: list[float | None] = attrs.field(factory=list)
    packet_loss_percent: list[float | None] = attrs.field(factory=list)
    rtt_ms: list[float | None] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublisherAudioSeries:
    """A published audio track over time; `timestamps` are epoch milliseconds."""

    timestamps: list[int] = attrs.field(factory=list)
    bitrate: list[float | None] = attrs.field(factory=list)
    packet_loss_percent: list[float | None] = attrs.field(factory=list)
    rtt_ms: list[float | None] = attrs.field(factory=list)
    jitter_ms: list[float | None] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscriberVideoSeries:
    """A received video track over time; `bitrate` items may be `None`."""

    timestamps: list[int] = attrs.field(factory=list)
    bitrate: list[float | None] = attrs.field(factory=list)
    fps: list[float | None] = attrs.field(factory=list)
    freeze_count: list[int | None] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscriberAudioSeries:
    """A received audio track over time; `bitrate` items may be `None`."""

    timestamps: list[int] = attrs.field(factory=list)
    bitrate: list[float | None] = attrs.field(factory=list)
    concealed_samples: list[int | None] = attrs.field(factory=list)
    packet_loss_percent: list[float | None] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublisherVideoStats:
    """One published video track; a simulcast track appears once per `rid`."""

    track_id: str | None = None
    type: AnalyticsTrackSource | str | None = None
    rid: str | None = None
    time_series: PublisherVideoSeries | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublisherAudioStats:
    """One published audio track."""

    track_id: str | None = None
    time_series: PublisherAudioSeries | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscriberVideoStats:
    """One received video track."""

    track_id: str | None = None
    type: AnalyticsTrackSource | str | None = None
    time_series: SubscriberVideoSeries | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscriberAudioStats:
    """One received audio track."""

    track_id: str | None = None
    time_series: SubscriberAudioSeries | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PublisherStats:
    """What the peer sent; empty lists mean no data."""

    video: list[PublisherVideoStats] = attrs.field(factory=list)
    audio: list[PublisherAudioStats] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SubscriberStats:
    """What the peer received; empty lists mean no data."""

    video: list[SubscriberVideoStats] = attrs.field(factory=list)
    audio: list[SubscriberAudioStats] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PeerStats:
    """A peer's quality time series for one session (available after it ends).

    Attributes:
        peer_id: The peer.
        session_id: The session.
        room_id: The room.
        publisher: What the peer sent: per video layer and audio track, the
            bit rate, frame rate, packet loss, RTT and jitter over time.
        subscriber: What the peer received: bit rate, frame rate, freezes,
            concealed samples and packet loss over time.
    """

    peer_id: str | None = None
    session_id: str | None = None
    room_id: str | None = None
    publisher: PublisherStats | None = None
    subscriber: SubscriberStats | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- webhook history and replay ------------------------------------------------


@attrs.define(kw_only=True)
class WebhookHistoryPayload:
    """The delivered webhook; `error_reason` is set on failed deliveries."""

    event_data: dict[str, Any] = attrs.field(factory=dict)
    webhook_url: str | None = None
    original_event_name: str | None = None
    error_reason: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookHistoryEvent:
    """One webhook delivery attempt (e.g. `reporter.webhook.delivery.failed`)."""

    event_id: str
    event_name: str | None = None
    room_id: str | None = None
    event_timestamp: dt.datetime | None = None
    payload: WebhookHistoryPayload | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookReplayFilters:
    """The filters a replay runs with (`limit`/`offset` in the status only)."""

    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    room_id: str | None = None
    event_types: list[str] = attrs.field(factory=list)
    limit: int | None = None
    offset: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookReplayStarted:
    """The answer to a replay request: the workflow to poll for progress."""

    workflow_id: str
    status: WebhookReplayStartStatus | str | None = None
    message: str | None = None
    filters: WebhookReplayFilters | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookReplayProgress:
    """How many replayed webhooks were sent so far, and how many failed."""

    total: int | None = None
    completed: int | None = None
    failed: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookReplayResult:
    """The outcome of a finished replay; failed events kept as the API sends them."""

    total: int | None = None
    completed: int | None = None
    failed: int | None = None
    failed_events: list[Any] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WebhookReplay:
    """A replay workflow and its progress."""

    workflow_id: str
    status: WebhookReplayStatus | str | None = None
    started_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None
    filters: WebhookReplayFilters | None = None
    progress: WebhookReplayProgress | None = None
    result: WebhookReplayResult | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
