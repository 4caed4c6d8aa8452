# Generated from tests/test_tracing.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""OpenTelemetry: one client span per call (per page of a list), named by template."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from hms_async import APIConnectionError, NotFoundError, SyncHMSClient
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.sync.test_request_options import client_for, sent
from tests.test_endpoint_table import _arguments, _rows
from tests.test_event_hooks import HookFailed, fail, replies
from tests.test_request_options import ROOM, Recorder


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> TracerProvider:
    """An SDK tracer provider set as the global one for this test only."""
    provider = TracerProvider()
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
    return provider


@pytest.fixture
def exporter(provider: TracerProvider) -> Iterator[InMemorySpanExporter]:
    """The spans the global provider ends, in memory."""
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield exporter
    exporter.shutdown()


def only(exporter: InMemorySpanExporter) -> ReadableSpan:
    (span,) = exporter.get_finished_spans()
    return span


def test_a_call_is_one_client_span(exporter: InMemorySpanExporter) -> None:
    """Named by its template, with the HTTP attributes; status unset on success."""
    with client_for(Recorder()) as hms:
        hms.rooms.retrieve("62bbc84f1a2b3c4d5e6f7a8b")

    span = only(exporter)
    assert span.name == "GET /rooms/{room_id}"
    assert span.kind is trace.SpanKind.CLIENT
    assert dict(span.attributes or {}) == {
        "http.request.method": "GET",
        "url.template": "/rooms/{room_id}",
        "server.address": "api.100ms.live",
        "http.response.status_code": 200,
        "hms.retries": 0,
    }
    assert span.status.status_code is trace.StatusCode.UNSET
    assert span.events == ()
    assert span.instrumentation_scope is not None
    assert span.instrumentation_scope.name == "hms_async"


def test_each_retry_is_an_event(
    exporter: InMemorySpanExporter, sleeps: list[float]
) -> None:
    """A 503 with Retry-After, then a 200: one event, hms.retries 1."""
    reply = replies(
        httpx.Response(503, headers={"Retry-After": "3"}),
        httpx.Response(200, json=ROOM),
    )
    with client_for(Recorder(reply)) as hms:
        hms.rooms.retrieve("r1")

    span = only(exporter)
    (event,) = span.events
    assert event.name == "hms.retry"
    assert dict(event.attributes or {}) == {
        "hms.retry.attempt": 1,
        "hms.retry.cause": "503",
        "hms.retry.wait": 3.0,
    }
    assert (span.attributes or {})["hms.retries"] == 1
    assert (span.attributes or {})["http.response.status_code"] == 200


def test_an_error_status_marks_the_span(exporter: InMemorySpanExporter) -> None:
    """error.type is the status code; the span's status is ERROR."""
    reply = replies(httpx.Response(404, json={"message": "no such room"}))
    with client_for(Recorder(reply)) as hms:
        with pytest.raises(NotFoundError):
            hms.rooms.retrieve("r1")

    span = only(exporter)
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "404"
    assert attributes["http.response.status_code"] == 404
    assert span.status.status_code is trace.StatusCode.ERROR
    assert "no such room" in (span.status.description or "")
    assert [event.name for event in span.events] == ["exception"]


def test_no_answer_marks_the_span_with_the_error_type(
    exporter: InMemorySpanExporter, sleeps: list[float]
) -> None:
    """Retries of a refused connection, then the SDK's error: no status code."""
    reply = replies(*[httpx.ConnectError("refused")] * 3)
    with client_for(Recorder(reply)) as hms:
        with pytest.raises(APIConnectionError):
            hms.rooms.retrieve("r1")

    span = only(exporter)
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "APIConnectionError"
    assert "http.response.status_code" not in attributes
    assert attributes["hms.retries"] == 2
    assert [dict(e.attributes or {})["hms.retry.cause"] for e in span.events[:2]] == [
        "APIConnectionError",
        "APIConnectionError",
    ]


def test_a_raising_hook_ends_the_span_with_its_error(
    exporter: InMemorySpanExporter,
) -> None:
    """The hook's exception is the span's error."""
    with SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(replies(httpx.Response(200, json=ROOM))),
        event_hooks={"response": [fail]},
    ) as hms:
        with pytest.raises(HookFailed):
            hms.rooms.retrieve("r1")

    span = only(exporter)
    assert (span.attributes or {})["error.type"] == "HookFailed"
    assert (span.attributes or {})["http.response.status_code"] == 200
    assert span.status.description == "HookFailed"


