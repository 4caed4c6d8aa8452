# Generated from tests/services/test_sip.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.sip: trunks, outbound calls, DTMF with a peer auth token (§2.13)."""

from __future__ import annotations

from typing import Any

import jwt
import pytest
import respx

from hms_async import APIError, BadRequestError, ServerError, SyncHMSClient
from hms_async.models.sip import SipCall, SipTrunk
from tests.helpers import APP_SECRET, BASE_URL, assert_api_request, body_of
from tests.services.test_sip import (
    CALL,
    CALL_ID,
    TRUNK,
    TRUNK_FIELDS,
    TRUNK_ID,
    _bearer,
)


def test_create_trunk_sends_from(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create_trunk() sends from_ under the JSON key "from" and parses {id}."""
    route = respx_router.post("sip/outbound/trunks").respond(json=TRUNK)

    trunk = client.sip.create_trunk(
        username="trunk-user",
        password="trunk-pass",
        address="example.pstn.twilio.com",
        from_="+14155550100",
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        "sip/outbound/trunks",
        json_body=TRUNK_FIELDS,
    )
    assert trunk == SipTrunk(id=TRUNK_ID, extra_fields={"provider": "twilio"})


@pytest.mark.parametrize(("field", "value"), [("address", ""), ("from_", "")])
def test_create_trunk_needs_address_and_from(
    client: SyncHMSClient, respx_router: respx.MockRouter, field: str, value: str
) -> None:
    """An empty address or from_ is refused before any request."""
    route = respx_router.post("sip/outbound/trunks").respond(json=TRUNK)
    args: dict[str, Any] = {
        "username": "u",
        "password": "p",
        "address": "sip.example.com",
        "from_": "+1",
        field: value,
    }

    with pytest.raises(ValueError, match=f"{field} must be a non-empty string"):
        client.sip.create_trunk(**args)

    assert not route.called


def test_create_trunk_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 on create_trunk is raised at once (a retry could create two)."""
    route = respx_router.post("sip/outbound/trunks").respond(503)

    with pytest.raises(ServerError):
        client.sip.create_trunk(username="u", password="p", address="a", from_="+1")

    assert route.call_count == 1


def test_update_trunk_sends_every_field_and_retries(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_trunk() posts the whole trunk (from_ as "from"); a 503 is retried."""
    path = f"sip/outbound/trunks/{TRUNK_ID}"
    route = respx_router.post(path).mock(
        side_effect=[respx.MockResponse(503), respx.MockResponse(json=TRUNK)]
    )

    trunk = client.sip.update_trunk(
        TRUNK_ID,
        username="trunk-user",
        password="trunk-pass",
        address="example.pstn.twilio.com",
        from_="+14155550100",
    )

    assert route.call_count == 2
    assert_api_request(route.calls.last.request, "POST", path, json_body=TRUNK_FIELDS)
    assert trunk.id == TRUNK_ID


def test_update_trunk_needs_address_and_from(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_trunk() refuses an empty address before any request."""
    route = respx_router.post(f"sip/outbound/trunks/{TRUNK_ID}").respond(json=TRUNK)

    with pytest.raises(ValueError, match="address must be a non-empty string"):
        client.sip.update_trunk(
            TRUNK_ID, username="u", password="p", address="", from_="+1"
        )

    assert not route.called


def test_call_sends_every_given_field(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """call() posts to, room_code, trunk_id and the optional fields."""
    route = respx_router.post("sip/outbound/call").respond(json=CALL)

    call = client.sip.call(
        to="+919876543210",
        room_code="abc-defg-hij",
        trunk_id=TRUNK_ID,
        name="Support line",
        user_id="caller-42",
        video=False,
        headers={"X-Ticket": "T-1001"},
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        "sip/outbound/call",
        json_body={
            "to": "+919876543210",
            "room_code": "abc-defg-hij",
            "trunk_id": TRUNK_ID,
            "name": "Support line",
            "user_id": "caller-42",
            "video": False,
            "headers": {"X-Ticket": "T-1001"},
        },
    )
    assert call == SipCall(id=CALL_ID, extra_fields={"state": "answered"})


def test_call_sends_only_required_fields(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Optional arguments not passed are not sent."""
    route = respx_router.post("sip/outbound/call").respond(json={"id": CALL_ID})

    client.sip.call(to="+1", room_code="abc-defg-hij", trunk_id=TRUNK_ID)

    assert body_of(route.calls.last.request) == {
        "to": "+1",
        "room_code": "abc-defg-hij",
        "trunk_id": TRUNK_ID,
    }


@pytest.mark.parametrize("field", ["to", "room_code", "trunk_id"])
def test_call_needs_mandatory_fields(
    client: SyncHMSClient, respx_router: respx.MockRouter, field: str
) -> None:
    """An empty to, room_code or trunk_id is refused before any request."""
    route = respx_router.post("sip/outbound/call").respond(json=CALL)
    args: dict[str, Any] = {
        "to": "+1",
        "room_code": "abc-defg-hij",
        "trunk_id": TRUNK_ID,
        field: "",
    }

    with pytest.raises(ValueError, match=f"{field} must be a non-empty string"):
        client.sip.call(**args)

    assert not route.called


@pytest.mark.parametrize("status", [408, 503, 504])
def test_call_is_never_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter, status: int
) -> None:
    """A timeout (408) or gateway error is raised after one attempt: no second ring."""
    route = respx_router.post("sip/outbound/call").respond(
        status, json={"code": status, "message": "timed out"}
    )

    with pytest.raises(APIError, match="timed out"):
        client.sip.call(to="+1", room_code="abc-defg-hij", trunk_id=TRUNK_ID)

    assert route.call_count == 1


def test_send_dtmf_with_given_auth_token(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A given auth token is sent as the bearer, not the management token."""
    route = respx_router.post("sip/dtmf").respond(json={})

    client.sip.send_dtmf(digits=["1", "2", "#"], auth_token="peer.tok")

    request = route.calls.last.request
    assert request.url.path == "/v2/sip/dtmf"
    assert request.headers["Content-Type"] == "application/json"
    assert body_of(request) == {"digits": ["1", "2", "#"]}
    assert _bearer(request) == "peer.tok"


def test_send_dtmf_signs_a_peer_token(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Without auth_token, an app token for room_id and role is signed."""
    route = respx_router.post("sip/dtmf").respond(json={})

    client.sip.send_dtmf(digits="09*#abcdABCD", room_id="room-1", role="host")

    request = route.calls.last.request
    assert body_of(request) == {"digits": list("09*#abcdabcd")}
    claims = jwt.decode(_bearer(request), APP_SECRET, algorithms=["HS256"])
    assert claims["type"] == "app"
    assert claims["room_id"] == "room-1"
    assert claims["role"] == "host"
    assert claims["version"] == 2
    assert 0 < claims["exp"] - claims["iat"] <= 310
    assert "user_id" not in claims


@pytest.mark.parametrize(
    ("digits", "match"),
    [
        ("", "digits must not be empty"),
        ([], "digits must not be empty"),
        ("12e", "got 'e'"),
        (["1", "12"], "got '12'"),
        (["1", 2], "got 2"),
        ("1 2", "got ' '"),
    ],
)
def test_send_dtmf_refuses_bad_digits(
    client: SyncHMSClient, respx_router: respx.MockRouter, digits: Any, match: str
) -> None:
    """Digits outside 0-9 * # a-d, or none, are refused before any request."""
    route = respx_router.post("sip/dtmf").respond(json={})

    with pytest.raises(ValueError, match=match):
        client.sip.send_dtmf(digits=digits, auth_token="peer.tok")

    assert not route.called


@pytest.mark.parametrize(
    ("room_id", "role", "match"),
    [(None, "host", "room_id must not be empty"), ("r1", None, "role must not")],
)
def test_send_dtmf_needs_room_and_role_to_sign(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    room_id: str | None,
    role: str | None,
    match: str,
) -> None:
    """Without auth_token, room_id and role are required, checked before sending."""
    route = respx_router.post("sip/dtmf").respond(json={})

    with pytest.raises(ValueError, match=match):
        client.sip.send_dtmf(digits="1", room_id=room_id, role=role)

    assert not route.called


def test_send_dtmf_without_signer(
    respx_router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client with only a management token needs auth_token for DTMF."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    route = respx_router.post("sip/dtmf").respond(json={})
    with SyncHMSClient(management_token="mgmt.tok", base_url=BASE_URL) as client:
        with pytest.raises(ValueError, match="access_key and app_secret"):
            client.sip.send_dtmf(digits="1", room_id="r1", role="host")
        assert not route.called

        client.sip.send_dtmf(digits="1", auth_token="peer.tok")

    assert _bearer(route.calls.last.request) == "peer.tok"


def test_send_dtmf_api_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The API's 400 "invalid digit" is a BadRequestError, sent once."""
    route = respx_router.post("sip/dtmf").respond(
        400, json={"code": 400, "message": "invalid digit"}
    )

    with pytest.raises(BadRequestError, match="invalid digit"):
        client.sip.send_dtmf(digits="1", auth_token="peer.tok")

    assert route.call_count == 1


def test_repr_of_the_service_hides_the_signer() -> None:
    """The service's repr shows nothing of the credentials."""
    client = SyncHMSClient("ak", "secret-secret-secret-secret-secret")

    assert "secret" not in repr(client.sip)


def test_call_waits_longer_than_the_read_timeout(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The outbound call, which rings, gets a 120 s read timeout of its own."""
    route = respx_router.post("sip/outbound/call").respond(json={"id": "call-1"})

    client.sip.call(to="+15550100", room_code="abc-defg-hij", trunk_id="t1")

    timeouts = route.calls.last.request.extensions["timeout"]
    assert timeouts["read"] == 120.0
    assert timeouts["connect"] == 5.0
