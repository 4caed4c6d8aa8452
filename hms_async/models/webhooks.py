"""Webhook events: the envelope and a typed `data` model for each event type.

Every `data` class derives from `WebhookData`; the families share a base class
(`SessionData`, `PeerData`, `RoomEndData`, `RoleChangeData`, `TrackRecordingData`,
`StreamRecordingData`, `SfuRecordingData`, `BeamData`, `HlsData`,
`TranscriptionData`, `IngestData`), so `isinstance(event.data, PeerData)` or a
`match` on the class picks events out. `WEBHOOK_DATA_TYPES` maps each event type
to its class; an event type it does not know keeps `data` as the raw dict.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs

from .._serde import EMPTY, _compile_structure, converter, structure

__all__ = [
    "WEBHOOK_DATA_TYPES",
    "BeamData",
    "BeamErrorType",
    "BeamFailureData",
    "BeamRecordingSuccessData",
    "BeamStartedSuccessData",
    "BeamStopReason",
    "BeamStoppedSuccessData",
    "HlsData",
    "HlsFailureData",
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
    "MediaJobData",
    "PeerData",
    "PeerJoinFailureData",
    "PeerJoinSuccessData",
    "PeerLeaveFailureData",
    "PeerLeaveReason",
    "PeerLeaveSuccessData",
    "PeerType",
    "RecordingFailedData",
    "RecordingSuccessData",
    "RoleChangeData",
    "RoleChangeFailureData",
    "RoleChangeSuccessData",
    "RoomEndData",
    "RoomEndFailureData",
    "RoomEndSuccessData",
    "RtmpDestination",
    "SessionCloseSuccessData",
    "SessionData",
    "SessionOpenSuccessData",
    "SfuRecordingData",
    "SfuRecordingErrorType",
    "StreamRecordingData",
    "StreamRecordingFailureData",
    "StreamRecordingSuccessData",
    "StreamRecordingType",
    "TrackRecordingData",
    "TrackRecordingFailureData",
    "TrackRecordingResultData",
    "TrackRecordingStartedSuccessData",
    "TrackRecordingSuccessData",
    "TranscriptionData",
    "TranscriptionFailureData",
    "TranscriptionResultData",
    "TranscriptionStartedSuccessData",
    "TranscriptionSuccessData",
    "WebhookData",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookTrackType",
]

# A duration in seconds. The API sends a number or a numeric string; both become a
# number. Type checkers see a plain float; at runtime the converter hooks the marker.
if typing.TYPE_CHECKING:
    _Seconds: TypeAlias = float
else:
    _Seconds = typing.NewType("_Seconds", float)


def _structure_seconds(value: object, _type: object = None) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            return float(text)  # a ValueError here names the bad text
    raise TypeError(f"expected a duration in seconds, got {type(value).__name__}")


converter.register_structure_hook(_Seconds, _structure_seconds)


# --- enums (open: unknown values stay strings) ------------------------------------


class WebhookEventType(enum.StrEnum):
    """The webhook event types 100ms documents (`transcription.failed` is an alias)."""

    SESSION_OPEN_SUCCESS = "session.open.success"
    SESSION_CLOSE_SUCCESS = "session.close.success"
    PEER_JOIN_SUCCESS = "peer.join.success"
    PEER_LEAVE_SUCCESS = "peer.leave.success"
    PEER_JOIN_FAILURE = "peer.join.failure"
    PEER_LEAVE_FAILURE = "peer.leave.failure"
    ROOM_END_SUCCESS = "room.end.success"
    ROOM_END_FAILURE = "room.end.failure"
    ROLE_CHANGE_SUCCESS = "role.change.success"
    ROLE_CHANGE_FAILURE = "role.change.failure"
    TRACK_RECORDING_STARTED_SUCCESS = "track.recording.started.success"
    TRACK_RECORDING_SUCCESS = "track.recording.success"
    TRACK_RECORDING_FAILURE = "track.recording.failure"
    STREAM_RECORDING_SUCCESS = "stream.recording.success"
    STREAM_RECORDING_FAILURE = "stream.recording.failure"
    RECORDING_SUCCESS = "recording.success"
    RECORDING_FAILED = "recording.failed"
    BEAM_STARTED_SUCCESS = "beam.started.success"
    BEAM_STOPPED_SUCCESS = "beam.stopped.success"
    BEAM_RECORDING_SUCCESS = "beam.recording.success"
    BEAM_FAILURE = "beam.failure"
    HLS_STARTED_SUCCESS = "hls.started.success"
    HLS_STOPPED_SUCCESS = "hls.stopped.success"
    HLS_FAILURE = "hls.failure"
    HLS_RECORDING_SUCCESS = "hls.recording.success"
    TRANSCRIPTION_STARTED_SUCCESS = "transcription.started.success"
    TRANSCRIPTION_SUCCESS = "transcription.success"
    TRANSCRIPTION_FAILURE = "transcription.failure"
    TRANSCRIPTION_FAILED = "transcription.failed"
    INGEST_START_SUCCESS = "ingest.start.success"
    INGEST_END_SUCCESS = "ingest.end.success"
    INGEST_START_FAILURE = "ingest.start.failure"
    INGEST_FAILURE = "ingest.failure"


class PeerType(enum.StrEnum):
    """How a peer connected."""

    REGULAR = "regular"
    SIP = "sip"


class PeerLeaveReason(enum.StrEnum):
    """Why a peer left (`peer.leave.success`)."""

    CLIENT_REQUEST = "client request"
    PEER_KICKED = "peer kicked"
    WEBSOCKET_CLOSED = "websocket closed"
    ICE_CONNECTION_STATE_CLOSED = "ice connection state closed"
    SERVER_REMOVED_PEER = "server removed peer"


class WebhookTrackType(enum.StrEnum):
    """The kind of a recorded track."""

    AUDIO = "audio"
    VIDEO = "video"


class StreamRecordingType(enum.StrEnum):
    """The kind of a recorded stream."""

    REGULAR = "regular"
    SCREEN = "screen"
    AUDIO = "audio"


class SfuRecordingErrorType(enum.StrEnum):
    """Why an SFU recording failed (`recording.failed`)."""

    INPUT_ERROR = "INPUT_ERROR"
    CLOUD_ACCESS_ERROR = "CLOUD_ACCESS_ERROR"
    CONFIG_ERROR = "CONFIG_ERROR"
    MEMORY_ERROR = "MEMORY_ERROR"
    PROCESSING_CMD_ERROR = "PROCESSING_CMD_ERROR"
    API_ERROR = "API_ERROR"


class BeamStopReason(enum.StrEnum):
    """Why a beam or HLS job stopped; `failure: <error_type>` values stay strings."""

    CLIENT_REQUEST = "client request"
    MAX_DURATION_REACHED = "max duration reached"
    ROOM_ENDED = "room ended"
    LAST_PEER_LEFT = "last peer left"


class BeamErrorType(enum.StrEnum):
    """Why a beam or HLS job failed."""

    INTERNAL_ERROR = "INTERNAL_ERROR"
    MAX_RETRIES_REACHED = "MAX_RETRIES_REACHED"
    UPLOAD_ERROR = "UPLOAD_ERROR"
    BEAM_STOPPED = "BEAM_STOPPED"


class IngestEndReason(enum.StrEnum):
    """Why an RTMP ingest ended."""

    PUBLISH_ERROR = "publish error"
    RECONNECTION_WINDOW_EXPIRED = "reconnection window expired"
    STREAM_CLOSED = "stream closed"
    INTERNAL_ERROR = "internal error"


# --- the base of every data model --------------------------------------------------


@attrs.define(kw_only=True)
class WebhookData:
    """The `data` of a webhook event; fields it does not know stay in `extra_fields`."""

    is_replay: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


# --- sessions ----------------------------------------------------------------------


@attrs.define(kw_only=True)
class SessionData(WebhookData):
    """Fields shared by the session events."""

    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    template_id: str | None = None
    session_started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class SessionOpenSuccessData(SessionData):
    """`session.open.success`: the first peer joined and a session began."""


@attrs.define(kw_only=True)
class SessionCloseSuccessData(SessionData):
    """`session.close.success`: the session ended."""

    session_duration: int | None = None
    session_stopped_at: dt.datetime | None = None


# --- peers -------------------------------------------------------------------------


@attrs.define(kw_only=True)
class PeerData(WebhookData):
    """Fields shared by the peer join/leave events."""

    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    peer_id: str | None = None
    user_id: str | None = None
    template_id: str | None = None
    user_name: str | None = None
    user_data: str | None = None
    role: str | None = None
    type: PeerType | str | None = None
    joined_at: dt.datetime | None = None
    session_started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class PeerJoinSuccessData(PeerData):
    """`peer.join.success`: a peer joined the room."""


@attrs.define(kw_only=True)
class PeerLeaveSuccessData(PeerData):
    """`peer.leave.success`: a peer left; `message` is the kick reason, if any."""

    left_at: dt.datetime | None = None
    duration: _Seconds | None = None
    reason: PeerLeaveReason | str | None = None
    message: str | None = None


@attrs.define(kw_only=True)
class PeerJoinFailureData(PeerData):
    """`peer.join.failure`: a peer could not join (`joined_at` may be unset)."""

    error_message: str | None = None


@attrs.define(kw_only=True)
class PeerLeaveFailureData(PeerJoinFailureData):
    """`peer.leave.failure`: a leave was refused (e.g. `peer not joined`)."""

    left_at: dt.datetime | None = None
    duration: _Seconds | None = None


# --- room end ----------------------------------------------------------------------


@attrs.define(kw_only=True)
class RoomEndData(WebhookData):
    """Fields shared by the room end events."""

    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    peer_id: str | None = None
    user_id: str | None = None
    template_id: str | None = None
    user_name: str | None = None
    role: str | None = None
    lock_room: bool | None = None
    reason: str | None = None
    source: str | None = None
    session_started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class RoomEndSuccessData(RoomEndData):
    """`room.end.success`: the room was ended (and maybe locked)."""


@attrs.define(kw_only=True)
class RoomEndFailureData(RoomEndData):
    """`room.end.failure`: ending the room failed."""

    error_message: str | None = None
    error_code: int | None = None


# --- role change -------------------------------------------------------------------


@attrs.define(kw_only=True)
class RoleChangeData(WebhookData):
    """Fields shared by the role change events.

    `role_change_requested_by` is absent when the change came from the REST API.
    """

    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    template_id: str | None = None
    peer_id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    user_data: str | None = None
    role: str | None = None
    role_change_requested_by: str | None = None
    joined_at: dt.datetime | None = None
    session_started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class RoleChangeSuccessData(RoleChangeData):
    """`role.change.success`: a peer's role changed from `previous_role` to `role`."""

    previous_role: str | None = None
    role_changed_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class RoleChangeFailureData(RoleChangeData):
    """`role.change.failure`: a role change was refused."""

    error_message: str | None = None


