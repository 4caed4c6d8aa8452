"""The loopback HTTP server: keep-alive, real dropped/truncated faults, the CLI."""

from __future__ import annotations

import subprocess
import sys

import anyio
import httpx
import pytest

from ._helpers import make_fake, token

pytestmark = pytest.mark.anyio

AUTH = {"Authorization": f"Bearer {token()}"}


async def test_serve_answers_over_loopback_with_keep_alive() -> None:
    """serve() binds 127.0.0.1 on a free port and keeps connections alive."""
    fake = make_fake()
    with anyio.fail_after(10):
        async with (
            fake.serve(port=0) as base_url,
            httpx.AsyncClient(base_url=base_url, headers=AUTH) as http,
        ):
            created = await http.post("rooms", json={"name": "net"})
            listed = await http.get("rooms")
            missing = await http.get("rooms/" + "0" * 24)

    assert base_url.startswith("http://127.0.0.1:")
    assert created.status_code == 200
    assert [r["name"] for r in listed.json()["data"]] == ["net"]
    assert missing.status_code == 404
    assert created.http_version == "HTTP/1.1"


async def test_dropped_connection_over_loopback() -> None:
    """A drop fault closes the socket without a response: httpx sees a protocol error."""
    fake = make_fake()
    fake.faults.add("GET", "/rooms", drop=True, times=1)
    with anyio.fail_after(10):
        async with (
            fake.serve() as base_url,
            httpx.AsyncClient(base_url=base_url, headers=AUTH) as http,
        ):
            with pytest.raises(httpx.RemoteProtocolError):
                await http.get("rooms")
            after = await http.get("rooms")

    assert after.status_code == 200


async def test_truncated_body_over_loopback() -> None:
    """A truncated fault promises a longer body than it sends, then closes."""
    fake = make_fake()
    fake.faults.add("GET", "/templates", body="truncated", times=1)
    with anyio.fail_after(10):
        async with (
            fake.serve() as base_url,
            httpx.AsyncClient(base_url=base_url, headers=AUTH) as http,
        ):
            with pytest.raises(httpx.RemoteProtocolError):
                await http.get("templates")
            after = await http.get("templates")

    assert after.status_code == 200


async def test_unauthenticated_request_over_loopback() -> None:
    """Over HTTP the same 401 error body comes back."""
    fake = make_fake()
    with anyio.fail_after(10):
        async with (
            fake.serve() as base_url,
            httpx.AsyncClient(base_url=base_url) as http,
        ):
            response = await http.get("rooms")
            outside = await http.get(base_url.replace("/v2/", "/other"))

    assert response.status_code == 401
    assert response.json()["message"] == "Token validation error"
    assert outside.status_code == 404


async def _read_settings(stream: anyio.abc.ByteReceiveStream) -> dict[str, str]:
    buffer = b""
    settings: dict[str, str] = {}
    while "HMS_MANAGEMENT_TOKEN" not in settings:
        buffer += await stream.receive()
        *lines, rest = buffer.split(b"\n")
        buffer = rest
        for line in lines:
            key, _, value = line.decode().partition("=")
            settings[key] = value
    return settings


async def test_cli_serve_prints_settings_and_answers() -> None:
    """`python -m hms_async.testing serve --port 0` prints a working base URL."""
    command = [sys.executable, "-m", "hms_async.testing", "serve", "--port", "0"]
    with anyio.fail_after(15):
        async with await anyio.open_process(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        ) as process:
            assert process.stdout is not None
            try:
                settings = await _read_settings(process.stdout)
                headers = {
                    "Authorization": f"Bearer {settings['HMS_MANAGEMENT_TOKEN']}"
                }
                async with httpx.AsyncClient(headers=headers) as http:
                    response = await http.get(settings["HMS_BASE_URL"] + "rooms")
            finally:
                process.terminate()
                await process.wait()

    assert settings["HMS_BASE_URL"].startswith("http://127.0.0.1:")
    assert settings["HMS_ACCESS_KEY"]
    assert response.status_code == 200
