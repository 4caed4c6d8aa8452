"""The lists ``hms`` can walk: their filters, page sizes, SDK calls and columns.

A filter option's destination is the SDK argument it is passed as, so a kind's
filters serve both its ``list`` command and ``hms export KIND``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import click

from .._client import HMSClient
from .._pagination import AsyncPaginator
from .._serde import json_key
from .._words import plural
from ..models import (
    AnalyticsEvent,
    ExternalStream,
    LiveStream,
    PollResponse,
    Recording,
    RecordingAsset,
    Room,
    Session,
    Template,
    WebhookHistoryEvent,
)
from ._params import Decorator, date_option

__all__ = ["KINDS", "Filter", "Kind"]

Lister = Callable[..., AsyncPaginator[Any]]


@attrs.frozen
class Filter:
    """A list filter: the SDK argument ``dest`` and its click option."""

    dest: str
    option: Decorator[Any]


@attrs.frozen(kw_only=True)
class Kind:
    """One list of the API as the CLI offers it."""

    name: str
    help: str
    filters: tuple[Filter, ...]
    lister: Callable[[HMSClient], Lister]
    model: type
    columns: tuple[str, ...]
    limit: tuple[int, int, int] = (10, 100, 100)
    """The page size range and default."""
    extra_csv: tuple[str, ...] = ()

    def count(self, items: int) -> str:
        """``items`` of this kind in words: "1 room", "130 rooms", "2 webhook-history items"."""
        noun = self.name[:-1] if self.name.endswith("s") else f"{self.name} item"
        return f"{items} {plural(items, noun)}"

    def paginator(
        self, hms: HMSClient, filters: Mapping[str, Any], limit: int, start: str | None
    ) -> AsyncPaginator[Any]:
        """The SDK's paginator for these filters, from ``start``."""
        return self.lister(hms)(**filters, limit=limit, start=start)

    def csv_columns(self) -> tuple[str, ...]:
        """The model's JSON fields (unknown fields go to JSON Lines only)."""
        names = [
            json_key(field)
            for field in attrs.fields(self.model)
            if field.name != "extra_fields"
        ]
        return (*names, *(c for c in self.extra_csv if c not in names))

    def options(self) -> tuple[Decorator[Any], ...]:
        """The click options of the filters."""
        return tuple(f.option for f in self.filters)

    def given(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The filters a command was given (options left out are not sent)."""
        names = {f.dest for f in self.filters}
        return {
            name: value
            for name, value in params.items()
            if name in names and value is not None and value != ()
        }


def _option(name: str, **kwargs: Any) -> Filter:
    flag = f"--{name.replace('_', '-')}"
    return Filter(name, click.option(flag, name, **kwargs))


def _text(name: str, help: str, *, required: bool = False) -> Filter:
    return _option(name, help=help, required=required)


def _many(name: str, help: str) -> Filter:
    return _option(name, multiple=True, help=help)


def _flag(on: str, off: str, help: str) -> Filter:
    return Filter(on, click.option(f"--{on}/--{off}", on, default=None, help=help))


def _date(name: str, help: str) -> Filter:
    return Filter(name, date_option(f"--{name.replace('_', '-')}", name, help))


ROOM_ID = _text("room_id", "Only this room.")
SESSION_ID = _text("session_id", "Only this session.")
STATUS = _text("status", "Only this status (e.g. running, completed, failed).")
JOB_FILTERS = (ROOM_ID, SESSION_ID, STATUS)


def _job(
    name: str,
    help: str,
    lister: Callable[[HMSClient], Lister],
    model: type,
    *,
    columns: tuple[str, ...] = ("id", "room_id", "session_id", "status", "created_at"),
) -> Kind:
    """A list of jobs (or their assets), filtered by room, session and status."""
    return Kind(
        name=name,
        help=help,
        filters=JOB_FILTERS,
        lister=lister,
        model=model,
        columns=columns,
    )


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            name="rooms",
            help="Rooms, oldest first.",
            filters=(
                _flag("enabled", "disabled", "Only enabled (or disabled) rooms."),
                _text("name", "Only the room with this name."),
                _text("template_id", "Only rooms of this template."),
                _date("after", "Created at or after this time."),
                _date("before", "Created at or before this time."),
            ),
            lister=lambda hms: hms.rooms.list,
            model=Room,
            columns=("id", "name", "enabled", "template_id", "region", "created_at"),
        ),
        Kind(
            name="sessions",
            help="Sessions, newest first.",
            filters=(
                ROOM_ID,
                _flag("active", "inactive", "Only live (or ended) sessions."),
                _date("after", "Started at or after this time."),
                _date("before", "Started at or before this time."),
            ),
            lister=lambda hms: hms.sessions.list,
            model=Session,
            columns=("id", "room_id", "active", "created_at", "updated_at"),
        ),
        _job(
            "recordings", "Recording jobs.", lambda hms: hms.recordings.list, Recording
        ),
        _job(
            "recording-assets",
            "Recording assets (files).",
            lambda hms: hms.recording_assets.list,
            RecordingAsset,
            columns=("id", "room_id", "type", "status", "size", "path"),
        ),
        _job(
            "live-streams",
            "Live (HLS) streams.",
            lambda hms: hms.live_streams.list,
            LiveStream,
        ),
        _job(
            "external-streams",
            "External (RTMP) streams.",
            lambda hms: hms.external_streams.list,
            ExternalStream,
        ),
        Kind(
            name="templates",
            help="Templates.",
            filters=(),
            lister=lambda hms: hms.templates.list,
            model=Template,
            columns=("id", "name", "default", "created_at"),
        ),
        Kind(
            name="analytics-events",
            help="A room's analytics events of the last 30 days (by --type).",
            filters=(
                _text("room_id", "The room (required).", required=True),
                _many("type", "Event type (repeatable)."),
                SESSION_ID,
                _text("peer_id", "Only this peer."),
                _text("user_id", "Only this user."),
                _text(
                    "beam_id",
                    "Only this recording (with --type beam.recording.success).",
                ),
                _flag("error", "no-error", "Only error (or non-error) events."),
            ),
            lister=lambda hms: hms.analytics.list_events,
            model=AnalyticsEvent,
            columns=("id", "type", "timestamp"),
            limit=(1, 100, 100),
            extra_csv=("data",),
        ),
        Kind(
            name="webhook-history",
            help="Webhook deliveries (the window defaults to the last 24 hours).",
            filters=(
                _date("start_time", "Window start (within the last 30 days)."),
                _date("end_time", "Window end (at most 14 days after the start)."),
                ROOM_ID,
                _text("status", "Only this delivery status (success, failed)."),
                _many("event_names", "Only these events (repeatable)."),
            ),
            lister=lambda hms: hms.analytics.list_webhook_events,
            model=WebhookHistoryEvent,
            columns=("event_id", "event_name", "room_id", "event_timestamp"),
            limit=(1, 100, 100),
        ),
        Kind(
            name="poll-responses",
            help="A poll's responses.",
            filters=(
                _text("poll_id", "The poll (required).", required=True),
                _option(
                    "all",
                    is_flag=True,
                    default=None,
                    help="Include answers later replaced by an update.",
                ),
                _option(
                    "question",
                    type=click.IntRange(min=1),
                    help="Only this question (1-based).",
                ),
            ),
            lister=lambda hms: hms.polls.list_responses,
            model=PollResponse,
            columns=("id", "peer_id", "user_id", "question", "skipped", "sent_at"),
        ),
    )
}
