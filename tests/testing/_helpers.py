"""Shared helpers: a fake with known credentials and PyJWT-minted tokens."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import jwt

from hms_async.testing import FakeHMS

ACCESS_KEY = "test-access-key"
SECRET = "test-secret-0123456789-0123456789-0123456789"
BASE = "http://any.host.test/v2/"


def make_fake(**kwargs: Any) -> FakeHMS:
    """Return a fake with the test credentials."""
    return FakeHMS(access_key=ACCESS_KEY, app_secret=SECRET, **kwargs)


def token(
    *, secret: str = SECRET, ttl: int = 3600, nbf_offset: int = 0, **claims: Any
) -> str:
    """Mint a token with PyJWT directly (management by default)."""
    now = int(time.time())
    payload: dict[str, Any] = {
        "access_key": ACCESS_KEY,
        "type": "management",
        "version": 2,
        "iat": now,
        "nbf": now + nbf_offset,
        "exp": now + ttl,
        "jti": str(uuid.uuid4()),
    }
    payload.update(claims)
    return jwt.encode(payload, secret, algorithm="HS256")


def client(fake: FakeHMS, bearer: str | None = None) -> httpx.AsyncClient:
    """Return a plain httpx client on the fake's transport with a bearer token."""
    headers = {"Authorization": f"Bearer {bearer or token()}"}
    return httpx.AsyncClient(transport=fake.transport(), base_url=BASE, headers=headers)


async def create_room(http: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    """Create a room and return its JSON, checking for a 200."""
    response = await http.post("rooms", json=body)
    assert response.status_code == 200, response.text
    room: dict[str, Any] = response.json()
    return room


class CountingStore(dict[str, Any]):
    """One of the fake's stores, counting the items a request reads."""

    reads = 0

    def __getitem__(self, key: str) -> Any:
        self.reads += 1
        return super().__getitem__(key)

    def values(self) -> Any:
        self.reads += len(self)
        return super().values()

    def items(self) -> Any:
        self.reads += len(self)
        return super().items()
