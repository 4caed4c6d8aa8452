"""One client under a web app's load: many ``rooms.retrieve`` calls in flight.

A loopback server runs in a separate process: the fake (``python -m
hms_async.testing serve --port 0``, the default) or, with ``--server
minimal``, a minimal uvicorn app answering every ``GET /v2/rooms/{id}`` with
the same prebuilt room (to tell the fake's cost from the client's). Each
measurement is a fresh client process that sends ``--calls`` GETs of one room
from ``--in-flight`` tasks (50 and 500 by default) through one client of a kind:

* ``httpx``: a bare ``httpx.AsyncClient()`` (default pool: 100 connections,
  20 kept alive), ``get`` + ``raise_for_status`` + ``json()``;
* ``httpx-sized``: the same with a pool of as many connections as tasks;
* ``httpx-aiohttp``: httpx-aiohttp's ``HttpxAiohttpClient()`` alone, same loop;
* ``aiohttp``: aiohttp's ``ClientSession()`` (default connector), the ceiling;
* ``sdk``: ``HMSClient()`` (httpx, ``max_connections=100``), typed ``Room``;
* ``sdk-aiohttp``: ``HMSClient(http="aiohttp")``.

Per run: successful calls per second (wall time of the timed calls), client
CPU seconds per 1,000 calls (``time.process_time()`` of the client process),
pool timeouts, other errors, and the TCP connections the client opened. The
connections are counted in the client process: it runs on an event loop whose
``create_connection`` counts its calls, and every library here (httpcore
through anyio, aiohttp through aiohappyeyeballs) opens its sockets through it.
One warm-up call (not timed) precedes the timed ones; it opens a connection,
which is counted. Rounds are interleaved (each round runs every kind at each
level, in a rotated order) and ratios against bare ``httpx`` are the medians
of the per-round ratios.

A run stops starting calls after ``--max-seconds`` (a client that collapses
under the load would otherwise take many minutes); its rate is then over
the calls it sent, and the table says how many that was.

    python benchmarks/bench_load.py [--calls 20000] [--rounds 3]
        [--max-seconds 120] [--server fake|minimal]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Final, Literal, TypedDict

import httpx

FAKE_ARGS: Final = ("--port", "0", "--seed", "bench-load")
KINDS: Final = (
    "httpx",
    "httpx-sized",
    "httpx-aiohttp",
    "aiohttp",
    "sdk",
    "sdk-aiohttp",
)
LEVELS: Final = (50, 500)
POOL: Final = 100
"""The SDK's default ``max_connections`` (and keep-alive pool)."""
DEFAULT_CALLS: Final = 2_000
"""Few enough for ``nox -s bench``; the full run is ``--calls 20000``."""
DEFAULT_SECONDS: Final = 30.0
"""A run stops starting calls after this long; its rate is over what it sent."""
CLIENT_TIMEOUT: Final = 900.0
"""Seconds a client process may take before the run counts as failed."""
ROOM: Final = {
    "id": "6500a1b2c3d4e5f6a7b8c9d0",
    "name": "load-bench",
    "enabled": True,
    "description": "",
    "customer_id": "6500a1b2c3d4e5f6a7b8c9d1",
    "app_id": "6500a1b2c3d4e5f6a7b8c9d2",
    "recording_info": {"enabled": False},
    "template_id": "6500a1b2c3d4e5f6a7b8c9d3",
    "template": "default-template",
    "region": "in",
    "created_at": "2026-12-03T08:00:00.000Z",
    "updated_at": "2026-12-03T08:00:00.000Z",
    "key": "6500a1b2c3d4e5f6a7b8c9d0",
    "large_room": False,
}
"""What the minimal server answers (the shape of the fake's room)."""


class Result(TypedDict):
    """What one client process measured."""

    calls: int
    ok: int
    wall: float
    cpu: float
    pool_timeouts: int
    errors: dict[str, int]
    connections: int


# --- the client process --------------------------------------------------------


class CountingLoop(asyncio.SelectorEventLoop):
    """An event loop that counts the TCP connections opened through it."""

    connections = 0

    async def create_connection(self, *args: Any, **kwargs: Any) -> Any:
        """Count, then open the connection as asyncio does."""
        CountingLoop.connections += 1
        return await super().create_connection(*args, **kwargs)


def _is_pool_timeout(exc: BaseException) -> bool:
    from hms_async import APITimeoutError

    if isinstance(exc, httpx.PoolTimeout):
        return True
    text = str(exc)
    return isinstance(exc, APITimeoutError) and ("Pool" in text or "slot" in text)


