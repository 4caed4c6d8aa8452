"""The front door every way in shares: the API under ``/v2``, the control plane
under ``/_fake``, and a JSON 404 for anything else."""

from __future__ import annotations

import json
from collections.abc import Callable

import anyio

from ._engine import Engine, split_v2
from ._http import FakeRequest, Outcome, error_body

__all__ = ["CONTROL_PREFIX", "ControlHandler", "Gateway", "split_control"]

CONTROL_PREFIX = "/_fake"
ControlHandler = Callable[[FakeRequest], Outcome]


def split_control(raw_path: str) -> str | None:
    """Return the path after ``/_fake`` (``"/health"``), or ``None`` if outside it."""
    if raw_path == CONTROL_PREFIX or raw_path.startswith(CONTROL_PREFIX + "/"):
        return "/" + raw_path[len(CONTROL_PREFIX) :].strip("/")
    return None


def _not_found(raw_path: str, detail: str | None = None) -> Outcome:
    body = error_body(404, "Not found", [detail or f"no route for {raw_path}"])
    return Outcome(status=404, body=json.dumps(body).encode())


class Gateway:
    """Answers raw HTTP requests for one fake; ``control`` is ``None`` when it is off."""

    def __init__(self, engine: Engine, control: ControlHandler | None) -> None:
        self._engine = engine
        self._control = control

    def __repr__(self) -> str:
        return f"Gateway(control={self._control is not None})"

    @property
    def control_enabled(self) -> bool:
        """Whether ``/_fake/`` calls are answered."""
        return self._control is not None

    async def answer(
        self,
        method: str,
        raw_path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
    ) -> Outcome:
        """Answer one request (the path without its query string)."""
        latency, answer = self.begin(method, raw_path, query, headers, body)
        if latency > 0:
            await anyio.sleep(latency)
        return answer()

    def begin(
        self,
        method: str,
        raw_path: str,
        query: list[tuple[str, str]],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[float, Callable[[], Outcome]]:
        """Take one request in: how many seconds its answer is late, and the answer.

        The latency of a fault is waited by the caller, async or sync.
        """
        control_path = split_control(raw_path)
        if control_path is not None:
            control = self._control
            if control is None:
                outcome = _not_found(raw_path, "the control plane is switched off")
                return 0.0, lambda: outcome
            request = FakeRequest(
                method=method.upper(),
                path=control_path,
                query=query,
                headers=headers,
                body=body,
            )
            return 0.0, lambda: control(request)
        path = split_v2(raw_path)
        if path is None:
            outcome = _not_found(raw_path)
            return 0.0, lambda: outcome
        request = FakeRequest(
            method=method.upper(), path=path, query=query, headers=headers, body=body
        )
        return self._engine.begin(request)
