"""The fake's in-memory data, and the helpers every part of it shares."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from ._clock import Clock, IdFactory
from ._http import not_found

__all__ = ["JSON", "KeyOrder", "State"]

JSON = dict[str, Any]

# Webhook types the history/replay endpoints know about (§2.12).
HISTORY_EVENTS = frozenset(
    {
        "session.open.success",
        "session.close.success",
        "peer.join.success",
        "peer.leave.success",
        "recording.success",
        "recording.failed",
        "transcription.success",
        "beam.started.success",
        "beam.stopped.success",
        "beam.recording.success",
        "hls.recording.success",
        "stream.recording.success",
    }
)


class KeyOrder:
    """The keys of an append-only store in order, with each key's position.

    Brought up to date on use by appending only the keys added since (a C-level
    skip over the known ones), so a page of a million-item list costs what the
    page costs, not what the list costs.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.positions: dict[str, int] = {}

    def update(self, store: Mapping[str, JSON]) -> KeyOrder:
        """Take in the keys added to ``store`` since the last call; return self."""
        known = len(self.keys)
        if len(store) < known:  # not append-only after all: start over
            self.keys, self.positions, known = [], {}, 0
        if len(store) != known:
            for position, key in enumerate(
                itertools.islice(store, known, None), start=known
            ):
                self.keys.append(key)
                self.positions[key] = position
        return self

    def after(self, start: str | None) -> Iterator[str]:
        """The keys after the cursor ``start`` (all without one).

        An unknown cursor gives every key greater than it, as ``after_cursor``.
        """
        keys = self.keys
        if not start:
            return iter(keys)
        at = self.positions.get(start)
        if at is None:
            return (key for key in keys if key > start)
        return (keys[i] for i in range(at + 1, len(keys)))


