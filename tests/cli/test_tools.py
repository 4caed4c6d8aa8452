"""hms tokens peer, hms webhooks verify and hms fake serve."""

from __future__ import annotations

import hashlib
import hmac
import json

import jwt
import pytest

from hms_async.cli._exit import ExitCode
from hms_async.testing import FakeHMS

from .conftest import Cli

BODY = json.dumps(
    {
        "version": "2.0",
        "id": "evt-1",
        "account_id": "acc",
        "app_id": "app",
        "timestamp": "2026-01-01T00:00:00Z",
        "type": "session.open.success",
        "data": {"room_id": "r1", "session_id": "s1"},
    }
).encode()
SIGNING = "signing-secret-for-tests"
SIGNATURE = hmac.new(SIGNING.encode(), BODY, hashlib.sha256).hexdigest()


def test_tokens_peer_prints_a_signed_token(hms: Cli, fake: FakeHMS) -> None:
    """The token is signed with the app secret and carries room, role and user."""
    result = hms(
        "tokens",
        "peer",
        "--room",
        "r1",
        "--role",
        "host",
        "--user",
        "ada",
        "--ttl",
        "60",
    )
    assert result.exit_code == 0
    claims = jwt.decode(result.stdout.strip(), fake.app_secret, algorithms=["HS256"])
    assert (claims["room_id"], claims["role"], claims["user_id"]) == (
        "r1",
        "host",
        "ada",
    )
    assert claims["type"] == "app"
    default = hms("tokens", "peer", "--room", "r1", "--role", "host").stdout.strip()
    long = jwt.decode(default, fake.app_secret, algorithms=["HS256"])
    assert (long["exp"] - long["iat"]) - (claims["exp"] - claims["iat"]) == 86400 - 60
    assert "user_id" not in long
    assert fake.requests == []


def test_tokens_peer_needs_room_and_role(hms: Cli) -> None:
    """Missing options are usage errors."""
    result = hms("tokens", "peer", "--role", "host")
    assert result.exit_code == ExitCode.USAGE
    assert "--room" in result.stderr


def test_webhooks_verify_accepts_a_genuine_delivery(hms: Cli) -> None:
    """Header and signature both match: exit 0 and the parsed event."""
    result = hms(
        "webhooks",
        "verify",
        "-H",
        "X-Webhook-Secret: s3cret",
        "-H",
        f"x-100ms-signature: {SIGNATURE}",
        "--expect-header",
        "x-webhook-secret: s3cret",
        "--signing-secret",
        SIGNING,
        "--json",
        input=BODY,
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "evt-1"


def test_webhooks_verify_text_output(hms: Cli) -> None:
    """--table (a terminal) prints one line naming the event."""
    result = hms(
        "webhooks",
        "verify",
        "-H",
        f"x-100ms-signature: {SIGNATURE}",
        "--signing-secret",
        SIGNING,
        "--table",
        input=BODY,
    )
    assert result.stdout == "verified: session.open.success evt-1\n"


@pytest.mark.parametrize(
    ("headers", "check"),
    [
        ((), "(x-webhook-secret): header missing"),
        (
            ("X-Webhook-Secret: nope",),
            "(x-webhook-secret): header value does not match",
        ),
        (
            ("X-Webhook-Secret: s3cret",),
            "(signature): x-100ms-signature header missing",
        ),
        (
            ("X-Webhook-Secret: s3cret", "x-100ms-signature: 00"),
            "(signature): HMAC-SHA256 of the body does not match",
        ),
    ],
)
def test_webhooks_verify_says_which_check_failed(
    hms: Cli, headers: tuple[str, ...], check: str
) -> None:
    """Each failure names its check, exits 1 and shows no secret."""
    args = [arg for header in headers for arg in ("-H", header)]
    result = hms(
        "webhooks",
        "verify",
        *args,
        "--expect-header",
        "x-webhook-secret: s3cret",
        "--signing-secret",
        SIGNING,
        input=BODY,
    )
    assert result.exit_code == ExitCode.ERROR
    assert check in result.stderr
    assert "s3cret" not in result.stderr
    assert SIGNING not in result.stderr


def test_webhooks_verify_refuses_to_check_nothing(hms: Cli) -> None:
    """With no expectation every body would pass: a usage error."""
    result = hms("webhooks", "verify", input=BODY)
    assert result.exit_code == ExitCode.USAGE


def test_webhooks_verify_bad_header_syntax(hms: Cli) -> None:
    """A header without a colon is a usage error that does not echo the value."""
    result = hms(
        "webhooks", "verify", "--expect-header", "secret-value-only", input=BODY
    )
    assert result.exit_code == ExitCode.USAGE
    assert "expected 'Name: value'" in result.stderr


def test_webhooks_verify_bad_body(hms: Cli) -> None:
    """A body that is not an event envelope fails after verification."""
    body = b"not json"
    signature = hmac.new(SIGNING.encode(), body, hashlib.sha256).hexdigest()
    result = hms(
        "webhooks",
        "verify",
        "-H",
        f"x-100ms-signature: {signature}",
        "--signing-secret",
        SIGNING,
        input=body,
    )
    assert result.exit_code == ExitCode.ERROR
    assert "not valid JSON" in result.stderr


def test_fake_serve_forwards_to_the_testing_main(
    hms: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hms fake serve ARGS runs python -m hms_async.testing serve ARGS."""
    import hms_async.testing.__main__ as testing_main

    seen: list[list[str]] = []

    def main(argv: list[str]) -> int:
        seen.append(argv)
        return 0

    monkeypatch.setattr(testing_main, "main", main)
    result = hms("fake", "serve", "--port", "0", "--seed", "7", "--help")
    assert result.exit_code == 0
    assert seen == [["serve", "--port", "0", "--seed", "7", "--help"]]
