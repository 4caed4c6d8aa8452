"""``hms.analytics``: events, peer quality stats, webhook history and replay (§2.12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from .. import _serde
from .._pagination import EVENTS, PAGE_NUMBER, AsyncPaginator
from .._requester import model, path
from ..models.analytics import (
    AnalyticsEvent,
    AnalyticsEventType,
    PeerStats,
    WebhookDeliveryStatus,
    WebhookHistoryEvent,
    WebhookReplay,
    WebhookReplayStarted,
)
from ._base import Resource, body, check_limit, check_range

__all__ = ["AnalyticsResource"]

_MAX_WINDOW: Final = dt.timedelta(days=14)
_MAX_REPLAY: Final = 50_000
Time = dt.datetime | str


def _names(value: str | Sequence[str] | None) -> list[str] | None:
    """A list copy of a repeatable filter; a lone string is one value, not letters."""
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def _required(name: str, value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} is required and must be a non-empty string")


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _check_window(start_time: Time | None, end_time: Time | None) -> None:
    """Refuse a history window the API rejects (end before start, over 14 days)."""
    if not isinstance(start_time, dt.datetime) or not isinstance(end_time, dt.datetime):
        return
    span = _aware(end_time) - _aware(start_time)
    if not dt.timedelta(0) <= span <= _MAX_WINDOW:
        raise ValueError(
            "end_time must be between start_time and 14 days after it, "
            f"got a span of {span}"
        )


def _at_least(name: str, value: int | None, low: int) -> None:
    """Refuse an int below ``low`` (or not an int) before any request."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < low:
        raise ValueError(f"{name} must be {low} or more, got {value}")


def _first_page(page: int | None, start: int | str | None) -> int | None:
    """The page to begin at: ``page``, or ``start`` as a number or its cursor text."""
    if isinstance(start, str):
        if not (start.isascii() and start.isdigit()):
            raise ValueError(f"start must be a page number, got {start!r}")
        start = int(start)
    if page is not None and start is not None and page != start:
        raise ValueError(f"page and start are the same; got {page} and {start}")
    first = page if page is not None else start
    _at_least("page", first, 1)
    return first


def _time(value: Time | None) -> str | None:
    """A body timestamp the API's way (RFC 3339, UTC)."""
    if isinstance(value, dt.datetime):
        return _serde.format_datetime(value)
    return value


class AnalyticsResource(Resource):
    """Analytics: room events, peer quality stats, and webhook delivery history."""

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
    ) -> AsyncPaginator[AnalyticsEvent]:
        """List a room's events of the last 30 days, lazily, walking every page.

        Each event is a ``TrackEvent``, ``RecordingEvent``, ``ClientErrorEvent``
        or ``GenericAnalyticsEvent`` by its type. The result set is fixed at the
        first request, and a ``start`` cursor expires 24 hours after it.
        ``beam_id`` needs ``type=["beam.recording.success"]``.
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
            "analytics/events", AnalyticsEvent, params, start=start, style=EVENTS
        )

    async def retrieve_peer_stats(self, *, peer_id: str, session_id: str) -> PeerStats:
        """A peer's publish/subscribe quality over a session, once the session ended."""
        _required("peer_id", peer_id)
        _required("session_id", session_id)
        return await self._requester.request(
            "GET",
            "analytics/peer-stats",
            params={"peer_id": peer_id, "session_id": session_id},
            parse=model(PeerStats),
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
    ) -> AsyncPaginator[WebhookHistoryEvent]:
        """List webhook deliveries page by page number, lazily.

        The window defaults to the last 24 hours; it must lie within the last 30
        days and span at most 14 days. ``page`` (or ``start``, as for every
        list: a page number, or a page's ``next_cursor``) resumes at that page.
        The API limits this endpoint's rate: a 429 carries the wait in
        ``RateLimitError.retry_after``.
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
        )

    async def replay_webhooks(
        self,
        *,
        start_time: Time | None = None,
        end_time: Time | None = None,
        room_id: str | None = None,
        event_names: str | Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        status: WebhookDeliveryStatus | str | None = None,
    ) -> WebhookReplayStarted:
        """Send past webhooks again (at 10 per second); ``status`` defaults to failed.

        Never retried: an identical request joins the running workflow anyway.
        """
        check_range("limit", limit, 1, _MAX_REPLAY)
        _at_least("offset", offset, 0)
        payload = body(
            start_time=_time(start_time),
            end_time=_time(end_time),
            room_id=room_id,
            event_names=_names(event_names),
            limit=limit,
            offset=offset,
            status=status,
        )
        return await self._requester.request(
            "POST",
            "analytics/webhooks/replay",
            json=payload,
            parse=model(WebhookReplayStarted),
        )

    async def retrieve_replay(self, workflow_id: str) -> WebhookReplay:
        """The status and progress of a replay workflow."""
        return await self._requester.request(
            "GET",
            path("analytics", "webhooks", "replay", workflow_id),
            parse=model(WebhookReplay),
        )
