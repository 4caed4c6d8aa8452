"""A failed page never ends a list: every iterator goes on from the page that failed.

Long walks (pages of 100) over an ``httpx.MockTransport`` that fails chosen
pages: a cut body (200 with invalid JSON), connection resets and 503s past
the retry budget, at the first, a middle and the last page. The caller
catches the ``HMSError`` and keeps calling ``__anext__``, as a long export
that logs a failure and carries on does; it must get the exact sequence of
ids of the whole list, the error exactly once, and every page served whole
exactly once.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import AsyncIterator, Iterator
from typing import Any, Literal

import anyio
import anyio.lowlevel
import httpx
import pytest

from hms_async import (
    APIConnectionError,
    HMSClient,
    HMSError,
    PaginationError,
    ResponseDecodeError,
    ServerError,
    _pagination,
)
from hms_async._pagination import AsyncPaginator, Page
from hms_async.models import Room
from hms_async.testing import FakeHMS, set_testing

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL

LIMIT = 100
Fault = Literal["cut", "reset", "503"]
Mode = Literal["items", "pages", "prefetch", "prefetch_pages"]
MODES: list[Mode] = ["items", "pages", "prefetch", "prefetch_pages"]
CUT_BODY = b'{"limit": 100, "data": [{"id": "room-0'
# Fault -> (the client's max_retries, how many times the page fails, the error).
# A cut body is not retried at max_retries=0 whether or not the client retries
# a garbled 200, so it fails once; the others fail once more than the budget.
BUDGET: dict[Fault, tuple[int, int, type[HMSError]]] = {
    "cut": (0, 1, ResponseDecodeError),
    "reset": (2, 3, APIConnectionError),
    "503": (1, 2, ServerError),
}


def room_id(n: int) -> str:
    """The id of the ``n``-th room of the list."""
    return f"room-{n:05d}"


class Api:
    """``GET /rooms`` over ``total`` rooms in pages of ``LIMIT``; chosen pages fail.

    The cursor of a page is the id of its last room. ``fail[page]`` is how many
    of the next requests for that page fail with ``fault``; ``served`` lists
    the pages answered whole, in order.
    """

    def __init__(self, total: int, fault: Fault = "cut", **fail: int) -> None:
        self.ids = [room_id(n) for n in range(total)]
        self.fault = fault
        self.fail = {int(page[1:]): times for page, times in fail.items()}
        self.served: list[int] = []
        self.repeat_at: int | None = None  # this page's cursor points back

    @property
    def pages(self) -> int:
        """How many pages the list has."""
        return -(-len(self.ids) // LIMIT)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        start = request.url.params.get("start")
        first = 0 if start is None else int(start.removeprefix("room-")) + 1
        page = first // LIMIT
        if self.fail.get(page, 0) > 0:
            self.fail[page] -= 1
            if self.fault == "reset":
                raise httpx.ReadError("connection reset by peer", request=request)
            if self.fault == "503":
                return httpx.Response(503, json={"code": 503, "message": "busy"})
            return httpx.Response(
                200, content=CUT_BODY, headers={"content-type": "application/json"}
            )
        ids = self.ids[first : first + LIMIT]
        last = ids[-1] if first + LIMIT < len(self.ids) else ""
        if page == self.repeat_at:
            last = room_id(LIMIT - 1)  # the cursor of the first page, again
        self.served.append(page)
        data = [{"id": i, "name": i, "enabled": True} for i in ids]
        return httpx.Response(200, json={"limit": LIMIT, "data": data, "last": last})

    async def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer as a server does: after letting other tasks run."""
        await anyio.lowlevel.checkpoint()
        return self(request)


@contextlib.asynccontextmanager
async def client_of(api: Api, max_retries: int = 0) -> AsyncIterator[HMSClient]:
    """A client on ``api`` whose retries never sleep (``set_testing``)."""
    set_testing(True)
    async with HMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(api.handle),
        max_retries=max_retries,
    ) as client:
        yield client


def ids_of(got: Room | Page[Room]) -> list[str]:
    """The ids an iterator's step delivered (one room, or a page of them)."""
    return [r.id for r in got.data] if isinstance(got, Page) else [got.id]


async def drive(
    steps: AsyncIterator[Any], *, most_errors: int = 10
) -> tuple[list[str], list[HMSError]]:
    """Call ``__anext__`` until the end, catching each HMSError and carrying on."""
    seen: list[str] = []
    errors: list[HMSError] = []
    while True:
        try:
            got = await steps.__anext__()
        except StopAsyncIteration:
            return seen, errors
        except HMSError as error:
            errors.append(error)
            if len(errors) > most_errors:  # pragma: no cover - the test fails
                raise AssertionError(f"no progress: {errors!r}") from error
            continue
        seen.extend(ids_of(got))


