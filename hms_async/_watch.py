"""One call, watched: its event hooks, its span, its attempts.

The send loop hands a ``Watch`` each step of a call when something looks at
it (event hooks, a tracer, ``with_raw_response``); a call nothing looks at
has none, and the loop only tests it for ``None``.

Hooks never see the management token: each is given a copy of the request
(or of the response, whose request is a copy) with ``Authorization`` masked.
A hook that raises ends the call with its own exception, never retried;
raised for a retry, the error that caused the retry is its ``__context__``.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Final

import httpx

from . import _compat
from ._hooks import EventHooks
from ._tracing import Span

__all__ = ["MASKED", "Watch", "masked_request", "masked_response"]

MASKED: Final = "Bearer <redacted token>"
"""What a hook, a span or a raw response sees of the token."""


def masked_request(request: httpx.Request, *, token: bool) -> httpx.Request:
    """A copy of ``request`` whose ``Authorization`` (present, or to be
    stamped at send time when ``token``) reads ``MASKED``."""
    headers = request.headers.copy()
    if token or "authorization" in headers:
        headers["Authorization"] = MASKED
    return httpx.Request(
        request.method,
        request.url,
        headers=headers,
        stream=request.stream,
        extensions=dict(request.extensions),
    )


def masked_response(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """A read copy of ``response`` whose request is ``request`` (a masked one).

    httpx's own copy (what pickling keeps: the body, the elapsed time; no
    stream), with headers and extensions of its own.
    """
    answer = copy.copy(response)
    answer.headers = response.headers.copy()
    answer.extensions = dict(response.extensions)
    answer.request = request
    return answer


class Watch:
    """What one call reports as it goes: to hooks, to its span, to its caller."""

    __slots__ = ("_masked", "_token", "hooks", "retries", "span", "started", "status")

    def __init__(self, hooks: EventHooks | None, *, token: bool) -> None:
        self.hooks = hooks
        self.span: Span | None = None
        self.retries = 0
        """Attempts after the first."""
        self.started = time.perf_counter()
        self.status: int | None = None
        """The status of the current attempt's answer, if it got one."""
        self._token = token
        self._masked: httpx.Request | None = None

    def trace(self, tracer: Any, request: httpx.Request, template: str) -> None:
        """Open the call's span (current until ``end``)."""
        self.span = Span(tracer, request, template)

    def masked(self, request: httpx.Request) -> httpx.Request:
        """The request as hooks see it (made once per attempt)."""
        if self._masked is None:
            self._masked = masked_request(request, token=self._token)
        return self._masked

    def attempt(self) -> None:
        """A new attempt begins (no answer yet; the token may be signed anew)."""
        self._masked = None
        self.status = None

    async def sending(self, request: httpx.Request) -> None:
        """Before an attempt: the ``request`` hooks."""
        hooks = self.hooks
        if hooks is not None and hooks.request:
            await _compat.call_hooks(hooks.request, self.masked(request))

    async def answered(self, response: httpx.Response) -> None:
        """After an attempt that got an answer (any status, which the send
        loop has recorded in ``status``): the ``response`` hooks."""
        hooks = self.hooks
        if hooks is not None and hooks.response:
            copy = masked_response(response, self.masked(response.request))
            await _compat.call_hooks(hooks.response, copy)

    async def retrying(self, attempt: int, wait: float, cause: object) -> None:
        """Before the wait of a retry: the span's event and the ``retry`` hooks.

        ``cause`` is the answer (an ``httpx.Response``) or the SDK's error
        that made attempt ``attempt`` fail.
        """
        self.retries += 1
        if self.span is not None:
            self.span.retry(attempt, wait, cause)
        hooks = self.hooks
        if hooks is None or not hooks.retry:
            return
        if isinstance(cause, httpx.Response):
            cause = masked_response(cause, self.masked(cause.request))
        try:
            await _compat.call_hooks(hooks.retry, attempt, wait, cause)
        except Exception as exc:
            # Raised while the transport's error was being handled, Python
            # chains that one; the SDK's error (whose cause it is) says more.
            if isinstance(cause, BaseException) and exc.__context__ in (
                None,
                cause.__cause__,
            ):
                exc.__context__ = cause
            raise

    def end(self, error: BaseException | None) -> None:
        """The call is over (``error``: how it failed): close its span."""
        if self.span is not None:
            self.span.end(self.retries, self.status, error)
