"""``hms export rooms`` against the SDK loop a user would write by hand.

Speed: both export the same rooms to JSON Lines files and must write the same
bytes. The CLI runs in this process through ``hms_async.cli.app.run`` with its
progress bar forced on (``--progress``, drawn to /dev/null) and its state file
checkpointed as by default; the hand loop is ``async for room in
hms.rooms.list(limit=100)`` writing ``orjson.dumps(to_dict(room))`` lines to a
file. Two sources of rooms:

- ``fake``: the in-process fake (``FakeHMS.seed_rooms``), as the issue asks;
  the fake's own work is paid by both sides and is most of the time;
- ``pages``: pages generated on demand by an in-process transport (realistic
  list rooms, ~475 bytes each), so nearly all the time is the client's.

Rounds are interleaved and the medians of wall time reported, with CLI/hand.

Memory: the CLI exports ``--memory`` rooms (default 100,000 and 1,000,000),
each in its own subprocess, from the generated pages (the source holds no
state, so nothing grows with the count but the export). Each child first runs
a short export (everything imported and warmed up), reads its peak RSS
(``VmHWM``), runs the full export and reads it again; the growth between
the counts is what the export keeps per item.

    python benchmarks/bench_cli_export.py [--rooms 100000] [--rounds 3]
        [--pages-rounds 3] [--source fake|pages|both]
        [--backend asyncio|trio|both] [--memory 100000,1000000]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import anyio
import httpx
import orjson
from bench_list import room  # the same realistic list room

import hms_async
from hms_async.cli.app import run
from hms_async.testing import FakeHMS

BASE_URL = "https://api.100ms.live/v2/"
PAGE = 100
SECRET = "bench-secret-that-is-at-least-32-bytes"  # noqa: S105 - a dummy


class GeneratedPages(httpx.AsyncBaseTransport):
    """``rooms`` rooms in pages made when asked for (``start`` is an index)."""

    def __init__(self, rooms: int) -> None:
        self._rooms = rooms
        self._headers = [(b"content-type", b"application/json")]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        first = int(params.get("start") or 0)
        end = min(first + int(params.get("limit") or PAGE), self._rooms)
        data = [room(n) for n in range(first, end)]
        last = str(end) if end < self._rooms else ""
        body = orjson.dumps({"limit": PAGE, "data": data, "last": last})
        return httpx.Response(200, headers=self._headers, content=body)


ClientMaker = Callable[[], hms_async.HMSClient]


def pages_client(rooms: int) -> ClientMaker:
    """Clients on generated pages."""
    transport = GeneratedPages(rooms)

    def make() -> hms_async.HMSClient:
        return hms_async.HMSClient(
            "bench-key", SECRET, base_url=BASE_URL, transport=transport
        )

    return make


def fake_client(rooms: int) -> ClientMaker:
    """Clients on the in-process fake, seeded with ``rooms`` rooms."""
    fake = FakeHMS(seed=7)
    fake.seed_rooms(rooms)
    return fake.client


@contextlib.contextmanager
def stderr_to_devnull() -> Iterator[None]:
    """The progress bar draws (forced on) into /dev/null."""
    with open(os.devnull, "w") as devnull, contextlib.redirect_stderr(devnull):
        yield


def cli_export(
    make: ClientMaker, out: Path, backend: str, extra: tuple[str, ...] = ()
) -> None:
    """``hms export rooms --limit 100 --progress -o OUT`` in this process."""
    argv = ["--backend", backend, "export", "rooms", "--limit", str(PAGE)]
    argv += ["--progress", "-o", str(out), *extra]
    with stderr_to_devnull():
        status = run(argv, client_factory=lambda _settings: make())
    if status != 0:
        raise SystemExit(f"hms export exited {status}")


def hand_export(make: ClientMaker, out: Path, backend: str) -> None:
    """What a user writes by hand: the SDK's list, one orjson line per room."""

    async def main() -> None:
        dumps, option, to_dict = (
            orjson.dumps,
            orjson.OPT_APPEND_NEWLINE,
            hms_async.to_dict,
        )
        async with make() as hms:
            with out.open("wb") as file:
                async for item in hms.rooms.list(limit=PAGE):
                    file.write(dumps(to_dict(item), option=option))

    anyio.run(main, backend=backend)


Variant = Callable[[ClientMaker, Path, str], None]
VARIANTS: dict[str, Variant] = {
    "hand": hand_export,
    "cli": lambda make, out, backend: cli_export(make, out, backend),
    "cli/page": lambda make, out, backend: cli_export(
        make, out, backend, ("--checkpoint-every", "0")
    ),
}
"""``cli`` checkpoints as by default (once a second); ``cli/page`` after every page."""


