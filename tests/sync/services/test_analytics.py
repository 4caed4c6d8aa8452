# Generated from tests/services/test_analytics.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.analytics: events (EVENTS pages), peer stats, webhook history (page numbers), replay."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.errors import RateLimitError, ServerError
from hms_async.models.analytics import (
    AnalyticsEvent,
    AnalyticsEventType,
    AnalyticsTrackSource,
    AnalyticsTrackType,
    ClientErrorAction,
    ClientErrorEvent,
    GenericAnalyticsEvent,
    RecordingEvent,
    TrackEvent,
    WebhookDeliveryStatus,
    WebhookHistoryEvent,
    WebhookReplayStarted,
    WebhookReplayStartStatus,
    WebhookReplayStatus,
)
from tests.helpers import assert_api_request
from tests.services.test_analytics import (
    CURSOR,
    END,
    ERROR_EVENT,
    EVENTS_PAGE,
    PEER_ID,
    PEER_STATS,
    RECORDING_EVENT,
    REPLAY,
    REPLAY_STARTED,
    ROOM_ID,
    SESSION_ID,
    START,
    TRACK_EVENT,
    UNKNOWN_EVENT,
    _by_page,
    _by_start,
    _event,
    _numbered,
    _pages_of,
)
from tests.services.test_polls import starts_of


def test_list_events_sends_filters_and_parses_the_example(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list_events() sends repeated type keys and parses the §6.13 page."""
    route = respx_router.get("analytics/events").respond(json=EVENTS_PAGE)

    page = client.analytics.list_events(
        room_id=ROOM_ID,
        type=[AnalyticsEventType.TRACK_ADD_SUCCESS, "track.remove.success"],
        session_id=SESSION_ID,
        peer_id=PEER_ID,
        user_id="u1",
        error=False,
        limit=1,
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "analytics/events",
        params={
            "room_id": ROOM_ID,
            "type": ["track.add.success", "track.remove.success"],
            "session_id": SESSION_ID,
            "peer_id": PEER_ID,
            "user_id": "u1",
            "error": "false",
            "limit": "1",
        },
    )
    assert page.total == 6
    assert page.next == CURSOR
    assert page.next_cursor == CURSOR
    event = page.data[0]
    assert isinstance(event, TrackEvent)
    assert event.type is AnalyticsEventType.TRACK_ADD_SUCCESS
    assert event.version == "2.0"
    assert event.timestamp == dt.datetime(2023, 2, 23, 10, 12, 0, 783118, tzinfo=dt.UTC)
    assert event.extra_fields == {"region": "in"}
    assert event.data is not None
    assert event.data.type is AnalyticsTrackType.AUDIO
    assert event.data.source is AnalyticsTrackSource.REGULAR
    assert event.data.mute is True
    assert event.data.joined_at == dt.datetime(
        2023, 2, 23, 10, 12, 0, 587243, tzinfo=dt.UTC
    )
    assert event.data.stopped_at is None
    assert event.data.extra_fields == {"layer": "f"}


def test_list_events_defaults(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Only room_id and the largest page size are sent by default."""
    route = respx_router.get("analytics/events").respond(
        json={"limit": 100, "total": 0, "next": "", "events": []}
    )

    page = client.analytics.list_events(room_id=ROOM_ID).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "analytics/events",
        params={"room_id": ROOM_ID, "limit": "100"},
    )
    assert page.data == []
    assert not page.has_next


