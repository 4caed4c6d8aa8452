# Generated from hms_async/_raw_services.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
# Generated from hms_async/_client.py and hms_async/resources/ by
# scripts/raw_responses.py: do not edit. Change a service, then run
# `python scripts/raw_responses.py`.
"""`hms.with_raw_response`: every service method, returning a `RawResponse`.

One class per service, each wrapping that service's methods: the same
arguments, the same checks, retries and errors, and a
[RawResponse][hms_async.RawResponse] of what the method returns (for a list,
its first page) instead of the parsed result.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from hms_async._sync._raw import raw_call, raw_page

if TYPE_CHECKING:
    from hms_async._sync._client import SyncHMSClient
    from hms_async._sync.resources.active_rooms import ActiveRoomsResource
    from hms_async._sync.resources.analytics import AnalyticsResource
    from hms_async._sync.resources.external_streams import ExternalStreamsResource
    from hms_async._sync.resources.live_streams import LiveStreamsResource
    from hms_async._sync.resources.polls import PollsResource
    from hms_async._sync.resources.recording_assets import RecordingAssetsResource
    from hms_async._sync.resources.recordings import RecordingsResource
    from hms_async._sync.resources.room_codes import RoomCodesResource
    from hms_async._sync.resources.rooms import RoomsResource
    from hms_async._sync.resources.sessions import SessionsResource
    from hms_async._sync.resources.sip import SipResource
    from hms_async._sync.resources.stream_keys import StreamKeysResource
    from hms_async._sync.resources.templates import TemplatesResource
    from hms_async._sync.resources.tokens import TokensResource

__all__ = [
    "ActiveRoomsWithRawResponse",
    "AnalyticsWithRawResponse",
    "ExternalStreamsWithRawResponse",
    "LiveStreamsWithRawResponse",
    "PollsWithRawResponse",
    "RecordingAssetsWithRawResponse",
    "RecordingsWithRawResponse",
    "RoomCodesWithRawResponse",
    "RoomsWithRawResponse",
    "SessionsWithRawResponse",
    "SipWithRawResponse",
    "StreamKeysWithRawResponse",
    "TemplatesWithRawResponse",
    "TokensWithRawResponse",
    "WithRawResponse",
]


class RoomsWithRawResponse:
    """`hms.with_raw_response.rooms`: the methods of `hms.rooms`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: RoomsResource) -> None:
        self.create = raw_call(service.create)
        self.retrieve = raw_call(service.retrieve)
        self.retrieve_by_name = raw_call(service.retrieve_by_name)
        self.list = raw_page(service.list)
        self.update = raw_call(service.update)
        self.enable = raw_call(service.enable)
        self.disable = raw_call(service.disable)


class RoomCodesWithRawResponse:
    """`hms.with_raw_response.room_codes`: the methods of `hms.room_codes`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: RoomCodesResource) -> None:
        self.create = raw_call(service.create)
        self.create_for_role = raw_call(service.create_for_role)
        self.list = raw_page(service.list)
        self.enable = raw_call(service.enable)
        self.disable = raw_call(service.disable)


class ActiveRoomsWithRawResponse:
    """`hms.with_raw_response.active_rooms`: the methods of `hms.active_rooms`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: ActiveRoomsResource) -> None:
        self.retrieve = raw_call(service.retrieve)
        self.list_peers = raw_call(service.list_peers)
        self.retrieve_peer = raw_call(service.retrieve_peer)
        self.update_peer = raw_call(service.update_peer)
        self.send_message = raw_call(service.send_message)
        self.remove_peers = raw_call(service.remove_peers)
        self.end = raw_call(service.end)


