"""``hms.recordings``: start, stop, pause and read recording jobs (§2.5)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from .. import _serde
from .._pagination import AsyncPaginator
from .._requester import model, model_list, path
from ..models._common import JobStatus
from ..models.recording_assets import RecordingResolution
from ..models.recordings import Recording, Transcription
from ._base import Resource, body, check_limit, check_range

__all__ = ["RecordingsResource", "check_transcription"]

_SUMMARY: Final = "transcription.summary"
_MAX_CONTEXT: Final = 300
_MAX_SECTIONS: Final = 6
_MAX_TITLE: Final = 100


def _check_length(name: str, value: object, high: int, unit: str) -> None:
    if isinstance(value, str | Sequence) and len(value) > high:
        raise ValueError(f"{name} must have at most {high} {unit}, got {len(value)}")


def _check_section(index: int, section: object) -> None:
    name = f"{_SUMMARY}.sections[{index}]"
    if not isinstance(section, Mapping):
        raise TypeError(f"{name} must be an object, got {type(section).__name__}")
    for key in ("title", "format"):
        if not section.get(key):
            raise ValueError(f"{name}.{key} is required")
    _check_length(f"{name}.title", section["title"], _MAX_TITLE, "characters")


def check_transcription(transcription: Mapping[str, Any]) -> None:
    """Refuse a wire-form ``transcription`` outside the documented summary limits.

    Summary ``context`` at most 300 characters, ``temperature`` 0.1 to 1.0,
    at most 6 ``sections``, each with a ``title`` (at most 100 characters)
    and a ``format``. Live streams take the same object.
    """
    if not isinstance(transcription, Mapping):
        raise TypeError(f"transcription must be an object, got {transcription!r:.40}")
    summary = transcription.get("summary")
    if not isinstance(summary, Mapping):
        return
    _check_length(
        f"{_SUMMARY}.context", summary.get("context"), _MAX_CONTEXT, "characters"
    )
    check_range(f"{_SUMMARY}.temperature", summary.get("temperature"), 0.1, 1.0)
    sections = summary.get("sections") or []
    _check_length(f"{_SUMMARY}.sections", sections, _MAX_SECTIONS, "sections")
    for index, section in enumerate(sections):
        _check_section(index, section)


class RecordingsResource(Resource):
    """Recording jobs: a browser joins the room and records it into assets."""

    async def start(
        self,
        room_id: str,
        *,
        meeting_url: str | None = None,
        resolution: RecordingResolution | Mapping[str, Any] | None = None,
        destination: str | None = None,
        audio_only: bool | None = None,
        transcription: Transcription | Mapping[str, Any] | None = None,
    ) -> Recording:
        """Start recording the room; the job comes back ``starting``.

        ``meeting_url`` is required when the room's template has no subdomain,
        which is the case for every template created through the API.
        ``transcription`` overrides the template's settings.
        """
        payload = body(
            meeting_url=meeting_url,
            resolution=resolution,
            destination=destination,
            audio_only=audio_only,
            transcription=None
            if transcription is None
            else _serde.unstructure(transcription),
        )
        if "transcription" in payload:
            check_transcription(payload["transcription"])
        return await self._requester.request(
            "POST",
            path("recordings", "room", room_id, "start"),
            json=payload,
            parse=model(Recording),
        )

    async def stop(self, recording_id: str) -> Recording:
        """Stop one recording; it turns ``stopping``, then assets are processed."""
        return await self._requester.request(
            "POST", path("recordings", recording_id, "stop"), parse=model(Recording)
        )

    async def stop_all(self, room_id: str) -> list[Recording]:
        """Stop every recording running in the room."""
        return await self._requester.request(
            "POST",
            path("recordings", "room", room_id, "stop"),
            parse=model_list(Recording),
        )

    async def pause(self, room_id: str) -> Recording:
        """Pause the room's running recording."""
        return await self._requester.request(
            "POST", path("recordings", "room", room_id, "pause"), parse=model(Recording)
        )

    async def resume(self, room_id: str) -> Recording:
        """Resume the room's paused recording."""
        return await self._requester.request(
            "POST",
            path("recordings", "room", room_id, "resume"),
            parse=model(Recording),
        )

    async def retrieve(self, recording_id: str) -> Recording:
        """Get a recording job with its ``recording_assets``."""
        return await self._requester.request(
            "GET", path("recordings", recording_id), parse=model(Recording)
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: JobStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[Recording]:
        """List recording jobs, lazily; list items carry no ``recording_assets``.

        ``limit`` is the page size (10 to 100).
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list("recordings", Recording, params, start=start)
