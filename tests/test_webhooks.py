"""hms_async.webhooks: parsing every event type, round trips, verification."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hms_async import webhooks
from hms_async._serde import structure, unstructure
from hms_async.errors import WebhookError, WebhookVerificationError
from hms_async.models.webhooks import (
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
    TrackRecordingStartedSuccessData,
    TrackRecordingSuccessData,
    TranscriptionData,
    TranscriptionFailureData,
    TranscriptionStartedSuccessData,
    TranscriptionSuccessData,
    WebhookData,
    WebhookEvent,
    WebhookEventType,
    WebhookTrackType,
)
from hms_async.testing import FakeHMS

ROOM_ID = "60b8e13a6eb86d8101b57358"
SESSION_ID = "610f81ee870dde099a249948"
TEMPLATE_ID = "66112497abcd52312556c4aa"
PEER_ID = "83b869e1-9a4b-4037-84b2-913cf76e4392"
BEAM_ID = "6412e26a8d3be2d53a2a0e5d"
RECORDING_ID = "6412e2a48d3be2d53a2a0e61"
ZERO_TIME = "0001-01-01T00:00:00Z"
PRESIGNED = "https://storage.example.com/rec.mp4?X-Amz-Signature=abc123"


def at(text: str) -> dt.datetime:
    """An aware UTC datetime from an ISO string (test shorthand)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


# --- §6.15 samples, verbatim (plus one unknown key each) -----------------------

PEER_LEAVE_SAMPLE: dict[str, Any] = {
    "version": "2.0",
    "id": "0b8b7c2e-1f0e-4d59-9f63-1f2d3c4b5a69",
    "account_id": "60b8e13a6eb86d8101b57354",
    "app_id": "60b8e13a6eb86d8101b57356",
    "timestamp": "2021-11-30T12:58:58Z",
    "type": "peer.leave.success",
    "data": {
        "duration": 40,
        "joined_at": "2021-11-30T12:58:49.97291247Z",
        "left_at": "2021-11-30T12:58:58.500451704Z",
        "peer_id": "83b869e1-9a4b-4037-84b2-913cf76e4392",
        "reason": "peer kicked",
        "message": "removed due to misconduct",
        "role": "guest",
        "room_id": "60b8e13a6eb86d8101b57358",
        "room_name": "test-room",
        "session_id": "610f81ee870dde099a249948",
        "template_id": "66112497abcd52312556c4aa",
        "type": "regular",
        "user_id": "user.001",
        "user_name": "test user",
        "user_data": "",
        "session_started_at": "2021-11-30T12:58:49.97291247Z",
        "x_new_data_field": {"nested": [1, 2]},
    },
    "x_new_envelope_field": "kept",
}

SESSION_CLOSE_SAMPLE: dict[str, Any] = {
    "version": "2.0",
    "id": "7c1d8a1e-8a33-4f3b-9d1b-2a0e2b6f4c11",
    "account_id": "60b8e13a6eb86d8101b57354",
    "timestamp": "2021-11-30T12:58:49Z",
    "type": "session.close.success",
    "data": {
        "room_id": "60b8e13a6eb86d8101b57358",
        "room_name": "test-room",
        "session_id": "610f81ee870dde099a249948",
        "template_id": "66112497abcd52312556c4aa",
        "session_duration": 600,
        "session_started_at": "2021-11-30T12:48:49.97291247Z",
        "session_stopped_at": "2021-11-30T12:58:49.97291247Z",
        "x_new_data_field": True,
    },
    "x_new_envelope_field": 7,
}


# --- one realistic data payload per event type (§4.3 field lists) --------------