def test_a_single_type_string_is_one_value(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """type="track.add.success" is sent as one value, not one key per letter."""
    route = respx_router.get("analytics/events").respond(
        json={"next": "", "events": []}
    )

    client.analytics.list_events(room_id=ROOM_ID, type="track.add.success").first_page()

    assert route.calls.last.request.url.params.get_list("type") == ["track.add.success"]


def test_events_are_parsed_by_type(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Each event family gets its class; an unknown type keeps its raw data."""
    respx_router.get("analytics/events").respond(
        json={
            "limit": 10,
            "total": 4,
            "next": "",
            "events": [TRACK_EVENT, RECORDING_EVENT, ERROR_EVENT, UNKNOWN_EVENT],
        }
    )

    events = [e for e in client.analytics.list_events(room_id=ROOM_ID)]

    track, recording, error, unknown = events
    assert all(isinstance(e, AnalyticsEvent) for e in events)
    assert isinstance(track, TrackEvent)
    assert isinstance(recording, RecordingEvent)
    assert recording.data is not None
    assert recording.data.duration == 2700
    assert recording.data.size == 104857600
    assert recording.data.max_width == 1280
    assert recording.data.stopped_at == dt.datetime(2023, 2, 23, 11, tzinfo=dt.UTC)
    assert recording.data.rtmp[0].url is not None
    assert "secret-stream-key" not in repr(recording)
    assert "X-Amz-Signature" not in repr(recording)
    assert isinstance(error, ClientErrorEvent)
    assert error.type is AnalyticsEventType.CLIENT_PUBLISH_FAILED
    assert error.data is not None
    assert error.data.error_code == 3001
    assert error.data.is_terminal is False
    assert error.data.action is ClientErrorAction.PUBLISH
    assert error.data.session_id is None
    assert error.data.agent is not None
    assert error.data.agent.sdk_version == "0.10.1"
    assert error.data.agent.is_prebuilt is True
    assert error.data.audio is not None
    assert error.data.audio.max_bitrate == 32
    assert error.data.audio.device_id == "default"
    assert error.data.video is not None
    assert error.data.video.max_framerate == 30
    assert error.data.devices is not None
    assert error.data.devices.video_input == [
        {"deviceId": "cam-1", "label": "FaceTime HD"}
    ]
    assert isinstance(unknown, GenericAnalyticsEvent)
    assert unknown.type == "peer.hand.raised"
    assert unknown.data == {"peer_id": PEER_ID, "raised_at": 1677147000}


@pytest.mark.parametrize(
    "event",
    [
        {"id": "e1", "type": None, "data": {"x": 1}},
        {"id": "e2", "data": None},
        {"id": "e3", "type": 7, "data": {}},
    ],
)
def test_odd_event_types_fall_back_to_generic(
    client: SyncHMSClient, respx_router: respx.MockRouter, event: dict[str, Any]
) -> None:
    """A missing, null or non-string type is a GenericAnalyticsEvent, not a crash."""
    respx_router.get("analytics/events").respond(json={"events": [event]})

    page = client.analytics.list_events(room_id=ROOM_ID).first_page()

    assert isinstance(page.data[0], GenericAnalyticsEvent)
    assert page.data[0].id == event["id"]


def test_beam_id_is_sent_with_the_recording_type(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """beam_id goes with type=["beam.recording.success"]."""
    route = respx_router.get("analytics/events").respond(
        json={"next": "", "events": [RECORDING_EVENT]}
    )

    page = client.analytics.list_events(
        room_id=ROOM_ID, type=["beam.recording.success"], beam_id="b1"
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "analytics/events",
        params={
            "room_id": ROOM_ID,
            "type": "beam.recording.success",
            "beam_id": "b1",
            "limit": "100",
        },
    )
    assert isinstance(page.data[0], RecordingEvent)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"beam_id": "b1"},
        {"beam_id": "b1", "type": ["track.add.success"]},
        {"beam_id": "b1", "type": ["beam.recording.success", "track.add.success"]},
    ],
)
def test_beam_id_without_the_recording_type_is_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, kwargs: dict[str, Any]
) -> None:
    """beam_id only filters recording events: any other type set is refused."""
    route = respx_router.get("analytics/events").respond(json={"events": []})

    with pytest.raises(ValueError, match="beam_id needs"):
        client.analytics.list_events(room_id=ROOM_ID, **kwargs)

    assert not route.called


@pytest.mark.parametrize("limit", [0, 101, -1])
def test_list_events_limit_is_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """Analytics pages hold 1 to 100 events; anything else is refused up front."""
    route = respx_router.get("analytics/events").respond(json={"events": []})

    with pytest.raises(ValueError, match="limit must be between 1 and 100"):
        client.analytics.list_events(room_id=ROOM_ID, limit=limit)

    assert not route.called


def test_list_events_needs_a_room(client: SyncHMSClient) -> None:
    """room_id is required by the API: an empty one is refused."""
    with pytest.raises(ValueError, match="room_id is required"):
        client.analytics.list_events(room_id="")


def test_list_events_walks_every_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows next -> start to the end (the Node SDK stops after one)."""
    route = respx_router.get("analytics/events").mock(side_effect=_by_start)
    types = ["track.add.success", "track.update.success"]

    ids = [e.id for e in client.analytics.list_events(room_id=ROOM_ID, type=types)]

    assert ids == ["e1", "e2", "e3", "e4", "e5"]
    assert starts_of(route) == [None, "c1", "c2"]
    for call in route.calls:
        assert call.request.url.params.get_list("type") == types
        assert call.request.url.params["room_id"] == ROOM_ID
    assert types == ["track.add.success", "track.update.success"]


def test_list_events_resumes_from_a_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """start= sends the saved next cursor first; the last page has no next cursor."""
    route = respx_router.get("analytics/events").mock(side_effect=_by_start)

    pages = [
        p for p in client.analytics.list_events(room_id=ROOM_ID, start="c1").pages()
    ]

    assert [[e.id for e in p.data] for p in pages] == [["e3", "e4"], ["e5"]]
    assert [p.next_cursor for p in pages] == ["c2", None]
    assert starts_of(route) == ["c1", "c2"]


def test_list_events_ends_on_an_empty_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty events page ends the walk even if a next cursor came with it."""
    route = respx_router.get("analytics/events").mock(
        side_effect=[
            httpx.Response(200, json={"next": "c1", "events": [_event("e1")]}),
            httpx.Response(200, json={"next": "c2", "events": []}),
        ]
    )

    ids = [e.id for e in client.analytics.list_events(room_id=ROOM_ID)]

    assert ids == ["e1"]
    assert route.call_count == 2


def test_retrieve_peer_stats(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_peer_stats() sends both ids and parses every time series."""
    route = respx_router.get("analytics/peer-stats").respond(json=PEER_STATS)

    stats = client.analytics.retrieve_peer_stats(peer_id=PEER_ID, session_id=SESSION_ID)

    assert_api_request(
        route.calls.last.request,
        "GET",
        "analytics/peer-stats",
        params={"peer_id": PEER_ID, "session_id": SESSION_ID},
    )
    assert stats.room_id == ROOM_ID
    assert stats.publisher is not None
    video = stats.publisher.video[0]
    assert video.type is AnalyticsTrackSource.REGULAR
    assert video.rid == "h"
    assert video.time_series is not None
    assert video.time_series.timestamps == [1677146000000, 1677146030000]
    assert video.time_series.fps == [30, 29.5]
    audio = stats.publisher.audio[0].time_series
    assert audio is not None
    assert audio.jitter_ms == [3]
    assert stats.subscriber is not None
    remote = stats.subscriber.video[0]
    assert remote.type is AnalyticsTrackSource.SCREEN
    assert remote.time_series is not None
    assert remote.time_series.bitrate == [None, 800000]
    assert remote.time_series.freeze_count == [0, 2]
    remote_audio = stats.subscriber.audio[0].time_series
    assert remote_audio is not None
    assert remote_audio.concealed_samples == [120]
    assert stats.subscriber.extra_fields == {"window": "30s"}


def test_peer_stats_with_no_data(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Empty or null arrays mean no data: empty lists, not a crash."""
    respx_router.get("analytics/peer-stats").respond(
        json={
            "peer_id": PEER_ID,
            "publisher": {"video": [], "audio": None},
            "subscriber": None,
        }
    )

    stats = client.analytics.retrieve_peer_stats(peer_id=PEER_ID, session_id="s")

    assert stats.publisher is not None
    assert stats.publisher.video == []
    assert stats.publisher.audio == []
    assert stats.subscriber is None


@pytest.mark.parametrize(
    "kwargs", [{"peer_id": "", "session_id": "s"}, {"peer_id": "p", "session_id": ""}]
)
def test_peer_stats_needs_both_ids(
    client: SyncHMSClient, respx_router: respx.MockRouter, kwargs: dict[str, Any]
) -> None:
    """peer_id and session_id are both required."""
    route = respx_router.get("analytics/peer-stats").respond(json=PEER_STATS)

    with pytest.raises(ValueError, match="is required"):
        client.analytics.retrieve_peer_stats(**kwargs)

    assert not route.called


def test_list_webhook_events_sends_filters_and_parses(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Times are RFC 3339, event_names repeat; the page number is on the page."""
    route = respx_router.get("analytics/webhooks").respond(
        json=_numbered(1, False, "h1")
    )
    names = ["session.open.success", "peer.join.success"]

    page = client.analytics.list_webhook_events(
        start_time=START,
        end_time=END,
        room_id=ROOM_ID,
        status=WebhookDeliveryStatus.FAILED,
        event_names=names,
        limit=100,
    ).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "analytics/webhooks",
        params={
            "start_time": "2024-05-01T00:00:00.000Z",
            "end_time": "2024-05-03T00:00:00.000Z",
            "room_id": ROOM_ID,
            "status": "failed",
            "event_names": names,
            "limit": "100",
        },
    )
    assert page.page_number == 1
    assert page.total == 5
    assert not page.has_next
    event = page.data[0]
    assert isinstance(event, WebhookHistoryEvent)
    assert event.event_id == "h1"
    assert event.event_timestamp == dt.datetime(2024, 5, 2, 10, tzinfo=dt.UTC)
    assert event.payload is not None
    assert event.payload.original_event_name == "session.open.success"
    assert event.payload.error_reason == "connection refused"
    assert event.payload.event_data == {"room_id": ROOM_ID, "session_id": SESSION_ID}
    assert event.payload.extra_fields == {"attempts": 4}
    assert event.extra_fields == {"account_id": "627cdddff2e4e30487862ad1"}


def test_list_webhook_events_defaults(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """By default only the documented page size of 50 is sent."""
    route = respx_router.get("analytics/webhooks").respond(json=_numbered(1, False))

    client.analytics.list_webhook_events().first_page()

    assert_api_request(
        route.calls.last.request, "GET", "analytics/webhooks", params={"limit": "50"}
    )


def test_webhook_history_walks_page_numbers(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration asks for page 2, 3, ... and stops when has_next is false."""
    route = respx_router.get("analytics/webhooks").mock(side_effect=_by_page)
    names = ["recording.success"]

    ids = [
        e.event_id
        for e in client.analytics.list_webhook_events(event_names=names, limit=2)
    ]

    assert ids == ["h1", "h2", "h3", "h4", "h5"]
    assert _pages_of(route) == [None, "2", "3"]
    assert all(c.request.url.params["limit"] == "2" for c in route.calls)
    assert all(
        c.request.url.params.get_list("event_names") == names for c in route.calls
    )
    assert names == ["recording.success"]


@pytest.mark.parametrize("kwargs", [{"page": 2}, {"start": 2}, {"page": 2, "start": 2}])
def test_webhook_history_resumes_at_a_page(
    client: SyncHMSClient, respx_router: respx.MockRouter, kwargs: dict[str, Any]
) -> None:
    """page= (or start=, like every list) resumes at a page number."""
    route = respx_router.get("analytics/webhooks").mock(side_effect=_by_page)

    pages = [p for p in client.analytics.list_webhook_events(limit=2, **kwargs).pages()]

    assert [p.page_number for p in pages] == [2, 3]
    assert [p.next_cursor for p in pages] == ["3", None]
    assert _pages_of(route) == ["2", "3"]


def test_webhook_history_resumes_from_a_saved_next_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A page's next_cursor (a string, like every list's) resumes the walk there."""
    route = respx_router.get("analytics/webhooks").mock(side_effect=_by_page)
    history = client.analytics.list_webhook_events(limit=2)
    first = history.first_page()
    assert first.next_cursor == "2"

    resumed = client.analytics.list_webhook_events(limit=2, start=first.next_cursor)
    ids = [e.event_id for e in resumed]

    assert ids == ["h3", "h4", "h5"]
    assert _pages_of(route) == [None, "2", "3"]


def test_webhook_history_ends_on_an_empty_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty page ends the walk even when has_next claims more."""
    route = respx_router.get("analytics/webhooks").mock(
        side_effect=[
            httpx.Response(200, json=_numbered(1, True, "h1")),
            httpx.Response(200, json=_numbered(2, True)),
        ]
    )

    ids = [e.event_id for e in client.analytics.list_webhook_events()]

    assert ids == ["h1"]
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"limit": 0}, "limit must be between 1 and 100"),
        ({"limit": 101}, "limit must be between 1 and 100"),
        ({"page": 0}, "page must be 1 or more"),
        ({"start": -1}, "page must be 1 or more"),
        ({"page": 2, "start": 3}, "page and start"),
        ({"page": 2, "start": "3"}, "page and start"),
        ({"start": "two"}, "start must be a page number, got 'two'"),
        ({"start": "-1"}, "start must be a page number"),
        ({"start": "0"}, "page must be 1 or more"),
        (
            {"start_time": START, "end_time": START + dt.timedelta(days=14, seconds=1)},
            "14 days",
        ),
        ({"start_time": END, "end_time": START}, "14 days"),
        (
            {
                "start_time": dt.datetime(2024, 5, 1),  # naive: taken as UTC
                "end_time": dt.datetime(2024, 5, 16, tzinfo=dt.UTC),
            },
            "14 days",
        ),
    ],
)
def test_webhook_history_arguments_are_checked(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    kwargs: dict[str, Any],
    match: str,
) -> None:
    """Page size, page number and the 14-day window are refused up front."""
    route = respx_router.get("analytics/webhooks").respond(json=_numbered(1, False))

    with pytest.raises(ValueError, match=match):
        client.analytics.list_webhook_events(**kwargs)

    assert not route.called


def test_webhook_history_accepts_a_14_day_window_and_strings(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Exactly 14 days is allowed; string times are passed through unchecked."""
    route = respx_router.get("analytics/webhooks").respond(json=_numbered(1, False))

    client.analytics.list_webhook_events(
        start_time=START, end_time=START + dt.timedelta(days=14)
    ).first_page()
    client.analytics.list_webhook_events(
        start_time="2024-05-01T00:00:00Z", end_time="2024-06-01T00:00:00Z"
    ).first_page()

    assert route.call_count == 2
    assert route.calls.last.request.url.params["end_time"] == "2024-06-01T00:00:00Z"


def test_webhook_history_rate_limit_wait_is_parsed(
    client: SyncHMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """The documented 429 message gives retry_after=45, and the retries wait that."""
    route = respx_router.get("analytics/webhooks").respond(
        429,
        json={"code": 429, "message": "rate limit exceeded, retry after 45 seconds"},
    )

    with pytest.raises(RateLimitError) as caught:
        client.analytics.list_webhook_events().first_page()

    assert caught.value.retry_after == 45.0
    assert caught.value.status_code == 429
    assert sleeps == [45.0] * (route.call_count - 1)
    assert route.call_count > 1


def test_replay_webhooks_posts_the_body(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """replay_webhooks() posts RFC 3339 times and the filters; parses the start."""
    route = respx_router.post("analytics/webhooks/replay").respond(json=REPLAY_STARTED)

    started = client.analytics.replay_webhooks(
        start_time=START,
        end_time="2024-05-03T00:00:00Z",
        room_id=ROOM_ID,
        event_names=("session.open.success", "recording.success"),
        limit=50000,
        offset=0,
        status=WebhookDeliveryStatus.FAILED,
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        "analytics/webhooks/replay",
        json_body={
            "start_time": "2024-05-01T00:00:00.000Z",
            "end_time": "2024-05-03T00:00:00Z",
            "room_id": ROOM_ID,
            "event_names": ["session.open.success", "recording.success"],
            "limit": 50000,
            "offset": 0,
            "status": "failed",
        },
    )
    assert isinstance(started, WebhookReplayStarted)
    assert started.workflow_id == "wf-0c1d2e3f"
    assert started.status is WebhookReplayStartStatus.STARTED
    assert started.filters is not None
    assert started.filters.start_time == START
    assert started.filters.event_types == ["session.open.success", "recording.success"]
    assert started.extra_fields == {"request_id": "req-1"}


def test_replay_webhooks_bodiless_and_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """With no argument the body is {}; a 503 is not sent again."""
    route = respx_router.post("analytics/webhooks/replay").respond(
        503, json={"code": 503, "message": "webhook replay service unavailable"}
    )

    with pytest.raises(ServerError, match="replay service unavailable"):
        client.analytics.replay_webhooks()

    assert route.call_count == 1
    assert_api_request(route.calls.last.request, "POST", "analytics/webhooks/replay")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"limit": 50001}, "limit must be between 1 and 50000"),
        ({"limit": 0}, "limit must be between 1 and 50000"),
        ({"offset": -1}, "offset must be 0 or more"),
    ],
)
def test_replay_limits_are_refused(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    kwargs: dict[str, Any],
    match: str,
) -> None:
    """At most 50000 webhooks per replay, from an offset of 0 or more."""
    route = respx_router.post("analytics/webhooks/replay").respond(json=REPLAY_STARTED)

    with pytest.raises(ValueError, match=match):
        client.analytics.replay_webhooks(**kwargs)

    assert not route.called


def test_retrieve_replay(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve_replay() GETs the workflow; the mixed-case status is an enum."""
    route = respx_router.get("analytics/webhooks/replay/wf-0c1d2e3f").respond(
        json=REPLAY
    )

    replay = client.analytics.retrieve_replay("wf-0c1d2e3f")

    assert_api_request(
        route.calls.last.request, "GET", "analytics/webhooks/replay/wf-0c1d2e3f"
    )
    assert replay.status is WebhookReplayStatus.RUNNING
    assert replay.started_at == dt.datetime(2024, 5, 3, 9, tzinfo=dt.UTC)
    assert replay.completed_at is None
    assert replay.filters is not None
    assert replay.filters.limit == 50000
    assert replay.filters.offset == 0
    assert replay.progress is not None
    assert (replay.progress.completed, replay.progress.failed) == (80, 2)
    assert replay.result is not None
    assert replay.result.failed_events == [{"event_id": "e1", "error": "timeout"}]
