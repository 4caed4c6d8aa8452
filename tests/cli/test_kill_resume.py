"""A real ``hms export rooms`` process against the loopback fake, killed with
SIGKILL mid-way and resumed: every room ends up in the file exactly once."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from hms_async.testing import FakeHMS

ROOMS = 3000
PAGE = 10


@pytest.fixture
def loopback() -> Iterator[tuple[FakeHMS, list[str], str]]:
    """The fake with 3000 rooms, served over HTTP from a thread; yields its base URL."""
    fake = FakeHMS(seed=99)
    ids = fake.seed_rooms(ROOMS)
    fake.faults.add("GET", "/rooms", latency=0.004)  # about 1.5 s for the whole list
    urls: queue.Queue[str] = queue.Queue()
    stop = threading.Event()

    async def serve() -> None:
        async with fake.serve(port=0) as base_url:
            urls.put(base_url)
            await anyio.to_thread.run_sync(stop.wait)

    thread = threading.Thread(target=anyio.run, args=(serve,), daemon=True)
    thread.start()
    try:
        yield fake, ids, urls.get(timeout=30)
    finally:
        stop.set()
        thread.join(timeout=30)


def _recorded_items(state: Path) -> int:
    try:
        items: int = json.loads(state.read_text())["items"]
    except (FileNotFoundError, ValueError, KeyError):
        return 0
    return items


def test_sigkill_mid_export_then_resume_gives_every_room_once(
    loopback: tuple[FakeHMS, list[str], str], tmp_path: Path
) -> None:
    """Kill -9 after a third of the rooms, resume (on trio), compare with the fake."""
    fake, ids, base_url = loopback
    out = tmp_path / "rooms.jsonl"
    state = tmp_path / "rooms.jsonl.state.json"
    env = {
        **os.environ,
        "HMS_BASE_URL": base_url,
        "HMS_ACCESS_KEY": fake.access_key,
        "HMS_SECRET": fake.app_secret,
    }
    command = [sys.executable, "-m", "hms_async.cli"]
    export = ["export", "rooms", "-o", str(out), "--limit", str(PAGE), "--quiet"]

    process = subprocess.Popen([*command, *export], env=env)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while _recorded_items(state) < ROOMS // 3:
            assert process.poll() is None, "the export ended before it was killed"
            assert time.monotonic() < deadline, "the export made no progress"
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    killed_at = _recorded_items(state)
    assert ROOMS // 3 <= killed_at < ROOMS

    resumed = subprocess.run(  # noqa: S603
        [*command, "--backend", "trio", *export, "--resume"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )

    assert resumed.returncode == 0, resumed.stderr.decode()
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert written == ids
    assert json.loads(state.read_text())["done"] is True