class SessionsWithRawResponse:
    """`hms.with_raw_response.sessions`: the methods of `hms.sessions`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: SessionsResource) -> None:
        self.list = raw_page(service.list)
        self.retrieve = raw_call(service.retrieve)
        self.retrieve_active = raw_call(service.retrieve_active)


class RecordingsWithRawResponse:
    """`hms.with_raw_response.recordings`: the methods of `hms.recordings`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: RecordingsResource) -> None:
        self.start = raw_call(service.start)
        self.stop = raw_call(service.stop)
        self.stop_all = raw_call(service.stop_all)
        self.pause = raw_call(service.pause)
        self.resume = raw_call(service.resume)
        self.retrieve = raw_call(service.retrieve)
        self.list = raw_page(service.list)


class RecordingAssetsWithRawResponse:
    """`hms.with_raw_response.recording_assets`: the methods of `hms.recording_assets`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: RecordingAssetsResource) -> None:
        self.retrieve = raw_call(service.retrieve)
        self.list = raw_page(service.list)
        self.presigned_url = raw_call(service.presigned_url)


class LiveStreamsWithRawResponse:
    """`hms.with_raw_response.live_streams`: the methods of `hms.live_streams`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: LiveStreamsResource) -> None:
        self.start = raw_call(service.start)
        self.stop = raw_call(service.stop)
        self.stop_all = raw_call(service.stop_all)
        self.retrieve = raw_call(service.retrieve)
        self.list = raw_page(service.list)
        self.send_timed_metadata = raw_call(service.send_timed_metadata)
        self.pause_recording = raw_call(service.pause_recording)
        self.resume_recording = raw_call(service.resume_recording)


class ExternalStreamsWithRawResponse:
    """`hms.with_raw_response.external_streams`: the methods of `hms.external_streams`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: ExternalStreamsResource) -> None:
        self.start = raw_call(service.start)
        self.stop = raw_call(service.stop)
        self.stop_all = raw_call(service.stop_all)
        self.retrieve = raw_call(service.retrieve)
        self.list = raw_page(service.list)


class StreamKeysWithRawResponse:
    """`hms.with_raw_response.stream_keys`: the methods of `hms.stream_keys`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: StreamKeysResource) -> None:
        self.create = raw_call(service.create)
        self.retrieve = raw_call(service.retrieve)
        self.disable = raw_call(service.disable)


class TemplatesWithRawResponse:
    """`hms.with_raw_response.templates`: the methods of `hms.templates`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: TemplatesResource) -> None:
        self.create = raw_call(service.create)
        self.list = raw_page(service.list)
        self.retrieve = raw_call(service.retrieve)
        self.update = raw_call(service.update)
        self.retrieve_role = raw_call(service.retrieve_role)
        self.update_role = raw_call(service.update_role)
        self.delete_role = raw_call(service.delete_role)
        self.retrieve_settings = raw_call(service.retrieve_settings)
        self.update_settings = raw_call(service.update_settings)
        self.retrieve_destinations = raw_call(service.retrieve_destinations)
        self.update_destinations = raw_call(service.update_destinations)
        self.retrieve_recordings = raw_call(service.retrieve_recordings)
        self.update_recordings = raw_call(service.update_recordings)


class PollsWithRawResponse:
    """`hms.with_raw_response.polls`: the methods of `hms.polls`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: PollsResource) -> None:
        self.create = raw_call(service.create)
        self.update = raw_call(service.update)
        self.retrieve = raw_call(service.retrieve)
        self.update_question = raw_call(service.update_question)
        self.delete_question = raw_call(service.delete_question)
        self.update_option = raw_call(service.update_option)
        self.delete_option = raw_call(service.delete_option)
        self.list_sessions = raw_page(service.list_sessions)
        self.list_responses = raw_page(service.list_responses)
        self.retrieve_response = raw_call(service.retrieve_response)
        self.list_results = raw_page(service.list_results)
        self.retrieve_result = raw_call(service.retrieve_result)


