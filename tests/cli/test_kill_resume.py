"""A real ``hms export rooms`` process against the loopback fake, killed with
SIGKILL or interrupted with SIGINT (Ctrl-C) mid-way, then resumed: every room
ends up in the file exactly once."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
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


def _env(fake: FakeHMS, base_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "HMS_BASE_URL": base_url,
        "HMS_ACCESS_KEY": fake.access_key,
        "HMS_SECRET": fake.app_secret,
    }


COMMAND = [sys.executable, "-m", "hms_async.cli"]


def _stop_after_a_third(
    process: subprocess.Popen[bytes],
    fake: FakeHMS,
    written: Callable[[], int],
    signum: signal.Signals,
) -> None:
    """Send ``signum`` once a third of the rooms are written, whatever the load.

    Past a sixth, each page is made to take 50 ms, so the rest of the export
    (about 10 s) cannot finish between the check and the signal on a busy
    host; the faults are cleared again for the resume.
    """
    _wait(process, lambda: written() >= ROOMS // 6)
    fake.faults.clear()
    fake.faults.add("GET", "/rooms", latency=0.05)
    try:
        _wait(process, lambda: written() >= ROOMS // 3)
        process.send_signal(signum)
    finally:
        fake.faults.clear()


def _wait(process: subprocess.Popen[bytes], reached: Callable[[], bool]) -> None:
    """Poll until ``reached()``, with the export still running."""
    deadline = time.monotonic() + 60
    while not reached():
        assert process.poll() is None, "the export ended before it was stopped"
        assert time.monotonic() < deadline, "the export made no progress"
        time.sleep(0.005)


@pytest.mark.parametrize("every", ["0", "0.05"])
def test_sigkill_mid_export_then_resume_gives_every_room_once(
    loopback: tuple[FakeHMS, list[str], str], tmp_path: Path, every: str
) -> None:
    """Kill -9 after a third of the rooms, resume (on trio), compare with the fake.

    With checkpoints every 50 ms the file usually holds pages past the last
    record when the kill lands: resume cuts them off and fetches them again.
    """
    fake, ids, base_url = loopback
    out = tmp_path / "rooms.jsonl"
    state = tmp_path / "rooms.jsonl.state.json"
    env = _env(fake, base_url)
    export = ["export", "rooms", "-o", str(out), "--limit", str(PAGE), "--quiet"]
    export += ["--checkpoint-every", every]

    process = subprocess.Popen([*COMMAND, *export], env=env)  # noqa: S603
    try:
        _stop_after_a_third(
            process, fake, lambda: _recorded_items(state), signal.SIGKILL
        )
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    killed_at = _recorded_items(state)
    assert ROOMS // 3 <= killed_at < ROOMS

    resumed = subprocess.run(  # noqa: S603
        [*COMMAND, "--backend", "trio", *export, "--resume"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )

    assert resumed.returncode == 0, resumed.stderr.decode()
    written = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert written == ids
    assert json.loads(state.read_text())["done"] is True


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_ctrl_c_mid_export_exits_130_with_what_was_written_recorded(
    loopback: tuple[FakeHMS, list[str], str], tmp_path: Path, backend: str
) -> None:
    """SIGINT after a third of the rooms: exit 130, one line on stderr, the state
    records exactly the whole pages in the file; --resume then completes it."""
    fake, ids, base_url = loopback
    out = tmp_path / "rooms.jsonl"
    state = tmp_path / "rooms.jsonl.state.json"
    env = _env(fake, base_url)
    # Default checkpoints (a second apart) and the progress bar drawing.
    export = ["export", "rooms", "-o", str(out), "--limit", str(PAGE), "--progress"]

    process = subprocess.Popen(  # noqa: S603
        [*COMMAND, "--backend", backend, *export],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _stop_after_a_third(process, fake, lambda: _lines(out), signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait(timeout=30)

    message = stderr.decode()
    assert process.returncode == 130, message
    assert "Traceback" not in message
    recorded = json.loads(state.read_text())
    text = out.read_text()
    assert text.endswith("\n")
    written = [json.loads(line)["id"] for line in text.splitlines()]
    assert ROOMS // 3 <= len(written) < ROOMS
    assert written == ids[: len(written)]
    assert recorded["items"] == len(written)
    assert recorded["pages"] * PAGE == len(written)
    assert recorded["offset"] == out.stat().st_size
    assert recorded["done"] is False
    last = message.strip().splitlines()[-1]  # after the bar's cursor escape
    assert last.endswith(
        f"Error: interrupted: {len(written)} items are safely in {out};"
        " run the same command with --resume to continue"
    )

    other = "trio" if backend == "asyncio" else "asyncio"
    resumed = subprocess.run(  # noqa: S603
        [*COMMAND, "--backend", other, *export, "--resume", "--quiet"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )

    assert resumed.returncode == 0, resumed.stderr.decode()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ids
    assert json.loads(state.read_text())["done"] is True
