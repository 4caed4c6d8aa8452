"""OpenTelemetry: one client span per call, when the application traces.

Nothing here imports OpenTelemetry. A call is traced only when the
application has imported ``opentelemetry.trace`` (the ``otel`` extra) and
set a tracer provider other than the API's default proxy; otherwise a call
pays one ``sys.modules`` lookup (and, with the API imported but no provider
set, the API's own ``get_tracer_provider()``).

A span is named ``{method} /{template}`` (``GET /rooms/{room_id}``), never
by an id, and carries the HTTP semantic-convention attributes
``http.request.method``, ``url.template``, ``server.address`` (and
``server.port`` when the URL names one), ``http.response.status_code``,
``error.type`` on failure, and ``hms.retries``; each retry is an event
``hms.retry`` with its attempt, its cause and its wait. The span is the
current one while the call runs, so spans made under it (httpx's own
instrumentation, one per attempt) are its children.
"""

from __future__ import annotations

import sys
from typing import Any, Final

import httpx

from ._version import __version__
from .errors import APIError, HMSError

__all__ = ["OTEL", "Span", "tracer"]

OTEL: Final = "opentelemetry.trace"
"""The module whose presence in ``sys.modules`` means the app may trace."""


class _Found:
    """The provider last seen, and the tracer (or ``None``) it gives."""

    __slots__ = ("provider", "tracer")

    def __init__(self) -> None:
        self.provider: object = None
        self.tracer: Any = None


_FOUND: Final = _Found()


def tracer(trace: Any) -> Any:
    """The SDK's tracer under the global provider, ``None`` if none is set.

    ``trace`` is the ``opentelemetry.trace`` module, already imported.
    """
    provider = trace.get_tracer_provider()
    if provider is not _FOUND.provider:
        _FOUND.provider = provider
        unset = isinstance(
            provider, trace.ProxyTracerProvider | trace.NoOpTracerProvider
        )
        _FOUND.tracer = None if unset else provider.get_tracer("hms_async", __version__)
    return _FOUND.tracer


class Span:
    """The span of one call: started current, ended once with its outcome."""

    __slots__ = ("_detach", "_span", "_token")

    def __init__(self, tracer: Any, request: httpx.Request, template: str) -> None:
        trace = sys.modules[OTEL]
        context = sys.modules["opentelemetry.context"]
        url = request.url
        route = "/" + template.lstrip("/")
        attributes: dict[str, Any] = {
            "http.request.method": request.method,
            "url.template": route,
            "server.address": url.host,
        }
        if url.port is not None:
            attributes["server.port"] = url.port
        self._span = tracer.start_span(
            f"{request.method} {route}",
            kind=trace.SpanKind.CLIENT,
            attributes=attributes,
        )
        self._token = context.attach(trace.set_span_in_context(self._span))
        self._detach = context.detach

    def retry(self, attempt: int, wait: float, cause: object) -> None:
        """Record a retry: the attempt that failed, why, and the wait before the next."""
        reason = (
            str(cause.status_code)
            if isinstance(cause, httpx.Response)
            else type(cause).__name__
        )
        self._span.add_event(
            "hms.retry",
            {
                "hms.retry.attempt": attempt,
                "hms.retry.cause": reason,
                "hms.retry.wait": wait,
            },
        )

    def end(
        self, retries: int, status: int | None, error: BaseException | None
    ) -> None:
        """End the span with the call's outcome and make it no longer current.

        ``status`` is the final attempt's HTTP status, if it got an answer.
        """
        span = self._span
        try:
            span.set_attribute("hms.retries", retries)
            if status is not None:
                span.set_attribute("http.response.status_code", status)
            if error is not None:
                self._failed(error, status)
        finally:
            try:
                span.end()
            finally:
                self._detach(self._token)

    def _failed(self, error: BaseException, status: int | None) -> None:
        trace = sys.modules[OTEL]
        kind = (
            str(status)
            if isinstance(error, APIError) and status is not None
            else type(error).__qualname__
        )
        self._span.set_attribute("error.type", kind)
        # The SDK's errors are redacted; another's message is the app's own.
        described = str(error) if isinstance(error, HMSError) else kind
        self._span.set_status(trace.Status(trace.StatusCode.ERROR, described))
        if isinstance(error, Exception):
            self._span.record_exception(error)