_ROOM = {"room_id": ROOM_ID, "room_name": "physics-7b"}
_SESSION = {**_ROOM, "session_id": SESSION_ID, "template_id": TEMPLATE_ID}
_STARTED = {"session_started_at": "2024-03-16T09:00:00.125Z"}
_PEER = {
    **_SESSION,
    **_STARTED,
    "peer_id": PEER_ID,
    "user_id": "user-42",
    "user_name": "Ada",
    "user_data": '{"seat": 4}',
    "role": "guest",
    "joined_at": "2024-03-16T09:01:00.250Z",
    "type": "regular",
}
_TRACK = {
    "room_id": ROOM_ID,
    "session_id": SESSION_ID,
    "peer_id": PEER_ID,
    "stream_id": "2b4e0c1a-7f9d-4a7e-9c3b-1d2e3f4a5b6c",
    "track_id": "9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "track_type": "video",
}
_STREAM = {
    "room_id": ROOM_ID,
    "session_id": SESSION_ID,
    "peer_id": PEER_ID,
    "stream_id": "2b4e0c1a-7f9d-4a7e-9c3b-1d2e3f4a5b6c",
    "user_id": "user-42",
    "size": 52_428_800,
    "recording_id": RECORDING_ID,
    "recording_path": "s3://bucket/stream/rec.webm",
}
_JOB = {
    "beam_id": BEAM_ID,
    "job_id": BEAM_ID,
    "room_id": ROOM_ID,
    "peer_id": "beam-bot",
    "session_id": SESSION_ID,
    "template_id": TEMPLATE_ID,
    "meeting_url": "https://app.100ms.live/preview/abc-defg-hij?skip_preview=true",
    "metadata_id": "c0ffee00-0000-4000-8000-000000000001",
    "metadata_timestamp": "2024-03-16T09:05:00.500Z",
    "state_name": "Started",
    "state_timestamp": "2024-03-16T09:05:10.750Z",
    "max_width": 1280,
    "max_height": 720,
    **_STARTED,
}
_BEAM_JOB = {
    **_JOB,
    "recording_enabled": True,
    "rtmp": [{"url": "rtmp://a.rtmp.youtube.com/live2/key-123"}],
}
_HLS_JOB = {
    **_JOB,
    "recording_single_file_per_layer_enabled": True,
    "recording_vod_playlist_enabled": False,
}
_FAILURE = {"error_code": 1, "error_message": "upload failed", "duration": 30}
_TRANSCRIPTION = {
    "account_id": "60b8e13a6eb86d8101b57354",
    "app_id": "60b8e13a6eb86d8101b57356",
    "recording_id": RECORDING_ID,
    **_ROOM,
    "session_id": SESSION_ID,
    "metadata_id": "c0ffee00-0000-4000-8000-000000000002",
    "transcription_id": "65f5d0a1b2c3d4e5f6a7b8c9",
    "metadata_timestamp": "2024-03-16T10:00:00.000Z",
    "duration": 1800,
    "summary_json_asset_id": "65f5d0a1b2c3d4e5f6a7b8d0",
    "transcript_json_asset_id": "65f5d0a1b2c3d4e5f6a7b8d1",
    "transcript_srt_asset_id": "65f5d0a1b2c3d4e5f6a7b8d2",
    "transcript_txt_asset_id": "65f5d0a1b2c3d4e5f6a7b8d3",
}
_TRANSCRIPTION_FILES = {
    f"{name}_{suffix}": value
    for name in ("summary_json", "transcript_json", "transcript_srt", "transcript_txt")
    for suffix, value in (
        ("path", f"s3://bucket/transcripts/{name}"),
        ("presigned_url", f"{PRESIGNED}&f={name}"),
    )
}
_INGEST = {
    "account_id": "60b8e13a6eb86d8101b57354",
    "app_id": "60b8e13a6eb86d8101b57356",
    "ingest_id": "65f5e1f2a3b4c5d6e7f8a9b0",
    "room_id": ROOM_ID,
    "template_id": TEMPLATE_ID,
    "stream_id": "ingest-stream-1",
    "started_at": "2024-03-16T11:00:00.000Z",
}

