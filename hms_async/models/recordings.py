"""Recordings (`/recordings`): recording jobs, and the transcription they may run."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY
from ._common import JobStatus
from .recording_assets import RecordingAsset, RecordingAssetType

__all__ = [
    "Recording",
    "SummarySection",
    "SummarySectionFormat",
    "Transcription",
    "TranscriptionOutputMode",
    "TranscriptionSummary",
]


class TranscriptionOutputMode(enum.StrEnum):
    """A transcript file format."""

    TXT = "txt"
    SRT = "srt"
    JSON = "json"


class TranscriptionMode(enum.StrEnum):
    """When a transcription runs."""

    RECORDED = "recorded"
    LIVE = "live"
    CAPTION = "caption"


class SummarySectionFormat(enum.StrEnum):
    """How a summary section is written."""

    BULLETS = "bullets"
    PARAGRAPH = "paragraph"


@attrs.define(kw_only=True)
class SummarySection:
    """One section of an AI summary (title up to 100 characters)."""

    title: str
    format: SummarySectionFormat | str
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class TranscriptionSummary:
    """AI summary settings: `context` up to 300 characters, `temperature`
    0.1 to 1.0, up to 6 `sections`."""

    enabled: bool | None = None
    context: str | None = None
    temperature: float | None = None
    sections: list[SummarySection] | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Transcription:
    """Transcription settings of a recording or live stream; they override the template's.

    Fields left `None` are not sent.

    Attributes:
        enabled: Whether to transcribe.
        modes: When to transcribe, for live streams: `recorded` (a transcript
            after the call) and/or `live` (WebVTT captions in the stream).
        output_modes: Transcript formats among `txt`, `srt` and `json`.
        custom_vocabulary: Words to recognise (names, jargon).
        summary: AI summary settings (`context` up to 300 characters,
            `temperature` 0.1 to 1.0, at most 6 sections).
    """

    enabled: bool | None = None
    modes: list[TranscriptionMode | str] | None = None
    output_modes: list[TranscriptionOutputMode | str] | None = None
    custom_vocabulary: list[str] | None = None
    summary: TranscriptionSummary | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Recording:
    """A recording job, as `hms.recordings` returns it.

    `meeting_url` may carry an auth token, so it is kept out of the repr.

    Attributes:
        id: The job's id.
        room_id: The room recorded.
        session_id: The session recorded.
        status: `starting`, `running`, `stopping`, `post_processing`,
            `completed` or `failed`.
        destination: The template destination used, if named.
        asset_types: The kinds of assets the job produces.
        recording_assets: The files made; only filled by `retrieve()`.
        started_by: The peer that started it, if a peer did.
        stopped_by: The peer that stopped it, if a peer did.
        created_at: When the job was created.
        started_at: When recording began.
        stopped_at: When recording stopped.
    """

    id: str
    room_id: str | None = None
    session_id: str | None = None
    status: JobStatus | str | None = None
    meeting_url: str | None = attrs.field(default=None, repr=False)
    destination: str | None = None
    started_by: str | None = None
    stopped_by: str | None = None
    asset_types: list[RecordingAssetType | str] = attrs.field(factory=list)
    recording_assets: list[RecordingAsset] = attrs.field(factory=list)
    created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
