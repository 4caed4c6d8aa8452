"""The README's main job: create rooms, then stream them back lazily.

``python -m hms_async.demo`` runs against the built-in fake 100ms service
(in process; ``--wire`` serves it over loopback HTTP instead) when no
credentials are set. With ``HMS_ACCESS_KEY`` and ``HMS_SECRET`` in the
environment it runs only its read-only part against the real API: it lists
rooms and sessions and changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence

import anyio

from . import HMSClient
from ._words import plural
from .models import Room
from .testing import FakeHMS

__all__ = ["main"]

DESCRIPTION = """\
Create rooms, then stream them back lazily, page by page, and say how fast.

Without HMS_ACCESS_KEY and HMS_SECRET in the environment it runs against the
built-in fake 100ms service, in process (--wire: over loopback HTTP). With
them it runs only its read-only part, listing rooms and sessions of the API at
HMS_BASE_URL (100ms' own by default), and changes nothing.
"""


async def _create_rooms(hms: HMSClient, count: int, concurrency: int) -> float:
    limiter = anyio.CapacityLimiter(concurrency)
    started = time.perf_counter()

    async def create(index: int) -> None:
        async with limiter:
            await hms.rooms.create(name=f"demo-room-{index:06d}", description="demo")

    async with anyio.create_task_group() as tg:
        for index in range(count):
            tg.start_soon(create, index)
    return time.perf_counter() - started


async def _stream_rooms(
    hms: HMSClient, limit: int
) -> tuple[int, int, float, Room | None]:
    started = time.perf_counter()
    rooms = pages = 0
    last: Room | None = None
    async for page in hms.rooms.list(limit=limit).pages():
        pages += 1
        rooms += len(page.data)
        last = page.data[-1] if page.data else last
    return rooms, pages, time.perf_counter() - started, last


async def _read_only(hms: HMSClient, limit: int, visited: Room | None = None) -> None:
    """List rooms and recent sessions; name ``visited`` (or the last room listed)."""
    rooms, pages, elapsed, last = await _stream_rooms(hms, limit)
    print(f"streamed {rooms} rooms in {pages} pages in {elapsed:.2f} s")
    room, label = (visited, "last room") if visited else (last, "last room listed")
    if room is None:
        return
    print(f"{label}: {room.name} (id {room.id}, created {room.created_at})")
    recent = await hms.sessions.list(limit=10)
    count = len(recent.data)
    print(f"{count} {plural(count, 'session')} on the first page of sessions:")
    for session in recent.data:
        names = sorted(p.name or p.id for p in session.peers.values())
        state = "active" if session.active else "ended"
        peers = f"{len(names)} {plural(len(names), 'peer')}"
        print(f"  session {session.id} ({state}): {peers} {', '.join(names)}")


def _simulate_visit(fake: FakeHMS, room_id: str) -> None:
    """Peers join and leave the room, so its session has something to show."""
    peers = [
        fake.join(room_id, role="host", user_id=f"user-{n}", name=name)
        for n, name in enumerate(["Ada", "Grace", "Linus"])
    ]
    for peer in peers:
        fake.leave(room_id, peer.id)


@contextlib.asynccontextmanager
async def _fake_client(fake: FakeHMS, wire: bool) -> AsyncIterator[HMSClient]:
    if not wire:
        async with fake.client() as hms:
            print("no HMS_ACCESS_KEY/HMS_SECRET: using the built-in fake, in process")
            yield hms
        return
    async with fake.serve() as base_url:
        print(f"no HMS_ACCESS_KEY/HMS_SECRET: using the built-in fake at {base_url}")
        async with HMSClient(
            fake.access_key, fake.app_secret, base_url=base_url
        ) as hms:
            yield hms


async def _run(args: argparse.Namespace) -> None:
    if os.environ.get("HMS_ACCESS_KEY") and os.environ.get("HMS_SECRET"):
        async with HMSClient() as hms:
            print(f"credentials found: read-only run against {hms.base_url}")
            await _read_only(hms, args.limit)
        return
    fake = FakeHMS(seed="demo")
    async with _fake_client(fake, args.wire) as hms:
        elapsed = await _create_rooms(hms, args.rooms, args.concurrency)
        rate = args.rooms / elapsed if elapsed else float("inf")
        print(f"created {args.rooms} rooms in {elapsed:.2f} s ({rate:,.0f} rooms/s)")
        rooms, pages, elapsed, _ = await _stream_rooms(hms, args.limit)
        rate = rooms / elapsed if elapsed else float("inf")
        print(
            f"streamed them back lazily: {rooms} rooms in {pages} pages of "
            f"{args.limit} in {elapsed:.2f} s ({rate:,.0f} rooms/s)"
        )
        if rooms < args.rooms:
            raise SystemExit(f"expected {args.rooms} rooms, streamed {rooms}")
        last = await hms.rooms.retrieve_by_name(f"demo-room-{args.rooms - 1:06d}")
        _simulate_visit(fake, last.id)
        print(f"simulated 3 peers visiting {last.name}; the read-only part:")
        await _read_only(hms, args.limit, visited=last)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and run the demo."""
    parser = argparse.ArgumentParser(
        prog="python -m hms_async.demo",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--rooms",
        type=_whole(1, 100_000),
        default=3000,
        help="rooms to create, 1 to 100000 (fake only; default 3000)",
    )
    parser.add_argument(
        "--limit", type=_whole(10, 100), default=100, help="page size, 10 to 100"
    )
    parser.add_argument(
        "--concurrency",
        type=_whole(1, 1000),
        default=32,
        help="creates in flight, 1 to 1000 (default 32)",
    )
    parser.add_argument(
        "--wire", action="store_true", help="serve the fake over loopback"
    )
    parser.add_argument("--backend", choices=["asyncio", "trio"], default="asyncio")
    args = parser.parse_args(argv)
    if args.backend == "trio" and not _installed("trio"):
        parser.error("--backend trio needs trio: pip install 'hms-async[trio]'")
    if args.wire and not _installed("uvicorn"):
        parser.error("--wire needs uvicorn: pip install 'hms-async[fake]'")
    anyio.run(_run, args, backend=args.backend)


def _whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in ``[low, high]`` (else a usage error)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"must be between {low} and {high}, got {value}"
            )
        return value

    return parse


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    main()