# event type -> (data payload, data class, family base, {attribute: expected value})
CASES: dict[str, tuple[dict[str, Any], type, type, dict[str, Any]]] = {
    "session.open.success": (
        {**_SESSION, **_STARTED},
        SessionOpenSuccessData,
        SessionData,
        {
            "room_name": "physics-7b",
            "session_started_at": at("2024-03-16T09:00:00.125"),
        },
    ),
    "session.close.success": (
        {
            **_SESSION,
            **_STARTED,
            "session_duration": 3600,
            "session_stopped_at": "2024-03-16T10:00:00.125Z",
        },
        SessionCloseSuccessData,
        SessionData,
        {"session_duration": 3600, "session_stopped_at": at("2024-03-16T10:00:00.125")},
    ),
    "peer.join.success": (
        {**_PEER, "type": "sip"},
        PeerJoinSuccessData,
        PeerData,
        {
            "type": PeerType.SIP,
            "user_data": '{"seat": 4}',
            "joined_at": at("2024-03-16T09:01:00.250"),
        },
    ),
    "peer.leave.success": (
        {
            **_PEER,
            "left_at": "2024-03-16T09:31:00.250Z",
            "duration": 1800,
            "reason": "server removed peer",
            "message": "",
        },
        PeerLeaveSuccessData,
        PeerData,
        {
            "reason": PeerLeaveReason.SERVER_REMOVED_PEER,
            "duration": 1800,
            "left_at": at("2024-03-16T09:31:00.250"),
        },
    ),
    "peer.join.failure": (
        {
            **{k: v for k, v in _PEER.items() if k != "session_id"},
            "joined_at": ZERO_TIME,
            "error_message": "duplicate peer id",
        },
        PeerJoinFailureData,
        PeerData,
        {"joined_at": None, "error_message": "duplicate peer id", "session_id": None},
    ),
    "peer.leave.failure": (
        {
            **_PEER,
            "left_at": "2024-03-16T09:02:00.000Z",
            "duration": "12",
            "error_message": "peer not joined",
        },
        PeerLeaveFailureData,
        PeerData,
        {"duration": 12, "error_message": "peer not joined", "type": PeerType.REGULAR},
    ),
    "room.end.success": (
        {
            **_SESSION,
            **_STARTED,
            "peer_id": PEER_ID,
            "user_id": "user-1",
            "user_name": "Host",
            "role": "host",
            "lock_room": True,
            "reason": "class is over",
            "source": "peer",
        },
        RoomEndSuccessData,
        RoomEndData,
        {"lock_room": True, "reason": "class is over", "source": "peer"},
    ),
    "room.end.failure": (
        {
            **_SESSION,
            "peer_id": PEER_ID,
            "role": "host",
            "lock_room": False,
            "source": "api",
            "error_message": "room not active",
            "error_code": 404,
        },
        RoomEndFailureData,
        RoomEndData,
        {"lock_room": False, "error_code": 404, "error_message": "room not active"},
    ),
    "role.change.success": (
        {
            **_PEER,
            "previous_role": "guest",
            "role": "host",
            "role_changed_at": "2024-03-16T09:10:00.000Z",
            "role_change_requested_by": "1c3d5e7f-0000-4000-8000-00000000beef",
        },
        RoleChangeSuccessData,
        RoleChangeData,
        {
            "previous_role": "guest",
            "role": "host",
            "role_changed_at": at("2024-03-16T09:10:00"),
            "role_change_requested_by": "1c3d5e7f-0000-4000-8000-00000000beef",
        },
    ),
    "role.change.failure": (
        {**_PEER, "role": "host", "error_message": "role limit reached"},
        RoleChangeFailureData,
        RoleChangeData,
        {"error_message": "role limit reached", "role_change_requested_by": None},
    ),
    "track.recording.started.success": (
        dict(_TRACK),
        TrackRecordingStartedSuccessData,
        TrackRecordingData,
        {
            "track_type": WebhookTrackType.VIDEO,
            "track_id": "9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b",
        },
    ),
    "track.recording.success": (
        {
            **_TRACK,
            "track_type": "audio",
            "size": 1_048_576,
            "duration": "95.5",
            "recording_id": RECORDING_ID,
            "recording_path": "s3://bucket/track/audio.webm",
            "recording_presigned_url": PRESIGNED,
        },
        TrackRecordingSuccessData,
        TrackRecordingData,
        {
            "track_type": WebhookTrackType.AUDIO,
            "duration": 95.5,
            "size": 1_048_576,
            "recording_presigned_url": PRESIGNED,
        },
    ),
    "track.recording.failure": (
        {
            **_TRACK,
            "size": 0,
            "duration": 0,
            "recording_id": RECORDING_ID,
            "recording_path": "",
            "error_message": "upload failed",
        },
        TrackRecordingFailureData,
        TrackRecordingData,
        {"size": 0, "duration": 0, "error_message": "upload failed"},
    ),
    "stream.recording.success": (
        {
            **_STREAM,
            "duration": "125",
            "type": "screen",
            "recording_presigned_url": PRESIGNED,
        },
        StreamRecordingSuccessData,
        StreamRecordingData,
        {
            "kind": StreamRecordingType.SCREEN,
            "stream_type": None,
            "duration": 125,
            "size": 52_428_800,
        },
    ),
    "stream.recording.failure": (
        {
            **_STREAM,
            "duration": 3,
            "stream_type": "audio",
            "error_message": "encoder crashed",
        },
        StreamRecordingFailureData,
        StreamRecordingData,
        {
            "kind": StreamRecordingType.AUDIO,
            "stream_type": StreamRecordingType.AUDIO,
            "error_message": "encoder crashed",
        },
    ),
    "recording.success": (
        {
            **_SESSION,
            **_STARTED,
            "session_stopped_at": "2024-03-16T10:00:00.000Z",
            "location": "s3://bucket/sfu/rec.mp4",
            "URL": "https://legacy.example.com/rec.mp4",
            "duration": 3600,
            "size": 734_003_200,
            "recording_path": "s3://bucket/sfu/rec.mp4",
            "recording_presigned_url": PRESIGNED,
            "chat_recording_path": "s3://bucket/sfu/chat.csv",
            "chat_recording_presigned_url": PRESIGNED + "&chat",
        },
        RecordingSuccessData,
        SfuRecordingData,
        {
            "url": "https://legacy.example.com/rec.mp4",
            "chat_recording_path": "s3://bucket/sfu/chat.csv",
            "session_stopped_at": at("2024-03-16T10:00:00"),
        },
    ),
    "recording.failed": (
        {
            **_SESSION,
            **_STARTED,
            "session_stopped_at": "2024-03-16T10:00:00.000Z",
            "error": "access denied to bucket",
            "error_type": "CLOUD_ACCESS_ERROR",
        },
        RecordingFailedData,
        SfuRecordingData,
        {
            "error_type": SfuRecordingErrorType.CLOUD_ACCESS_ERROR,
            "error": "access denied to bucket",
        },
    ),
    "beam.started.success": (
        {**_BEAM_JOB, "start_delay": 5},
        BeamStartedSuccessData,
        BeamData,
        {
            "start_delay": 5,
            "recording_enabled": True,
            "rtmp": [RtmpDestination(url="rtmp://a.rtmp.youtube.com/live2/key-123")],
            "metadata_timestamp": at("2024-03-16T09:05:00.500"),
            "state_timestamp": at("2024-03-16T09:05:10.750"),
        },
    ),
    "beam.stopped.success": (
        {
            **_BEAM_JOB,
            "state_name": "Stopped",
            "duration": 7200,
            "reason": "max duration reached",
        },
        BeamStoppedSuccessData,
        BeamData,
        {
            "reason": BeamStopReason.MAX_DURATION_REACHED,
            "duration": 7200,
            "state_name": "Stopped",
        },
    ),
    "beam.recording.success": (
        {
            **{k: v for k, v in _JOB.items() if k not in ("job_id", "state_name")},
            "rtmp": [],
            "created_at": "2024-03-16T10:01:00.000Z",
            "started_at": "2024-03-16T09:05:10.000Z",
            "stopped_at": "2024-03-16T10:00:00.000Z",
            "duration": 3290,
            "location": "s3://bucket/beam/rec.mp4",
            "recording_id": RECORDING_ID,
            "recording_path": "s3://bucket/beam/rec.mp4",
            "recording_presigned_url": PRESIGNED,
            "chat_recording_path": "s3://bucket/beam/chat.csv",
            "chat_recording_presigned_url": PRESIGNED + "&chat",
            "size": 104_857_600,
        },
        BeamRecordingSuccessData,
        BeamData,
        {
            "recording_id": RECORDING_ID,
            "created_at": at("2024-03-16T10:01:00"),
            "size": 104_857_600,
            "rtmp": [],
            "job_id": None,
        },
    ),
    "beam.failure": (
        {
            **_BEAM_JOB,
            **_FAILURE,
            "error_type": "UPLOAD_ERROR",
        },
        BeamFailureData,
        BeamData,
        {"error_type": BeamErrorType.UPLOAD_ERROR, "error_code": 1, "duration": 30},
    ),
    "hls.started.success": (
        {
            **_HLS_JOB,
            "start_delay": 3,
            "url": "https://cdn.100ms.live/beam/abc/master.m3u8",
            "started_at": "2024-03-16T09:05:10.000Z",
        },
        HlsStartedSuccessData,
        HlsData,
        {
            "url": "https://cdn.100ms.live/beam/abc/master.m3u8",
            "recording_single_file_per_layer_enabled": True,
            "recording_vod_playlist_enabled": False,
            "started_at": at("2024-03-16T09:05:10"),
        },
    ),
    "hls.stopped.success": (
        {
            **_HLS_JOB,
            "url": "https://cdn.100ms.live/beam/abc/master.m3u8",
            "started_at": "2024-03-16T09:05:10.000Z",
            "stopped_at": "2024-03-16T09:35:10.000Z",
            "duration": 1800,
            "reason": "failure: INTERNAL_ERROR",
            "live_transcription_enabled": False,
        },
        HlsStoppedSuccessData,
        HlsData,
        {
            "reason": "failure: INTERNAL_ERROR",
            "live_transcription_enabled": False,
            "stopped_at": at("2024-03-16T09:35:10"),
        },
    ),
    "hls.failure": (
        {**_HLS_JOB, **_FAILURE, "error_type": "MAX_RETRIES_REACHED"},
        HlsFailureData,
        HlsData,
        {"error_type": BeamErrorType.MAX_RETRIES_REACHED, "error_code": 1},
    ),
    "hls.recording.success": (
        {
            **{k: v for k, v in _JOB.items() if k not in ("job_id", "peer_id")},
            "duration": 1800,
            "hls_vod_recording_path": "s3://bucket/hls/vod/master.m3u8",
            "hls_vod_recording_presigned_url": PRESIGNED,
            "hls_vod_recording_size": 268_435_456,
            "chat_recording_path": "s3://bucket/hls/chat.csv",
            "chat_recording_presigned_url": PRESIGNED + "&chat",
            "recording_created_at": "2024-03-16T09:40:00.000Z",
            "started_at": "2024-03-16T09:05:10.000Z",
            "stopped_at": "2024-03-16T09:35:10.000Z",
            "recording_id": RECORDING_ID,
            "recording_single_files": [
                {
                    "asset_id": "65f5f0a1b2c3d4e5f6a7b8e0",
                    "layer": "0",
                    "recording_path": "s3://bucket/hls/layer0.mp4",
                    "recording_presigned_url": PRESIGNED,
                    "size": 134_217_728,
                    "width": 1280,
                    "height": 720,
                    "x_new_file_field": "kept",
                }
            ],
            "recording_hls_vod_playlist_location": "s3://bucket/hls/vod/master.m3u8",
            "recording_thumbnails": [
                {
                    "width": 320,
                    "height": 180,
                    "offset": 10,
                    "location": "s3://bucket/hls/thumb-10.jpg",
                    "url": PRESIGNED + "&thumb",
                }
            ],
        },
        HlsRecordingSuccessData,
        HlsData,
        {
            "hls_vod_recording_size": 268_435_456,
            "recording_created_at": at("2024-03-16T09:40:00"),
            "recording_single_files": [
                HlsRecordingFile(
                    asset_id="65f5f0a1b2c3d4e5f6a7b8e0",
                    layer="0",
                    recording_path="s3://bucket/hls/layer0.mp4",
                    recording_presigned_url=PRESIGNED,
                    size=134_217_728,
                    width=1280,
                    height=720,
                    extra_fields={"x_new_file_field": "kept"},
                )
            ],
            "recording_thumbnails": [
                HlsThumbnail(
                    width=320,
                    height=180,
                    offset=10,
                    location="s3://bucket/hls/thumb-10.jpg",
                    url=PRESIGNED + "&thumb",
                )
            ],
        },
    ),
    "transcription.started.success": (
        dict(_TRANSCRIPTION),
        TranscriptionStartedSuccessData,
        TranscriptionData,
        {
            "transcription_id": "65f5d0a1b2c3d4e5f6a7b8c9",
            "transcript_srt_asset_id": "65f5d0a1b2c3d4e5f6a7b8d2",
            "duration": 1800,
        },
    ),
    "transcription.success": (
        {**_TRANSCRIPTION, **_TRANSCRIPTION_FILES},
        TranscriptionSuccessData,
        TranscriptionData,
        {
            "transcript_txt_path": "s3://bucket/transcripts/transcript_txt",
            "summary_json_presigned_url": f"{PRESIGNED}&f=summary_json",
        },
    ),
    "transcription.failure": (
        {**_TRANSCRIPTION, "transcript_txt_path": "s3://bucket/partial.txt"},
        TranscriptionFailureData,
        TranscriptionData,
        {"transcript_txt_path": "s3://bucket/partial.txt", "summary_json_path": None},
    ),
    "transcription.failed": (
        {**_TRANSCRIPTION, "duration": "0"},
        TranscriptionFailureData,
        TranscriptionData,
        {"duration": 0, "recording_id": RECORDING_ID},
    ),
    "ingest.start.success": (
        {**_INGEST, "id": "dup-of-envelope-id", "type": "ingest.start.success"},
        IngestStartSuccessData,
        IngestData,
        {
            "ingest_id": "65f5e1f2a3b4c5d6e7f8a9b0",
            "stream_id": "ingest-stream-1",
            "started_at": at("2024-03-16T11:00:00"),
        },
    ),
    "ingest.end.success": (
        {
            **_INGEST,
            "completed_at": "2024-03-16T12:00:00.000Z",
            "last_disconnected_at": "2024-03-16T11:59:00.000Z",
            "duration": 3600,
            "reason": "reconnection window expired",
        },
        IngestEndSuccessData,
        IngestData,
        {
            "reason": IngestEndReason.RECONNECTION_WINDOW_EXPIRED,
            "completed_at": at("2024-03-16T12:00:00"),
            "last_disconnected_at": at("2024-03-16T11:59:00"),
            "duration": 3600,
        },
    ),
    "ingest.start.failure": (
        {
            "error_message": "stream key disabled",
            "room_id": ROOM_ID,
            "template_id": TEMPLATE_ID,
        },
        IngestStartFailureData,
        IngestData,
        {"error_message": "stream key disabled", "ingest_id": None},
    ),
    "ingest.failure": (
        {
            "error_message": "internal error",
            "ingest_id": "65f5e1f2a3b4c5d6e7f8a9b0",
            "room_id": ROOM_ID,
            "template_id": TEMPLATE_ID,
        },
        IngestFailureData,
        IngestData,
        {"error_message": "internal error", "ingest_id": "65f5e1f2a3b4c5d6e7f8a9b0"},
    ),
}