# --- track recording ---------------------------------------------------------------


@attrs.define(kw_only=True)
class TrackRecordingData(WebhookData):
    """Fields shared by the track recording events."""

    room_id: str | None = None
    session_id: str | None = None
    peer_id: str | None = None
    stream_id: str | None = None
    track_id: str | None = None
    track_type: WebhookTrackType | str | None = None


@attrs.define(kw_only=True)
class TrackRecordingStartedSuccessData(TrackRecordingData):
    """`track.recording.started.success`: recording of one track began."""


@attrs.define(kw_only=True)
class TrackRecordingResultData(TrackRecordingData):
    """Fields shared by the finished track recording events."""

    size: int | None = None
    duration: _Seconds | None = None
    recording_id: str | None = None
    recording_path: str | None = None


@attrs.define(kw_only=True)
class TrackRecordingSuccessData(TrackRecordingResultData):
    """`track.recording.success`: a track's recording is uploaded."""

    recording_presigned_url: str | None = attrs.field(default=None, repr=False)


@attrs.define(kw_only=True)
class TrackRecordingFailureData(TrackRecordingResultData):
    """`track.recording.failure`: a track's recording failed."""

    error_message: str | None = None


# --- stream recording --------------------------------------------------------------


@attrs.define(kw_only=True)
class StreamRecordingData(WebhookData):
    """Fields shared by the stream recording events.

    The docs name the stream kind `stream_type` but their sample sends `type`;
    both are kept as received and `kind` reads whichever is present.
    """

    room_id: str | None = None
    session_id: str | None = None
    peer_id: str | None = None
    stream_id: str | None = None
    user_id: str | None = None
    size: int | None = None
    duration: _Seconds | None = None
    recording_id: str | None = None
    recording_path: str | None = None
    stream_type: StreamRecordingType | str | None = None
    type: StreamRecordingType | str | None = None

    @property
    def kind(self) -> StreamRecordingType | str | None:
        """The stream kind, from `stream_type` or else `type`."""
        return self.stream_type if self.stream_type is not None else self.type


