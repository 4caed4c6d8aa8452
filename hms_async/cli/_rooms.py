"""``hms rooms``, ``hms room-codes`` and ``hms active-rooms``."""

from __future__ import annotations

from typing import Any

import click

from ._calls import call, list_command
from ._kinds import KINDS
from ._params import apply, output_options

__all__ = ["active_rooms", "room_codes", "rooms"]

REGION = click.Choice(["in", "us", "eu", "auto"])


@click.group()
def rooms() -> None:
    """Rooms: create, read, update, enable and disable."""


rooms.add_command(list_command(KINDS["rooms"]))


@rooms.command("get")
@click.argument("room_id")
@output_options
def get_room(room_id: str, as_json: bool | None) -> None:
    """Show one room."""
    call(lambda hms: hms.rooms.retrieve(room_id), as_json=as_json)


_room_fields = apply(
    (
        click.option("--description", help="A description."),
        click.option("--template-id", help="The template (create only)."),
        click.option("--region", type=REGION, help="Where the room runs."),
        click.option("--size", type=click.IntRange(min=0), help="Most peers at once."),
        click.option(
            "--max-duration-seconds",
            type=click.IntRange(120, 43200),
            help="Longest session (120-43200).",
        ),
        click.option(
            "--large-room/--no-large-room", default=None, help="Up to 20,000 peers."
        ),
    )
)


@rooms.command("create")
@click.option("--name", help="A unique name (an existing room is updated).")
@_room_fields
@output_options
def create_room(as_json: bool | None, **fields: Any) -> None:
    """Create a room (or update the one with this --name)."""
    given = {key: value for key, value in fields.items() if value is not None}
    call(lambda hms: hms.rooms.create(**given), as_json=as_json)


@rooms.command("update")
@click.argument("room_id")
@click.option("--name", help="A new name.")
@_room_fields
@output_options
def update_room(room_id: str, as_json: bool | None, **fields: Any) -> None:
    """Change a room's settings; only the options given are sent."""
    given = {k: v for k, v in fields.items() if v is not None and k != "template_id"}
    if fields.get("template_id") is not None:
        raise click.UsageError("a room's template cannot be changed (--template-id)")
    call(lambda hms: hms.rooms.update(room_id, **given), as_json=as_json)


@rooms.command("enable")
@click.argument("room_id")
@output_options
def enable_room(room_id: str, as_json: bool | None) -> None:
    """Let peers join the room again."""
    call(lambda hms: hms.rooms.enable(room_id), as_json=as_json)


@rooms.command("disable")
@click.argument("room_id")
@output_options
def disable_room(room_id: str, as_json: bool | None) -> None:
    """Stop new peers from joining the room."""
    call(lambda hms: hms.rooms.disable(room_id), as_json=as_json)


@click.group("room-codes")
def room_codes() -> None:
    """Room codes: list, create, enable and disable."""


@room_codes.command("list")
@click.argument("room_id")
@click.option("--role", help="Only codes of this role.")
@click.option(
    "--enabled/--disabled", default=None, help="Only enabled (or disabled) codes."
)
@output_options
def list_codes(
    room_id: str, role: str | None, enabled: bool | None, as_json: bool | None
) -> None:
    """List a room's codes."""

    async def codes(hms: Any) -> list[Any]:
        return [
            code
            async for code in hms.room_codes.list(room_id, role=role, enabled=enabled)
        ]

    call(codes, as_json=as_json)


@room_codes.command("create")
@click.argument("room_id")
@click.option("--role", help="Only for this role (default: one per role).")
@output_options
def create_codes(room_id: str, role: str | None, as_json: bool | None) -> None:
    """Create room codes: one per role, or one for --role."""
    if role is None:
        call(lambda hms: hms.room_codes.create(room_id), as_json=as_json)
    else:
        call(lambda hms: hms.room_codes.create_for_role(room_id, role), as_json=as_json)


@room_codes.command("enable")
@click.argument("code")
@output_options
def enable_code(code: str, as_json: bool | None) -> None:
    """Enable a room code."""
    call(lambda hms: hms.room_codes.enable(code), as_json=as_json)


@room_codes.command("disable")
@click.argument("code")
@output_options
def disable_code(code: str, as_json: bool | None) -> None:
    """Disable a room code."""
    call(lambda hms: hms.room_codes.disable(code), as_json=as_json)


@click.group("active-rooms")
def active_rooms() -> None:
    """Live rooms: the session, its peers, messages, removals, ending."""


@active_rooms.command("get")
@click.argument("room_id")
@output_options
def get_active(room_id: str, as_json: bool | None) -> None:
    """Show the room's ongoing session and connected peers."""
    call(lambda hms: hms.active_rooms.retrieve(room_id), as_json=as_json)


@active_rooms.command("peers")
@click.argument("room_id")
@click.option("--user-id", help="Only this user's peers.")
@click.option("--role", help="Only peers of this role.")
@output_options
def peers(
    room_id: str, user_id: str | None, role: str | None, as_json: bool | None
) -> None:
    """List the connected peers (by peer id)."""
    call(
        lambda hms: hms.active_rooms.list_peers(room_id, user_id=user_id, role=role),
        as_json=as_json,
    )


@active_rooms.command("send-message")
@click.argument("room_id")
@click.option("--message", required=True, help="The text to send.")
@click.option("--peer-id", help="Only to this peer.")
@click.option("--role", help="Only to peers of this role.")
@click.option("--type", "type_", help="Message type (chat, emoji, custom_event…).")
@output_options
def send_message(
    room_id: str,
    message: str,
    peer_id: str | None,
    role: str | None,
    type_: str | None,
    as_json: bool | None,
) -> None:
    """Send a message to one peer, a role, or everyone."""
    call(
        lambda hms: hms.active_rooms.send_message(
            room_id, message=message, peer_id=peer_id, role=role, type=type_
        ),
        as_json=as_json,
    )


@active_rooms.command("remove-peers")
@click.argument("room_id")
@click.option("--peer-id", help="This peer.")
@click.option("--role", help="Every peer of this role.")
@click.option("--reason", help="Shown to the peers removed.")
@output_options
def remove_peers(
    room_id: str,
    peer_id: str | None,
    role: str | None,
    reason: str | None,
    as_json: bool | None,
) -> None:
    """Remove one peer (--peer-id) or every peer of a role (--role)."""
    if not peer_id and not role:
        raise click.UsageError("remove-peers needs --peer-id or --role")
    call(
        lambda hms: hms.active_rooms.remove_peers(
            room_id, peer_id=peer_id, role=role, reason=reason
        ),
        as_json=as_json,
    )


@active_rooms.command("end")
@click.argument("room_id")
@click.option("--reason", help="Shown to everyone.")
@click.option("--lock", is_flag=True, default=None, help="Also disable the room.")
@output_options
def end(
    room_id: str, reason: str | None, lock: bool | None, as_json: bool | None
) -> None:
    """End the room's session for everyone."""
    call(
        lambda hms: hms.active_rooms.end(room_id, reason=reason, lock=lock),
        as_json=as_json,
    )