Call = Callable[[], Awaitable[object]]


@asynccontextmanager
async def _client(kind: str, in_flight: int) -> AsyncIterator[Call]:
    """One client of ``kind``, as a function that makes one call."""
    env = os.environ
    base_url = env["HMS_BASE_URL"]
    room_id = env["BENCH_ROOM_ID"]
    url = f"{base_url.rstrip('/')}/rooms/{room_id}"
    headers = {"Authorization": f"Bearer {env['HMS_MANAGEMENT_TOKEN']}"}
    if kind.startswith("sdk"):
        from hms_async import HMSClient

        http: Literal["httpx", "aiohttp"] = (
            "aiohttp" if kind == "sdk-aiohttp" else "httpx"
        )
        async with HMSClient(http=http) as hms:
            yield lambda: hms.rooms.retrieve(room_id)
    elif kind == "aiohttp":
        import aiohttp

        async with aiohttp.ClientSession(headers=headers) as session:

            async def call() -> object:
                async with session.get(url) as response:
                    response.raise_for_status()
                    return await response.json()

            yield call
    else:
        client: httpx.AsyncClient
        if kind == "httpx-aiohttp":
            from httpx_aiohttp import HttpxAiohttpClient

            client = HttpxAiohttpClient(headers=headers)
        elif kind == "httpx-sized":
            limits = httpx.Limits(
                max_connections=in_flight, max_keepalive_connections=in_flight
            )
            client = httpx.AsyncClient(headers=headers, limits=limits)
        else:
            client = httpx.AsyncClient(headers=headers)
        async with client:

            async def call() -> object:
                response = await client.get(url)
                response.raise_for_status()
                return response.json()

            yield call


async def _measure(kind: str, in_flight: int, calls: int, seconds: float) -> Result:
    errors: collections.Counter[str] = collections.Counter()
    pool_timeouts = 0
    ok = 0
    remaining = calls
    stop_at = math.inf
    async with _client(kind, in_flight) as call:
        await call()  # warm-up: token, parsers, first connection

        async def worker() -> None:
            nonlocal remaining, ok, pool_timeouts
            while remaining > 0 and time.perf_counter() < stop_at:
                remaining -= 1
                try:
                    await call()
                except Exception as exc:
                    if _is_pool_timeout(exc):
                        pool_timeouts += 1
                    else:
                        errors[type(exc).__name__] += 1
                else:
                    ok += 1

        cpu = time.process_time()
        wall = time.perf_counter()
        stop_at = wall + seconds
        async with asyncio.TaskGroup() as group:
            for _ in range(in_flight):
                group.create_task(worker())
        wall = time.perf_counter() - wall
        cpu = time.process_time() - cpu
    return Result(
        calls=calls - remaining,
        ok=ok,
        wall=wall,
        cpu=cpu,
        pool_timeouts=pool_timeouts,
        errors=dict(errors),
        connections=CountingLoop.connections,
    )


def client_main(kind: str, in_flight: int, calls: int, seconds: float) -> None:
    """Measure one kind at one level; print the result as JSON."""
    with asyncio.Runner(loop_factory=CountingLoop) as runner:
        result = runner.run(_measure(kind, in_flight, calls, seconds))
    print(json.dumps(result))


# --- the minimal server ----------------------------------------------------------


def minimal_main() -> None:
    """Serve the prebuilt room on a free loopback port; print the environment."""
    import uvicorn

    body = json.dumps(ROOM).encode()
    start = {
        "type": "http.response.start",
        "status": 200,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    done = {"type": "http.response.body", "body": body}

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send(start)
        await send(done)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    print(f"export HMS_BASE_URL={base}/v2/")
    print("export HMS_ACCESS_KEY=minimal-access-key")
    print("export HMS_SECRET=minimal-app-secret-not-checked-by-this-server")
    print(f"export HMS_FAKE_CONTROL_URL={base}/_fake/")
    print("export HMS_MANAGEMENT_TOKEN=not-checked", flush=True)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, backlog=1024, lifespan="off"
    )
    uvicorn.Server(config).run(sockets=[sock])


# --- the driver --------------------------------------------------------------------


