"""examples/webhook_receiver.py, driven through httpx.ASGITransport (asyncio and trio)."""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from hms_async.models.webhooks import PeerJoinSuccessData, WebhookEvent
from hms_async.webhooks import WebhookVerifier, parse

# Imported by name at run time: mypy checks examples/ as top-level modules, so a
# static ``from examples import webhook_receiver`` would be "found twice".
webhook_receiver = importlib.import_module("examples.webhook_receiver")

HEADER_SECRET = "example-hdr-s3cr3t"
SIGNING_SECRET = "example-sign-s3cr3t"
VERIFIER = WebhookVerifier(
    expected_headers={"x-webhook-secret": HEADER_SECRET},
    signing_secret=SIGNING_SECRET,
)
JOIN = {
    "version": "2.0",
    "id": "6c75de35-b778-4fb0-88ae-114c28dc285f",
    "account_id": "5ff5881b80b66969e1fb35f4",
    "timestamp": "2024-03-16T09:01:00Z",
    "type": "peer.join.success",
    "data": {
        "room_id": "60b8e13a6eb86d8101b57358",
        "room_name": "physics-7b",
        "peer_id": "83b869e1-9a4b-4037-84b2-913cf76e4392",
        "user_name": "Ada",
        "role": "guest",
        "joined_at": "2024-03-16T09:01:00.250Z",
    },
}


def delivery(
    payload: Any, *, secret: str = HEADER_SECRET, signing_secret: str = SIGNING_SECRET
) -> tuple[bytes, dict[str, str]]:
    """A body and the headers 100ms would send with it."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    digest = hmac.new(signing_secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "content-type": "application/json",
        "x-webhook-secret": secret,
        "x-100ms-signature": digest,
    }
    return body, headers


@pytest.fixture
def received() -> list[WebhookEvent]:
    """Events the app handed to its handler."""
    return []


@pytest.fixture
async def http(received: list[WebhookEvent]) -> AsyncIterator[httpx.AsyncClient]:
    """A client talking to the example app in-process."""

    async def record(event: WebhookEvent) -> None:
        received.append(event)

    app = webhook_receiver.create_app(VERIFIER, on_event=record)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://hooks"
    ) as client:
        yield client


async def test_genuine_delivery_is_accepted_and_handled(
    http: httpx.AsyncClient, received: list[WebhookEvent]
) -> None:
    """200, and the typed event reaches the handler."""
    body, headers = delivery(JOIN)

    response = await http.post(webhook_receiver.PATH, content=body, headers=headers)

    assert response.status_code == 200
    assert [event.id for event in received] == [JOIN["id"]]
    assert isinstance(received[0].data, PeerJoinSuccessData)
    assert received[0].data.user_name == "Ada"


async def test_unknown_event_type_is_still_accepted(
    http: httpx.AsyncClient, received: list[WebhookEvent]
) -> None:
    """A type the SDK does not know is answered 200 and passed on raw."""
    body, headers = delivery({**JOIN, "type": "poll.started.success", "data": {"a": 1}})

    response = await http.post(webhook_receiver.PATH, content=body, headers=headers)

    assert response.status_code == 200
    assert received[0].data == {"a": 1}


@pytest.mark.parametrize(
    "tamper",
    ["wrong header", "missing header", "wrong signing secret", "tampered body"],
)
async def test_failed_verification_is_401(
    http: httpx.AsyncClient, received: list[WebhookEvent], tamper: str
) -> None:
    """Any failed check answers 401, handles nothing and leaks no secret."""
    body, headers = delivery(JOIN)
    if tamper == "wrong header":
        headers["x-webhook-secret"] = "guess"
    elif tamper == "missing header":
        del headers["x-webhook-secret"]
    elif tamper == "wrong signing secret":
        body, headers = delivery(JOIN, signing_secret="other")
    else:
        body = body.replace(b"Ada", b"Eve")

    response = await http.post(webhook_receiver.PATH, content=body, headers=headers)

    assert response.status_code == 401
    assert received == []
    assert HEADER_SECRET not in response.text
    assert SIGNING_SECRET not in response.text


@pytest.mark.parametrize(
    "body", [b"{not json", b"[]", b'{"type": "peer.join.success"}']
)
async def test_malformed_body_is_400(
    http: httpx.AsyncClient, received: list[WebhookEvent], body: bytes
) -> None:
    """A verified but malformed body answers 400 with the reason."""
    response = await http.post(
        webhook_receiver.PATH, content=body, headers=delivery(body)[1]
    )

    assert response.status_code == 400
    assert "error" in response.json()
    assert received == []


async def test_only_post_is_routed(http: httpx.AsyncClient) -> None:
    """GET on the webhook path is 405."""
    response = await http.get(webhook_receiver.PATH)

    assert response.status_code == 405


async def test_module_app_reads_the_environment_at_startup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The uvicorn entry point builds its verifier from the environment."""
    monkeypatch.setenv(
        webhook_receiver.HEADERS_ENV, json.dumps({"X-Webhook-Secret": "e"})
    )
    monkeypatch.setenv(webhook_receiver.SIGNING_SECRET_ENV, SIGNING_SECRET)
    app = webhook_receiver.create_app()
    transport = httpx.ASGITransport(app=app)

    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://hooks") as client,
    ):
        body, headers = delivery(JOIN, secret="e")
        good = await client.post(webhook_receiver.PATH, content=body, headers=headers)
        body, headers = delivery(JOIN)
        bad = await client.post(webhook_receiver.PATH, content=body, headers=headers)

    assert (good.status_code, bad.status_code) == (200, 401)


def test_verifier_from_env() -> None:
    """Headers come as a JSON object; bad or missing configuration is refused."""
    verifier = webhook_receiver.verifier_from_env(
        {webhook_receiver.HEADERS_ENV: '{"x-a": "1"}'}
    )
    assert verifier.expected_headers == {"x-a": "1"}
    assert verifier.signing_secret is None

    with pytest.raises(ValueError, match="needs expected_headers"):
        webhook_receiver.verifier_from_env({})
    with pytest.raises(ValueError, match="JSON object"):
        webhook_receiver.verifier_from_env({webhook_receiver.HEADERS_ENV: "x-a=1"})
    with pytest.raises(ValueError, match="JSON object"):
        webhook_receiver.verifier_from_env({webhook_receiver.HEADERS_ENV: '["x-a"]'})


async def test_default_handler_dispatches_on_type(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The example handler logs a join and ignores what it does not handle."""
    join = parse(json.dumps(JOIN))
    other = parse(json.dumps({**JOIN, "type": "session.open.success"}))

    with caplog.at_level(logging.DEBUG, logger=webhook_receiver.__name__):
        await webhook_receiver.handle_event(join)
        await webhook_receiver.handle_event(other)

    assert [r.getMessage() for r in caplog.records] == [
        "Ada joined physics-7b",
        "ignored session.open.success",
    ]