def speed(
    source: str, make: ClientMaker, backend: str, rounds: int, directory: Path
) -> None:
    """Interleave the variants; print medians and the ratios to the hand loop.

    Wall time is the measure (it includes the fsyncs): the ratio of the
    medians, and of the best rounds (other jobs on a shared host only ever add
    time); the ratio of CPU time (all threads: the progress bar's too) is
    printed beside them. Every round's outputs are compared byte for byte.
    ``cli/page`` runs on the generated pages only (on the fake, whose own work
    is most of the time, it would only make the run longer).
    """
    variants = {
        name: variant
        for name, variant in VARIANTS.items()
        if source == "pages" or name != "cli/page"
    }
    outputs = {name: directory / f"{name.replace('/', '-')}.jsonl" for name in variants}
    wall: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, variant in variants.items():
            started, used = time.perf_counter(), time.process_time()
            variant(make, outputs[name], backend)
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - used)
        expected = outputs["hand"].read_bytes()
        for name in variants:
            if outputs[name].read_bytes() != expected:
                raise SystemExit(f"{name} wrote other bytes than the hand loop")
    median = {name: statistics.median(values) for name, values in wall.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    best = {name: min(values) for name, values in wall.items()}
    print(
        f"{source:5} {backend:7}"
        + "".join(f" | {name} {median[name]:5.2f} s" for name in variants)
        + "".join(
            f" | {name}/hand {median[name] / median['hand']:4.2f}x"
            f" (best {best[name] / best['hand']:4.2f}x,"
            f" CPU {median_cpu[name] / median_cpu['hand']:4.2f}x)"
            for name in variants
            if name != "hand"
        )
    )


def warm_up(backend: str, directory: Path) -> None:
    """Import and run everything once (a two-page export each way)."""
    make = pages_client(2 * PAGE)
    for name, variant in VARIANTS.items():
        variant(make, directory / f"warm-{name.replace('/', '-')}.jsonl", backend)


def peak_rss_kib() -> int:
    """This process's peak resident set size so far, in KiB.

    Linux's ``VmHWM``: ``ru_maxrss`` would do, but a child started by
    fork + exec inherits it from the parent (here the benchmark, holding the
    fake), which would hide the child's own peak.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: ru_maxrss (KiB on Linux and BSD, bytes on macOS)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1])


def memory_child(rooms: int, backend: str) -> None:
    """Warm up, read the peak RSS, export ``rooms``, read it again; print both."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rooms.jsonl"
        warm_up(backend, Path(tmp))
        before = peak_rss_kib()
        cli_export(pages_client(rooms), out, backend)
        after = peak_rss_kib()
        lines = out.read_bytes().count(b"\n")
    if lines != rooms:
        raise SystemExit(f"exported {lines} rooms, not {rooms}")
    print(orjson.dumps({"before": before, "after": after}).decode())


def memory(counts: list[int], backend: str) -> None:
    """Each count in its own process; print the peak RSS growth of each."""
    growth = {}
    for rooms in counts:
        done = subprocess.run(  # noqa: S603 - this script, run again
            [
                sys.executable,
                __file__,
                "--memory-child",
                str(rooms),
                "--backend",
                backend,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        found = orjson.loads(done.stdout.splitlines()[-1])
        growth[rooms] = found["after"] - found["before"]
        print(
            f"memory {backend:7} {rooms:>9,} rooms: peak RSS {found['before'] / 1024:6.1f}"
            f" -> {found['after'] / 1024:6.1f} MiB (+{growth[rooms] / 1024:.1f} MiB)"
        )
    low, high = min(counts), max(counts)
    print(
        f"memory {backend:7} growth from {low:,} to {high:,} rooms:"
        f" {(growth[high] - growth[low]) / 1024:+.1f} MiB"
    )


def main() -> None:
    """Parse options; run the speed rounds, then the memory processes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds on the fake")
    parser.add_argument(
        "--pages-rounds", type=int, default=3, help="rounds on the generated pages"
    )
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    parser.add_argument("--source", choices=["fake", "pages", "both"], default="both")
    parser.add_argument("--memory", default="100000,1000000", help="'' to skip")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    backends = ["asyncio", "trio"] if args.backend == "both" else [args.backend]
    if args.memory_child is not None:
        memory_child(args.memory_child, backends[0])
        return
    print(
        f"{args.rooms:,} rooms in pages of {PAGE}, wall time, medians of"
        f" {args.pages_rounds} (pages) and {args.rounds} (fake) interleaved rounds"
    )
    sources = ["pages", "fake"] if args.source == "both" else [args.source]
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            warm_up(backend, Path(tmp))
        for source in sources:
            make = (pages_client if source == "pages" else fake_client)(args.rooms)
            for backend in backends:
                rounds = args.rounds if source == "fake" else args.pages_rounds
                speed(source, make, backend, rounds, Path(tmp))
    counts = [int(c) for c in args.memory.split(",") if c.strip()]
    if counts:
        memory(counts, backends[0])


if __name__ == "__main__":
    main()