@contextmanager
def _server(kind: str) -> Iterator[dict[str, str]]:
    """Start the loopback server process; yield its environment."""
    here = os.path.abspath(__file__)
    command = (
        [sys.executable, "-m", "hms_async.testing", "serve", *FAKE_ARGS]
        if kind == "fake"
        else [sys.executable, here, "--serve-minimal"]
    )
    process = subprocess.Popen(  # noqa: S603
        command, stdout=subprocess.PIPE, text=True, stderr=subprocess.DEVNULL
    )
    try:
        env: dict[str, str] = {}
        assert process.stdout is not None  # noqa: S101
        while "HMS_MANAGEMENT_TOKEN" not in env:
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"the {kind} server exited before it was ready")
            name, _, value = line.removeprefix("export ").strip().partition("=")
            env[name] = value.strip("'")
        yield env
    finally:
        process.terminate()
        process.wait(timeout=30)


def _fresh_room(env: dict[str, str]) -> str:
    """Forget earlier requests (the fake records each one); create the room."""
    with httpx.Client(timeout=30) as http:
        http.post(f"{env['HMS_FAKE_CONTROL_URL']}reset")
        response = http.post(
            f"{env['HMS_BASE_URL']}rooms",
            json={"name": "load-bench"},
            headers={"Authorization": f"Bearer {env['HMS_MANAGEMENT_TOKEN']}"},
        )
        if response.status_code == 405 or not response.content:
            return str(ROOM["id"])
        room_id: str = response.json().get("id", ROOM["id"])
        return room_id


