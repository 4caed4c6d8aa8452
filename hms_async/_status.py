"""What an answer means: its error, its ``Retry-After``, its JSON.

* every error status becomes an exception of ``errors.py`` (``error_for``),
  with the API's ``code``, ``message`` and ``details`` read from the body;
* a failure to get an answer becomes ``APIConnectionError`` or
  ``APITimeoutError`` (``connection_error``);
* ``Retry-After`` is read as delta seconds or an HTTP date, or from the
  message of a 429 ("retry after 7s");
* a body is decoded into JSON (``load``) and parsed (``parse``); one that is
  not JSON, or not of the shape promised, becomes ``ResponseDecodeError``
  (the requester retries the first kind for a GET, never the second);
* nothing that may hold a token reaches an error's text unredacted.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import httpx
import orjson

from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)

__all__ = [
    "connection_error",
    "error_for",
    "load",
    "parse",
    "redact",
    "retry_after_header",
]

R = TypeVar("R")

_STATUS_ERRORS: Final[Mapping[int, type[APIError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}
_RETRY_AFTER_TEXT: Final = re.compile(r"retry after (\d+(?:\.\d+)?) ?s", re.IGNORECASE)
_JWT: Final = re.compile(r"eyJ[\w-]*(?:\.[\w-]*)*")
"""A JWT, or any cut-off part of one (a truncated excerpt must not leak claims)."""
_DECODE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError, IndexError)
_READ: Final = httpx.ByteStream(b"")


def redact(text: str) -> str:
    """``text`` with every JWT, or part of one, replaced."""
    return _JWT.sub("<redacted token>", text)


def _excerpt(response: httpx.Response) -> str:
    # Redact before cutting, so a token across the cut is still recognised.
    return redact(response.content[:2000].decode("utf-8", "replace"))[:200]


def retry_after_header(response: httpx.Response) -> float | None:
    """Seconds from a ``Retry-After`` header (delta seconds or HTTP date)."""
    header = response.headers.get("retry-after")
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None  # unparseable: fall back to backoff
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - time.time())


def _parse_retry_after(response: httpx.Response, message: str) -> float | None:
    seconds = retry_after_header(response)
    if seconds is not None:
        return seconds
    match = _RETRY_AFTER_TEXT.search(message)
    return float(match.group(1)) if match else None


def _error_body(response: httpx.Response) -> tuple[int | None, str, list[str]]:
    reason = response.reason_phrase or "error"
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None, reason, []
    if type(body) is not dict:
        return None, reason, []
    code = body.get("code")
    message = body.get("message")
    details = body.get("details")
    if isinstance(details, str):
        details = [details]
    elif not isinstance(details, list):
        details = []
    return (
        code if type(code) is int else None,
        redact(message) if isinstance(message, str) and message else reason,
        [redact(str(d)) for d in details],
    )


def error_for(response: httpx.Response, method: str, path: str) -> APIError:
    """The exception for an error response."""
    status = response.status_code
    code, message, details = _error_body(response)
    fields: dict[str, Any] = {
        "status_code": status,
        "message": message,
        "code": code,
        "details": details,
        "method": method,
        "path": path,
        "response": response,
    }
    if status == 429:
        return RateLimitError(
            retry_after=_parse_retry_after(response, message), **fields
        )
    cls = _STATUS_ERRORS.get(status, ServerError if status >= 500 else APIError)
    return cls(**fields)


def connection_error(
    exc: httpx.RequestError, method: str, path: str
) -> APIConnectionError:
    """The exception for a call that got no answer."""
    where = f"{method} /{path.lstrip('/')}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{where}: {type(exc).__name__} (the request timed out)")
    return APIConnectionError(
        f"{where}: {type(exc).__name__}: {redact(str(exc))[:200]}"
    )


def load(response: httpx.Response) -> Any:
    """The JSON of a read response (``None`` for an empty body).

    Raises:
        ResponseDecodeError: The body is not JSON (cut short or garbled).
    """
    content = response.content
    if response.is_closed:
        # httpx binds a sent response's stream back to the response: a
        # reference cycle, so every response (its body included) would wait
        # for the cyclic garbage collector, and streaming memory would rise
        # and fall with it. The body is read and the stream closed: drop it.
        response.stream = _READ
    try:
        return orjson.loads(content) if content else None
    except orjson.JSONDecodeError:
        raise ResponseDecodeError(
            "the response is not JSON",
            status_code=response.status_code,
            excerpt=_excerpt(response),
        ) from None


def _decode_errors() -> tuple[type[Exception], ...]:
    # cattrs is imported with the models (not with the client): if it is not
    # loaded, nothing raised one of its errors.
    cattrs = sys.modules.get("cattrs")
    if cattrs is None:
        return _DECODE_ERRORS
    return (*_DECODE_ERRORS, cattrs.BaseValidationError)


def parse(response: httpx.Response, body: Any, parser: Callable[[Any], R]) -> R:
    """``parser(body)``; a body not of the shape promised is ``ResponseDecodeError``."""
    try:
        return parser(body)
    except Exception as exc:
        if not isinstance(exc, _decode_errors()):
            raise
        raise ResponseDecodeError(
            f"the response does not have the expected shape ({type(exc).__name__}: "
            f"{redact(str(exc))[:120]})",
            status_code=response.status_code,
            excerpt=_excerpt(response),
        ) from None  # the cause's text may quote the body (a token) unredacted
