"""The typed models of every API response, re-exported from one place.

Models are attrs classes with snake_case attributes (the template objects
are camelCase on the wire; the SDK converts). Most fields may be `None`,
since the API leaves many out or sends `null`. Fields the API
sends that a model does not name are kept as JSON in its `extra_fields`
(left out of the repr), so nothing is lost: `hms_async.to_dict()` writes a
model back as the API's JSON, unknown fields included, and
`hms_async.from_dict()` reads it again. Enumerations are `StrEnum`s, and a
value the SDK does not know stays a plain string. Secrets (upload
credentials, stream keys, RTMP URLs, webhook headers) are kept out of
reprs.

The services' body arguments take either a model or the plain JSON
mapping.

Each submodule is imported the first time one of its names is used, so
`import hms_async` does not load every model; type checkers and IDEs see
the imports under `TYPE_CHECKING`.
"""

import typing as _typing

from .._lazy import attributes as _attributes

if _typing.TYPE_CHECKING:
    from ._common import (
        JobStatus,
    )
    from .active_rooms import (
        ActivePeer,
        ActivePeerTrack,
        ActiveRoom,
        ActiveRoomActionResult,
        ActiveRoomSession,
        TrackSource,
        TrackType,
    )
    from .analytics import (
        AnalyticsEvent,
        AnalyticsEventType,
        AnalyticsTrackSource,
        AnalyticsTrackType,
        ClientAgent,
        ClientDevices,
        ClientErrorAction,
        ClientErrorEvent,
        ClientErrorEventData,
        GenericAnalyticsEvent,
        PeerStats,
        PublishAudioSettings,
        PublisherAudioSeries,
        PublisherAudioStats,
        PublisherStats,
        PublisherVideoSeries,
        PublisherVideoStats,
        PublishVideoSettings,
        RecordingEvent,
        RecordingEventData,
        RecordingEventRtmp,
        SubscriberAudioSeries,
        SubscriberAudioStats,
        SubscriberStats,
        SubscriberVideoSeries,
        SubscriberVideoStats,
        TrackEvent,
        TrackEventData,
        WebhookDeliveryStatus,
        WebhookHistoryEvent,
        WebhookHistoryPayload,
        WebhookReplay,
        WebhookReplayFilters,
        WebhookReplayProgress,
        WebhookReplayResult,
        WebhookReplayStarted,
        WebhookReplayStartStatus,
        WebhookReplayStatus,
    )
    from .external_streams import (
        ExternalStream,
    )
    from .live_streams import (
        LiveStream,
        LiveStreamPlayback,
        LiveStreamRecording,
        StoppedStreams,
    )
    from .polls import (
        Poll,
        PollAnswer,
        PollAttachment,
        PollMode,
        PollOption,
        PollQuestion,
        PollQuestionType,
        PollResponse,
        PollResult,
        PollSession,
        PollStart,
        PollType,
    )
    from .recording_assets import (
        PresignedUrl,
        RecordingAsset,
        RecordingAssetMetadata,
        RecordingAssetStatus,
        RecordingAssetType,
        RecordingResolution,
    )
    from .recordings import (
        Recording,
        SummarySection,
        SummarySectionFormat,
        Transcription,
        TranscriptionOutputMode,
        TranscriptionSummary,
    )
    from .room_codes import (
        RoomCode,
    )
    from .rooms import (
        RecordingInfo,
        Region,
        Room,
        RoomWebhook,
        StorageType,
        UploadCredentials,
        UploadInfo,
        UploadOptions,
    )
    from .sessions import (
        Session,
        SessionPeer,
    )
    from .sip import (
        SipCall,
        SipTrunk,
    )
    from .stream_keys import (
        StreamKey,
        StreamKeyActionResult,
    )
    from .templates import (
        AudioPublishParams,
        BrowserCompositeRecording,
        CompositeRecording,
        CustomCompositeRecording,
        HlsLayer,
        HlsPlaylistType,
        HlsRecordingConfig,
        PublishParams,
        PublishType,
        RecordingConfig,
        Role,
        RolePermissions,
        RoomStateSettings,
        SimulcastLayer,
        SimulcastLayers,
        SimulcastParams,
        StreamRecordingConfig,
        SubscribeDegradation,
        SubscribeParams,
        Template,
        TemplateDestinations,
        TemplateHlsDestination,
        TemplatePlugins,
        TemplateRecordingSettings,
        TemplateRecordingUpload,
        TemplateRtmpDestination,
        TemplateSettings,
        TemplateStorageCredentials,
        TemplateSummarySection,
        TemplateTranscription,
        TemplateTranscriptionSummary,
        ThumbnailSettings,
        TrackRecordingConfig,
        TranscriptionMode,
        TranscriptionPlugin,
        TranscriptionPluginPermissions,
        TranscriptionTranslation,
        VideoPublishParams,
        WhiteboardPermissions,
        WhiteboardPlugin,
    )
    from .webhooks import (
        WEBHOOK_DATA_TYPES,
        BeamData,
        BeamErrorType,
        BeamFailureData,
        BeamRecordingSuccessData,
        BeamStartedSuccessData,
        BeamStoppedSuccessData,
        BeamStopReason,
        HlsData,
        HlsFailureData,
        HlsRecordingFile,
        HlsRecordingSuccessData,
        HlsStartedSuccessData,
        HlsStoppedSuccessData,
        HlsThumbnail,
        IngestData,
        IngestEndReason,
        IngestEndSuccessData,
        IngestFailureData,
        IngestStartFailureData,
        IngestStartSuccessData,
        MediaJobData,
        PeerData,
        PeerJoinFailureData,
        PeerJoinSuccessData,
        PeerLeaveFailureData,
        PeerLeaveReason,
        PeerLeaveSuccessData,
        PeerType,
        RecordingFailedData,
        RecordingSuccessData,
        RoleChangeData,
        RoleChangeFailureData,
        RoleChangeSuccessData,
        RoomEndData,
        RoomEndFailureData,
        RoomEndSuccessData,
        RtmpDestination,
        SessionCloseSuccessData,
        SessionData,
        SessionOpenSuccessData,
        SfuRecordingData,
        SfuRecordingErrorType,
        StreamRecordingData,
        StreamRecordingFailureData,
        StreamRecordingSuccessData,
        StreamRecordingType,
        TrackRecordingData,
        TrackRecordingFailureData,
        TrackRecordingResultData,
        TrackRecordingStartedSuccessData,
        TrackRecordingSuccessData,
        TranscriptionData,
        TranscriptionFailureData,
        TranscriptionResultData,
        TranscriptionStartedSuccessData,
        TranscriptionSuccessData,
        WebhookData,
        WebhookEvent,
        WebhookEventType,
        WebhookTrackType,
    )

