"""The loopback HTTP server: keep-alive, real dropped/truncated faults, the CLI."""

from __future__ import annotations

import shlex
import shutil
import signal
import socket
import subprocess
import sys

import anyio
import httpx
import pytest

from hms_async.testing.__main__ import export_lines
from hms_async.testing.__main__ import main as serve_main

from ._helpers import make_fake, token

pytestmark = pytest.mark.anyio

AUTH = {"Authorization": f"Bearer {token()}"}
SH = shutil.which("sh")


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


async def _read_exports(stream: anyio.abc.ByteReceiveStream) -> dict[str, str]:
    """Read the ``export NAME='value'`` block the serve command prints."""
    buffer = b""
    settings: dict[str, str] = {}
    while "HMS_MANAGEMENT_TOKEN" not in settings:
        buffer += await stream.receive()
        *lines, rest = buffer.split(b"\n")
        buffer = rest
        for line in lines:
            words = shlex.split(line.decode())
            assert words[0] == "export", line
            key, _, value = words[1].partition("=")
            settings[key] = value
    return settings


def _serve_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hms_async.testing", "serve", *args]


async def test_cli_serve_prints_settings_and_answers() -> None:
    """`serve --port 0` prints a shell block with a working base URL and port."""
    command = _serve_command("--port", "0")
    with anyio.fail_after(15):
        async with await anyio.open_process(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        ) as process:
            assert process.stdout is not None
            try:
                settings = await _read_exports(process.stdout)
                headers = {
                    "Authorization": f"Bearer {settings['HMS_MANAGEMENT_TOKEN']}"
                }
                async with httpx.AsyncClient(headers=headers) as http:
                    response = await http.get(settings["HMS_BASE_URL"] + "rooms")
                    health = await http.get(settings["HMS_FAKE_CONTROL_URL"] + "health")
            finally:
                process.terminate()
                await process.wait()

    port = int(settings["HMS_BASE_URL"].split(":")[2].split("/")[0])
    assert settings["HMS_BASE_URL"] == f"http://127.0.0.1:{port}/v2/"
    assert port > 0
    assert settings["HMS_AUTH_BASE_URL"] == settings["HMS_BASE_URL"]
    assert settings["HMS_ACCESS_KEY"]
    assert response.status_code == 200
    assert health.json()["status"] == "ok"
    assert process.returncode == 0


@pytest.mark.skipif(SH is None, reason="no POSIX shell")
def test_printed_block_can_be_eval_ed_by_a_shell() -> None:
    """Values with quotes, spaces and $ survive `eval` in a POSIX shell."""
    secret = 'it\'s a $SECRET `x` "y"'
    block = export_lines({"HMS_SECRET": secret, "HMS_BASE_URL": "http://h:1/v2/"})
    script = block + 'printf "%s|%s" "$HMS_SECRET" "$HMS_BASE_URL"'
    done = subprocess.run(  # noqa: S603
        [str(SH), "-c", 'eval "$1"', "sh", script],
        capture_output=True,
        check=True,
        text=True,
    )

    assert done.stdout == f"{secret}|http://h:1/v2/"
    assert all(line.startswith("export ") for line in block.splitlines())


async def test_cli_serve_on_a_busy_port_says_use_port_0() -> None:
    """A taken port ends in one line naming --port 0, with exit status 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with anyio.fail_after(15):
            done = await anyio.run_process(
                _serve_command("--port", str(port)), check=False
            )

    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 1
    assert len(lines) == 1, lines
    assert f"port {port}" in lines[0]
    assert "--port 0" in lines[0]
    assert done.stdout == b""


def test_cli_serve_without_uvicorn_says_which_extra_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the 'fake' extra, serve exits 1 with one line naming it, no traceback."""
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails

    status = serve_main(["serve", "--port", "0"])

    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "error: serving the fake over HTTP needs uvicorn: pip install 'hms-async[fake]'"
    ]


def test_cli_serve_stops_cleanly_on_ctrl_c() -> None:
    """SIGINT (Ctrl-C) ends the server with status 0 and no traceback."""
    with subprocess.Popen(  # noqa: S603
        _serve_command("--port", "0"), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline().decode()
        base_url = shlex.split(first)[1].partition("=")[2]
        process.send_signal(signal.SIGINT)
        try:
            _, errors = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # fail with what it said; never hang
            process.kill()
            _, errors = process.communicate()
            pytest.fail(f"serve did not stop on SIGINT: {errors.decode()[-2000:]}")

    assert process.returncode == 0
    assert "Traceback" not in errors.decode()
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + "rooms")


def test_cli_refuses_bad_arguments() -> None:
    """A bad port or header is a usage error (status 2), not a traceback."""
    for args in (["--port", "70000"], ["--webhook-header", "novalue"]):
        done = subprocess.run(  # noqa: S603
            _serve_command(*args), capture_output=True, check=False, text=True
        )
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
