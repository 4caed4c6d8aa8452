# Generated from hms_async/resources/analytics.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.analytics`: events, peer quality stats, webhook history and replay.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/overview>
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._pagination import EVENTS, PAGE_NUMBER
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.analytics import (
    AnalyticsEvent,
    AnalyticsEventType,
    PeerStats,
    WebhookDeliveryStatus,
    WebhookHistoryEvent,
    WebhookReplay,
    WebhookReplayStarted,
)
from hms_async.resources._base import check_int, check_limit
from hms_async.resources.analytics import (
    _MAX_REPLAY,
    Time,
    _check_window,
    _first_page,
    _names,
    _required,
    _time,
)

__all__ = ["AnalyticsResource"]


class AnalyticsResource(Resource):
    """Analytics: room events, peer quality stats, and webhook delivery history.

    Reach it as `hms.analytics`. Events and stats cover the last 30 days.
    The webhook history and replay endpoints are rate limited: a 429 raises
    `RateLimitError`, whose `retry_after` holds the wait the API asked for
    (in its message, "retry after 45 seconds").

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def list_events(
        self,
        *,
        room_id: str,
        type: AnalyticsEventType
        | str
        | Sequence[AnalyticsEventType | str]
        | None = None,
        session_id: str | None = None,
        peer_id: str | None = None,
        user_id: str | None = None,
        beam_id: str | None = None,
        error: bool | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[AnalyticsEvent]:
        """List a room's events of the last 30 days, lazily, walking every page.

        Each event is a [TrackEvent][hms_async.models.TrackEvent],
        [RecordingEvent][hms_async.models.RecordingEvent],
        [ClientErrorEvent][hms_async.models.ClientErrorEvent] or
        [GenericAnalyticsEvent][hms_async.models.GenericAnalyticsEvent] by its
        type. The result set is fixed at the first request (newer events do not
        appear), and a page's cursor expires 24 hours after that request.

        Args:
            room_id: The room's id; required.
            type: One event type or a list of them (every supported type when
                omitted): `track.add.success`, `track.update.success`,
                `track.remove.success`, `beam.recording.success`,
                `client.publish.failed`, `client.subscribe.failed`,
                `client.join.failed`, `client.disconnected`,
                `client.connect.failed` (an
                [AnalyticsEventType][hms_async.models.AnalyticsEventType] or the
                string). A lone string is one type.
            session_id: Only the events of this session.
            peer_id: Only the events of this peer.
            user_id: Only the events of peers with this user id.
            beam_id: Only the recording events of this recorder job; needs
                `type=["beam.recording.success"]`.
            error: `True` for error events only (the API's default is `False`).
            limit: The page size, 1 to 100.
            start: Resume after a page: pass a page's `next_cursor` (the API's
                `next`), within 24 hours.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of events: `await`
                it for the first page, `for` over it for every event.

        Raises:
            ValueError: `room_id` is empty, `limit` is outside 1 to 100, or
                `beam_id` is given without `type=["beam.recording.success"]`
                (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when the first page is fetched or
                iterated).

        Example:
            ```python
            events = hms.analytics.list_events(
                room_id=room.id, type="client.join.failed"
            )
            for event in events:
                print(event.timestamp, event.type)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/track-events>
        """
        _required("room_id", room_id)
        check_limit(limit, 1, 100)
        types = _names(type)
        if beam_id is not None and types != [AnalyticsEventType.BEAM_RECORDING_SUCCESS]:
            raise ValueError('beam_id needs type=["beam.recording.success"]')
        params = {
            "room_id": room_id,
            "type": types,
            "session_id": session_id,
            "peer_id": peer_id,
            "user_id": user_id,
            "beam_id": beam_id,
            "error": error,
            "limit": limit,
        }
        return self._list(
            "analytics/events",
            AnalyticsEvent,
            params,
            start=start,
            style=EVENTS,
            options=request_options,
        )

    def retrieve_peer_stats(
        self,
        *,
        peer_id: str,
        session_id: str,
        **request_options: Unpack[RequestOptions],
    ) -> PeerStats:
        """Get a peer's publish and subscribe quality over a session.

        Not real-time: the stats exist once the session has ended. Empty lists
        mean no data.

        Args:
            peer_id: The peer's id; required.
            session_id: The session's id; required.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The peer's time series (bit rate, frame rate, packet loss, RTT,
                jitter, freezes) for each track it published and received.

        Raises:
            ValueError: `peer_id` or `session_id` is empty; nothing is sent.
            BadRequestError: The API refused the query.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/peer-quality-stats>
        """
        _required("peer_id", peer_id)
        _required("session_id", session_id)
        return self._requester.request(
            "GET",
            "analytics/peer-stats",
            params={"peer_id": peer_id, "session_id": session_id},
            parse=model(PeerStats),
            options=request_options,
        )

    def list_webhook_events(
        self,
        *,
        start_time: Time | None = None,
        end_time: Time | None = None,
        room_id: str | None = None,
        status: WebhookDeliveryStatus | str | None = None,
        event_names: str | Sequence[str] | None = None,
        limit: int = 50,
        page: int | None = None,
        start: int | str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[WebhookHistoryEvent]:
        """List webhook deliveries page by page number, lazily.

        Each item is one delivery attempt, e.g. `reporter.webhook.delivery.failed`,
        with the webhook sent in `payload`.

        Args:
            start_time: The window's start (a `datetime`, naive ones taken as
                UTC, or an RFC 3339 string); 24 hours ago by default. It must lie
                within the last 30 days.
            end_time: The window's end; now by default. At most 14 days after
                `start_time`.
            room_id: Only the webhooks of this room.
            status: `all` (the default), `failed` or `success` (a
                [WebhookDeliveryStatus][hms_async.models.WebhookDeliveryStatus]
                or the string).
            event_names: One webhook type or a list of them (e.g.
                `peer.join.success`, `session.close.success`,
                `recording.success`, `beam.recording.success`,
                `hls.recording.success`). A lone string is one name.
            limit: The page size, 1 to 100.
            page: The page number to begin at (1 or more).
            start: The same as `page`, as for every list: a page number, or a
                page's `next_cursor`. Pass one of `page` and `start`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of deliveries:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 1 to 100, `page` is below 1, `start`
                is not a page number, `page` and `start` differ, or `end_time` is
                before `start_time` or more than 14 days after it (raised at the
                call).
            TypeError: `limit` or `page` is not an int (raised at the call).
            BadRequestError: The API refused the time range (raised when the first page is fetched
                or iterated).
            RateLimitError: The API limits this endpoint's rate; `retry_after`
                is the wait it asked for.
            PermissionDeniedError: "insufficient permissions" for the workspace.

        Example:
            ```python
            for delivery in hms.analytics.list_webhook_events(status="failed"):
                print(delivery.event_name, delivery.room_id)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/list-webhook-events>
        """
        check_limit(limit, 1, 100)
        _check_window(start_time, end_time)
        first = _first_page(page, start)
        params = {
            "start_time": start_time,
            "end_time": end_time,
            "room_id": room_id,
            "status": status,
            "event_names": _names(event_names),
            "limit": limit,
        }
        return self._list(
            "analytics/webhooks",
            WebhookHistoryEvent,
            params,
            start=None if first is None else str(first),
            style=PAGE_NUMBER,
            options=request_options,
        )

    def replay_webhooks(
        self,
        *,
        start_time: Time | None = None,
        end_time: Time | None = None,
        room_id: str | None = None,
        event_names: str | Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        status: WebhookDeliveryStatus | str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> WebhookReplayStarted:
        """Send past webhooks to your endpoint again.

        Replays go out at 10 per second and carry `is_replay: true`. Never
        retried: an identical request joins the running workflow anyway. Follow
        the progress with `retrieve_replay()`.

        Args:
            start_time: The window's start (a `datetime` or an RFC 3339 string),
                within the last 30 days.
            end_time: The window's end, at most 14 days after `start_time`.
            room_id: Only the webhooks of this room.
            event_names: One webhook type or a list of them; every supported
                type when omitted.
            limit: How many webhooks to replay: 1 to 50000 (the API's default
                and maximum).
            offset: How many matching webhooks to skip first: 0 or more.
            status: `failed` (the API's default), `success` or `all`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The workflow: its `workflow_id`, and `status` `started` or
                `already_running`.

        Raises:
            ValueError: `limit` is outside 1 to 50000 or `offset` below 0;
                nothing is sent.
            TypeError: `limit` or `offset` is not an int.
            BadRequestError: The API refused the window or filters.
            RateLimitError: Too many replay requests; `retry_after` is the wait.
            ServerError: 503, the replay service is unavailable.

        Example:
            ```python
            started = hms.analytics.replay_webhooks(room_id=room.id)
            replay = hms.analytics.retrieve_replay(started.workflow_id)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/replay-webhook-events>
        """
        check_limit(limit, 1, _MAX_REPLAY)
        check_int("offset", offset, 0)
        payload = body(
            start_time=_time(start_time),
            end_time=_time(end_time),
            room_id=room_id,
            event_names=_names(event_names),
            limit=limit,
            offset=offset,
            status=status,
        )
        return self._requester.request(
            "POST",
            "analytics/webhooks/replay",
            json=payload,
            parse=model(WebhookReplayStarted),
            options=request_options,
        )

    def retrieve_replay(
        self, workflow_id: str, **request_options: Unpack[RequestOptions]
    ) -> WebhookReplay:
        """Get the status and progress of a webhook replay.

        Args:
            workflow_id: The `workflow_id` that `replay_webhooks()` returned.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The replay: `status` (`Running`, `completed`,
                `completed_with_failures`, `failed`, `Canceled` or `Terminated`,
                in the API's mixed case), its `progress` and, once done, its
                `result` with the failed events.

        Raises:
            NotFoundError: No replay workflow has this id ("workflow not found").
            ValueError: `workflow_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/analytics/replay-webhook-events>
        """
        return self._requester.request(
            "GET",
            "analytics/webhooks/replay/{workflow_id}",
            workflow_id,
            parse=model(WebhookReplay),
            options=request_options,
        )