_SOURCES = {
    "._common": "JobStatus",
    ".active_rooms": (
        "ActivePeer ActivePeerTrack ActiveRoom ActiveRoomActionResult "
        "ActiveRoomSession TrackSource TrackType"
    ),
    ".analytics": (
        "AnalyticsEvent AnalyticsEventType AnalyticsTrackSource "
        "AnalyticsTrackType ClientAgent ClientDevices ClientErrorAction "
        "ClientErrorEvent ClientErrorEventData GenericAnalyticsEvent PeerStats "
        "PublishAudioSettings PublisherAudioSeries PublisherAudioStats "
        "PublisherStats PublisherVideoSeries PublisherVideoStats "
        "PublishVideoSettings RecordingEvent RecordingEventData "
        "RecordingEventRtmp SubscriberAudioSeries SubscriberAudioStats "
        "SubscriberStats SubscriberVideoSeries SubscriberVideoStats TrackEvent "
        "TrackEventData WebhookDeliveryStatus WebhookHistoryEvent "
        "WebhookHistoryPayload WebhookReplay WebhookReplayFilters "
        "WebhookReplayProgress WebhookReplayResult WebhookReplayStarted "
        "WebhookReplayStartStatus WebhookReplayStatus"
    ),
    ".external_streams": "ExternalStream",
    ".live_streams": "LiveStream LiveStreamPlayback LiveStreamRecording StoppedStreams",
    ".polls": (
        "Poll PollAnswer PollAttachment PollMode PollOption PollQuestion "
        "PollQuestionType PollResponse PollResult PollSession PollStart "
        "PollType"
    ),
    ".recording_assets": (
        "PresignedUrl RecordingAsset RecordingAssetMetadata "
        "RecordingAssetStatus RecordingAssetType RecordingResolution"
    ),
    ".recordings": (
        "Recording SummarySection SummarySectionFormat Transcription "
        "TranscriptionOutputMode TranscriptionSummary"
    ),
    ".room_codes": "RoomCode",
    ".rooms": (
        "RecordingInfo Region Room RoomWebhook StorageType UploadCredentials "
        "UploadInfo UploadOptions"
    ),
    ".sessions": "Session SessionPeer",
    ".sip": "SipCall SipTrunk",
    ".stream_keys": "StreamKey StreamKeyActionResult",
    ".templates": (
        "AudioPublishParams BrowserCompositeRecording CompositeRecording "
        "CustomCompositeRecording HlsLayer HlsPlaylistType HlsRecordingConfig "
        "PublishParams PublishType RecordingConfig Role RolePermissions "
        "RoomStateSettings SimulcastLayer SimulcastLayers SimulcastParams "
        "StreamRecordingConfig SubscribeDegradation SubscribeParams Template "
        "TemplateDestinations TemplateHlsDestination TemplatePlugins "
        "TemplateRecordingSettings TemplateRecordingUpload "
        "TemplateRtmpDestination TemplateSettings TemplateStorageCredentials "
        "TemplateSummarySection TemplateTranscription "
        "TemplateTranscriptionSummary ThumbnailSettings TrackRecordingConfig "
        "TranscriptionMode TranscriptionPlugin TranscriptionPluginPermissions "
        "TranscriptionTranslation VideoPublishParams WhiteboardPermissions "
        "WhiteboardPlugin"
    ),
    ".webhooks": (
        "WEBHOOK_DATA_TYPES BeamData BeamErrorType BeamFailureData "
        "BeamRecordingSuccessData BeamStartedSuccessData BeamStoppedSuccessData "
        "BeamStopReason HlsData HlsFailureData HlsRecordingFile "
        "HlsRecordingSuccessData HlsStartedSuccessData HlsStoppedSuccessData "
        "HlsThumbnail IngestData IngestEndReason IngestEndSuccessData "
        "IngestFailureData IngestStartFailureData IngestStartSuccessData "
        "MediaJobData PeerData PeerJoinFailureData PeerJoinSuccessData "
        "PeerLeaveFailureData PeerLeaveReason PeerLeaveSuccessData PeerType "
        "RecordingFailedData RecordingSuccessData RoleChangeData "
        "RoleChangeFailureData RoleChangeSuccessData RoomEndData "
        "RoomEndFailureData RoomEndSuccessData RtmpDestination "
        "SessionCloseSuccessData SessionData SessionOpenSuccessData "
        "SfuRecordingData SfuRecordingErrorType StreamRecordingData "
        "StreamRecordingFailureData StreamRecordingSuccessData "
        "StreamRecordingType TrackRecordingData TrackRecordingFailureData "
        "TrackRecordingResultData TrackRecordingStartedSuccessData "
        "TrackRecordingSuccessData TranscriptionData TranscriptionFailureData "
        "TranscriptionResultData TranscriptionStartedSuccessData "
        "TranscriptionSuccessData WebhookData WebhookEvent WebhookEventType "
        "WebhookTrackType"
    ),
}
"""Each submodule and the names it provides (space-separated)."""

