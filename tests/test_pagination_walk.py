"""The item walk (a small class, no async generator) and the bounded cursor guard."""

from __future__ import annotations

import contextlib
import gc
import sys
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from hms_async import PaginationError
from hms_async._pagination import CURSOR, AsyncPaginator, Page
from hms_async._prefetch import Prefetch
from hms_async._walk import _CursorGuard, _Items


class Server:
    """Serves ``pages`` pages of ``size`` items; counts the fetches."""

    def __init__(self, pages: int, size: int = 3, cycle_to: int | None = None) -> None:
        self.pages, self.size, self.cycle_to = pages, size, cycle_to
        self.fetches = 0

    async def fetch(self, params: Any, parse: Any) -> Page[int]:
        self.fetches += 1
        n = int(params.get("start") or 0)
        nxt: int | None = n + 1
        if n + 1 >= self.pages:
            nxt = self.cycle_to
        data = list(range(n * self.size, (n + 1) * self.size))
        body = {"data": data, "last": None if nxt is None else str(nxt)}
        page: Page[int] = parse(body)
        return page

    def paginator(self) -> AsyncPaginator[int]:
        return AsyncPaginator(self.fetch, params={}, style=CURSOR, item=int)


async def drain(items: AsyncIterator[Any] | AsyncPaginator[Any]) -> None:
    """Walk every item."""
    async for _ in items:
        pass


@pytest.fixture
def unraisable() -> Iterator[list[Any]]:
    """What the interpreter reports as unraisable (a finaliser's error)."""
    seen: list[Any] = []
    previous = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        yield seen
    finally:
        sys.unraisablehook = previous


async def test_items_of_every_page_in_order() -> None:
    """The walk yields each page's items in order and ends with the list."""
    server = Server(pages=4)

    items = [x async for x in server.paginator()]

    assert items == list(range(12))
    assert server.fetches == 4


async def test_break_then_garbage_leaves_nothing_behind(unraisable: list[Any]) -> None:
    """An abandoned walk fetches nothing more and is closed by the garbage
    collector without a warning or a task (asyncio and trio)."""
    server = Server(pages=100)
    walker = aiter(server.paginator())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async for item in walker:
            if item == 4:
                break
        del walker
        gc.collect()
        await anyio.sleep(0.01)

    assert server.fetches == 2
    assert [str(w.message) for w in caught] == []
    assert unraisable == []


async def test_event_loop_hooks_are_restored() -> None:
    """Starting a walk leaves the loop's async-generator hooks as they were."""
    before = sys.get_asyncgen_hooks()

    async for _ in Server(pages=2).paginator():
        assert sys.get_asyncgen_hooks() == before

    assert sys.get_asyncgen_hooks() == before


async def test_cancellation_inside_a_page_stops_the_walk() -> None:
    """A cancel scope around the loop cancels at the consumer's own await."""
    server = Server(pages=100)
    seen: list[int] = []
    with anyio.move_on_after(10) as scope:
        async for item in server.paginator():
            seen.append(item)
            if item == 5:
                scope.cancel()
            await anyio.lowlevel.checkpoint()

    assert scope.cancelled_caught
    assert seen == list(range(6))
    assert server.fetches == 2


async def test_walk_of_an_error_page_raises_after_the_good_items() -> None:
    """A failing page raises in the consumer after every earlier item."""

    async def pages() -> AsyncIterator[Page[int]]:
        yield Page(data=[1, 2])
        raise ValueError("page 2 failed")

    seen: list[int] = []

    async def consume() -> None:
        async for item in _Items(pages().__anext__):
            seen.append(item)

    with pytest.raises(ValueError, match="page 2 failed"):
        await consume()

    assert seen == [1, 2]


async def test_prefetch_mixes_anext_and_async_for() -> None:
    """Items taken with __anext__ are not repeated by a later ``async for``."""
    server = Server(pages=3)
    async with server.paginator().prefetch() as items:
        assert isinstance(items, Prefetch)
        first = [await items.__anext__(), await items.__anext__()]
        rest = [x async for x in items]

    assert first + rest == list(range(9))