@contextlib.asynccontextmanager
async def steps_of(paginator: AsyncPaginator[Room], mode: Mode) -> AsyncIterator[Any]:
    """The iterator of ``mode`` over ``paginator`` (inside its block if it has one)."""
    if mode == "items":
        yield aiter(paginator)
    elif mode == "pages":
        yield paginator.pages()
    elif mode == "prefetch":
        async with paginator.prefetch() as items:
            yield items
    else:
        async with paginator.prefetch_pages(pages=2) as pages:
            yield pages


async def walk(
    api: Api, mode: Mode, max_retries: int = 0
) -> tuple[list[str], list[HMSError]]:
    """Drive the iterator of ``mode`` over ``GET /rooms`` of ``api`` to its end."""
    async with (
        client_of(api, max_retries) as client,
        steps_of(client.rooms.list(limit=LIMIT), mode) as steps,
    ):
        return await drive(steps)


def where(api: Api) -> Iterator[tuple[str, int]]:
    """The first, a middle and the last page."""
    yield from (("first", 0), ("middle", api.pages // 2), ("last", api.pages - 1))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fault", ["cut", "reset", "503"])
@pytest.mark.parametrize("at", ["first", "middle", "last"])
async def test_every_item_once_after_a_failed_page(
    mode: Mode, fault: Fault, at: str
) -> None:
    """2,000 rooms; one page fails past the retry budget: the error comes once,
    then the same iterator delivers the rest, and every page is served once."""
    max_retries, times, error_type = BUDGET[fault]
    api = Api(2_000, fault)
    page = dict(where(api))[at]
    api.fail[page] = times

    seen, errors = await walk(api, mode, max_retries)

    assert seen == api.ids
    assert [type(e) for e in errors] == [error_type]
    assert api.served == list(range(api.pages))
    assert api.fail[page] == 0


@pytest.mark.parametrize("mode", MODES)
async def test_ten_thousand_rooms_with_a_cut_page_in_the_middle(mode: Mode) -> None:
    """The issue's walk: 10,000 rooms, page 51 cut short once; all 10,000 come."""
    api = Api(10_000, "cut", p50=1)

    seen, errors = await walk(api, mode)

    assert seen == api.ids
    assert len(errors) == 1
    assert isinstance(errors[0], ResponseDecodeError)
    assert api.served == list(range(100))


@pytest.mark.parametrize("mode", MODES)
async def test_several_failures_in_a_row_and_on_several_pages(mode: Mode) -> None:
    """A page that fails three steps running, and two other pages: three errors
    there, one each elsewhere, and still every item once."""
    api = Api(2_000, "cut", p0=1, p7=3, p19=1)

    seen, errors = await walk(api, mode)

    assert seen == api.ids
    assert len(errors) == 5
    assert api.served == list(range(20))


@pytest.mark.parametrize("mode", MODES)
async def test_repeated_cursor_raises_on_every_later_step(mode: Mode) -> None:
    """Page 5 points back at page 1: the pages before it are delivered, then
    every step raises PaginationError with the cursor of page 5, never ending."""
    api = Api(2_000)
    api.repeat_at = 5

    async with (
        client_of(api) as client,
        steps_of(client.rooms.list(limit=LIMIT), mode) as steps,
    ):
        seen: list[str] = []
        while len(seen) < 5 * LIMIT:
            seen.extend(ids_of(await steps.__anext__()))
        raised = []
        for _ in range(4):
            with pytest.raises(PaginationError) as caught:
                await steps.__anext__()
            raised.append(caught.value)

    assert seen == api.ids[: 5 * LIMIT]
    assert {(e.cursor, e.repeated) for e in raised} == {
        (room_id(5 * LIMIT - 1), room_id(LIMIT - 1))
    }
    assert "cut short" in str(raised[0])
    assert f"start={room_id(5 * LIMIT - 1)!r}" in str(raised[0])


async def test_resuming_from_the_cursor_of_a_pagination_error() -> None:
    """The error's cursor, passed as start=, fetches the page that was cut."""
    api = Api(2_000)
    api.repeat_at = 5

    async with client_of(api) as client:
        with pytest.raises(PaginationError) as caught:
            async for _ in client.rooms.list(limit=LIMIT):
                pass
        api.repeat_at = None  # the API was fixed
        rest = [r.id async for r in client.rooms.list(start=caught.value.cursor)]

    assert rest == api.ids[5 * LIMIT :]


def test_pagination_error_is_importable_from_its_old_module() -> None:
    """``hms_async._pagination.PaginationError`` is the one in ``errors``."""
    assert _pagination.PaginationError is PaginationError
    assert issubclass(PaginationError, HMSError)


# --- cancellation ----------------------------------------------------------------


class Slow(Api):
    """``Api`` whose chosen page hangs until ``release`` is set."""

    def __init__(self, total: int, hang: int) -> None:
        super().__init__(total)
        self.hang = hang
        self.release = anyio.Event()
        self.hung = 0

    async def handle(self, request: httpx.Request) -> httpx.Response:
        """The async handler: hang on the chosen page first."""
        if request.url.params.get("start") == room_id(self.hang * LIMIT - 1):
            self.hung += 1
            if not self.release.is_set():
                await self.release.wait()
        return self(request)


@pytest.mark.parametrize("mode", MODES)
async def test_cancelled_step_then_resumed(mode: Mode) -> None:
    """A step cancelled while its page hangs (move_on_after around one
    ``__anext__``) is taken again later: every item once, in order."""
    api = Slow(1_000, hang=4)

    async with (
        client_of(api) as client,
        steps_of(client.rooms.list(limit=LIMIT), mode) as steps,
    ):
        seen: list[str] = []
        while len(seen) < len(api.ids):
            if len(seen) == api.hang * LIMIT and not api.release.is_set():
                with anyio.move_on_after(0.05) as scope:
                    await steps.__anext__()  # waits for the hung page
                assert scope.cancelled_caught
                api.release.set()
            seen.extend(ids_of(await steps.__anext__()))
        with pytest.raises(StopAsyncIteration):
            await steps.__anext__()

    assert seen == api.ids
    assert api.served == list(range(10))
    # Without prefetch the cancel dropped the hung request, so it went again.
    assert api.hung == (2 if mode in ("items", "pages") else 1)


@pytest.mark.parametrize("mode", MODES)
async def test_every_third_step_cancelled_at_its_first_await(mode: Mode) -> None:
    """Every third step runs in an expired cancel scope: a step that awaits is
    cancelled at once (mid-fetch, or waiting for the producer), one served from
    the page in hand returns. Kept and resumed, every item still comes once."""
    api = Api(2_000)

    async with (
        client_of(api) as client,
        steps_of(client.rooms.list(limit=LIMIT), mode) as steps,
    ):
        seen: list[str] = []
        cancelled = 0
        for n in itertools.count():
            got: Any = None
            with anyio.move_on_after(0 if n % 3 == 0 else None) as scope:
                try:
                    got = await steps.__anext__()
                except StopAsyncIteration:
                    break
            cancelled += scope.cancelled_caught
            if got is not None:
                seen.extend(ids_of(got))

    assert seen == api.ids
    assert cancelled > 0
    assert api.served == list(range(20))


# --- against the fake, faults drawn at random -------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "fault", [{"body": "truncated"}, {"status": 500}, {"drop": True}]
)
async def test_fake_with_random_faults(mode: Mode, fault: dict[str, Any]) -> None:
    """The fake fails a fifth of the room pages at random (seeded), no retries:
    the walk raises once per failure and still lists every room in order."""
    fake = FakeHMS(seed=16)
    stored = fake.seed_rooms(2_500)
    rule = fake.faults.add("GET", "/rooms", rate=0.2, **fault)

    async with (
        fake.client(max_retries=0) as hms,
        steps_of(hms.rooms.list(limit=LIMIT), mode) as steps,
    ):
        seen, errors = await drive(steps, most_errors=50)

    assert seen == stored
    assert len(errors) == rule.hits > 0


# --- what is left open ---------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_break_after_an_error_leaves_nothing_open(mode: Mode) -> None:
    """Leaving after a caught error closes every response and task: the client
    closes at once, and no page is fetched after the block."""
    api = Api(2_000, "reset", p3=1)

    async with client_of(api) as client:
        async with steps_of(client.rooms.list(limit=LIMIT), mode) as steps:
            seen: list[str] = []
            errors: list[HMSError] = []
            while len(errors) < 1:
                try:
                    seen.extend(ids_of(await steps.__anext__()))
                except HMSError as error:
                    errors.append(error)
        fetched = len(api.served)
        await anyio.sleep(0.02)
        with anyio.fail_after(1):
            await client.aclose()

    assert seen == api.ids[: 3 * LIMIT]
    assert len(api.served) == fetched <= 5
