"""Load: 500 calls in flight through one client, with faults, none lost or untyped.

Bounded and small enough for CI: 2,000 GETs from 500 concurrent tasks against
the loopback server, one in 40 meeting a fault on its first attempt (every
kind of ``FAULTS``), on each HTTP layer and backend.
"""

from __future__ import annotations

import anyio
import pytest

from hms_async import HMSClient, HMSError

from .helpers import ACCESS_KEY, APP_SECRET, Http
from .loopback import FAULTS, serve

TASKS = 500
CALLS_EACH = 4
FAULT_EVERY = 40
SLOTS = 20


def room_id(task: int, call: int) -> str:
    """The room a call asks for; one in ``FAULT_EVERY`` names a fault."""
    n = task * CALLS_EACH + call
    if n % FAULT_EVERY:
        return f"r{n}"
    return f"{FAULTS[n // FAULT_EVERY % len(FAULTS)]}-{n}"


@pytest.mark.usefixtures("no_waits")
async def test_500_in_flight_with_faults_lose_nothing(http: Http) -> None:
    """Every call answers its own room; faults are retried; slots keep connections."""
    answered: dict[str, str] = {}
    typed: list[HMSError] = []
    untyped: list[BaseException] = []

    async with serve() as server:
        hms = HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=server.base_url,
            http=http,
            max_connections=SLOTS,
            deadline=60,
        )

        async def worker(task: int) -> None:
            for call in range(CALLS_EACH):
                wanted = room_id(task, call)
                try:
                    answered[wanted] = (await hms.rooms.retrieve(wanted)).id
                except HMSError as exc:
                    typed.append(exc)
                except Exception as exc:  # the failure this test looks for
                    untyped.append(exc)

        with anyio.fail_after(120):
            async with hms, anyio.create_task_group() as tg:
                for task in range(TASKS):
                    tg.start_soon(worker, task)

    assert untyped == []
    assert typed == []
    assert len(answered) == TASKS * CALLS_EACH
    assert all(wanted == got for wanted, got in answered.items())
    faults = TASKS * CALLS_EACH // FAULT_EVERY
    assert len(server.faulted) == faults
    # Connections: the slots' keep-alive ones, plus one per fault that closed one.
    assert server.accepted <= SLOTS + faults
