"""The one place that sends requests: encoding, retries, errors, decoding.

Services describe a call (method, path, query, body, how to parse the JSON);
the requester does everything else:

* paths are built from percent-encoded segments (``path()``), so an id can
  never reach another endpoint;
* query values are encoded the API's way (booleans ``true``/``false``,
  lists as repeated keys, datetimes RFC 3339), ``None`` is never sent;
* retries: failures to connect (nothing was sent) for every method; 429,
  502, 503, 504 and read-side network failures only for idempotent calls
  (GETs, and POSTs a service marks as safe to repeat); exponential backoff
  with jitter, ``Retry-After`` honoured up to a cap;
* every error becomes an exception of ``errors.py``; a body that is not the
  JSON promised becomes ``ResponseDecodeError``;
* admission: each attempt first takes one of the client's connection slots
  (``Slots``, a FIFO capacity limiter sized to the pool), so the HTTP pool
  never holds a queue; the token is stamped after that, at send time.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import logging
import math
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Final, TypeVar
from urllib.parse import quote, quote_plus

import anyio
import httpx
import orjson

from ._urls import request_url
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)

__all__ = ["Requester", "RetryPolicy", "Slots", "encode_query", "path"]

R = TypeVar("R")
logger = logging.getLogger("hms_async")

_RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})
_STATUS_ERRORS: Final[Mapping[int, type[APIError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout)
_NEVER_RETRY: Final = (httpx.PoolTimeout, httpx.UnsupportedProtocol)
_CLOSED: Final = (
    "this HMSClient is closed (aclose() or the end of its `async with`); "
    "create a new client"
)
_RETRY_AFTER_TEXT: Final = re.compile(r"retry after (\d+(?:\.\d+)?) ?s", re.IGNORECASE)
_JWT: Final = re.compile(r"eyJ[\w-]*(?:\.[\w-]*)*")
"""A JWT, or any cut-off part of one (a truncated excerpt must not leak claims)."""
_DECODE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError, IndexError)
_DEFAULT: Final[Any] = object()
_PLAIN_SEGMENT: Final = re.compile(r"[\w.~-]*[^\W.][\w.~-]*", re.ASCII)
"""A segment ``quote`` leaves as it is and not only dots."""


def path(*segments: str) -> str:
    """Join path segments, percent-encoding each one completely.

    ``/``, ``?``, ``#`` and ``%`` are encoded, and a segment of only dots is
    encoded too, so no id can climb out of its endpoint. An empty segment is
    a ``ValueError``.
    """
    parts = []
    for segment in segments:
        if type(segment) is str and _PLAIN_SEGMENT.fullmatch(segment):
            parts.append(segment)  # what quote() would give: nothing to encode
            continue
        if not isinstance(segment, str):
            raise TypeError(f"a path id must be a string, got {type(segment).__name__}")
        if not segment:
            raise ValueError("a path id must not be empty")
        encoded = quote(segment, safe="")
        if set(encoded) == {"."}:
            encoded = encoded.replace(".", "%2E")
        parts.append(encoded)
    return "/".join(parts)


def _query_value(value: object) -> str | list[str]:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        from ._serde import format_datetime  # models, and cattrs, on first use

        return format_datetime(value)
    if isinstance(value, list | tuple):
        return [v for item in value for v in [_query_value(item)] if isinstance(v, str)]
    return str(value)


def encode_query(params: Mapping[str, Any] | None) -> dict[str, str | list[str]]:
    """Encode query parameters the API's way; ``None`` values are dropped."""
    if not params:
        return {}
    return {k: _query_value(v) for k, v in params.items() if v is not None}


def _quote_plus(text: str) -> str:
    # ASCII letters and digits are what quote_plus() leaves alone: skip it.
    return text if text.isascii() and text.isalnum() else quote_plus(text)


def query_string(query: Mapping[str, str | list[str]]) -> str:
    """An encoded query as ``urlencode`` writes its pairs, lists as repeated keys."""
    return "&".join(
        f"{_quote_plus(k)}={_quote_plus(item)}"
        for k, v in query.items()
        for item in (v if isinstance(v, list) else (v,))
    )


def _redact(text: str) -> str:
    return _JWT.sub("<redacted token>", text)


def _excerpt(response: httpx.Response) -> str:
    # Redact before cutting, so a token across the cut is still recognised.
    return _redact(response.content[:2000].decode("utf-8", "replace"))[:200]