async def test_prefetch_break_then_garbage(unraisable: list[Any]) -> None:
    """Leaving a prefetching loop early stops the producer, no warnings."""
    server = Server(pages=100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with server.paginator().prefetch() as items:
            async for item in items:
                if item == 1:
                    break
        gc.collect()
        fetched = server.fetches
        await anyio.sleep(0.01)

    assert fetched <= 3  # the page in use, one buffered, one blocked in send
    assert server.fetches == fetched
    assert [str(w.message) for w in caught] == []
    assert unraisable == []


# --- the cursor guard -----------------------------------------------------------


async def test_cycle_longer_than_the_recent_window_is_detected() -> None:
    """Page 199 points back at page 50: a cycle of 150 pages, longer than the
    64 remembered; Brent's saved cursor catches it within two laps."""
    server = Server(pages=200, size=1, cycle_to=50)

    with pytest.raises(PaginationError, match="repeated the cursor"):
        await drain(server.paginator())

    assert 200 < server.fetches <= 200 + 2 * 150


def test_short_cycle_detected_at_once() -> None:
    """A cursor among the last 64 is refused the first time it comes back."""
    guard = _CursorGuard(None)
    cursors = [f"c{i}" for i in range(64)]

    assert not any(guard.repeated(c) for c in cursors)
    assert guard.repeated("c0")
    assert guard.repeated("c63")


def test_start_cursor_is_remembered() -> None:
    """A page pointing back at the start cursor is a repeat."""
    guard = _CursorGuard("s")

    assert not guard.repeated("a")
    assert guard.repeated("s")


def test_memory_is_bounded() -> None:
    """A million distinct cursors leave 64 remembered, and no false repeat."""
    guard = _CursorGuard("start")

    assert not any(guard.repeated(str(i)) for i in range(1_000_000))
    assert len(guard._recent) == len(guard._window) == _CursorGuard.RECENT
    assert guard.repeated("999999")
    assert guard.repeated(str(1_000_000 - _CursorGuard.RECENT))


# --- the walker's edges (asyncio and trio, every supported Python) --------------


async def test_error_in_the_loop_body_closes_the_walk(unraisable: list[Any]) -> None:
    """The caller's own exception ends the walk; it is then closed quietly."""
    server = Server(pages=100)
    walker = aiter(server.paginator())

    async def consume(items: AsyncIterator[int]) -> None:
        async for item in items:
            if item == 4:
                raise KeyError(item)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(KeyError):
            await consume(walker)
        del walker
        gc.collect()
        await anyio.sleep(0.01)

    assert server.fetches == 2
    assert [str(w.message) for w in caught] == []
    assert unraisable == []


async def test_cancelled_while_fetching_then_walked_again(
    unraisable: list[Any],
) -> None:
    """A cancel that lands inside a page fetch ends the walk there; the same
    paginator then walks every item from the start."""
    hang = True

    class Hanging(Server):
        async def fetch(self, params: Any, parse: Any) -> Page[int]:
            if hang and params.get("start") == "2":
                await anyio.sleep_forever()
            return await super().fetch(params, parse)

    server = Hanging(pages=4)
    paginator = server.paginator()
    seen: list[int] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with anyio.move_on_after(0.05) as scope:
            async for item in paginator:
                seen.append(item)
        hang = False
        again = [x async for x in paginator]
        gc.collect()

    assert scope.cancelled_caught
    assert seen == list(range(6))
    assert again == list(range(12))
    assert [str(w.message) for w in caught] == []
    assert unraisable == []


async def test_walk_never_iterated_is_dropped_quietly(unraisable: list[Any]) -> None:
    """Dropping a walk from ``aiter()`` unused fetches nothing and warns nothing."""
    server = Server(pages=3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        walker = aiter(server.paginator())
        del walker
        gc.collect()
        await anyio.sleep(0.01)

    assert server.fetches == 0
    assert [str(w.message) for w in caught] == []
    assert unraisable == []


async def test_nested_walks_each_yield_everything() -> None:
    """Walks interleaved in one task (one suspended inside another) keep
    their own places."""
    outer, inner = Server(pages=3), Server(pages=2)
    pairs = [(a, b) async for a in outer.paginator() async for b in inner.paginator()]

    assert len(pairs) == 9 * 6
    assert [a for a, _ in pairs[::6]] == list(range(9))
    assert {b for _, b in pairs} == set(range(6))


async def test_walks_in_concurrent_tasks() -> None:
    """Each task's walk yields all its items while others run (the hooks are
    touched only synchronously, never across an await)."""
    results: dict[int, list[int]] = {}

    async def one(n: int) -> None:
        items = []
        async for item in Server(pages=5).paginator():
            items.append(item)
            await anyio.lowlevel.checkpoint()
        results[n] = items

    async with anyio.create_task_group() as tasks:
        for n in range(4):
            tasks.start_soon(one, n)

    assert results == {n: list(range(15)) for n in range(4)}


async def test_walk_closed_explicitly_with_aclosing(unraisable: list[Any]) -> None:
    """``contextlib.aclosing`` (or ``aclose()``) ends a walk at once; more
    ``anext`` calls end the iteration."""
    server = Server(pages=100)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        walker = aiter(server.paginator())
        async with contextlib.aclosing(walker):  # type: ignore[type-var]
            async for item in walker:
                if item == 1:
                    break
        with pytest.raises(StopAsyncIteration):
            await anext(walker)
        gc.collect()

    assert server.fetches == 1
    assert [str(w.message) for w in caught] == []
    assert unraisable == []