def envelope(event_type: str, data: Any, **extra: Any) -> dict[str, Any]:
    """A full envelope around ``data``, with one unknown key in each level."""
    if isinstance(data, dict):
        data = {**data, "x_new_data_field": [1, "two"]}
    return {
        "version": "1.0" if event_type.startswith("recording.") else "2.0",
        "id": "6c75de35-b778-4fb0-88ae-114c28dc285f",
        "app_id": "5ff5881b80b66969e1fb35f6",
        "account_id": "5ff5881b80b66969e1fb35f4",
        "template_id": TEMPLATE_ID,
        "timestamp": "2024-03-16T09:00:00.500Z",
        "type": event_type,
        "data": data,
        "x_new_envelope_field": {"a": 1},
        **extra,
    }


def dumps(payload: Any) -> bytes:
    """Encode a payload as a webhook body."""
    return json.dumps(payload).encode()


def present_keys(value: Any, prefix: str = "") -> set[str]:
    """Dotted paths of every key whose value is set (not null, not the zero time)."""
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None or item == ZERO_TIME:
                continue
            paths.add(prefix + key)
            paths |= present_keys(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            paths |= present_keys(item, f"{prefix}{index}.")
    return paths


# --- parsing --------------------------------------------------------------------


def test_the_table_covers_every_event_type() -> None:
    """Every enum value has a sample and a registry entry, and nothing else does."""
    assert set(CASES) == set(WebhookEventType)
    assert set(WEBHOOK_DATA_TYPES) == set(WebhookEventType)
    assert len(set(WebhookEventType) - {"transcription.failed"}) == 32


@pytest.mark.parametrize("event_type", sorted(CASES))
def test_each_event_type_parses_into_its_class(event_type: str) -> None:
    """The data class is chosen by type and its distinctive fields hold real values."""
    data, cls, family, expected = CASES[event_type]

    event = webhooks.parse(dumps(envelope(event_type, data)))

    assert event.type == event_type
    assert isinstance(event.type, WebhookEventType)
    parsed = event.data
    assert type(parsed) is cls
    assert isinstance(parsed, family)
    assert isinstance(parsed, WebhookData)
    assert WEBHOOK_DATA_TYPES[event_type] is cls
    for name, value in expected.items():
        assert getattr(parsed, name) == value, name
    assert parsed.extra_fields.get("x_new_data_field") == [1, "two"]
    assert getattr(parsed, "room_id", None) == data.get("room_id")


@pytest.mark.parametrize("event_type", sorted(CASES))
def test_each_event_type_round_trips(event_type: str) -> None:
    """parse → unstructure keeps every set key (unknown ones too) → same model."""
    data, _cls, _family, _expected = CASES[event_type]
    raw = envelope(event_type, data)

    event = webhooks.parse(dumps(raw))
    out = unstructure(event)

    assert present_keys(out) == present_keys(raw)
    assert out["x_new_envelope_field"] == {"a": 1}
    assert structure(out, WebhookEvent) == event
    assert structure(json.loads(json.dumps(out)), WebhookEvent) == event


def test_peer_leave_sample_from_the_reference() -> None:
    """§6.15 peer.leave.success: nanosecond times, enums and the kick message."""
    event = webhooks.parse(json.dumps(PEER_LEAVE_SAMPLE))

    assert event.id == "0b8b7c2e-1f0e-4d59-9f63-1f2d3c4b5a69"
    assert event.version == "2.0"
    assert event.app_id == "60b8e13a6eb86d8101b57356"
    assert event.template_id is None
    assert event.timestamp == dt.datetime(2021, 11, 30, 12, 58, 58, tzinfo=dt.UTC)
    assert event.type is WebhookEventType.PEER_LEAVE_SUCCESS
    data = event.data
    assert isinstance(data, PeerLeaveSuccessData)
    assert data.joined_at == dt.datetime(
        2021, 11, 30, 12, 58, 49, 972912, tzinfo=dt.UTC
    )
    assert data.left_at == dt.datetime(2021, 11, 30, 12, 58, 58, 500451, tzinfo=dt.UTC)
    assert data.duration == 40
    assert data.reason is PeerLeaveReason.PEER_KICKED
    assert data.message == "removed due to misconduct"
    assert data.type is PeerType.REGULAR
    assert data.user_data == ""
    assert data.template_id == "66112497abcd52312556c4aa"
    assert data.extra_fields == {"x_new_data_field": {"nested": [1, 2]}}
    assert event.extra_fields == {"x_new_envelope_field": "kept"}
    assert not event.replayed


def test_session_close_sample_from_the_reference() -> None:
    """§6.15 session.close.success: the duration and both session times."""
    event = webhooks.parse(dumps(SESSION_CLOSE_SAMPLE))

    data = event.data
    assert isinstance(data, SessionCloseSuccessData)
    assert data.session_duration == 600
    assert data.session_started_at == dt.datetime(
        2021, 11, 30, 12, 48, 49, 972912, tzinfo=dt.UTC
    )
    assert data.session_stopped_at == dt.datetime(
        2021, 11, 30, 12, 58, 49, 972912, tzinfo=dt.UTC
    )
    assert data.room_name == "test-room"
    assert event.app_id is None


@pytest.mark.parametrize("sample", [PEER_LEAVE_SAMPLE, SESSION_CLOSE_SAMPLE])
def test_reference_samples_keep_every_key(sample: dict[str, Any]) -> None:
    """Every key of the §6.15 samples, unknown ones included, survives a round trip."""
    event = webhooks.parse(dumps(sample))
    out = unstructure(event)

    assert present_keys(out) == present_keys(sample)
    assert structure(out, WebhookEvent) == event
    assert out["data"]["x_new_data_field"] == sample["data"]["x_new_data_field"]


def test_unknown_event_type_keeps_raw_data() -> None:
    """An unknown type is no error: the type stays a string, data the raw dict."""
    data = {
        "poll_id": "655bffeecd34739a72637305",
        "votes": [1, 2],
        "nested": {"a": None},
    }
    raw = envelope("poll.started.success", data)

    event = webhooks.parse(dumps(raw))

    assert event.type == "poll.started.success"
    assert not isinstance(event.type, WebhookEventType)
    assert event.data == {**data, "x_new_data_field": [1, "two"]}
    assert not isinstance(event.data, WebhookData)
    assert unstructure(event)["data"] == raw["data"]
    assert structure(unstructure(event), WebhookEvent) == event


def test_missing_or_null_data_is_empty() -> None:
    """An envelope without data (or with null) parses to an empty data model."""
    raw = envelope("session.open.success", None)
    del raw["data"]
    event = webhooks.parse(dumps(raw))
    null_event = webhooks.parse(dumps(envelope("session.open.success", None)))

    assert event.data == SessionOpenSuccessData()
    assert null_event.data == SessionOpenSuccessData()


@pytest.mark.parametrize(
    ("where", "expected"),
    [("envelope", True), ("data", True), ("nowhere", False)],
)
def test_replayed_reads_is_replay_wherever_it_is(where: str, expected: bool) -> None:
    """is_replay: true on the envelope or in data marks a replayed delivery."""
    data = dict(CASES["peer.join.success"][0])
    extra: dict[str, Any] = {}
    if where == "envelope":
        extra["is_replay"] = True
    elif where == "data":
        data["is_replay"] = True

    event = webhooks.parse(dumps(envelope("peer.join.success", data, **extra)))

    assert event.replayed is expected
    assert "is_replay" not in event.extra_fields
    assert "is_replay" not in event.data.extra_fields  # type: ignore[union-attr]


def test_replayed_on_an_unknown_type() -> None:
    """is_replay inside the raw data of an unknown type still counts."""
    event = webhooks.parse(dumps(envelope("future.event", {"is_replay": True})))

    assert event.replayed


async def test_events_emitted_by_the_fake_parse() -> None:
    """The envelopes the bundled fake emits parse into their typed data."""
    fake = FakeHMS()
    async with fake.client() as hms:
        room = await hms.rooms.create(name="webhook-check")
        peer = fake.join(room.id, role="host", user_id="ada")
        fake.leave(room.id, peer.id)

    events = [webhooks.parse(dumps(raw)) for raw in fake.webhook_events]

    assert [type(e.data) for e in events] == [
        SessionOpenSuccessData,
        PeerJoinSuccessData,
        PeerLeaveSuccessData,
        SessionCloseSuccessData,
    ]
    joined = events[1].data
    assert isinstance(joined, PeerJoinSuccessData)
    assert (joined.room_id, joined.user_id) == (room.id, "ada")


def test_parse_accepts_str_and_bytes_alike() -> None:
    """The body may be given as text or as the raw bytes."""
    raw = envelope("ingest.failure", CASES["ingest.failure"][0])

    assert webhooks.parse(json.dumps(raw)) == webhooks.parse(dumps(raw))


def test_repr_hides_presigned_urls_and_meeting_urls() -> None:
    """Presigned URLs, meeting URLs and RTMP URLs (stream keys) stay out of repr."""
    for event_type in ("track.recording.success", "beam.started.success"):
        event = webhooks.parse(dumps(envelope(event_type, CASES[event_type][0])))
        text = repr(event)
        assert "X-Amz-Signature" not in text
        assert "key-123" not in text
        assert "skip_preview" not in text


# --- malformed bodies -------------------------------------------------------------


def _with(event_type: str, **data: Any) -> bytes:
    return dumps(envelope(event_type, {**CASES[event_type][0], **data}))


def _without(key: str) -> bytes:
    raw = envelope("session.open.success", {})
    del raw[key]
    return dumps(raw)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[1, 2]", "must be a JSON object, not an array"),
        (b'"peer.join.success"', "must be a JSON object, not a string"),
        (b"null", "must be a JSON object, not null"),
        (_without("type"), "'type'"),
        (_without("id"), "'id'"),
        (dumps({**envelope("session.open.success", {}), "type": 5}), "'type'"),
        (dumps({**envelope("session.open.success", {}), "id": ""}), "'id'"),
        (dumps(envelope("session.open.success", [1])), "'data' must be a JSON object"),
        (dumps(envelope("mystery", "text")), "'data' must be a JSON object"),
        (dumps({**envelope("session.open.success", {}), "timestamp": 12}), "timestamp"),
        (_with("peer.join.success", joined_at="yesterday"), "'peer.join.success'"),
        (_with("peer.leave.success", duration="forty"), "forty"),
        (_with("peer.leave.success", duration=[40]), "duration"),
        (_with("beam.started.success", rtmp="rtmp://x"), "array"),
        (_with("hls.recording.success", recording_single_files=[1]), "JSON object"),
    ],
)
def test_malformed_bodies_raise_webhook_error(body: bytes, message: str) -> None:
    """A body that is not a well-shaped envelope is a WebhookError with a reason."""
    with pytest.raises(WebhookError) as info:
        webhooks.parse(body)

    assert message in str(info.value)
    assert not isinstance(info.value, WebhookVerificationError)


