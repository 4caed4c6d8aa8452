"""Request, response and error types shared by the router, transport and server."""

from __future__ import annotations

import json
from typing import Any

import attrs

__all__ = [
    "ApiError",
    "FakeRequest",
    "Outcome",
    "RecordedRequest",
    "bad_request",
    "error_body",
    "forbidden",
    "json_outcome",
    "not_found",
]

JSON_HEADERS = (("content-type", "application/json"),)
_REDACTED = ("authorization", "cookie")
_SECRET_FIELDS = frozenset({"secret", "secretKey", "password", "token", "credentials"})


def _redact(headers: dict[str, str]) -> str:
    shown = {k: ("<redacted>" if k in _REDACTED else v) for k, v in headers.items()}
    return repr(shown)


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: "<redacted>" if k in _SECRET_FIELDS else _scrub(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _redact_json(value: Any) -> str:
    return repr(_scrub(value))


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One request the fake received, as tests see it.

    ``path`` is relative to ``/v2`` and starts with ``/`` (``"/rooms"``);
    ``query`` maps each key to every value sent for it; ``headers`` have lowercase
    names (the bearer token is hidden from ``repr``); ``json`` is the decoded body
    or ``None``.
    """

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str] = attrs.field(repr=_redact)
    json: Any = attrs.field(repr=_redact_json)


@attrs.frozen(kw_only=True)
class FakeRequest:
    """A request as the router sees it, whatever way it came in."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str] = attrs.field(repr=_redact)
    body: bytes = attrs.field(repr=False)

    def record(self) -> RecordedRequest:
        """Return the public, decoded view of this request."""
        query: dict[str, list[str]] = {}
        for key, value in self.query:
            query.setdefault(key, []).append(value)
        return RecordedRequest(
            method=self.method,
            path=self.path,
            query=query,
            headers=dict(self.headers),
            json=_try_json(self.body),
        )


def _try_json(body: bytes) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


@attrs.frozen(kw_only=True)
class Outcome:
    """What to send back: a response, possibly truncated, or no response at all."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = JSON_HEADERS
    body: bytes = b""
    drop: bool = False
    truncate_at: int | None = None


def json_outcome(status: int, payload: Any) -> Outcome:
    """Build a JSON response outcome (``None`` payload means an empty body)."""
    if payload is None:
        return Outcome(status=status, headers=(), body=b"")
    return Outcome(status=status, body=json.dumps(payload).encode())


class ApiError(Exception):
    """Raised by handlers; becomes an API error body ``{code, message, details}``."""

    def __init__(
        self,
        status: int,
        message: str,
        details: list[str] | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.headers = headers

    def outcome(self) -> Outcome:
        """Return the error response."""
        body = json.dumps(error_body(self.status, self.message, self.details))
        return Outcome(
            status=self.status,
            headers=JSON_HEADERS + self.headers,
            body=body.encode(),
        )


def error_body(status: int, message: str, details: list[str] | None) -> dict[str, Any]:
    """Return the API's error body."""
    body: dict[str, Any] = {"code": status, "message": message}
    if details is not None:
        body["details"] = details
    return body


def bad_request(detail: str, message: str = "Invalid body param") -> ApiError:
    """Return a 400 error whose details hold ``detail``."""
    return ApiError(400, message, [detail])


def not_found(what: str) -> ApiError:
    """Return a 404 error for a missing ``what``."""
    return ApiError(404, f"{what} not found", [f"{what} not found"])


def forbidden(detail: str) -> ApiError:
    """Return a 403 error."""
    return ApiError(403, detail, [detail])
