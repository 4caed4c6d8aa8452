"""`hms.recordings`: start, stop, pause and read recording jobs.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/overview>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from .._call_options import RequestOptions
from .._encoding import body
from .._pagination import AsyncPaginator
from .._parsers import model, model_list
from ..models._common import JobStatus
from ..models.recording_assets import RecordingResolution
from ..models.recordings import Recording, Transcription
from ._base import Resource, check_limit
from ._transcription import check_transcription

__all__ = ["RecordingsResource", "check_transcription"]


class RecordingsResource(Resource):
    """Recording jobs: a browser joins the room and records it into assets.

    Reach it as `hms.recordings`. A job goes `starting`, `running`,
    `stopping`, `post_processing`, then `completed` (or `failed`); its files
    are [RecordingAsset][hms_async.models.RecordingAsset]s (`room-composite`
    mp4, `chat`, `transcript`, `summary`), read them with
    `hms.recording_assets`. Transcripts and summaries come at least about 5
    minutes after the recording stops.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    async def start(
        self,
        room_id: str,
        *,
        meeting_url: str | None = None,
        resolution: RecordingResolution | Mapping[str, Any] | None = None,
        destination: str | None = None,
        audio_only: bool | None = None,
        transcription: Transcription | Mapping[str, Any] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> Recording:
        """Start recording the room; the job comes back `starting`.

        Not retried once sent: a repeat could start a second job.

        Args:
            room_id: The room's id.
            meeting_url: The page the recorder opens, e.g.
                `https://<subdomain>.app.100ms.live/preview/<room_id>/<role>?skip_preview=true`.
                Required when the template has no subdomain, which is the case for
                every template created through the API, or when composite recording
                is not enabled in the dashboard.
            resolution: The video size, `{"width": int, "height": int}` or a
                [RecordingResolution][hms_async.models.RecordingResolution].
            destination: The name of a recording destination of the template;
                needed only when the template has several.
            audio_only: `True` to record audio only.
            transcription: Transcription and AI summary settings for this job,
                overriding the template's (a
                [Transcription][hms_async.models.Transcription] or its JSON):
                `output_modes` among `txt`, `srt`, `json`; `summary.context` at most
                300 characters, `summary.temperature` 0.1 to 1.0, at most 6
                `summary.sections` (title at most 100 characters, format `bullets`
                or `paragraph`). English only; not for SFU recordings.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The new recording job.

        Raises:
            ValueError: A summary limit is exceeded, or `room_id` is empty;
                nothing is sent.
            TypeError: `transcription` is not an object.
            BadRequestError: The API refused the body.
            NotFoundError: No room has this id.
            ServerError: A HIPAA workspace without storage configured ("hipaa
                enabled: recording config is not provided").

        Example:
            ```python
            job = await hms.recordings.start(
                room.id, meeting_url=url, resolution={"width": 1280, "height": 720}
            )
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/start-recording-for-room>
        """
        payload = body(
            meeting_url=meeting_url,
            resolution=resolution,
            destination=destination,
            audio_only=audio_only,
            transcription=transcription,
        )
        if "transcription" in payload:
            check_transcription(payload["transcription"])
        return await self._requester.request(
            "POST",
            "recordings/room/{room_id}/start",
            room_id,
            json=payload,
            parse=model(Recording),
            options=request_options,
        )

    async def stop(
        self, recording_id: str, **request_options: Unpack[RequestOptions]
    ) -> Recording:
        """Stop one recording job.

        It turns `stopping`, then `post_processing` while its assets are made.
        Not retried once sent.

        Args:
            recording_id: The recording job's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The recording job, `stopping`.

        Raises:
            NotFoundError: No recording has this id.
            ValueError: `recording_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/stop-recording-by-id>
        """
        return await self._requester.request(
            "POST",
            "recordings/{recording_id}/stop",
            recording_id,
            parse=model(Recording),
            options=request_options,
        )

    async def stop_all(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> list[Recording]:
        """Stop every recording job running in the room.

        Not retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The jobs stopped, each `stopping`; empty when none was running.

        Raises:
            NotFoundError: No room has this id.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/stop-recording-for-room>
        """
        return await self._requester.request(
            "POST",
            "recordings/room/{room_id}/stop",
            room_id,
            parse=model_list(Recording),
            options=request_options,
        )

    async def pause(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> Recording:
        """Pause the room's running recording; `resume()` continues it.

        Not retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The recording job.

        Raises:
            NotFoundError: No room has this id.
            BadRequestError: The API refused the pause.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/pause-recording-for-room>
        """
        return await self._requester.request(
            "POST",
            "recordings/room/{room_id}/pause",
            room_id,
            parse=model(Recording),
            options=request_options,
        )

    async def resume(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> Recording:
        """Resume the room's paused recording.

        Not retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The recording job.

        Raises:
            NotFoundError: No room has this id.
            BadRequestError: The API refused the resume.
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/resume-recording-for-room>
        """
        return await self._requester.request(
            "POST",
            "recordings/room/{room_id}/resume",
            room_id,
            parse=model(Recording),
            options=request_options,
        )

    async def retrieve(
        self, recording_id: str, **request_options: Unpack[RequestOptions]
    ) -> Recording:
        """Get a recording job with its `recording_assets`.

        Args:
            recording_id: The recording job's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The recording job; `recording_assets` lists its files once made.

        Raises:
            NotFoundError: No recording has this id.
            ValueError: `recording_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/get-recording>
        """
        return await self._requester.request(
            "GET",
            "recordings/{recording_id}",
            recording_id,
            parse=model(Recording),
            options=request_options,
        )

    def list(
        self,
        *,
        room_id: str | None = None,
        session_id: str | None = None,
        status: JobStatus | str | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Recording]:
        """List recording jobs, lazily; list items carry no `recording_assets`.

        Use `retrieve()` on a job for its assets, or list the assets themselves
        with `hms.recording_assets.list()`.

        Args:
            room_id: Only the jobs of this room.
            session_id: Only the jobs of this session.
            status: Only the jobs in this state: `starting`, `running`,
                `stopping`, `post_processing`, `completed` or `failed` (a
                [JobStatus][hms_async.models.JobStatus] or the string).
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [AsyncPaginator][hms_async.AsyncPaginator] of jobs: `await` it
                for the first page, `async for` over it for every job.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when awaited or
                iterated).

        Example:
            ```python
            async for job in hms.recordings.list(room_id=room.id, status="completed"):
                print(job.id, job.stopped_at)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/recordings/list-all-recordings>
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "session_id": session_id,
            "status": status,
            "limit": limit,
        }
        return self._list(
            "recordings", Recording, params, start=start, options=request_options
        )