@attrs.define(kw_only=True)
class StreamRecordingSuccessData(StreamRecordingData):
    """`stream.recording.success`: a stream's recording is uploaded."""

    recording_presigned_url: str | None = attrs.field(default=None, repr=False)


@attrs.define(kw_only=True)
class StreamRecordingFailureData(StreamRecordingData):
    """`stream.recording.failure`: a stream's recording failed."""

    error_message: str | None = None


# --- SFU recording -----------------------------------------------------------------


@attrs.define(kw_only=True)
class SfuRecordingData(WebhookData):
    """Fields shared by the SFU recording events (envelope `version` `1.0`)."""

    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    template_id: str | None = None
    session_started_at: dt.datetime | None = None
    session_stopped_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class RecordingSuccessData(SfuRecordingData):
    """`recording.success`: an SFU recording is uploaded (presigned URLs last 24 h)."""

    duration: _Seconds | None = None
    size: int | None = None
    recording_path: str | None = None
    recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    chat_recording_path: str | None = None
    chat_recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    location: str | None = None
    url: str | None = attrs.field(default=None, repr=False, metadata={"json": "URL"})


@attrs.define(kw_only=True)
class RecordingFailedData(SfuRecordingData):
    """`recording.failed`: an SFU recording failed."""

    error: str | None = None
    error_type: SfuRecordingErrorType | str | None = None