class AnalyticsWithRawResponse:
    """`hms.with_raw_response.analytics`: the methods of `hms.analytics`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: AnalyticsResource) -> None:
        self.list_events = raw_page(service.list_events)
        self.retrieve_peer_stats = raw_call(service.retrieve_peer_stats)
        self.list_webhook_events = raw_page(service.list_webhook_events)
        self.replay_webhooks = raw_call(service.replay_webhooks)
        self.retrieve_replay = raw_call(service.retrieve_replay)


class SipWithRawResponse:
    """`hms.with_raw_response.sip`: the methods of `hms.sip`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: SipResource) -> None:
        self.create_trunk = raw_call(service.create_trunk)
        self.update_trunk = raw_call(service.update_trunk)
        self.call = raw_call(service.call)
        self.send_dtmf = raw_call(service.send_dtmf)


class TokensWithRawResponse:
    """`hms.with_raw_response.tokens`: the methods of `hms.tokens`,
    each returning a `RawResponse` of its result."""

    def __init__(self, service: TokensResource) -> None:
        self.from_room_code = raw_call(service.from_room_code)


class WithRawResponse:
    """`hms.with_raw_response`: the services, each method returning a
    `RawResponse`."""

    def __init__(self, client: SyncHMSClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<WithRawResponse of {self._client!r}>"

    @functools.cached_property
    def rooms(self) -> RoomsWithRawResponse:
        """`hms.rooms`, each method returning a `RawResponse`."""
        return RoomsWithRawResponse(self._client.rooms)

    @functools.cached_property
    def room_codes(self) -> RoomCodesWithRawResponse:
        """`hms.room_codes`, each method returning a `RawResponse`."""
        return RoomCodesWithRawResponse(self._client.room_codes)

    @functools.cached_property
    def active_rooms(self) -> ActiveRoomsWithRawResponse:
        """`hms.active_rooms`, each method returning a `RawResponse`."""
        return ActiveRoomsWithRawResponse(self._client.active_rooms)

    @functools.cached_property
    def sessions(self) -> SessionsWithRawResponse:
        """`hms.sessions`, each method returning a `RawResponse`."""
        return SessionsWithRawResponse(self._client.sessions)

    @functools.cached_property
    def recordings(self) -> RecordingsWithRawResponse:
        """`hms.recordings`, each method returning a `RawResponse`."""
        return RecordingsWithRawResponse(self._client.recordings)

    @functools.cached_property
    def recording_assets(self) -> RecordingAssetsWithRawResponse:
        """`hms.recording_assets`, each method returning a `RawResponse`."""
        return RecordingAssetsWithRawResponse(self._client.recording_assets)

    @functools.cached_property
    def live_streams(self) -> LiveStreamsWithRawResponse:
        """`hms.live_streams`, each method returning a `RawResponse`."""
        return LiveStreamsWithRawResponse(self._client.live_streams)

    @functools.cached_property
    def external_streams(self) -> ExternalStreamsWithRawResponse:
        """`hms.external_streams`, each method returning a `RawResponse`."""
        return ExternalStreamsWithRawResponse(self._client.external_streams)

    @functools.cached_property
    def stream_keys(self) -> StreamKeysWithRawResponse:
        """`hms.stream_keys`, each method returning a `RawResponse`."""
        return StreamKeysWithRawResponse(self._client.stream_keys)

    @functools.cached_property
    def templates(self) -> TemplatesWithRawResponse:
        """`hms.templates`, each method returning a `RawResponse`."""
        return TemplatesWithRawResponse(self._client.templates)

    @functools.cached_property
    def polls(self) -> PollsWithRawResponse:
        """`hms.polls`, each method returning a `RawResponse`."""
        return PollsWithRawResponse(self._client.polls)

    @functools.cached_property
    def analytics(self) -> AnalyticsWithRawResponse:
        """`hms.analytics`, each method returning a `RawResponse`."""
        return AnalyticsWithRawResponse(self._client.analytics)

    @functools.cached_property
    def sip(self) -> SipWithRawResponse:
        """`hms.sip`, each method returning a `RawResponse`."""
        return SipWithRawResponse(self._client.sip)

    @functools.cached_property
    def tokens(self) -> TokensWithRawResponse:
        """`hms.tokens`, each method returning a `RawResponse`."""
        return TokensWithRawResponse(self._client.tokens)
