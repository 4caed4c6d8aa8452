# Generated from hms_async/_requester.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""The one place that sends requests: the send loop and its retries.

Services describe a call (method, path, query, body, how to parse the JSON:
``_encoding``, ``_parsers``); the requester sends it and does the rest:

* retries: failures to connect (nothing was sent) for every method; 429,
  502, 503, 504 and read-side network failures only for idempotent calls
  (GETs, and POSTs a service marks as safe to repeat); exponential backoff
  with jitter (``_retry``), ``Retry-After`` honoured up to a cap; a GET
  whose 2xx body is not JSON (cut short or garbled in transit) is retried
  like a dropped connection;
* every error becomes an exception of ``errors.py``, and a body that is not
  the JSON promised ``ResponseDecodeError`` (``_status``);
* admission: each attempt first takes one of the client's connection slots
  (``_slots``, a FIFO capacity limiter sized to the pool), so the HTTP pool
  never holds a queue; the token is stamped after that, at send time;
* the deadline: one bound over a call's attempts and waits;
* the caller's per-call options (``_call_options``), laid over the call;
* for a call that event hooks, a tracer or ``with_raw_response`` look at, a
  ``Watch`` (``_watch``) told of each attempt, answer and retry; a call that
  nothing looks at pays one test for it.
"""

from __future__ import annotations

import copy
import logging
import math
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import httpx
import orjson

from hms_async._call_options import Extras
from hms_async._call_options import extras as apply_options
from hms_async._encoding import encode_query, path, query_string
from hms_async._requester import (
    _DEFAULT,
    _MODULES,
    _NEVER_RETRY,
    _NOT_SENT,
    _RETRY_STATUSES,
    R,
    logger,
)
from hms_async._retry import RetryPolicy, allowed_retries
from hms_async._slots import Call
from hms_async._status import connection_error, error_for, load, retry_after_header
from hms_async._status import parse as parse_json
from hms_async._sync import _compat
from hms_async._sync._retry import pause
from hms_async._sync._slots import Slots
from hms_async._tracing import OTEL, tracer
from hms_async._urls import request_url
from hms_async.errors import (
    APITimeoutError,
    ClientClosedError,
    RateLimitError,
    ResponseDecodeError,
)

if TYPE_CHECKING:  # loaded when a call is watched: hooks, a tracer, raw
    from hms_async._hooks import EventHooks
    from hms_async._sync._watch import Watch

__all__ = ["Requester"]

_CLOSED: Final = (
    "this SyncHMSClient is closed (close() or the end of its `with`); "
    "create a new client"
)


class Requester:
    """Sends every call of a client through one pipeline."""

    def __init__(
        self,
        http: httpx.Client,
        *,
        base_url: str,
        auth: httpx.Auth,
        retry: RetryPolicy,
        headers: Mapping[str, str],
        slots: Slots | None = None,
        hooks: EventHooks | None = None,
    ) -> None:
        self._http = http
        self._hooks = hooks or None  # no hook at all: None, one cheap test
        self._slots = slots or Slots(100)
        self._base_url = base_url.rstrip("/") + "/"
        self._auth = auth
        self._retry = retry
        self._headers = dict(headers)
        self._timeout: httpx.Timeout | None = None
        self._deadline: float | None = None

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
        """Refuse every call from now on, and stop those in flight (``close()``)."""
        self._slots.closed = True

    @property
    def closed(self) -> bool:
        """Whether the client (or the HTTP client under it) is closed."""
        return self._slots.closed or self._http.is_closed

    def request(
        self,
        method: str,
        template: str,
        *ids: str,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        parse: Callable[[Any], R],
        idempotent: bool | None = None,
        auth: httpx.Auth | None = _DEFAULT,
        base_url: str | None = None,
        read_timeout: float | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> R:
        """Send one call, retrying what is safe to retry, and parse its JSON.

        ``template`` is the endpoint (``"rooms/{room_id}"``), filled with
        ``ids`` by ``path()``; ``options`` the caller's per-call options
        (``_call_options``). ``read_timeout`` overrides the client's read
        timeout for this call (a per-call ``timeout`` overrides both).
        """
        if self.closed:
            raise ClientClosedError(_CLOSED)
        url_path = path(template, *ids) if ids else template
        headers = dict(self._headers)
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
        extras = None
        if options:
            extras = apply_options(
                options, method, f"{method} {template}", params, json
            )
            params, json = extras.params, extras.json
            if extras.headers:
                headers.update(extras.headers)
            if extras.timeout is not None:
                extra["timeout"] = extras.timeout
        content = None
        if json is not None or method == "POST":
            content = orjson.dumps({} if json is None else json)
            headers["Content-Type"] = "application/json"
        query: dict[str, str | list[str]] | None = encode_query(params) or None
        url = (base_url or self._base_url).rstrip("/") + "/" + url_path.lstrip("/")
        target: str | httpx.URL = url
        if "?" not in url and not self._http.params:
            # The URL built once, with its query, instead of parsed three
            # times (join, parse, merge the params): what httpx would build.
            raw_query = query_string(query) if query else None
            target = request_url(base_url or self._base_url, url_path, raw_query)
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
        watch = None
        if extras is not None or self._hooks is not None or OTEL in _MODULES:
            watch = self._watch(extras, request, template, token=auth is not None)
        if watch is None:  # nothing looks on: the plain send
            response, body = self._send_all(request, url_path, safe, auth, None)
            return parse_json(response, body, parse)
        response, body = self._watched(watch, request, url_path, safe, auth)
        capture = extras.raw if extras is not None else None
        if capture is None:
            return parse_json(response, body, parse)
        from hms_async._raw import RawResponse

        capture.raw = RawResponse(
            response,
            body,
            parse,
            request=watch.masked(request),
            retries=watch.retries,
            elapsed=time.perf_counter() - watch.started,
        )
        return None  # type: ignore[return-value]  # with_raw_response reads the capture

    def _watch(
        self,
        extras: Extras | None,
        request: httpx.Request,
        template: str,
        *,
        token: bool,
    ) -> Watch | None:
        """A watch for a call that hooks, a tracer or a raw capture look at,
        its span started; ``None`` if nothing does (options alone, or the
        app's OpenTelemetry imported without a provider set)."""
        traced = tracer(_MODULES[OTEL]) if OTEL in _MODULES else None
        raw = extras is not None and extras.raw is not None
        if not raw and self._hooks is None and traced is None:
            return None
        from hms_async._sync._watch import Watch

        watch = Watch(self._hooks, token=token)
        if traced is not None:
            watch.trace(traced, request, template)
        return watch

    def _watched(
        self,
        watch: Watch,
        request: httpx.Request,
        url_path: str,
        safe: bool,
        auth: httpx.Auth | None,
    ) -> tuple[httpx.Response, Any]:
        """Send with ``watch`` looking on; end its span with the outcome."""
        try:
            response, body = self._send_all(request, url_path, safe, auth, watch)
        except BaseException as exc:
            watch.end(exc)
            raise
        watch.end(None)
        return response, body

    def _send_all(
        self,
        request: httpx.Request,
        path: str,
        safe: bool,
        auth: httpx.Auth | None,
        watch: Watch | None,
    ) -> tuple[httpx.Response, Any]:
        """Send within the client's deadline, if it has one.

        A plain function that hands back the chosen send itself, so the plain
        path in ``request()`` and the watched one share it at no extra layer.
        """
        if self._deadline is None:
            return self._send(request, path, safe, auth, Call(math.inf), watch)
        return self._send_by(self._deadline, request, path, safe, auth, watch)

    def _send_by(
        self,
        deadline: float,
        request: httpx.Request,
        path: str,
        safe: bool,
        auth: httpx.Auth | None,
        watch: Watch | None,
    ) -> tuple[httpx.Response, Any]:
        """Send within ``deadline`` seconds, every attempt and wait included."""
        with _compat.move_on_after(deadline) as scope:
            call = Call(scope.deadline)
            return self._send(request, path, safe, auth, call, watch)
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

    def _send(
        self,
        request: httpx.Request,
        path: str,
        safe: bool,
        auth: httpx.Auth | None,
        call: Call,
        watch: Watch | None,
    ) -> tuple[httpx.Response, Any]:
        """Send until an answer may be kept; return it and its JSON.

        With a ``watch``, each attempt is reported to it: before it is sent,
        when it is answered, and before the wait of a retry. What a hook
        raises there is raised as it is: it is not an attempt's failure.
        """
        method = request.method
        deadline_at = call.deadline_at
        attempt = 0
        while True:
            attempt += 1
            if watch is not None:
                watch.attempt()
                if watch.hooks is not None:
                    watch.sending(request)
            started = time.perf_counter()
            try:
                response = self._attempt(request, path, auth, call)
            except httpx.RequestError as exc:  # transport errors, a bad encoding
                retryable = isinstance(exc, _NOT_SENT) or (
                    safe and not isinstance(exc, _NEVER_RETRY)
                )
                wait = self._wait(attempt, None, deadline_at) if retryable else None
                self._log(method, path, type(exc).__name__, attempt, started)
                if wait is None:
                    raise connection_error(exc, method, path) from exc
                if watch is not None:
                    failure = connection_error(exc, method, path)
                    failure.__cause__ = exc
                    watch.retrying(attempt, wait, failure)
                pause(wait)
                continue
            if watch is not None:
                watch.status = response.status_code
                if watch.hooks is not None:
                    watch.answered(response)
            status = response.status_code
            if status < 400:
                try:
                    body = load(response)
                except ResponseDecodeError as decode_error:
                    # Damaged in transit: a GET is sent again, as after a
                    # dropped connection (a POST may have been applied).
                    self._log(
                        method, path, f"{status}, body not JSON", attempt, started
                    )
                    if not (safe and method == "GET"):
                        raise
                    wait = self._wait(attempt, None, deadline_at)
                    if wait is None:
                        raise
                    if watch is not None:
                        watch.retrying(attempt, wait, decode_error)
                    pause(wait)
                    continue
                self._log(method, path, status, attempt, started)
                return response, body
            self._log(method, path, status, attempt, started)
            error = error_for(response, method, path)
            if not (safe and response.status_code in _RETRY_STATUSES):
                raise error
            retry_after = (
                error.retry_after
                if isinstance(error, RateLimitError)
                else retry_after_header(response)  # a 503 may carry one too
            )
            wait = self._wait(attempt, retry_after, deadline_at)
            if wait is None:
                raise error
            if watch is not None:
                watch.retrying(attempt, wait, response)
            response.close()
            pause(wait)

    def _attempt(
        self, request: httpx.Request, path: str, auth: httpx.Auth | None, call: Call
    ) -> httpx.Response:
        """Send once, holding a connection slot until the body is read."""
        limiter = self._slots.limiter
        try:
            limiter.acquire_on_behalf_of_nowait(call)
        except _compat.WouldBlock:
            self._queue(request, path, call)
        try:
            if self.closed:
                raise ClientClosedError(_CLOSED)
            return _compat.send(
                self._http, request, auth=auth or httpx.USE_CLIENT_DEFAULT
            )
        except Exception as exc:
            if self.closed and not isinstance(exc, ClientClosedError):
                raise ClientClosedError(
                    f"{request.method} /{path.lstrip('/')}: the SyncHMSClient was "
                    "closed while this call was in flight"
                ) from exc
            raise
        finally:
            limiter.release_on_behalf_of(call)

    def _queue(self, request: httpx.Request, path: str, call: Call) -> None:
        """Wait in line for a slot, within the pool timeout and the deadline."""
        pool = request.extensions.get("timeout", {}).get("pool")
        call.queued = True
        if pool is None or _compat.current_time() + pool >= call.deadline_at:
            self._slots.limiter.acquire_on_behalf_of(call)  # deadline bounds it
        else:
            with _compat.move_on_after(pool) as scope:
                self._slots.limiter.acquire_on_behalf_of(call)
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
        if attempt > allowed_retries(self._retry):
            return None
        wait = self._retry.delay(attempt, retry_after)
        past_deadline = (
            wait is not None
            and deadline_at != math.inf
            and _compat.current_time() + wait >= deadline_at
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