# --- beam and HLS jobs -------------------------------------------------------------


@attrs.define(kw_only=True)
class RtmpDestination:
    """An RTMP output of a beam job; the URL may hold a stream key (hidden in repr)."""

    url: str | None = attrs.field(default=None, repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class MediaJobData(WebhookData):
    """Fields shared by the beam (recording, RTMP) and HLS job events."""

    beam_id: str | None = None
    job_id: str | None = None
    room_id: str | None = None
    peer_id: str | None = None
    session_id: str | None = None
    template_id: str | None = None
    meeting_url: str | None = attrs.field(default=None, repr=False)
    metadata_id: str | None = None
    metadata_timestamp: dt.datetime | None = None
    state_name: str | None = None
    state_timestamp: dt.datetime | None = None
    max_width: int | None = None
    max_height: int | None = None
    session_started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class BeamData(MediaJobData):
    """Fields shared by the beam events (browser recording and RTMP out)."""

    recording_enabled: bool | None = None
    rtmp: list[RtmpDestination] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class BeamStartedSuccessData(BeamData):
    """`beam.started.success`: a recording or RTMP-out job started."""

    start_delay: int | None = None


@attrs.define(kw_only=True)
class BeamStoppedSuccessData(BeamData):
    """`beam.stopped.success`: a recording or RTMP-out job stopped."""

    duration: _Seconds | None = None
    reason: BeamStopReason | str | None = None


@attrs.define(kw_only=True)
class BeamFailureData(BeamData):
    """`beam.failure`: a beam job failed (`error_code` is deprecated, always 1)."""

    duration: _Seconds | None = None
    error_code: int | None = None
    error_message: str | None = None
    error_type: BeamErrorType | str | None = None


@attrs.define(kw_only=True)
class BeamRecordingSuccessData(BeamData):
    """`beam.recording.success`: a browser recording is uploaded."""

    recording_id: str | None = None
    created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    duration: _Seconds | None = None
    size: int | None = None
    location: str | None = None
    recording_path: str | None = None
    recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    chat_recording_path: str | None = None
    chat_recording_presigned_url: str | None = attrs.field(default=None, repr=False)


@attrs.define(kw_only=True)
class HlsData(MediaJobData):
    """Fields shared by the HLS events."""

    recording_single_file_per_layer_enabled: bool | None = None
    recording_vod_playlist_enabled: bool | None = None


@attrs.define(kw_only=True)
class HlsStartedSuccessData(HlsData):
    """`hls.started.success`: a live stream started; `url` is its m3u8 playlist."""

    url: str | None = None
    start_delay: int | None = None
    started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class HlsStoppedSuccessData(HlsData):
    """`hls.stopped.success`: a live stream stopped."""

    url: str | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    duration: _Seconds | None = None
    reason: BeamStopReason | str | None = None
    live_transcription_enabled: bool | None = None


@attrs.define(kw_only=True)
class HlsFailureData(HlsData):
    """`hls.failure`: a live stream failed."""

    duration: _Seconds | None = None
    error_code: int | None = None
    error_message: str | None = None
    error_type: BeamErrorType | str | None = None


@attrs.define(kw_only=True)
class HlsRecordingFile:
    """One layer of an HLS recording as a single file (`layer` "0" is the best)."""

    asset_id: str | None = None
    layer: str | None = None
    recording_path: str | None = None
    recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    size: int | None = None
    width: int | None = None
    height: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class HlsThumbnail:
    """A thumbnail of an HLS recording."""

    width: int | None = None
    height: int | None = None
    offset: int | None = None
    location: str | None = None
    url: str | None = attrs.field(default=None, repr=False)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class HlsRecordingSuccessData(HlsData):
    """`hls.recording.success`: the recording of a live stream is uploaded."""

    recording_id: str | None = None
    recording_created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    duration: _Seconds | None = None
    hls_vod_recording_path: str | None = None
    hls_vod_recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    hls_vod_recording_size: int | None = None
    chat_recording_path: str | None = None
    chat_recording_presigned_url: str | None = attrs.field(default=None, repr=False)
    recording_single_files: list[HlsRecordingFile] = attrs.field(factory=list)
    recording_thumbnails: list[HlsThumbnail] = attrs.field(factory=list)
    recording_hls_vod_playlist_location: str | None = None


# --- transcription -----------------------------------------------------------------


@attrs.define(kw_only=True)
class TranscriptionData(WebhookData):
    """Fields shared by the transcription events."""

    account_id: str | None = None
    app_id: str | None = None
    recording_id: str | None = None
    room_id: str | None = None
    room_name: str | None = None
    session_id: str | None = None
    metadata_id: str | None = None
    metadata_timestamp: dt.datetime | None = None
    transcription_id: str | None = None
    duration: _Seconds | None = None
    summary_json_asset_id: str | None = None
    transcript_json_asset_id: str | None = None
    transcript_srt_asset_id: str | None = None
    transcript_txt_asset_id: str | None = None


@attrs.define(kw_only=True)
class TranscriptionStartedSuccessData(TranscriptionData):
    """`transcription.started.success`: transcription of a recording began."""


@attrs.define(kw_only=True)
class TranscriptionResultData(TranscriptionData):
    """Fields shared by the finished transcription events: where each file is."""

    summary_json_path: str | None = None
    summary_json_presigned_url: str | None = attrs.field(default=None, repr=False)
    transcript_json_path: str | None = None
    transcript_json_presigned_url: str | None = attrs.field(default=None, repr=False)
    transcript_srt_path: str | None = None
    transcript_srt_presigned_url: str | None = attrs.field(default=None, repr=False)
    transcript_txt_path: str | None = None
    transcript_txt_presigned_url: str | None = attrs.field(default=None, repr=False)


@attrs.define(kw_only=True)
class TranscriptionSuccessData(TranscriptionResultData):
    """`transcription.success`: the transcript (and summary) files are ready."""


@attrs.define(kw_only=True)
class TranscriptionFailureData(TranscriptionResultData):
    """`transcription.failure` (also sent as `transcription.failed`); some files may exist."""


# --- RTMP ingest -------------------------------------------------------------------


@attrs.define(kw_only=True)
class IngestData(WebhookData):
    """Fields shared by the RTMP ingest events."""

    account_id: str | None = None
    app_id: str | None = None
    ingest_id: str | None = None
    room_id: str | None = None
    template_id: str | None = None
    stream_id: str | None = None
    started_at: dt.datetime | None = None


@attrs.define(kw_only=True)
class IngestStartSuccessData(IngestData):
    """`ingest.start.success`: an RTMP ingest started publishing into the room."""


@attrs.define(kw_only=True)
class IngestEndSuccessData(IngestData):
    """`ingest.end.success`: an RTMP ingest ended."""

    completed_at: dt.datetime | None = None
    last_disconnected_at: dt.datetime | None = None
    duration: _Seconds | None = None
    reason: IngestEndReason | str | None = None


@attrs.define(kw_only=True)
class IngestStartFailureData(IngestData):
    """`ingest.start.failure`: an RTMP ingest could not start."""

    error_message: str | None = None


@attrs.define(kw_only=True)
class IngestFailureData(IngestData):
    """`ingest.failure`: a running RTMP ingest failed."""

    error_message: str | None = None


# --- the registry and the envelope -------------------------------------------------

_T = WebhookEventType
WEBHOOK_DATA_TYPES: Final[Mapping[str, type[WebhookData]]] = types.MappingProxyType(
    {
        _T.SESSION_OPEN_SUCCESS: SessionOpenSuccessData,
        _T.SESSION_CLOSE_SUCCESS: SessionCloseSuccessData,
        _T.PEER_JOIN_SUCCESS: PeerJoinSuccessData,
        _T.PEER_LEAVE_SUCCESS: PeerLeaveSuccessData,
        _T.PEER_JOIN_FAILURE: PeerJoinFailureData,
        _T.PEER_LEAVE_FAILURE: PeerLeaveFailureData,
        _T.ROOM_END_SUCCESS: RoomEndSuccessData,
        _T.ROOM_END_FAILURE: RoomEndFailureData,
        _T.ROLE_CHANGE_SUCCESS: RoleChangeSuccessData,
        _T.ROLE_CHANGE_FAILURE: RoleChangeFailureData,
        _T.TRACK_RECORDING_STARTED_SUCCESS: TrackRecordingStartedSuccessData,
        _T.TRACK_RECORDING_SUCCESS: TrackRecordingSuccessData,
        _T.TRACK_RECORDING_FAILURE: TrackRecordingFailureData,
        _T.STREAM_RECORDING_SUCCESS: StreamRecordingSuccessData,
        _T.STREAM_RECORDING_FAILURE: StreamRecordingFailureData,
        _T.RECORDING_SUCCESS: RecordingSuccessData,
        _T.RECORDING_FAILED: RecordingFailedData,
        _T.BEAM_STARTED_SUCCESS: BeamStartedSuccessData,
        _T.BEAM_STOPPED_SUCCESS: BeamStoppedSuccessData,
        _T.BEAM_RECORDING_SUCCESS: BeamRecordingSuccessData,
        _T.BEAM_FAILURE: BeamFailureData,
        _T.HLS_STARTED_SUCCESS: HlsStartedSuccessData,
        _T.HLS_STOPPED_SUCCESS: HlsStoppedSuccessData,
        _T.HLS_FAILURE: HlsFailureData,
        _T.HLS_RECORDING_SUCCESS: HlsRecordingSuccessData,
        _T.TRANSCRIPTION_STARTED_SUCCESS: TranscriptionStartedSuccessData,
        _T.TRANSCRIPTION_SUCCESS: TranscriptionSuccessData,
        _T.TRANSCRIPTION_FAILURE: TranscriptionFailureData,
        _T.TRANSCRIPTION_FAILED: TranscriptionFailureData,
        _T.INGEST_START_SUCCESS: IngestStartSuccessData,
        _T.INGEST_END_SUCCESS: IngestEndSuccessData,
        _T.INGEST_START_FAILURE: IngestStartFailureData,
        _T.INGEST_FAILURE: IngestFailureData,
    }
)
"""The `data` class of each event type (both transcription failure spellings)."""
del _T


@attrs.define(kw_only=True)
class WebhookEvent:
    """A webhook delivery from 100ms, parsed by `hms_async.webhooks`.

    100ms retries a delivery that was not answered with 200, so the same `id`
    can arrive more than once: deduplicate on it.

    Attributes:
        id: The event's id (a UUID).
        type: The event type, e.g. `peer.join.success`.
        version: The envelope version (`"2.0"`, `"1.0"` for SFU recordings).
        app_id: The app's id, when sent.
        account_id: The account's id, when sent.
        template_id: The template's id, when sent at envelope level.
        timestamp: When the event happened.
        is_replay: `True` on a replayed delivery (see `replayed`).
        data: The event's data: the class that `WEBHOOK_DATA_TYPES` gives for
            the type, or the raw dict for a type this SDK does not know yet.
    """

    id: str
    type: WebhookEventType | str
    version: str | None = None
    app_id: str | None = None
    account_id: str | None = None
    template_id: str | None = None
    timestamp: dt.datetime | None = None
    is_replay: bool | None = None
    data: WebhookData | dict[str, Any] = attrs.field(factory=dict)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)

    @property
    def replayed(self) -> bool:
        """Whether this is a replay (`is_replay` on the envelope or in `data`)."""
        if self.is_replay:
            return True
        if isinstance(self.data, WebhookData):
            return bool(self.data.is_replay)
        return self.data.get("is_replay") is True


def _structure_data(event_type: str, data: object) -> WebhookData | dict[str, Any]:
    """The typed `data` of an event type, or the raw dict for an unknown type."""
    if data is None:
        data = {}
    cls = WEBHOOK_DATA_TYPES.get(event_type)
    if cls is None:
        if type(data) is not dict:
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        return data
    return structure(data, cls)


def _keep_data(value: Any, _type: object = None) -> Any:
    return value  # typed afterwards by _structure_event, which knows ``type``


converter.register_structure_hook(WebhookData | dict[str, Any], _keep_data)
_structure_envelope = _compile_structure(WebhookEvent)


def _structure_event(value: Any, _type: object = None) -> WebhookEvent:
    event: WebhookEvent = _structure_envelope(value, None)
    event.data = _structure_data(event.type, event.data)
    return event


converter.register_structure_hook(WebhookEvent, _structure_event)