def test_a_list_is_one_span_per_page(exporter: InMemorySpanExporter) -> None:
    """Two pages, two spans, one name."""
    pages = replies(
        httpx.Response(200, json={"data": [ROOM], "last": "r1"}),
        httpx.Response(200, json={"data": [{**ROOM, "id": "r2"}], "last": None}),
    )
    with client_for(Recorder(pages)) as hms:
        assert [room.id for room in hms.rooms.list()] == ["r1", "r2"]

    assert [span.name for span in exporter.get_finished_spans()] == ["GET /rooms"] * 2


def test_the_span_is_current_while_the_call_runs(
    exporter: InMemorySpanExporter,
) -> None:
    """Hooks and the transport run inside it, so spans they make are its children."""
    seen: list[trace.Span] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(trace.get_current_span())
        return httpx.Response(200, json=ROOM)

    outer = trace.get_current_span()
    with client_for(Recorder(reply)) as hms:
        hms.rooms.retrieve("r1")
        assert trace.get_current_span() is outer  # detached after the call

    span = only(exporter)
    (current,) = seen
    assert current.get_span_context().span_id == span.context.span_id


def test_the_span_is_a_child_of_the_apps_span(
    exporter: InMemorySpanExporter, provider: TracerProvider
) -> None:
    """Inside the app's own span (a request handler), the call's span nests."""
    with client_for(Recorder()) as hms:
        with provider.get_tracer("app").start_as_current_span("GET /rooms/{id}"):
            hms.rooms.retrieve("r1")

    sdk, app = exporter.get_finished_spans()
    assert sdk.parent is not None
    assert sdk.parent.span_id == app.context.span_id


def test_httpx_instrumentation_spans_nest_under_the_call(
    exporter: InMemorySpanExporter, provider: TracerProvider, sleeps: list[float]
) -> None:
    """With opentelemetry-instrumentation-httpx on the SDK's client: one child
    span per attempt, under the call's span."""
    reply = replies(httpx.Response(503), httpx.Response(200, json=ROOM))
    with client_for(Recorder(reply)) as hms:
        HTTPXClientInstrumentor.instrument_client(hms._http, tracer_provider=provider)
        hms.rooms.retrieve("r1")

    *attempts, call = exporter.get_finished_spans()
    assert call.name == "GET /rooms/{room_id}"
    assert [span.name for span in attempts] == ["GET", "GET"]
    for span in attempts:
        assert span.parent is not None
        assert span.parent.span_id == call.context.span_id
        assert "eyJ" not in str(span.attributes)


@pytest.mark.parametrize(("verb", "path", "method_name"), _rows())
def test_every_endpoint_span_is_named_by_its_template(
    verb: str, path: str, method_name: str, exporter: InMemorySpanExporter
) -> None:
    """The span name is the documented endpoint: never an id."""
    recorder = Recorder(lambda _: httpx.Response(400))
    with client_for(recorder) as client:
        hms = client.with_options(max_retries=0)
        service, name = method_name.split(".")
        method = getattr(getattr(hms, service), name)
        args, kwargs = _arguments(method_name, method)
        with pytest.raises(Exception, match="400"):
            sent(method, args, kwargs)

    span = only(exporter)
    template = path.removeprefix("auth: ").split("(")[0]
    assert span.name == f"{verb} {template}"
    assert (span.attributes or {})["url.template"] == template
    assert "-1" not in span.name  # the sample ids end in -1


def test_without_opentelemetry_nothing_is_imported() -> None:
    """A call in a process without OpenTelemetry imports none of it."""
    code = f"""
import sys, anyio, httpx
sys.modules["opentelemetry"] = None  # as if it were not installed
from hms_async import SyncHMSClient

def main():
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={ROOM!r}))
    with SyncHMSClient("k", "s" * 32, transport=transport) as hms:
        hms.rooms.retrieve("r1")
        hms.with_raw_response.rooms.retrieve("r1")

main()
print(sorted(m for m in sys.modules if m.startswith("opentelemetry")))
"""
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['opentelemetry']"  # only the blocked entry itself
