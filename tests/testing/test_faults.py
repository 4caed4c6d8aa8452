"""Fault injection in process: statuses, Retry-After, latency, bodies, drops, seeds."""

from __future__ import annotations

import json
import time

import anyio
import httpx
import pytest

from hms_async.testing import FakeHMS

from ._helpers import client, make_fake

pytestmark = pytest.mark.anyio


async def test_status_fault_fires_for_the_next_n_calls() -> None:
    """A 503 fault with times=2 hits two calls, then the route works again."""
    fake = make_fake()
    rule = fake.faults.add("GET", "/rooms", status=503, times=2)
    async with client(fake) as http:
        codes = [(await http.get("rooms")).status_code for _ in range(3)]
        other = await http.post("rooms", json={})

    assert codes == [503, 503, 200]
    assert rule.hits == 2
    assert other.status_code == 200


async def test_429_carries_retry_after() -> None:
    """A 429 fault sends Retry-After and the API's error body."""
    fake = make_fake()
    fake.faults.add("*", "/rooms/{room_id}", status=429, retry_after=2)
    async with client(fake) as http:
        response = await http.get("rooms/" + "0" * 24)

    assert response.status_code == 429
    assert response.headers["retry-after"] == "2"
    assert response.json()["message"] == "rate limit exceeded, retry after 2 seconds"


async def test_latency_fault_delays_the_response() -> None:
    """A latency fault sleeps (with anyio) before answering normally."""
    fake = make_fake()
    fake.faults.add("GET", "/rooms", latency=0.2, times=1)
    async with client(fake) as http:
        with anyio.fail_after(5):
            began = time.monotonic()
            response = await http.get("rooms")
            elapsed = time.monotonic() - began

    assert response.status_code == 200
    assert elapsed >= 0.19


async def test_malformed_and_truncated_bodies_are_not_json() -> None:
    """Malformed and truncated faults give 200s whose bodies do not parse."""
    fake = make_fake()
    fake.faults.add("GET", "/rooms", body="malformed", times=1)
    fake.faults.add("GET", "/templates", body="truncated", times=1)
    async with client(fake) as http:
        malformed = await http.get("rooms")
        truncated = await http.get("templates")
        whole = await http.get("templates")

    assert malformed.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        malformed.json()
    with pytest.raises(json.JSONDecodeError):
        truncated.json()
    assert whole.content.startswith(truncated.content)
    assert len(truncated.content) < len(whole.content)


async def test_dropped_connection_raises_in_process() -> None:
    """In process, a drop fault raises httpx.RemoteProtocolError from the transport."""
    fake = make_fake()
    fake.faults.add("POST", "/rooms", drop=True, times=1)
    async with client(fake) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.post("rooms", json={"name": "x"})
        retried = await http.post("rooms", json={"name": "x"})

    assert retried.status_code == 200
    assert len(fake.requests) == 2


async def _pattern(seed: int) -> list[int]:
    fake = FakeHMS(seed=seed)
    fake.faults.add("GET", "*", status=500, rate=0.5)
    async with fake.http_client() as http:
        return [(await http.get("rooms")).status_code for _ in range(20)]


async def test_fractional_faults_are_deterministic_under_a_seed() -> None:
    """The same seed gives the same fault pattern; a rate of 0.5 mixes outcomes."""
    first, again, other = await _pattern(7), await _pattern(7), await _pattern(8)

    assert first == again
    assert set(first) == {200, 500}
    assert first != other


async def test_ids_are_deterministic_under_a_seed() -> None:
    """Two fakes with one seed hand out the same peer ids and room codes."""
    codes = []
    for _ in range(2):
        fake = FakeHMS(seed="s")
        async with fake.http_client() as http:
            room = (await http.post("rooms", json={"name": "r"})).json()
            made = (await http.post(f"room-codes/room/{room['id']}")).json()
        codes.append([c["code"] for c in made["data"]])

    assert codes[0] == codes[1]


async def test_requests_are_recorded_with_redacted_repr() -> None:
    """fake.requests keeps method, path, query, headers and JSON; repr hides the token."""
    fake = make_fake()
    async with client(fake) as http:
        await http.get("rooms", params={"limit": 10, "enabled": "true"})
        await http.post("rooms", json={"name": "n"})

    listed, created = fake.requests
    assert listed.method == "GET"
    assert listed.path == "/rooms"
    assert listed.query == {"limit": ["10"], "enabled": ["true"]}
    assert created.json == {"name": "n"}
    assert created.headers["authorization"].startswith("Bearer ")
    assert "Bearer" not in repr(created)
    assert fake.app_secret not in repr(fake)


def test_fault_arguments_are_checked() -> None:
    """A fault needs one effect, a valid status and a rate in (0, 1]."""
    fake = make_fake()

    with pytest.raises(ValueError, match="needs"):
        fake.faults.add("GET", "/rooms")
    with pytest.raises(ValueError, match="status"):
        fake.faults.add("GET", "/rooms", status=200)
    with pytest.raises(ValueError, match="rate"):
        fake.faults.add("GET", "/rooms", status=500, rate=0)
    with pytest.raises(ValueError, match="one of"):
        fake.faults.add("GET", "/rooms", status=500, drop=True)


async def test_reprs_hide_storage_secrets() -> None:
    """Credentials in bodies appear neither in recorded requests' nor the state's repr."""
    fake = make_fake()
    upload = {
        "type": "s3",
        "location": "b",
        "credentials": {"key": "AK", "secret": "TOPSECRET"},
    }
    async with client(fake) as http:
        created = await http.post(
            "rooms", json={"recording_info": {"upload_info": upload}}
        )

    assert created.status_code == 200
    assert "credentials" not in created.json()["recording_info"]["upload_info"]
    assert "TOPSECRET" not in repr(fake.requests[-1])
    assert "TOPSECRET" not in repr(fake.state)
    assert fake.requests[-1].json["recording_info"]["upload_info"] == upload
