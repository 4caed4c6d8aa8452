"""hms rooms, room-codes and active-rooms against the in-process fake."""

from __future__ import annotations

from hms_async.cli._exit import ExitCode
from hms_async.testing import FakeHMS

from ._workspace import build
from .conftest import Cli


def test_rooms_create_get_update_enable_disable(hms: Cli, fake: FakeHMS) -> None:
    """Each verb reaches the fake and prints the room as JSON."""
    created = hms.json("rooms", "create", "--name", "standup", "--region", "eu")
    room_id = created["id"]
    fetched = hms.json("rooms", "get", room_id)
    updated = hms.json("rooms", "update", room_id, "--description", "daily")
    disabled = hms.json("rooms", "disable", room_id)
    enabled = hms.json("rooms", "enable", room_id)

    assert (created["name"], created["region"]) == ("standup", "eu")
    assert fetched["id"] == room_id
    assert updated["description"] == "daily"
    assert (disabled["enabled"], enabled["enabled"]) == (False, True)
    assert fake.state.rooms[room_id]["description"] == "daily"


def test_rooms_update_needs_a_field(hms: Cli) -> None:
    """An update with nothing to change is a usage error."""
    room_id = hms.json("rooms", "create", "--name", "a")["id"]
    result = hms("rooms", "update", room_id)
    assert result.exit_code == ExitCode.USAGE
    assert "at least one field" in result.stderr


def test_rooms_list_filters_and_caps(hms: Cli, fake: FakeHMS) -> None:
    """Filters are the SDK's arguments; --max-items stops early."""
    fake.seed_rooms(25)
    hms.json("rooms", "disable", next(iter(fake.state.rooms)))

    every = hms.json("rooms", "list", "--limit", "10", "--max-items", "1000")
    enabled = hms.json("rooms", "list", "--enabled", "--max-items", "1000")
    capped = hms.json("rooms", "list", "--limit", "10", "--max-items", "12")
    named = hms.json("rooms", "list", "--name", "room-7")

    assert len(every) == 25
    assert len(enabled) == 24
    assert [r["id"] for r in capped] == [r["id"] for r in every[:12]]
    assert [r["name"] for r in named] == ["room-7"]
    starts = [r for r in fake.requests if r.path == "/rooms" and r.method == "GET"]
    assert starts[0].query == {"limit": ["10"]}
    assert "start" in starts[1].query


def test_rooms_list_table(hms: Cli, fake: FakeHMS) -> None:
    """--table shows the chosen columns."""
    fake.seed_rooms(3, prefix="table")
    result = hms("rooms", "list", "--table")
    assert result.exit_code == 0
    assert "table-2" in result.stdout
    assert "enabled" in result.stdout
    assert "3 shown" in result.stderr


def test_rooms_get_table(hms: Cli) -> None:
    """A single object as a table is field/value rows."""
    room_id = hms.json("rooms", "create", "--name", "tabled")["id"]
    result = hms("rooms", "get", room_id, "--table")
    assert result.exit_code == 0
    assert "tabled" in result.stdout
    assert "region" in result.stdout


def test_room_codes(hms: Cli) -> None:
    """Codes are created per role or for one role, listed, disabled, enabled."""
    room_id = hms.json("rooms", "create", "--name", "coded")["id"]
    every = hms.json("room-codes", "create", room_id)
    one = hms.json("room-codes", "create", room_id, "--role", "host")
    listed = hms.json("room-codes", "list", room_id, "--role", "host")
    disabled = hms.json("room-codes", "disable", one["code"])
    enabled = hms.json("room-codes", "enable", one["code"])

    assert {c["role"] for c in every} >= {"host", "guest"}
    assert one["role"] == "host"
    assert {c["code"] for c in listed} == {one["code"]} | {
        c["code"] for c in every if c["role"] == "host"
    }
    assert (disabled["enabled"], enabled["enabled"]) == (False, True)


def test_active_rooms(hms: Cli, fake: FakeHMS) -> None:
    """Live state, peers, a message, a removal and the end of the session."""
    work = build(fake)
    active = hms.json("active-rooms", "get", work.room_id)
    peers = hms.json("active-rooms", "peers", work.room_id, "--role", "host")
    sent = hms.json(
        "active-rooms",
        "send-message",
        work.room_id,
        "--message",
        "hi",
        "--type",
        "chat",
    )
    removed = hms.json(
        "active-rooms",
        "remove-peers",
        work.room_id,
        "--role",
        "guest",
        "--reason",
        "bye",
    )
    ended = hms.json("active-rooms", "end", work.room_id, "--lock")

    assert active["session"]["id"] == work.session_id
    assert list(peers) == [work.host_id]
    assert sent["message"]
    assert removed["message"]
    assert ended["message"]
    assert fake.messages[-1]["message"] == "hi"
    assert fake.state.rooms[work.room_id]["enabled"] is False
    assert hms("active-rooms", "get", work.room_id).exit_code == ExitCode.NOT_FOUND