@attrs.define(kw_only=True, repr=False)
class State:
    """Every resource of one fake 100ms workspace, stored as API-shaped dicts."""

    access_key: str
    app_secret: str = attrs.field(repr=False)
    clock: Clock
    ids: IdFactory
    customer_id: str
    app_id: str
    webhook_url: str | None = None
    templates: dict[str, JSON] = attrs.Factory(dict)
    template_subdomains: dict[str, str] = attrs.Factory(dict)
    rooms: dict[str, JSON] = attrs.Factory(dict)
    room_names: dict[str, str] = attrs.Factory(dict)
    """Room ids by case-folded name: creating by name stays O(1) in big fakes."""
    room_codes: dict[str, JSON] = attrs.Factory(dict)
    sessions: dict[str, JSON] = attrs.Factory(dict)
    active_sessions: dict[str, str] = attrs.Factory(dict)
    peers: dict[str, JSON] = attrs.Factory(dict)
    peer_rooms: dict[str, str] = attrs.Factory(dict)
    recordings: dict[str, JSON] = attrs.Factory(dict)
    live_streams: dict[str, JSON] = attrs.Factory(dict)
    external_streams: dict[str, JSON] = attrs.Factory(dict)
    paused: set[str] = attrs.Factory(set)
    job_options: dict[str, JSON] = attrs.Factory(dict)
    assets: dict[str, JSON] = attrs.Factory(dict)
    stream_keys: dict[str, JSON] = attrs.Factory(dict)
    polls: dict[str, JSON] = attrs.Factory(dict)
    poll_sessions: dict[str, JSON] = attrs.Factory(dict)
    poll_responses: dict[str, JSON] = attrs.Factory(dict)
    poll_results: dict[str, JSON] = attrs.Factory(dict)
    events: list[JSON] = attrs.Factory(list)
    event_snapshots: dict[str, list[JSON]] = attrs.Factory(dict)
    webhook_events: list[JSON] = attrs.Factory(list)
    webhook_history: list[JSON] = attrs.Factory(list)
    outbox: Callable[[JSON], None] | None = None
    """Where emitted envelopes go for delivery (the fake's webhook sender)."""
    replays: dict[str, JSON] = attrs.Factory(dict)
    trunks: dict[str, JSON] = attrs.Factory(dict)
    calls: dict[str, JSON] = attrs.Factory(dict)
    messages: list[JSON] = attrs.Factory(list)
    dtmf: list[JSON] = attrs.Factory(list)
    timed_metadata: list[JSON] = attrs.Factory(list)
    key_orders: dict[int, tuple[Mapping[str, JSON], KeyOrder]] = attrs.Factory(dict)
    """The ``KeyOrder`` of each listed store, by the store's identity (``order()``)."""

    def __repr__(self) -> str:
        # Stored bodies may hold storage credentials: show counts only.
        return (
            f"State(access_key={self.access_key!r}, rooms={len(self.rooms)}, "
            f"sessions={len(self.sessions)}, peers={len(self.peers)})"
        )

    def order(self, store: Mapping[str, JSON]) -> KeyOrder:
        """The keys of ``store``, one of this state's append-only stores, in
        order and up to date: a page of its list costs what the page costs."""
        entry = self.key_orders.get(id(store))
        if entry is None or entry[0] is not store:
            entry = self.key_orders[id(store)] = (store, KeyOrder())
        return entry[1].update(store)

    def room(self, room_id: str) -> JSON:
        """Return the stored room or raise a 404."""
        return _get(self.rooms, room_id, "room")

    def template(self, template_id: str) -> JSON:
        """Return the stored template or raise a 404."""
        return _get(self.templates, template_id, "template")

    def room_template(self, room: JSON) -> JSON:
        """Return the template a room uses."""
        return self.template(room["template_id"])

    def default_template(self) -> JSON:
        """Return the workspace's default template."""
        for template in self.templates.values():
            if template.get("default"):
                return template
        return next(iter(self.templates.values()))

    def active_session(self, room_id: str) -> JSON | None:
        """Return the room's ongoing session, if any."""
        session_id = self.active_sessions.get(room_id)
        return None if session_id is None else self.sessions[session_id]

    def emit(self, kind: str, data: JSON) -> JSON:
        """Record a webhook envelope (and its delivery-history entry)."""
        envelope: JSON = {
            "version": "2.0",
            "id": self.ids.uuid(),
            "app_id": self.app_id,
            "account_id": self.customer_id,
            "timestamp": self.clock.stamp(),
            "type": kind,
            "data": data,
        }
        if "template_id" in data:
            envelope["template_id"] = data["template_id"]
        self.webhook_events.append(envelope)
        self.send(envelope)
        if kind in HISTORY_EVENTS:
            self.webhook_history.append(self._history_entry(envelope))
        return envelope

    def send(self, envelope: JSON) -> None:
        """Hand an envelope to the webhook sender, if there is one."""
        if self.outbox is not None:
            self.outbox(envelope)

    def _history_entry(self, envelope: JSON) -> JSON:
        return {
            "event_id": envelope["id"],
            "event_name": "reporter.webhook.delivery.success",
            "room_id": envelope["data"].get("room_id", ""),
            "event_timestamp": envelope["timestamp"],
            "payload": {
                "event_data": envelope["data"],
                "webhook_url": self.webhook_url or "",
                "original_event_name": envelope["type"],
            },
        }

    def mark_delivery_failed(self, event_id: str, reason: str) -> None:
        """Mark a webhook's history entry as a failed delivery."""
        for entry in self.webhook_history:
            if entry["event_id"] == event_id:
                entry["event_name"] = "reporter.webhook.delivery.failed"
                entry["payload"]["error_reason"] = reason

    def record_event(self, kind: str, data: JSON) -> JSON:
        """Record an analytics event (the ``/analytics/events`` feed)."""
        event: JSON = {
            "version": "2.0",
            "id": self.ids.uuid(),
            "timestamp": self.clock.stamp(),
            "type": kind,
            "data": data,
        }
        self.events.append(event)
        return event


def _get(collection: dict[str, JSON], key: str, what: str) -> JSON:
    found = collection.get(key)
    if found is None:
        raise not_found(what)
    return found
