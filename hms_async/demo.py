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
import os
import time
from collections.abc import AsyncIterator, Sequence

import anyio

from . import HMSClient
from .models import Room
from .testing import FakeHMS

__all__ = ["main"]


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


async def _read_only(hms: HMSClient, limit: int) -> None:
    rooms, pages, elapsed, last = await _stream_rooms(hms, limit)
    print(f"streamed {rooms} rooms in {pages} pages in {elapsed:.2f} s")
    if last is None:
        return
    print(f"last room: {last.name} (id {last.id}, created {last.created_at})")
    recent = await hms.sessions.list(limit=10)
    print(f"{len(recent.data)} most recent sessions (first page only):")
    for session in recent.data:
        names = sorted(p.name or p.id for p in session.peers.values())
        state = "active" if session.active else "ended"
        print(
            f"  session {session.id} ({state}): {len(names)} peers {', '.join(names)}"
        )


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
        print("credentials found: read-only run against the 100ms API")
        async with HMSClient() as hms:
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
        await _read_only(hms, args.limit)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and run the demo."""
    parser = argparse.ArgumentParser(
        prog="python -m hms_async.demo", description=__doc__
    )
    parser.add_argument(
        "--rooms", type=int, default=3000, help="rooms to create (fake only)"
    )
    parser.add_argument("--limit", type=int, default=100, help="page size, 10 to 100")
    parser.add_argument("--concurrency", type=int, default=32, help="creates in flight")
    parser.add_argument(
        "--wire", action="store_true", help="serve the fake over loopback"
    )
    parser.add_argument("--backend", choices=["asyncio", "trio"], default="asyncio")
    args = parser.parse_args(argv)
    if args.backend == "trio" and not _trio_installed():
        parser.error("--backend trio needs trio: pip install 'hms-async[trio]'")
    anyio.run(_run, args, backend=args.backend)


def _trio_installed() -> bool:
    try:
        import trio  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