def _run_client(
    env: dict[str, str], kind: str, in_flight: int, calls: int, seconds: float
) -> Result | None:
    command = [sys.executable, os.path.abspath(__file__), "--client", kind]
    command += ["--in-flight", str(in_flight), "--calls", str(calls)]
    command += ["--max-seconds", str(seconds)]
    child_env = {**os.environ, **env, "BENCH_ROOM_ID": _fresh_room(env)}
    try:
        done = subprocess.run(  # noqa: S603
            command,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=CLIENT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        print(f"    {kind} at {in_flight}: no result within {CLIENT_TIMEOUT:g} s")
        return None
    if done.returncode:
        last = done.stderr.strip().splitlines()[-1:] or ["?"]
        print(f"    {kind} at {in_flight}: client failed: {last[0][:200]}")
        return None
    result: Result = json.loads(done.stdout)
    return result


def _rate(result: Result) -> float:
    return result["ok"] / result["wall"] if result["wall"] else 0.0


def _cpu_per_1000(result: Result) -> float:
    return result["cpu"] / max(result["calls"], 1) * 1000


def _span(values: list[float], fmt: str) -> str:
    if not values:
        return "-"
    low, high = min(values), max(values)
    if f"{low:{fmt}}" == f"{high:{fmt}}":
        return f"{low:{fmt}}"
    return f"{low:{fmt}}-{high:{fmt}}"


def main() -> None:
    """Start the server, run interleaved rounds of every kind, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=DEFAULT_CALLS)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=DEFAULT_SECONDS,
        help="stop starting calls after this long (a collapsing client)",
    )
    parser.add_argument("--server", choices=("fake", "minimal"), default="fake")
    parser.add_argument(
        "--in-flight",
        type=int,
        action="append",
        help="tasks in flight (repeatable; default 50 and 500)",
    )
    parser.add_argument("--kind", action="append", choices=KINDS, help="(repeatable)")
    parser.add_argument("--client", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--serve-minimal", action="store_true", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args()  # nox -s bench passes every script's args
    if args.serve_minimal:
        minimal_main()
        return
    levels: list[int] = args.in_flight or list(LEVELS)
    if args.client:
        client_main(args.client, levels[0], args.calls, args.max_seconds)
        return
    kinds: list[str] = args.kind or list(KINDS)
    if "httpx" not in kinds:
        kinds.insert(0, "httpx")  # the reference of every ratio
    results: dict[tuple[str, int], list[Result]] = collections.defaultdict(list)
    ratios: dict[tuple[str, int], list[float]] = collections.defaultdict(list)
    print(
        f"{args.calls:,} rooms.retrieve calls per run (at most "
        f"{args.max_seconds:g} s), {args.rounds} round(s), server: {args.server} "
        "(separate process)",
        flush=True,
    )
    with _server(args.server) as env:
        for round_ in range(args.rounds):
            order = kinds[round_ % len(kinds) :] + kinds[: round_ % len(kinds)]
            for level in levels:
                rates: dict[str, float] = {}
                for kind in order:
                    result = _run_client(env, kind, level, args.calls, args.max_seconds)
                    if result is None:
                        continue
                    results[kind, level].append(result)
                    rates[kind] = _rate(result)
                    print(
                        f"  round {round_ + 1} {level:>3} in flight {kind:<13} "
                        f"{result['calls']:>6} calls {rates[kind]:>8,.0f} calls/s "
                        f"{_cpu_per_1000(result):6.2f} CPU-s/1k "
                        f"pool timeouts {result['pool_timeouts']:>5} "
                        f"errors {sum(result['errors'].values()):>5} "
                        f"connections {result['connections']:>6}",
                        flush=True,
                    )
                for kind, rate in rates.items():
                    if rates.get("httpx"):
                        ratios[kind, level].append(rate / rates["httpx"])
    _table(kinds, levels, results, ratios)
    _goals(levels, results, ratios)


def _table(
    kinds: list[str],
    levels: list[int],
    results: dict[tuple[str, int], list[Result]],
    ratios: dict[tuple[str, int], list[float]],
) -> None:
    print()
    print(
        "| in flight | client | calls/s | x bare httpx | CPU-s / 1k calls "
        "| pool timeouts | errors | TCP connections |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for level in levels:
        for kind in kinds:
            runs = results.get((kind, level), [])
            if not runs:
                print(f"| {level} | {kind} | no result | | | | | |")
                continue
            rate = statistics.median(_rate(r) for r in runs)
            ratio = statistics.median(ratios[kind, level] or [0.0])
            errors: collections.Counter[str] = collections.Counter()
            for r in runs:
                errors.update(r["errors"])
            error_text = ", ".join(f"{n} {e}" for e, n in errors.items()) or "0"
            print(
                f"| {level} | {kind} | {rate:,.0f} | {ratio:.2f}x "
                f"| {_span([_cpu_per_1000(r) for r in runs], '.2f')} "
                f"| {sum(r['pool_timeouts'] for r in runs)} | {error_text} "
                f"| {_span([float(r['connections']) for r in runs], '.0f')} |"
            )


def _goals(
    levels: list[int],
    results: dict[tuple[str, int], list[Result]],
    ratios: dict[tuple[str, int], list[float]],
) -> None:
    """Print issue 11's goals, each met or missed, from the medians."""
    if set(LEVELS) - set(levels):
        return

    def ratio(kind: str, level: int) -> float:
        return statistics.median(ratios.get((kind, level)) or [0.0])

    def rate(kind: str, level: int) -> float:
        runs = results.get((kind, level)) or []
        return statistics.median(_rate(r) for r in runs) if runs else 0.0

    low, high = LEVELS
    checks: list[tuple[str, bool]] = []
    for kind in ("sdk", "sdk-aiohttp"):
        runs = results.get((kind, high)) or []
        timeouts = sum(r["pool_timeouts"] for r in runs)
        most = max((r["connections"] for r in runs), default=0)
        calls = min((r["calls"] for r in runs), default=0)
        checks.append(
            (f"{kind} at {high}: 0 pool timeouts ({timeouts})", timeouts == 0)
        )
        checks.append(
            (
                f"{kind} at {high}: no new connection per call ({most} opened for "
                f"{calls:,} calls <= the pool's {POOL} + 1 per 100 calls)",
                most <= POOL + calls // 100,
            )
        )
        checks.append(
            (
                f"{kind}: calls/s at {high} ({rate(kind, high):,.0f}) >= at {low} "
                f"({rate(kind, low):,.0f})",
                rate(kind, high) >= rate(kind, low),
            )
        )
    for level in LEVELS:
        value = ratio("sdk", level)
        checks.append((f"sdk at {level}: {value:.2f}x bare httpx >= 1.0x", value >= 1))
    for level, goal in ((low, 3.0), (high, 10.0)):
        value = ratio("sdk-aiohttp", level)
        checks.append(
            (
                f"sdk-aiohttp at {level}: {value:.2f}x bare httpx >= {goal:g}x",
                value >= goal,
            )
        )
        alone = ratio("httpx-aiohttp", level)
        if alone:
            checks.append(
                (
                    f"sdk-aiohttp at {level}: {value / alone:.2f} of httpx-aiohttp "
                    "alone >= 0.91 (adds <= 10 %)",
                    value / alone >= 1 / 1.1,
                )
            )
    print()
    for text, met in checks:
        print(f"{'met   ' if met else 'MISSED'} {text}")


if __name__ == "__main__":
    main()