def _retry_after_header(response: httpx.Response) -> float | None:
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
    seconds = _retry_after_header(response)
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
        _redact(message) if isinstance(message, str) and message else reason,
        [_redact(str(d)) for d in details],
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


class RetryPolicy:
    """How often and how long to wait before sending a call again."""

    def __init__(
        self,
        max_retries: int = 2,
        *,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 60.0,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self._random = random.Random()  # noqa: S311 - jitter, not security

    def __repr__(self) -> str:
        return f"<RetryPolicy max_retries={self.max_retries}>"

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry ``attempt`` (1-based); ``None``: give up."""
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        wait = min(self.max_backoff, self.backoff * 2.0 ** (attempt - 1))
        jitter: float = self._random.uniform(0.75, 1.0)
        return wait * jitter


def _decode_errors() -> tuple[type[Exception], ...]:
    # cattrs is imported with the models (not with the client): if it is not
    # loaded, nothing raised one of its errors.
    cattrs = sys.modules.get("cattrs")
    if cattrs is None:
        return _DECODE_ERRORS
    return (*_DECODE_ERRORS, cattrs.BaseValidationError)


_READ = httpx.ByteStream(b"")


def _decode(response: httpx.Response, parse: Callable[[Any], R]) -> R:
    content = response.content
    if response.is_closed:
        # httpx binds a sent response's stream back to the response: a
        # reference cycle, so every response (its body included) would wait
        # for the cyclic garbage collector, and streaming memory would rise
        # and fall with it. The body is read and the stream closed: drop it.
        response.stream = _READ
    try:
        body = orjson.loads(content) if content else None
    except orjson.JSONDecodeError:
        raise ResponseDecodeError(
            "the response is not JSON",
            status_code=response.status_code,
            excerpt=_excerpt(response),
        ) from None
    try:
        return parse(body)
    except Exception as exc:
        if not isinstance(exc, _decode_errors()):
            raise
        raise ResponseDecodeError(
            f"the response does not have the expected shape ({type(exc).__name__}: "
            f"{_redact(str(exc))[:120]})",
            status_code=response.status_code,
            excerpt=_excerpt(response),
        ) from None  # the cause's text may quote the body (a token) unredacted


class Slots:
    """A client's connection slots and its closed flag, shared by its views.

    A FIFO, cancellation-safe capacity limiter: an attempt holds a slot while
    it is sent and its body read, so at most ``size`` requests reach the HTTP
    pool at once and the rest wait here, in order, in O(1) each.
    """

    __slots__ = ("closed", "limiter", "size")

    def __init__(self, size: int) -> None:
        if type(size) is not int or size < 1:
            raise ValueError(
                f"max_connections must be an int of 1 or more, got {size!r}"
            )
        self.size = size
        self.limiter = anyio.CapacityLimiter(size)
        self.closed = False
        """Set by the owning client's ``aclose()``: every call then fails."""

    def __repr__(self) -> str:
        return f"<Slots size={self.size} closed={self.closed}>"


class _Call:
    """One call's place in the slot queue and its deadline (monotonic time)."""

    __slots__ = ("deadline_at", "queued")

    def __init__(self, deadline_at: float) -> None:
        self.deadline_at = deadline_at
        self.queued = False


class Requester:
    """Sends every call of a client through one pipeline."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        auth: httpx.Auth,
        retry: RetryPolicy,
        headers: Mapping[str, str],
        slots: Slots | None = None,
    ) -> None:
        self._http = http
        self._slots = slots or Slots(100)
        self._base_url = base_url.rstrip("/") + "/"
        self._auth = auth
        self._retry = retry
        self._headers = dict(headers)
        self._timeout: httpx.Timeout | None = None
        self._deadline: float | None = None
        self.sleep: Callable[[float], Awaitable[None]] = anyio.sleep
        """How the requester waits between attempts (tests replace it)."""

    def __repr__(self) -> str:
        return f"<Requester base_url={self._base_url!r}>"

    def with_options(
        self,
        *,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> Requester:
        """A requester on the same pool, slots and auth, other retries or timeout."""
        view = copy.copy(self)
        view._retry = retry or self._retry
        view._timeout = timeout or self._timeout
        return view

    def set_deadline(self, seconds: float | None) -> None:
        """Bound each call, retries and waits included (``None``: no bound)."""
        if seconds is not None and not seconds > 0:
            raise ValueError(f"deadline must be more than 0 seconds, got {seconds}")
        self._deadline = seconds

    def close(self) -> None:
        """Refuse every call from now on, and stop those in flight (``aclose()``)."""
        self._slots.closed = True

    @property
    def closed(self) -> bool:
        """Whether the client (or the HTTP client under it) is closed."""
        return self._slots.closed or self._http.is_closed

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        parse: Callable[[Any], R],
        idempotent: bool | None = None,
        auth: httpx.Auth | None = _DEFAULT,
        base_url: str | None = None,
        read_timeout: float | None = None,
    ) -> R:
        """Send one call, retrying what is safe to retry, and parse its JSON.

        ``read_timeout`` overrides the client's read timeout for this call.
        """
        if self.closed:
            raise ClientClosedError(_CLOSED)
        url = (base_url or self._base_url).rstrip("/") + "/" + path.lstrip("/")
        headers = dict(self._headers)
        content = None
        if json is not None or method == "POST":
            content = orjson.dumps({} if json is None else json)
            headers["Content-Type"] = "application/json"
        extra: dict[str, Any] = {}
        if self._timeout is not None:
            extra["timeout"] = self._timeout
        if read_timeout is not None:  # one slow call, e.g. a SIP call that rings
            base = self._timeout or self._http.timeout
            extra["timeout"] = httpx.Timeout(
                connect=base.connect,
                read=read_timeout,
                write=base.write,
                pool=base.pool,
            )
        query: dict[str, str | list[str]] | None = encode_query(params) or None
        target: str | httpx.URL = url
        if "?" not in url and not self._http.params:
            # The URL built once, with its query, instead of parsed three
            # times (join, parse, merge the params): what httpx would build.
            raw_query = query_string(query) if query else None
            target = request_url(base_url or self._base_url, path, raw_query)
            query = None
        request = self._http.build_request(
            method,
            target,
            params=query,
            content=content,
            headers=headers or None,
            **extra,
        )
        safe = method == "GET" if idempotent is None else idempotent
        auth = self._auth if auth is _DEFAULT else auth
        if self._deadline is None:
            response = await self._send(request, path, safe, auth, _Call(math.inf))
        else:
            response = await self._send_by(self._deadline, request, path, safe, auth)
        return _decode(response, parse)

    async def _send_by(
        self,
        deadline: float,
        request: httpx.Request,
        path: str,
        safe: bool,
        auth: httpx.Auth | None,
    ) -> httpx.Response:
        """Send within ``deadline`` seconds, every attempt and wait included."""
        with anyio.move_on_after(deadline) as scope:
            call = _Call(scope.deadline)
            return await self._send(request, path, safe, auth, call)
        where = f"{request.method} /{path.lstrip('/')}"
        if call.queued:
            raise APITimeoutError(
                f"{where}: still waiting for one of the client's "
                f"{self._slots.size} connection slots (max_connections) when "
                f"the {deadline:g} s deadline passed"
            )
        raise APITimeoutError(
            f"{where}: no answer within the {deadline:g} s deadline (retries included)"
        )

    async def _send(
        self,
        request: httpx.Request,
        path: str,
        safe: bool,
        auth: httpx.Auth | None,
        call: _Call,
    ) -> httpx.Response:
        method = request.method
        deadline_at = call.deadline_at
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = await self._attempt(request, path, auth, call)
            except httpx.RequestError as exc:  # transport errors, a bad encoding
                retryable = isinstance(exc, _NOT_SENT) or (
                    safe and not isinstance(exc, _NEVER_RETRY)
                )
                wait = self._wait(attempt, None, deadline_at) if retryable else None
                self._log(method, path, type(exc).__name__, attempt, started)
                if wait is None:
                    raise _connection_error(exc, method, path) from exc
                await self.sleep(wait)
                continue
            self._log(method, path, response.status_code, attempt, started)
            if response.status_code < 400:
                return response
            error = error_for(response, method, path)
            if not (safe and response.status_code in _RETRY_STATUSES):
                raise error
            retry_after = (
                error.retry_after
                if isinstance(error, RateLimitError)
                else _retry_after_header(response)  # a 503 may carry one too
            )
            wait = self._wait(attempt, retry_after, deadline_at)
            if wait is None:
                raise error
            await response.aclose()
            await self.sleep(wait)

    async def _attempt(
        self, request: httpx.Request, path: str, auth: httpx.Auth | None, call: _Call
    ) -> httpx.Response:
        """Send once, holding a connection slot until the body is read."""
        limiter = self._slots.limiter
        try:
            limiter.acquire_on_behalf_of_nowait(call)
        except anyio.WouldBlock:
            await self._queue(request, path, call)
        try:
            if self.closed:
                raise ClientClosedError(_CLOSED)
            return await self._http.send(request, auth=auth or httpx.USE_CLIENT_DEFAULT)
        except Exception as exc:
            if self.closed and not isinstance(exc, ClientClosedError):
                raise ClientClosedError(
                    f"{request.method} /{path.lstrip('/')}: the HMSClient was "
                    "closed while this call was in flight"
                ) from exc
            raise
        finally:
            limiter.release_on_behalf_of(call)

    async def _queue(self, request: httpx.Request, path: str, call: _Call) -> None:
        """Wait in line for a slot, within the pool timeout and the deadline."""
        pool = request.extensions.get("timeout", {}).get("pool")
        call.queued = True
        if pool is None or anyio.current_time() + pool >= call.deadline_at:
            await self._slots.limiter.acquire_on_behalf_of(call)  # deadline bounds it
        else:
            with anyio.move_on_after(pool) as scope:
                await self._slots.limiter.acquire_on_behalf_of(call)
            if scope.cancelled_caught:
                raise APITimeoutError(
                    f"{request.method} /{path.lstrip('/')}: no connection slot free "
                    f"within the {pool:g} s pool timeout ({self._slots.size} "
                    "slots, max_connections, all busy)"
                )
        call.queued = False

    def _wait(
        self, attempt: int, retry_after: float | None, deadline_at: float
    ) -> float | None:
        """Seconds to wait before the next attempt; ``None``: raise what we have.

        A wait that would end past the deadline is not started: the caller
        gets the real error now rather than a timeout later.
        """
        if attempt > self._retry.max_retries:
            return None
        wait = self._retry.delay(attempt, retry_after)
        past_deadline = (
            wait is not None
            and deadline_at != math.inf
            and anyio.current_time() + wait >= deadline_at
        )
        return None if past_deadline else wait

    @staticmethod
    def _log(
        method: str, path: str, outcome: object, attempt: int, started: float
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug(
                "%s /%s -> %s (attempt %d, %.1f ms)",
                method,
                path.lstrip("/"),
                outcome,
                attempt,
                elapsed,
            )


def _connection_error(
    exc: httpx.RequestError, method: str, path: str
) -> APIConnectionError:
    where = f"{method} /{path.lstrip('/')}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{where}: {type(exc).__name__} (the request timed out)")
    return APIConnectionError(
        f"{where}: {type(exc).__name__}: {_redact(str(exc))[:200]}"
    )


def unwrap(key: str, parse: Callable[[Any], R]) -> Callable[[Any], R]:
    """A parser for a model wrapped in ``{key: ...}``."""
    return lambda body: parse(body[key])


_PARSERS: dict[object, Callable[[Any], Any]] = {}
"""The parsers of ``model`` and ``model_list``, built once per model (and key).

Services ask for them at call time, when every model module, and so every
hook a module registers for its own models, is loaded."""


def model(cls: type[R]) -> Callable[[Any], R]:
    """A parser that structures the body into ``cls``."""
    parse = _PARSERS.get(cls)
    if parse is None:
        from ._serde import parser

        parse = _PARSERS[cls] = parser(cls)
    return parse


def model_list(cls: type[R], key: str | None = "data") -> Callable[[Any], list[R]]:
    """A parser for a list of ``cls`` (under ``key``, or the body itself)."""
    parse = _PARSERS.get((cls, key))
    if parse is None:
        parse = _PARSERS[(cls, key)] = _list_of(cls, key)
    return parse


def _list_of(cls: type[R], key: str | None) -> Callable[[Any], list[R]]:
    from ._serde import list_parser

    many = list_parser(model(cls))

    def parse(body: Any) -> list[R]:
        items = body if key is None else body[key]
        if items is None:
            return []
        if type(items) is not list:
            raise TypeError(f"expected a JSON array, got {type(items).__name__}")
        return many(items)

    return parse


def ignore(_body: Any) -> None:
    """A parser for calls whose response carries nothing of use."""


def as_json(body: Any) -> Any:
    """A parser that returns the decoded JSON as it is."""
    return body


def as_sequence(value: Sequence[str] | None) -> list[str] | None:
    """A list copy of a sequence argument, or ``None``."""
    return None if value is None else list(value)
