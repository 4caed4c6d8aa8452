"""The root command: version, help, usage errors, exit codes, one-line errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hms_async import __version__
from hms_async.cli._exit import ExitCode
from hms_async.cli.app import cli, run
from hms_async.testing import FakeHMS

from .conftest import Cli


def test_version(hms: Cli) -> None:
    """--version prints the package version."""
    result = hms("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_help_lists_every_command(hms: Cli) -> None:
    """--help names each command group."""
    result = hms("--help")
    assert result.exit_code == 0
    for name in (
        "rooms",
        "room-codes",
        "active-rooms",
        "sessions",
        "recordings",
        "live-streams",
        "templates",
        "tokens",
        "webhooks",
        "export",
        "fake",
    ):
        assert name in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rooms", "list", "--bogus"), "No such option '--bogus'"),
        (("rooms", "list", "--after", "yesterday"), "'yesterday' is not an ISO 8601"),
        (("rooms", "list", "--limit", "5"), "5 is not in the range 10<=x<=100"),
        (("export", "rooms", "--limit", "101"), "101 is not in the range"),
        (("export", "analytics-events"), "Missing option '--room-id'"),
        (("rooms", "create", "--max-duration-seconds", "60"), "60 is not in the range"),
        (("rooms", "create", "--name", "bad name!"), "name may only contain"),
        (("active-rooms", "remove-peers", "r1"), "needs --peer-id or --role"),
    ],
)
def test_bad_input_is_a_usage_error_before_any_request(
    hms: Cli, fake: FakeHMS, args: tuple[str, ...], message: str
) -> None:
    """Unknown options, bad dates, out-of-range values: exit 2, nothing sent."""
    result = hms(*args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert fake.requests == []


def test_no_credentials_is_an_authentication_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without keys (and no injected client) the CLI says which variables to set."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    result = CliRunner().invoke(cli, ["rooms", "get", "r1"])
    assert result.exit_code == ExitCode.AUTH
    assert "HMS_ACCESS_KEY and HMS_SECRET" in result.stderr
    assert result.stderr.count("\n") == 1


def test_not_found_exit_code(hms: Cli) -> None:
    """A 404 is exit 4 with the API's message on one line."""
    result = hms("rooms", "get", "no-such-room")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stderr.startswith("Error: 404")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_wrong_secret_is_exit_3_and_never_shows_the_secret(
    fake: FakeHMS, backend: str
) -> None:
    """401 → exit 3; the secret given is nowhere in the output."""
    secret = "a-wrong-secret-that-is-long-enough-for-hs256-0123456789"
    env = {"HMS_ACCESS_KEY": fake.access_key, "HMS_SECRET": secret}
    result = CliRunner().invoke(
        cli,
        [
            "--backend",
            backend,
            "--base-url",
            "http://127.0.0.1:1/v2/",
            "rooms",
            "get",
            "x",
        ],
        env=env,
    )
    # Nothing listens on port 1: a connection error, and still no secret.
    assert result.exit_code == ExitCode.CONNECTION
    assert secret not in result.output
    hms = Cli(fake, backend)
    hms.secret = secret
    result = hms("rooms", "get", "x")
    assert result.exit_code == ExitCode.AUTH
    assert secret not in result.output


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (429, ExitCode.UNAVAILABLE),
        (503, ExitCode.UNAVAILABLE),
        (403, ExitCode.AUTH),
        (400, ExitCode.ERROR),
    ],
)
def test_api_errors_map_to_exit_codes(
    hms: Cli, fake: FakeHMS, status: int, code: ExitCode
) -> None:
    """Rate limits and server errors share a code; others have their own."""
    fake.faults.add("GET", "/rooms/{room_id}", status=status)
    result = hms("rooms", "get", "r1")
    assert result.exit_code == code
    assert f"Error: {status}" in result.stderr


def test_connection_error_exit_code(hms: Cli, fake: FakeHMS) -> None:
    """A dropped connection is exit 6."""
    fake.faults.add("GET", "/rooms/{room_id}", drop=True)
    result = hms("rooms", "get", "r1")
    assert result.exit_code == ExitCode.CONNECTION


def test_debug_shows_the_traceback(hms: Cli) -> None:
    """--debug adds the traceback; without it there is none."""
    result = hms("--debug", "rooms", "get", "no-such-room")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "Traceback (most recent call last)" in result.stderr
    assert "NotFoundError" in result.stderr


def test_run_returns_exit_codes(fake: FakeHMS) -> None:
    """run() (for embedding) returns the status instead of exiting."""
    assert run(["--version"]) == 0
    assert run(["rooms", "list", "--limit", "1"]) == ExitCode.USAGE
    status = run(
        ["rooms", "get", "nope"], client_factory=lambda _s: fake.client(max_retries=0)
    )
    assert status == ExitCode.NOT_FOUND


def test_trio_backend_without_trio_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--backend trio names the [trio] extra when trio is missing."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "trio" else real(name, *a),
    )
    result = CliRunner().invoke(cli, ["--backend", "trio", "rooms", "get", "x"])
    assert result.exit_code == ExitCode.USAGE
    assert "hms-async[trio]" in result.stderr
