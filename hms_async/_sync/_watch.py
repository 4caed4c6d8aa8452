# Generated from hms_async/_watch.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
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

import time
from typing import Any

import httpx

from hms_async._hooks import EventHooks
from hms_async._sync import _compat
from hms_async._tracing import Span
from hms_async._watch import masked_request, masked_response

__all__ = ["Watch"]


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

    def sending(self, request: httpx.Request) -> None:
        """Before an attempt: the ``request`` hooks."""
        hooks = self.hooks
        if hooks is not None and hooks.request:
            _compat.call_hooks(hooks.request, self.masked(request))

    def answered(self, response: httpx.Response) -> None:
        """After an attempt that got an answer (any status, which the send
        loop has recorded in ``status``): the ``response`` hooks."""
        hooks = self.hooks
        if hooks is not None and hooks.response:
            copy = masked_response(response, self.masked(response.request))
            _compat.call_hooks(hooks.response, copy)

    def retrying(self, attempt: int, wait: float, cause: object) -> None:
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
            _compat.call_hooks(hooks.retry, attempt, wait, cause)
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
