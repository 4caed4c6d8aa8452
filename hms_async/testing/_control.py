"""The control plane under ``/_fake/``: drive the fake from any language.

Every call answers JSON; errors use the API's body ``{code, message, details}``
(400 for bad arguments, 404 for unknown ids or paths, 405 for a known path with
another method). No token is needed: the plane is only on for loopback binds
unless the user asks otherwise (see ``FakeHMS.server``).

=========  ===================================  ===========================================
Method     Path (under ``/_fake``)              What it does
=========  ===================================  ===========================================
GET        ``/health``                          ``{status: "ok", version, rooms, active_rooms, peers, webhooks_pending}``
POST       ``/reset``                           forget all state, requests, faults, webhooks
GET        ``/clock``                           ``{now, offset_seconds}``
POST       ``/clock/advance``                   body ``{seconds: number >= 0}``; ``{now, offset_seconds}``
POST       ``/rooms/{room_id}/peers``           join: body ``{role, user_id?, name?, metadata?}``; the peer
DELETE     ``/rooms/{room_id}/peers/{peer_id}`` leave (the last one closes the session); 204
POST       ``/rooms/{room_id}/end``             end the session: body ``{reason?, lock?}``; ``{room_id, session_id}``
POST       ``/jobs/{job_id}/advance``           recording/stream job: body ``{to?}``; the job
POST       ``/polls/{poll_id}/answers``         body ``{peer_id, question, options?, text?, duration?}``
GET        ``/faults``                          ``{faults: [rule]}``
POST       ``/faults``                          add one (same fields as ``Faults.add``); 201, the rule
DELETE     ``/faults``                          remove every fault; 204
GET        ``/webhooks``                        ``{events: [envelope]}``; query ``type``, ``room_id``
GET        ``/webhooks/deliveries``             ``{attempts: [attempt], failures: [failure], pending}``
GET        ``/requests``                        ``{requests: [{method, path, query}]}``
=========  ===================================  ===========================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from hms_async._version import __version__

from . import _activity, _jobs, _polls
from ._engine import route_request
from ._faults import FaultRule
from ._http import FakeRequest, Outcome, bad_request, not_found
from ._router import Call, Reply, Router
from ._state import JSON
from ._validate import opt_bool, opt_int, opt_str, req_str

if TYPE_CHECKING:
    from ._fake import FakeHMS

__all__ = ["CONTROL", "handle_control"]

CONTROL = Router()
_FAULT_FIELDS = frozenset(
    {
        "method",
        "path",
        "status",
        "latency",
        "retry_after",
        "body",
        "drop",
        "times",
        "rate",
    }
)


def handle_control(fake: FakeHMS, request: FakeRequest) -> Outcome:
    """Answer one control-plane request (``request.path`` is under ``/_fake``)."""
    return route_request(CONTROL, fake.state, request, owner=fake)


def _fake(call: Call) -> FakeHMS:
    fake: FakeHMS = call.owner
    return fake


def _number(body: JSON, name: str, *, default: float | None = None) -> float | None:
    value = body.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"{name} must be a number")
    return float(value)


@CONTROL.route("GET", "/health", auth="none")
def _health(call: Call) -> JSON:
    fake = _fake(call)
    with fake.lock:
        state = fake.state
        return {
            "status": "ok",
            "version": __version__,
            "rooms": len(state.rooms),
            "active_rooms": len(state.active_sessions),
            "peers": len(state.peers),
            "webhooks_pending": fake.webhooks_pending,
        }


@CONTROL.route("POST", "/reset", auth="none")
def _reset(call: Call) -> JSON:
    _fake(call).reset()
    return {"status": "reset"}


def _clock_json(call: Call) -> JSON:
    clock = _fake(call).clock
    return {"now": clock.stamp(), "offset_seconds": clock.offset_seconds}


@CONTROL.route("GET", "/clock", auth="none")
def _clock(call: Call) -> JSON:
    return _clock_json(call)


@CONTROL.route("POST", "/clock/advance", auth="none")
def _advance_clock(call: Call) -> JSON:
    seconds = _number(call.obj(), "seconds")
    if seconds is None or seconds < 0:
        raise bad_request("seconds is mandatory and must not be negative")
    with _fake(call).lock:
        _fake(call).clock.advance(seconds)
    return _clock_json(call)


@CONTROL.route("POST", "/rooms/{room_id}/peers", auth="none")
def _join(call: Call) -> JSON:
    body = call.obj()
    role = req_str(body, "role")
    fake = _fake(call)
    with fake.lock:
        peer = _activity.join(
            fake.state,
            call.params["room_id"],
            role,
            user_id=opt_str(body, "user_id"),
            name=opt_str(body, "name"),
            metadata=opt_str(body, "metadata") or "",
        )
        return attrs.asdict(fake._fake_peer(peer["id"]))


@CONTROL.route("DELETE", "/rooms/{room_id}/peers/{peer_id}", auth="none")
def _leave(call: Call) -> Reply:
    fake = _fake(call)
    room_id, peer_id = call.params["room_id"], call.params["peer_id"]
    with fake.lock:
        fake.state.room(room_id)
        if fake.state.peer_rooms.get(peer_id) != room_id:
            raise not_found("peer")
        _activity.leave(fake.state, peer_id)
    return Reply(204, None)


@CONTROL.route("POST", "/rooms/{room_id}/end", auth="none")
def _end(call: Call) -> JSON:
    body = call.obj()
    fake = _fake(call)
    room_id = call.params["room_id"]
    with fake.lock:
        session = fake.state.active_session(room_id)
        _activity.end_session(
            fake.state,
            room_id,
            reason=opt_str(body, "reason") or "",
            lock=bool(opt_bool(body, "lock")),
        )
    assert session is not None  # noqa: S101 - end_session raised otherwise
    return {"room_id": room_id, "session_id": session["id"]}


@CONTROL.route("POST", "/jobs/{job_id}/advance", auth="none")
def _advance_job(call: Call) -> JSON:
    to = opt_str(call.obj(), "to")
    fake = _fake(call)
    with fake.lock:
        try:
            job: JSON = _jobs.advance_job(fake.state, call.params["job_id"], to)
        except ValueError as error:
            raise bad_request(str(error), "Invalid state change") from None
        return job


@CONTROL.route("POST", "/polls/{poll_id}/answers", auth="none")
def _answer(call: Call) -> JSON:
    body = call.obj()
    question = opt_int(body, "question")
    if question is None:
        raise bad_request("question is mandatory (1-based index)")
    options: Any = body.get("options") or []
    if not isinstance(options, list) or not all(
        isinstance(o, int) and not isinstance(o, bool) for o in options
    ):
        raise bad_request("options must be a list of integers")
    fake = _fake(call)
    with fake.lock:
        response = _polls.answer(
            fake.state,
            call.params["poll_id"],
            req_str(body, "peer_id"),
            question,
            options,
            opt_str(body, "text") or "",
            opt_int(body, "duration") or 1000,
        )
        return _polls.public(response)


def _rule_json(rule: FaultRule) -> JSON:
    return {
        "method": rule.method,
        "path": rule.path,
        "status": rule.status,
        "latency": rule.latency,
        "retry_after": rule.retry_after,
        "body": rule.body,
        "drop": rule.drop,
        "remaining": rule.remaining,
        "rate": rule.rate,
        "hits": rule.hits,
    }


@CONTROL.route("GET", "/faults", auth="none")
def _faults(call: Call) -> JSON:
    fake = _fake(call)
    with fake.lock:
        return {"faults": [_rule_json(rule) for rule in fake.faults.rules]}


@CONTROL.route("POST", "/faults", auth="none")
def _add_fault(call: Call) -> Reply:
    body = call.obj()
    unknown = sorted(set(body) - _FAULT_FIELDS)
    if unknown:
        raise bad_request(f"unknown fault fields: {', '.join(unknown)}")
    path = req_str(body, "path")
    status = opt_int(body, "status")
    times = opt_int(body, "times")
    fault_body: Any = opt_str(body, "body")
    fake = _fake(call)
    try:
        with fake.lock:
            rule = fake.faults.add(
                opt_str(body, "method") or "*",
                path,
                status=status,
                latency=_number(body, "latency", default=0.0) or 0.0,
                retry_after=_number(body, "retry_after"),
                body=fault_body,
                drop=bool(opt_bool(body, "drop")),
                times=times,
                rate=_number(body, "rate", default=1.0) or 0.0,
            )
    except ValueError as error:
        raise bad_request(str(error), "Invalid fault") from None
    return Reply(201, _rule_json(rule))


@CONTROL.route("DELETE", "/faults", auth="none")
def _clear_faults(call: Call) -> Reply:
    fake = _fake(call)
    with fake.lock:
        fake.faults.clear()
    return Reply(204, None)


@CONTROL.route("GET", "/webhooks", auth="none")
def _webhooks(call: Call) -> JSON:
    kinds = set(call.q_all("type"))
    room_id = call.q("room_id")
    fake = _fake(call)
    with fake.lock:
        events = [
            event
            for event in fake.webhook_events
            if (not kinds or event["type"] in kinds)
            and (room_id is None or event["data"].get("room_id") == room_id)
        ]
        return {"events": events}


@CONTROL.route("GET", "/webhooks/deliveries", auth="none")
def _deliveries(call: Call) -> JSON:
    fake = _fake(call)
    return {
        "url": fake.webhook_url,
        "attempts": [attempt.to_json() for attempt in fake.webhook_attempts],
        "failures": fake.webhook_failures,
        "pending": fake.webhooks_pending,
    }


@CONTROL.route("GET", "/requests", auth="none")
def _requests(call: Call) -> JSON:
    fake = _fake(call)
    with fake.lock:
        shown = [
            {"method": r.method, "path": r.path, "query": r.query}
            for r in fake.requests
        ]
    return {"requests": shown}
