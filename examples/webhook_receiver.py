"""A 100ms webhook receiver on Starlette: verify, parse, answer 200, then work.

Configure the webhook in the 100ms dashboard (Developer → Webhooks) or per room,
with a secret custom header, and give this app the same values (needs the
``examples`` extra, Starlette and uvicorn: ``pip install 'hms-async[examples]'``)::

    export HMS_WEBHOOK_HEADERS='{"x-webhook-secret": "long-random-value"}'
    export HMS_WEBHOOK_SIGNING_SECRET=...   # optional: checks x-100ms-signature
    uvicorn examples.webhook_receiver:app

Then point the webhook at ``https://<your host>/webhooks/100ms``. Answers: 200 at
once (the event is handled after the response is sent, since 100ms retries slow
or failed deliveries), 401 when verification fails, 400 for a malformed body.
A retried delivery carries the same ``event.id``: make handlers idempotent.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager

try:
    from starlette.applications import Starlette
    from starlette.background import BackgroundTask
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route
except ImportError as missing:  # say which extra brings it
    raise ImportError(
        f"{__file__} needs Starlette: pip install 'hms-async[examples]'"
    ) from missing

from hms_async.errors import WebhookError, WebhookVerificationError
from hms_async.models.webhooks import (
    BeamFailureData,
    BeamRecordingSuccessData,
    HlsFailureData,
    HlsRecordingSuccessData,
    PeerJoinSuccessData,
    PeerLeaveSuccessData,
    RecordingSuccessData,
    SessionCloseSuccessData,
    WebhookEvent,
)
from hms_async.webhooks import WebhookVerifier

HEADERS_ENV = "HMS_WEBHOOK_HEADERS"
SIGNING_SECRET_ENV = "HMS_WEBHOOK_SIGNING_SECRET"  # noqa: S105 (a variable name)
PATH = "/webhooks/100ms"

EventHandler = Callable[[WebhookEvent], Awaitable[None]]

log = logging.getLogger(__name__)


def verifier_from_env(environ: Mapping[str, str] = os.environ) -> WebhookVerifier:
    """The verifier configured by HMS_WEBHOOK_HEADERS (JSON) and the signing secret."""
    try:
        headers = json.loads(environ.get(HEADERS_ENV) or "{}")
    except json.JSONDecodeError:
        headers = None
    if not isinstance(headers, dict):
        raise ValueError(
            f"{HEADERS_ENV} must be a JSON object of header names to values"
        )
    signing_secret = environ.get(SIGNING_SECRET_ENV) or None
    return WebhookVerifier(expected_headers=headers, signing_secret=signing_secret)


async def handle_event(event: WebhookEvent) -> None:
    """Act on one event; runs after the 200 was sent. Replace with your own logic."""
    match event.data:
        case PeerJoinSuccessData(user_name=name, room_name=room):
            log.info("%s joined %s", name, room)
        case PeerLeaveSuccessData(user_name=name, reason=reason):
            log.info("%s left (%s)", name, reason)
        case SessionCloseSuccessData(room_name=room, session_duration=seconds):
            log.info("session of %s ended after %s s", room, seconds)
        case (
            RecordingSuccessData(recording_path=path)
            | BeamRecordingSuccessData(recording_path=path)
            | HlsRecordingSuccessData(hls_vod_recording_path=path)
        ):
            log.info("recording ready at %s", path)
        case BeamFailureData(error_message=error) | HlsFailureData(error_message=error):
            log.warning("%s: %s", event.type, error)
        case _:
            log.debug("ignored %s", event.type)


def _verifier(request: Request) -> WebhookVerifier:
    state = request.app.state
    if getattr(state, "verifier", None) is None:
        state.verifier = verifier_from_env()
    verifier: WebhookVerifier = state.verifier
    return verifier


async def receive_webhook(request: Request) -> Response:
    """Verify and parse one delivery; hand the event to the app's handler."""
    body = await request.body()
    try:
        event = _verifier(request).parse_verified(body, request.headers)
    except WebhookVerificationError as error:
        log.warning("rejected a webhook: %s", error)
        return JSONResponse({"error": "verification failed"}, status_code=401)
    except WebhookError as error:
        log.warning("malformed webhook: %s", error)
        return JSONResponse({"error": str(error)}, status_code=400)
    handler: EventHandler = request.app.state.on_event
    return Response(status_code=200, background=BackgroundTask(handler, event))


def create_app(
    verifier: WebhookVerifier | None = None, on_event: EventHandler = handle_event
) -> Starlette:
    """The receiver app; without a verifier it reads the environment at startup."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if verifier is None:  # fail at startup, not at the first delivery
            app.state.verifier = verifier_from_env()
        yield

    app = Starlette(
        routes=[Route(PATH, receive_webhook, methods=["POST"])], lifespan=lifespan
    )
    app.state.verifier = verifier
    app.state.on_event = on_event
    return app


app = create_app()