def test_parse_refuses_a_non_body() -> None:
    """Passing an already-decoded dict is a programming error (TypeError)."""
    with pytest.raises(TypeError, match="bytes or str"):
        webhooks.parse({"id": "x", "type": "y"})  # type: ignore[arg-type]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def _mangled(draw: st.DrawFn) -> bytes:
    event_type = draw(st.sampled_from(sorted(CASES)))
    data = dict(CASES[event_type][0])
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=3)):
        data[key] = draw(_JSON)
    return json.dumps(envelope(event_type, data)).encode()


@given(body=st.binary(max_size=64) | _mangled())
def test_parse_raises_nothing_but_webhook_error(body: bytes) -> None:
    """Whatever the body, parse() returns an event or raises WebhookError."""
    try:
        event = webhooks.parse(body)
    except WebhookError:
        return
    assert isinstance(event, WebhookEvent)


# --- verification -----------------------------------------------------------------

HEADER_SECRET = "hdr-s3cr3t-7d1f0a"
BASIC = "Basic aG1zOnMzY3IzdA=="
SIGNING_SECRET = "sign-s3cr3t-99ab"
EXPECTED = {"X-Webhook-Secret": HEADER_SECRET, "Authorization": BASIC}
BODY = dumps(PEER_LEAVE_SAMPLE)