__all__ = [
    "WEBHOOK_DATA_TYPES",
    "ActivePeer",
    "ActivePeerTrack",
    "ActiveRoom",
    "ActiveRoomActionResult",
    "ActiveRoomSession",
    "AnalyticsEvent",
    "AnalyticsEventType",
    "AnalyticsTrackSource",
    "AnalyticsTrackType",
    "AudioPublishParams",
    "BeamData",
    "BeamErrorType",
    "BeamFailureData",
    "BeamRecordingSuccessData",
    "BeamStartedSuccessData",
    "BeamStopReason",
    "BeamStoppedSuccessData",
    "BrowserCompositeRecording",
    "ClientAgent",
    "ClientDevices",
    "ClientErrorAction",
    "ClientErrorEvent",
    "ClientErrorEventData",
    "CompositeRecording",
    "CustomCompositeRecording",
    "ExternalStream",
    "GenericAnalyticsEvent",
    "HlsData",
    "HlsFailureData",
    "HlsLayer",
    "HlsPlaylistType",
    "HlsRecordingConfig",
    "HlsRecordingFile",
    "HlsRecordingSuccessData",
    "HlsStartedSuccessData",
    "HlsStoppedSuccessData",
    "HlsThumbnail",
    "IngestData",
    "IngestEndReason",
    "IngestEndSuccessData",
    "IngestFailureData",
    "IngestStartFailureData",
    "IngestStartSuccessData",
    "JobStatus",
    "LiveStream",
    "LiveStreamPlayback",
    "LiveStreamRecording",
    "MediaJobData",
    "PeerData",
    "PeerJoinFailureData",
    "PeerJoinSuccessData",
    "PeerLeaveFailureData",
    "PeerLeaveReason",
    "PeerLeaveSuccessData",
    "PeerStats",
    "PeerType",
    "Poll",
    "PollAnswer",
    "PollAttachment",
    "PollMode",
    "PollOption",
    "PollQuestion",
    "PollQuestionType",
    "PollResponse",
    "PollResult",
    "PollSession",
    "PollStart",
    "PollType",
    "PresignedUrl",
    "PublishAudioSettings",
    "PublishParams",
    "PublishType",
    "PublishVideoSettings",
    "PublisherAudioSeries",
    "PublisherAudioStats",
    "PublisherStats",
    "PublisherVideoSeries",
    "PublisherVideoStats",
    "Recording",
    "RecordingAsset",
    "RecordingAssetMetadata",
    "RecordingAssetStatus",
    "RecordingAssetType",
    "RecordingConfig",
    "RecordingEvent",
    "RecordingEventData",
    "RecordingEventRtmp",
    "RecordingFailedData",
    "RecordingInfo",
    "RecordingResolution",
    "RecordingSuccessData",
    "Region",
    "Role",
    "RoleChangeData",
    "RoleChangeFailureData",
    "RoleChangeSuccessData",
    "RolePermissions",
    "Room",
    "RoomCode",
    "RoomEndData",
    "RoomEndFailureData",
    "RoomEndSuccessData",
    "RoomStateSettings",
    "RoomWebhook",
    "RtmpDestination",
    "Session",
    "SessionCloseSuccessData",
    "SessionData",
    "SessionOpenSuccessData",
    "SessionPeer",
    "SfuRecordingData",
    "SfuRecordingErrorType",
    "SimulcastLayer",
    "SimulcastLayers",
    "SimulcastParams",
    "SipCall",
    "SipTrunk",
    "StoppedStreams",
    "StorageType",
    "StreamKey",
    "StreamKeyActionResult",
    "StreamRecordingConfig",
    "StreamRecordingData",
    "StreamRecordingFailureData",
    "StreamRecordingSuccessData",
    "StreamRecordingType",
    "SubscribeDegradation",
    "SubscribeParams",
    "SubscriberAudioSeries",
    "SubscriberAudioStats",
    "SubscriberStats",
    "SubscriberVideoSeries",
    "SubscriberVideoStats",
    "SummarySection",
    "SummarySectionFormat",
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
    "TrackEvent",
    "TrackEventData",
    "TrackRecordingConfig",
    "TrackRecordingData",
    "TrackRecordingFailureData",
    "TrackRecordingResultData",
    "TrackRecordingStartedSuccessData",
    "TrackRecordingSuccessData",
    "TrackSource",
    "TrackType",
    "Transcription",
    "TranscriptionData",
    "TranscriptionFailureData",
    "TranscriptionMode",
    "TranscriptionOutputMode",
    "TranscriptionPlugin",
    "TranscriptionPluginPermissions",
    "TranscriptionResultData",
    "TranscriptionStartedSuccessData",
    "TranscriptionSuccessData",
    "TranscriptionSummary",
    "TranscriptionTranslation",
    "UploadCredentials",
    "UploadInfo",
    "UploadOptions",
    "VideoPublishParams",
    "WebhookData",
    "WebhookDeliveryStatus",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookHistoryEvent",
    "WebhookHistoryPayload",
    "WebhookReplay",
    "WebhookReplayFilters",
    "WebhookReplayProgress",
    "WebhookReplayResult",
    "WebhookReplayStartStatus",
    "WebhookReplayStarted",
    "WebhookReplayStatus",
    "WebhookTrackType",
    "WhiteboardPermissions",
    "WhiteboardPlugin",
]

if not _typing.TYPE_CHECKING:  # unknown names stay errors for type checkers
    __getattr__, __dir__ = _attributes(__name__, globals(), _SOURCES)
