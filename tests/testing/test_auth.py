"""Token validation: the fake checks bearer tokens as 100ms does."""

from __future__ import annotations

import pytest

from ._helpers import client, make_fake, token

pytestmark = pytest.mark.anyio


async def _status_and_body(bearer: str | None) -> tuple[int, dict[str, object]]:
    fake = make_fake()
    async with client(fake) as http:
        headers = {} if bearer is None else {"Authorization": f"Bearer {bearer}"}
        if bearer is None:
            http.headers.pop("Authorization")
        response = await http.get("rooms", headers=headers)
    return response.status_code, response.json()


async def test_valid_management_token_is_accepted() -> None:
    """A correctly signed management token gets a 200."""
    status, body = await _status_and_body(token())

    assert status == 200
    assert body["data"] == []


_BAD_TOKENS = [
    (None, "token is missing"),
    (token(ttl=-3600), "token is expired"),
    (token(secret="another-secret-0123456789-0123456789"), "signature is invalid"),
    (token(type="app"), "token type must be management"),
    (token(access_key="someone-else"), "access key does not match"),
    (token(nbf_offset=600), "token is not valid yet"),
    ("not-a-jwt", "token is malformed"),
]


# Named by the reason: the tokens differ from one collection to the next
# (their times), and pytest-xdist's workers must collect the same ids.
@pytest.mark.parametrize(
    ("bearer", "detail"), _BAD_TOKENS, ids=[detail for _, detail in _BAD_TOKENS]
)
async def test_bad_tokens_get_401_with_error_body(
    bearer: str | None, detail: str
) -> None:
    """Missing, expired, wrongly signed or typed tokens get the 401 error body."""
    status, body = await _status_and_body(bearer)

    assert status == 401
    assert body == {
        "code": 401,
        "message": "Token validation error",
        "details": [detail],
    }


async def test_small_clock_skew_is_tolerated() -> None:
    """A token whose nbf is a few seconds ahead is still accepted (leeway)."""
    status, _ = await _status_and_body(token(nbf_offset=5))

    assert status == 200


async def test_dtmf_needs_an_app_token() -> None:
    """/sip/dtmf rejects a management token and accepts an app token."""
    fake = make_fake()
    async with client(fake) as http:
        rejected = await http.post("sip/dtmf", json={"digits": ["1"]})
        app = token(type="app", room_id="r", role="host")
        accepted = await http.post(
            "sip/dtmf",
            json={"digits": ["1", "#"]},
            headers={"Authorization": f"Bearer {app}"},
        )

    assert rejected.status_code == 401
    assert accepted.status_code == 200
    assert accepted.json() == {}


async def test_token_exchange_needs_no_auth() -> None:
    """POST /v2/token swaps an enabled room code for an app token, without auth."""
    fake = make_fake()
    async with client(fake) as http:
        room = (await http.post("rooms", json={"name": "codes"})).json()
        codes = (await http.post(f"room-codes/room/{room['id']}")).json()["data"]
        http.headers.pop("Authorization")
        response = await http.post(
            "token", json={"code": codes[0]["code"], "user_id": "u1"}
        )

    assert response.status_code == 200
    import jwt

    claims = jwt.decode(response.json()["token"], fake.app_secret, algorithms=["HS256"])
    assert claims["type"] == "app"
    assert claims["room_id"] == room["id"]
    assert claims["user_id"] == "u1"