def signature(body: bytes, secret: str = SIGNING_SECRET) -> str:
    """The hex HMAC-SHA256 that 100ms sends in x-100ms-signature."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def good_headers(body: bytes = BODY) -> dict[str, str]:
    """Headers as 100ms would send them (lower-case names, as ASGI gives them)."""
    return {
        "content-type": "application/json",
        "x-webhook-secret": HEADER_SECRET,
        "authorization": BASIC,
        "x-100ms-signature": signature(body),
    }


VERIFIER = webhooks.WebhookVerifier(
    expected_headers=EXPECTED, signing_secret=SIGNING_SECRET
)


def assert_clean(error: WebhookVerificationError, *received: str) -> None:
    """The message names no secret and echoes no received value."""
    text = str(error) + repr(error)
    for secret in (HEADER_SECRET, BASIC, SIGNING_SECRET, *received):
        assert secret not in text


def test_verify_accepts_the_right_headers_and_signature() -> None:
    """A genuine delivery passes and parses."""
    VERIFIER.verify(BODY, good_headers())
    event = VERIFIER.parse_verified(BODY, good_headers())

    assert event == webhooks.parse(BODY)


def test_header_names_are_case_insensitive() -> None:
    """Names match whatever their case, on either side (httpx.Headers included)."""
    headers = {k.upper(): v for k, v in good_headers().items()}
    verifier = webhooks.WebhookVerifier(
        expected_headers={"x-WEBHOOK-secret": HEADER_SECRET}
    )

    VERIFIER.verify(BODY, headers)
    verifier.verify(BODY, httpx.Headers(good_headers()))


def test_uppercase_hex_signature_is_accepted() -> None:
    """The hex digest is compared without regard to case or surrounding spaces."""
    headers = {**good_headers(), "x-100ms-signature": f" {signature(BODY).upper()} "}

    VERIFIER.verify(BODY, headers)


@pytest.mark.parametrize(
    ("change", "check", "reason"),
    [
        ({"x-webhook-secret": "guess-1234"}, "X-Webhook-Secret", "does not match"),
        ({"x-webhook-secret": None}, "X-Webhook-Secret", "missing"),
        ({"authorization": "Basic Z3Vlc3M="}, "Authorization", "does not match"),
        ({"authorization": None}, "Authorization", "missing"),
        (
            {"x-webhook-secret": HEADER_SECRET + " "},
            "X-Webhook-Secret",
            "does not match",
        ),
        ({"x-100ms-signature": "00" * 32}, "signature", "does not match"),
        ({"x-100ms-signature": "not-hex"}, "signature", "does not match"),
        ({"x-100ms-signature": None}, "signature", "missing"),
    ],
)
def test_each_failed_check_is_named(
    change: dict[str, str | None], check: str, reason: str
) -> None:
    """A wrong or missing header or signature names the check, never the secret."""
    headers = good_headers()
    for name, value in change.items():
        headers.pop(name)
        if value is not None:
            headers[name] = value

    with pytest.raises(WebhookVerificationError) as info:
        VERIFIER.verify(BODY, headers)

    assert info.value.check == check
    assert reason in str(info.value)
    assert isinstance(info.value, WebhookError)
    assert_clean(info.value, *(v for v in change.values() if v))


def test_tampered_body_fails_the_signature() -> None:
    """A body changed after signing fails, even with the right headers."""
    tampered = BODY.replace(b"peer kicked", b"client request")

    with pytest.raises(WebhookVerificationError) as info:
        VERIFIER.parse_verified(tampered, good_headers(BODY))

    assert info.value.check == "signature"
    assert_clean(info.value, signature(BODY))


def test_signature_with_another_secret_fails() -> None:
    """A body signed with a different secret fails."""
    headers = {**good_headers(), "x-100ms-signature": signature(BODY, "other")}

    with pytest.raises(WebhookVerificationError, match=r"\(signature\)"):
        VERIFIER.verify(BODY, headers)


def test_headers_only_verifier_ignores_the_signature() -> None:
    """Without a signing secret, no signature header is needed."""
    verifier = webhooks.WebhookVerifier(expected_headers=EXPECTED)
    headers = good_headers()
    del headers["x-100ms-signature"]

    verifier.verify(BODY, headers)


def test_signature_only_verifier() -> None:
    """A signing secret alone checks the signature and nothing else."""
    verifier = webhooks.WebhookVerifier(signing_secret=SIGNING_SECRET)

    verifier.verify(BODY, {"x-100ms-signature": signature(BODY)})
    with pytest.raises(WebhookVerificationError, match="signature"):
        verifier.verify(BODY + b" ", {"x-100ms-signature": signature(BODY)})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "needs expected_headers or signing_secret"),
        ({"expected_headers": {}}, "needs expected_headers or signing_secret"),
        ({"signing_secret": ""}, "signing_secret must not be empty"),
        ({"expected_headers": {"x-secret": ""}}, "is empty"),
        ({"expected_headers": {"": "v"}}, "empty or repeated"),
        ({"expected_headers": {"X-A": "1", "x-a": "2"}}, "empty or repeated"),
    ],
)
def test_verifier_refuses_a_useless_configuration(
    kwargs: dict[str, Any], message: str
) -> None:
    """A verifier that would accept anything (or can never match) is a ValueError."""
    with pytest.raises(ValueError, match=message):
        webhooks.WebhookVerifier(**kwargs)


def test_verifier_repr_and_copy() -> None:
    """The repr names the headers, hides the values; the caller's dict is copied."""
    expected = dict(EXPECTED)
    verifier = webhooks.WebhookVerifier(
        expected_headers=expected, signing_secret=SIGNING_SECRET
    )
    expected["X-Webhook-Secret"] = "changed"

    verifier.verify(BODY, good_headers())
    text = repr(verifier)
    assert "X-Webhook-Secret" in text
    assert "signature=True" in text
    for secret in (HEADER_SECRET, BASIC, SIGNING_SECRET):
        assert secret not in text


