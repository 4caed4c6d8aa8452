"""An ASGI web app (Starlette) sharing one HMSClient through its lifespan.

Serves ``GET /rooms`` (one page of rooms, with the cursor of the next page),
``POST /rooms`` (create a room and its room codes) and ``POST /webhooks/100ms``
(verified 100ms webhooks). One client, opened at startup and closed at
shutdown, serves every request: it is safe to share across tasks, and its
connection pool is what makes it fast.

Needs the ``examples`` extra (Starlette and uvicorn)::

    pip install 'hms-async[examples]'             # from a checkout: '.[examples]'

    export HMS_ACCESS_KEY=... HMS_SECRET=...        # else: the built-in fake
    export HMS_WEBHOOK_HEADERS='{"x-webhook-secret": "long-random-value"}'
    uvicorn examples.asgi_app:app
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

try:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route
except ImportError as missing:  # say which extra brings it
    raise ImportError(
        f"{__file__} needs Starlette: pip install 'hms-async[examples]'"
    ) from missing

import hms_async
from hms_async.testing import FakeHMS
from hms_async.webhooks import WebhookVerifier


def make_client() -> hms_async.HMSClient:
    """A client on the real API when credentials are set, else on the fake."""
    if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
        return hms_async.HMSClient()
    return FakeHMS(seed="asgi-example").client()


def make_verifier() -> WebhookVerifier:
    """The webhook checks configured in the environment."""
    headers = json.loads(os.environ.get("HMS_WEBHOOK_HEADERS", "{}"))
    return WebhookVerifier(expected_headers=headers)


def _hms(request: Request) -> hms_async.HMSClient:
    client: hms_async.HMSClient = request.app.state.hms
    return client


async def list_rooms(request: Request) -> Response:
    """One page of rooms; pass ``?start=<next>`` for the following page."""
    try:
        limit = int(request.query_params.get("limit", "20"))
        paginator = _hms(request).rooms.list(
            limit=limit, start=request.query_params.get("start")
        )
    except ValueError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    page = await paginator
    rooms = [{"id": r.id, "name": r.name, "enabled": r.enabled} for r in page.data]
    return JSONResponse({"rooms": rooms, "next": page.next_cursor})


async def create_room(request: Request) -> Response:
    """Create (or update, by name) a room and return its room codes by role."""
    payload = await request.json()
    hms = _hms(request)
    try:
        room = await hms.rooms.create(name=payload.get("name"))
    except (ValueError, hms_async.BadRequestError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    codes = await hms.room_codes.create(room.id)
    return JSONResponse(
        {"id": room.id, "codes": {c.role: c.code for c in codes}}, status_code=201
    )


async def receive_webhook(request: Request) -> Response:
    """Verify and parse a 100ms webhook; answer 200 at once."""
    verifier: WebhookVerifier = request.app.state.verifier
    try:
        event = verifier.parse_verified(await request.body(), request.headers)
    except hms_async.WebhookVerificationError:
        return Response(status_code=401)
    except hms_async.WebhookError:
        return Response(status_code=400)
    request.app.state.events.append(event.type)
    return Response(status_code=200)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    """Open the one shared client at startup; close it at shutdown."""
    app.state.verifier = make_verifier()
    app.state.events = []
    async with make_client() as hms:
        app.state.hms = hms
        yield


app = Starlette(
    routes=[
        Route("/rooms", list_rooms, methods=["GET"]),
        Route("/rooms", create_room, methods=["POST"]),
        Route("/webhooks/100ms", receive_webhook, methods=["POST"]),
    ],
    lifespan=lifespan,
)
