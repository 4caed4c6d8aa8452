"""Fault injection: latency, error statuses, bad bodies and dropped connections."""

from __future__ import annotations

import json
import random
import re
from typing import Literal

import attrs

from ._http import JSON_HEADERS, Outcome, error_body
from ._router import compile_template

__all__ = ["BodyFault", "FaultRule", "Faults"]

BodyFault = Literal["malformed", "truncated"]
_MESSAGES = {
    429: "rate limit exceeded, retry after {} seconds",
    500: "internal server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
}
MALFORMED_BODY = b'{"malformed": tru<html>oops'


def _normalise(path: str) -> str:
    path = "/" + path.strip("/")
    if path == "/v2" or path.startswith("/v2/"):
        path = path[3:] or "/"
    return path


def _format_seconds(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else f"{seconds:g}"


@attrs.define(kw_only=True)
class FaultRule:
    """One injected fault: which requests it hits and what it does to them."""

    method: str
    path: str
    pattern: re.Pattern[str] | None = attrs.field(repr=False)
    status: int | None = None
    latency: float = 0.0
    retry_after: float | None = None
    body: BodyFault | None = None
    drop: bool = False
    remaining: int | None = None
    rate: float = 1.0
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Return whether this rule applies to ``method`` and ``path``."""
        if self.method not in ("*", method.upper()):
            return False
        return self.pattern is None or self.pattern.fullmatch(path) is not None

    def error_outcome(self) -> Outcome:
        """Return the injected error response (for a ``status`` fault)."""
        status = self.status or 500
        headers: tuple[tuple[str, str], ...] = JSON_HEADERS
        wait = self.retry_after if self.retry_after is not None else 0.0
        if status == 429 or self.retry_after is not None:
            headers += (("retry-after", _format_seconds(wait)),)
        message = _MESSAGES.get(status, "injected fault").format(_format_seconds(wait))
        body = json.dumps(error_body(status, message, ["injected by FakeHMS"]))
        return Outcome(status=status, headers=headers, body=body.encode())


class Faults:
    """The fault rules of one fake; the first matching, still-armed rule fires."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.rules: list[FaultRule] = []

    def add(
        self,
        method: str,
        path: str,
        *,
        status: int | None = None,
        latency: float = 0.0,
        retry_after: float | None = None,
        body: BodyFault | None = None,
        drop: bool = False,
        times: int | None = None,
        rate: float = 1.0,
    ) -> FaultRule:
        """Inject a fault into calls of ``method`` (or ``"*"``) on ``path``.

        ``path`` is relative to ``/v2`` and may use ``{name}`` or ``*`` for a
        segment (``"/rooms/{room_id}"``), or be ``"*"`` for every path. Effects:
        ``latency`` seconds of delay (combinable with the others), an error
        ``status`` (429 always carries ``Retry-After``, default 0), a ``body``
        that is ``"malformed"`` JSON or ``"truncated"`` mid-way, or ``drop`` the
        connection without a response. It fires for the next ``times`` matching
        calls (forever if ``None``), each with probability ``rate``, drawn from
        the fake's seeded random generator.
        """
        _check(status, latency, body, drop, times, rate)
        norm = _normalise(path)
        rule = FaultRule(
            method=method.upper(),
            path=norm,
            pattern=None if norm == "/*" else compile_template(norm),
            status=status,
            latency=latency,
            retry_after=retry_after,
            body=body,
            drop=drop,
            remaining=times,
            rate=rate,
        )
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        """Remove every fault rule."""
        self.rules.clear()

    def reseed(self, rng: random.Random) -> None:
        """Draw fractional faults from ``rng`` from now on."""
        self._rng = rng

    def pick(self, method: str, path: str) -> FaultRule | None:
        """Return the rule that fires for this call (consuming one use), if any."""
        for rule in self.rules:
            if rule.remaining == 0 or not rule.matches(method, path):
                continue
            if rule.rate < 1.0 and self._rng.random() >= rule.rate:
                continue
            if rule.remaining is not None:
                rule.remaining -= 1
            rule.hits += 1
            return rule
        return None


def _check(
    status: int | None,
    latency: float,
    body: BodyFault | None,
    drop: bool,
    times: int | None,
    rate: float,
) -> None:
    effects = [status is not None, body is not None, drop]
    if sum(effects) > 1:
        raise ValueError("choose one of status, body and drop per fault")
    if not any(effects) and latency <= 0:
        raise ValueError("a fault needs a status, body, drop or latency")
    if status is not None and not 400 <= status <= 599:
        raise ValueError("status must be a 4xx or 5xx code")
    if body not in (None, "malformed", "truncated"):
        raise ValueError("body must be 'malformed' or 'truncated'")
    if times is not None and times < 1:
        raise ValueError("times must be at least 1")
    if not 0.0 < rate <= 1.0:
        raise ValueError("rate must be in (0, 1]")
    if latency < 0:
        raise ValueError("latency must not be negative")
