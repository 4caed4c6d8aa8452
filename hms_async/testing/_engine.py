"""The request pipeline: record, inject faults, route, authorize, handle."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable
from typing import Any

import anyio
import attrs

from ._auth import check_bearer
from ._faults import MALFORMED_BODY, FaultRule, Faults
from ._http import ApiError, FakeRequest, Outcome, RecordedRequest, json_outcome
from ._router import Call, Reply, Route, Router
from ._state import State

__all__ = ["Engine", "route_request", "split_v2"]


def split_v2(raw_path: str) -> str | None:
    """Return the path after ``/v2`` (``"/rooms"``), or ``None`` if there is none."""
    path = raw_path.rstrip("/")
    _head, sep, rest = path.partition("/v2/")
    if sep:
        return "/" + rest
    if path.endswith("/v2"):
        return "/"
    return None


def _parse_body(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except ValueError:
        raise ApiError(400, "Invalid body", ["body is not valid JSON"]) from None


def route_request(
    router: Router, state: State, request: FakeRequest, owner: Any = None
) -> Outcome:
    """Route, authorize and handle one request; every error becomes an error body."""
    try:
        route, params = router.match(request.method, request.path)
        _authorize(state, route, request)
        call = Call(state, request, params, _parse_body(request.body), owner)
        result = route.handler(call)
    except ApiError as error:
        return error.outcome()
    except Exception as error:  # a bug in the fake must not kill the server
        detail = f"{type(error).__name__}: {error}"
        return ApiError(500, "fake internal error", [detail]).outcome()
    if isinstance(result, Reply):
        return json_outcome(result.status, result.payload)
    return json_outcome(200, result)


def _authorize(state: State, route: Route, request: FakeRequest) -> None:
    if route.auth == "none":
        return
    check_bearer(
        request.headers.get("authorization"),
        secret=state.app_secret,
        access_key=state.access_key,
        expected_type=route.auth,
        now=state.clock.now(),
    )


@attrs.define
class Engine:
    """Runs requests against a :class:`State` through a :class:`Router`.

    ``lock`` serialises every change to the state: the loopback server answers
    in its own thread while a test drives the same fake from another.
    """

    state: State
    router: Router
    faults: Faults
    requests: list[RecordedRequest] = attrs.Factory(list)
    lock: threading.RLock = attrs.field(factory=threading.RLock, repr=False)

    def begin(self, request: FakeRequest) -> tuple[float, Callable[[], Outcome]]:
        """Record ``request`` and pick its fault.

        Returns the seconds the answer is late (a latency fault) and what
        gives the answer once they have passed; the async and sync ways in
        wait in their own way.
        """
        with self.lock:
            self.requests.append(request.record())
            rule = self.faults.pick(request.method, request.path)
            if rule is None:
                outcome = self.dispatch(request)
                return 0.0, lambda: outcome
        return rule.latency, functools.partial(self._faulted, rule, request)

    def _faulted(self, rule: FaultRule, request: FakeRequest) -> Outcome:
        if rule.drop:
            return Outcome(drop=True)
        if rule.status is not None:
            return rule.error_outcome()
        if rule.body == "malformed":
            return Outcome(status=200, body=MALFORMED_BODY)
        with self.lock:
            outcome = self.dispatch(request)
        if rule.body == "truncated":
            return attrs.evolve(outcome, truncate_at=len(outcome.body) // 2)
        return outcome

    async def handle(self, request: FakeRequest) -> Outcome:
        """Answer one request, applying any fault that fires for it."""
        latency, answer = self.begin(request)
        if latency > 0:
            await anyio.sleep(latency)
        return answer()

    def dispatch(self, request: FakeRequest) -> Outcome:
        """Route and handle a request without faults."""
        return route_request(self.router, self.state, request)
