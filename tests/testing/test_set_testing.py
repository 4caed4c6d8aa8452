"""hms_async.testing.set_testing() and retry_waits(): instant, recorded retry waits."""

from __future__ import annotations

import pathlib
import textwrap
import time
from collections.abc import Iterator

import anyio
import httpx
import pytest

from hms_async import HMSClient, ServerError
from hms_async.testing import retry_waits, set_testing

from ..helpers import ACCESS_KEY, APP_SECRET, BASE_URL, run_pytest

pytestmark = pytest.mark.anyio

BUSY = httpx.Response(503, json={"message": "busy"})
ROOM = httpx.Response(200, json={"id": "r1"})


@pytest.fixture(autouse=True)
def _off_after() -> Iterator[None]:
    """Each test starts with real waits and leaves them so."""
    set_testing(False)
    yield
    set_testing(False)


def answering(answers: list[httpx.Response], sent: list[str]) -> HMSClient:
    """A client answered by ``answers`` in turn (the last one repeats)."""

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        return answers[min(len(sent), len(answers)) - 1]

    transport = httpx.MockTransport(handler)
    return HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=transport)


async def test_waits_are_instant_and_recorded() -> None:
    """Under set_testing(True) a Retry-After of 30 s is recorded, not slept."""
    sent: list[str] = []
    busy = httpx.Response(503, json={"message": "busy"}, headers={"Retry-After": "30"})
    set_testing(True)

    async with answering([busy, busy, ROOM], sent) as hms:
        with retry_waits() as waits, anyio.fail_after(5):
            room = await hms.rooms.retrieve("r1")

    assert room.id == "r1"
    assert waits == [30.0, 30.0]
    assert len(sent) == 3


@pytest.mark.parametrize(
    ("client_retries", "cap", "requests"), [(2, 0, 1), (3, 1, 2), (1, 5, 2)]
)
async def test_max_retries_caps_every_client(
    client_retries: int, cap: int, requests: int
) -> None:
    """The cap lowers a client's max_retries, never raises it."""
    sent: list[str] = []
    set_testing(True, max_retries=cap)

    async with answering([BUSY], sent) as hms:
        with pytest.raises(ServerError):
            await hms.with_options(max_retries=client_retries).rooms.retrieve("r1")

    assert len(sent) == requests


async def test_off_again_waits_for_real() -> None:
    """set_testing(False) brings back real waits and the client's own retries."""
    sent: list[str] = []
    busy = httpx.Response(503, json={"message": "x"}, headers={"Retry-After": "0.2"})
    set_testing(True, max_retries=0)
    set_testing(False)

    async with answering([busy, ROOM], sent) as hms:
        started = time.monotonic()
        with retry_waits() as waits:
            await hms.rooms.retrieve("r1")

    assert time.monotonic() - started >= 0.2
    assert waits == [0.2]
    assert len(sent) == 2


async def test_an_instant_wait_is_still_a_checkpoint() -> None:
    """A call retried without end is still cancelled: each wait lets it stop."""
    sent: list[str] = []
    set_testing(True)

    async with answering([BUSY], sent) as hms:
        view = hms.with_options(max_retries=10**9)
        with anyio.move_on_after(0.2) as scope:
            await view.rooms.retrieve("r1")

    assert scope.cancelled_caught
    assert len(sent) > 1


async def test_recorders_nest() -> None:
    """An inner retry_waits() sees its own waits; the outer one sees all."""
    sent: list[str] = []
    busy = httpx.Response(503, json={"message": "x"}, headers={"Retry-After": "7"})
    set_testing(True)

    async with answering([busy, ROOM], sent) as hms:
        with retry_waits() as outer:
            await hms.rooms.retrieve("r1")
            sent.clear()
            with retry_waits() as inner:
                await hms.rooms.retrieve("r1")

    assert (outer, inner) == ([7.0, 7.0], [7.0])


@pytest.mark.parametrize(
    ("testing", "cap", "message"),
    [
        (True, -1, "max_retries must be 0 or more, got -1"),
        (True, 1.5, "max_retries must be 0 or more, got 1.5"),
        (False, 2, "max_retries is a cap for testing=True only"),
    ],
)
def test_wrong_arguments_refused(testing: bool, cap: object, message: str) -> None:
    """A cap below 0, not an int, or with testing off is a ValueError."""
    with pytest.raises(ValueError, match=message):
        set_testing(testing, max_retries=cap)  # type: ignore[arg-type]


INNER = """
import httpx
import pytest

import hms_async
from hms_async import _retry
from hms_async.testing import retry_waits, set_testing

hms_async.testing.set_testing(False)


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_a_leaves_it_on():
    set_testing(True, max_retries=1)
    retry_waits().__enter__()  # never left


def test_b_starts_clean():
    assert _retry._TESTING.snapshot() == (False, None, [])


@pytest.mark.anyio
async def test_c_fixture(hms_retry_waits):
    busy = httpx.Response(503, headers={"Retry-After": "9"})
    answers = iter([busy, httpx.Response(200, json={"id": "r"})])
    transport = httpx.MockTransport(lambda request: next(answers))
    async with hms_async.HMSClient("k", "s", transport=transport) as hms:
        await hms.rooms.retrieve("r")
    assert hms_retry_waits == [9.0]
    assert _retry._TESTING.on


def test_d_starts_clean():
    assert _retry._TESTING.snapshot() == (False, None, [])
"""


def test_the_plugin_keeps_tests_apart(tmp_path: pathlib.Path) -> None:
    """A test that leaves the switch on, or a recorder open, does not reach the
    next one; the hms_retry_waits fixture turns it on for its test only."""
    done = run_pytest(tmp_path, textwrap.dedent(INNER), timeout=120)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout, done.stdout
