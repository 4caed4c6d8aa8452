"""``hms tokens``, ``hms webhooks verify`` and ``hms fake serve``."""

from __future__ import annotations

import sys

import click

from .. import webhooks
from ..errors import WebhookError
from ._context import settings
from ._exit import Failure
from ._params import output_options
from ._render import emit

__all__ = ["fake", "tokens", "webhooks_group"]


@click.group()
def tokens() -> None:
    """Auth tokens, signed locally (no request is sent)."""


@tokens.command("peer")
@click.option("--room", "room_id", required=True, help="The room id.")
@click.option("--role", required=True, help="The role the peer joins as.")
@click.option("--user", "user_id", help="Your id for the user.")
@click.option(
    "--ttl",
    type=click.IntRange(min=1),
    default=86400,
    show_default=True,
    help="Lifetime in seconds.",
)
def peer(room_id: str, role: str, user_id: str | None, ttl: int) -> None:
    """Print a peer auth token for a client SDK to join with."""
    config = settings(click.get_current_context())

    async def sign() -> str:
        async with config.client() as hms:
            return hms.tokens.create(
                room_id=room_id, role=role, user_id=user_id, ttl=ttl
            )

    click.echo(config.run(sign))


def _header(value: str) -> tuple[str, str]:
    name, sep, rest = value.partition(":")
    if not sep or not name.strip():
        # Only the name part is shown: the value may be a secret.
        raise click.BadParameter(f"expected 'Name: value', got {name.strip()[:40]!r}")
    return name.strip(), rest.strip()


def _headers(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    return tuple(_header(value) for value in values)


@click.group("webhooks")
def webhooks_group() -> None:
    """Webhooks from 100ms."""


@webhooks_group.command("verify")
@click.option(
    "-H",
    "--header",
    "received",
    callback=_headers,
    multiple=True,
    metavar="'NAME: VALUE'",
    help="A header as received, 'Name: value' (repeatable).",
)
@click.option(
    "--expect-header",
    "expected",
    callback=_headers,
    multiple=True,
    metavar="'NAME: VALUE'",
    help="A custom header the delivery must carry, 'Name: value' (repeatable).",
)
@click.option(
    "--signing-secret",
    envvar="HMS_WEBHOOK_SIGNING_SECRET",
    help="Check x-100ms-signature with this secret [env: HMS_WEBHOOK_SIGNING_SECRET].",
)
@output_options
def verify(
    received: tuple[tuple[str, str], ...],
    expected: tuple[tuple[str, str], ...],
    signing_secret: str | None,
    as_json: bool | None,
) -> None:
    """Verify a delivery whose raw body is on stdin; say which check failed."""
    if not expected and not signing_secret:
        raise click.UsageError(
            "give --expect-header or --signing-secret: with neither nothing is checked"
        )
    body = sys.stdin.buffer.read()
    try:
        event = webhooks.construct_event(
            body,
            dict(received),
            expected_headers=dict(expected),
            signing_secret=signing_secret,
        )
    except WebhookError as exc:
        raise Failure(str(exc)) from None
    if as_json or (as_json is None and not sys.stdout.isatty()):
        emit(event, as_json=True)
    else:
        click.echo(f"verified: {event.type} {event.id}")


@click.group()
def fake() -> None:
    """The built-in fake 100ms service, to try hms with no account."""


@fake.command(
    "serve",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def serve(args: tuple[str, ...]) -> None:
    """Serve the fake over loopback HTTP (same as python -m hms_async.testing serve).

    It prints HMS_BASE_URL, HMS_ACCESS_KEY and HMS_SECRET for hms (or any
    client) to use. Options are those of that command (--help lists them).
    """
    from ..testing.__main__ import main

    sys.exit(main(["serve", *args]))