def test_verify_needs_raw_bytes() -> None:
    """A decoded or re-encoded body cannot be verified: str is a TypeError."""
    with pytest.raises(TypeError, match="raw body bytes"):
        VERIFIER.verify(BODY.decode(), good_headers())  # type: ignore[arg-type]


def test_module_level_verify_and_construct_event() -> None:
    """verify() and construct_event() take the expected values as keywords."""
    webhooks.verify(BODY, good_headers(), expected_headers=EXPECTED)
    event = webhooks.construct_event(
        BODY, good_headers(), expected_headers=EXPECTED, signing_secret=SIGNING_SECRET
    )

    assert isinstance(event.data, PeerLeaveSuccessData)
    with pytest.raises(WebhookVerificationError) as info:
        webhooks.construct_event(BODY, {}, signing_secret=SIGNING_SECRET)
    assert info.value.check == "signature"
    with pytest.raises(ValueError, match="needs expected_headers"):
        webhooks.verify(BODY, good_headers())


def test_verified_but_malformed_body_is_a_plain_webhook_error() -> None:
    """A genuine delivery with a bad body fails parsing, not verification."""
    body = b"[]"
    headers = {**good_headers(body)}

    with pytest.raises(WebhookError) as info:
        VERIFIER.parse_verified(body, headers)

    assert not isinstance(info.value, WebhookVerificationError)
