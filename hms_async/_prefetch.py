"""``prefetch()`` and ``prefetch_pages()``: the next pages fetched while you work.

A producer task, in a task group that the ``async with`` block owns, walks the
pages and queues them; the iterator takes them from the queue. The queue is a
plain deque with two events, not a memory object stream, so that nothing is
ever lost in transit: a page stays in the deque until the consumer takes it
in one synchronous step, however the consumer's wait is cancelled.

An error of a fetch is queued after the pages before it and the producer
ends, leaving the page walk at the page that failed. When the consumer
reaches the error it raises it; its next step starts a new producer in the
same task group, which fetches that page again. No page that was delivered
is fetched twice.
"""

from __future__ import annotations

import collections
import types
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import anyio
import anyio.abc
import attrs

from ._walk import _Items

if TYPE_CHECKING:
    from ._pagination import Page

__all__ = ["PagePrefetch", "Prefetch"]

T = TypeVar("T")


@attrs.frozen
class _Failed:
    """An error of a fetch, queued in the place of the page that failed."""

    error: Exception


class _Ahead(Generic[T]):
    """Fetches pages ahead in a task of the task group this object owns."""

    __slots__ = (
        "_arrived",
        "_depth",
        "_ended",
        "_group",
        "_held",
        "_left",
        "_name",
        "_pages",
        "_queue",
        "_running",
    )

    def __init__(self, pages: AsyncIterator[Page[T]], depth: int, name: str) -> None:
        self._pages = pages
        self._depth = depth
        self._name = name
        self._queue: collections.deque[Page[T] | _Failed] = collections.deque()
        self._group: anyio.abc.TaskGroup | None = None
        self._running = False  # a producer task is alive
        self._ended = False  # the producer reached the end of the list
        self._left = False  # the block was left
        self._arrived: anyio.Event | None = None  # set when a page is queued
        # A page fetched while the queue was full, and the event that tells
        # the producer it was queued.
        self._held: tuple[Page[T], anyio.Event] | None = None

    async def enter(self) -> None:
        """Open the task group and start fetching."""
        if self._group is not None:
            raise RuntimeError(f"a {self._name} can be entered only once")
        self._group = anyio.create_task_group()
        await self._group.__aenter__()
        self._start()

    async def exit(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> bool | None:
        """Stop fetching and close the task group."""
        assert self._group is not None  # noqa: S101
        self._left = True
        self._group.cancel_scope.cancel()
        try:
            return await self._group.__aexit__(exc_type, exc, tb)
        except BaseExceptionGroup as group:
            # The producer queues its errors, so a group here only wraps the
            # body's own exception: let Python re-raise that one.
            if exc is not None and group.exceptions == (exc,):
                return False
            raise

    def _start(self) -> None:
        assert self._group is not None  # noqa: S101
        self._running = True
        self._group.start_soon(self._produce)

    def _wake(self) -> None:
        if self._arrived is not None:
            self._arrived.set()

    async def _produce(self) -> None:
        pages, queue, depth = self._pages, self._queue, self._depth
        try:
            while True:
                try:
                    page = await pages.__anext__()
                except StopAsyncIteration:
                    self._ended = True
                    return
                except Exception as exc:  # queued; the consumer raises it
                    queue.append(_Failed(exc))
                    return  # the consumer's next step starts a new producer
                if len(queue) < depth:
                    queue.append(page)
                    self._wake()
                else:  # the consumer queues it when it takes a page
                    self._held = page, (taken := anyio.Event())
                    await taken.wait()
        finally:
            self._running = False
            self._wake()

    async def next_page(self) -> Page[T]:
        """The next page, or the error of the fetch that failed in its place.

        Raises:
            StopAsyncIteration: The list ended.
            RuntimeError: Used outside its `async with` block.
        """
        queue = self._queue
        while not queue or self._left:
            if self._group is None:
                raise RuntimeError(
                    f"use {self._name} as `async with paginator.{self._name} as "
                    "items:` and iterate `items` inside the block"
                )
            if self._left:
                raise RuntimeError(f"this {self._name} block has already ended")
            if self._ended:
                raise StopAsyncIteration
            if not self._running:  # the last producer stopped at an error
                self._start()
            self._arrived = arrived = anyio.Event()
            await arrived.wait()  # cancelled here, nothing is lost
        got = queue.popleft()
        if self._held is not None:  # queued here: the next step need not wait
            held, taken = self._held
            self._held = None
            queue.append(held)
            taken.set()
        if isinstance(got, _Failed):
            raise got.error
        return got


class _Block:
    """The `async with` of a prefetching iterator: its `_Ahead` enters and exits."""

    __slots__ = ()
    _ahead: _Ahead[Any]

    async def __aenter__(self) -> Self:
        await self._ahead.enter()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> bool | None:
        return await self._ahead.exit(exc_type, exc, tb)


class Prefetch(_Block, _Items[T]):
    """The items of a list, fetched ahead by a task this context manager owns.

    Made by [AsyncPaginator.prefetch][hms_async.AsyncPaginator.prefetch]; use
    it as `async with ... as items: async for item in items`. Leaving the
    block, by the end of the list, `break`, an error or cancellation, stops
    the fetching.

    An error of a fetch is raised where the iteration reaches it, after every
    item of the pages before it. The iterator does not end there: its next
    step, inside the block, fetches the page that failed again and goes on, so
    a loop that catches the error and carries on gets every item exactly once,
    in order. If the API repeats a cursor,
    [PaginationError][hms_async.PaginationError] is raised at that step and at
    every later one, with the cursor to resume from.

    Example:
        ```python
        async with hms.rooms.list(limit=100).prefetch(pages=2) as rooms:
            async for room in rooms:
                await store(room)
        ```
    """

    __slots__ = ("_ahead",)

    def __init__(self, pages: AsyncIterator[Page[T]], depth: int) -> None:
        self._ahead = _Ahead(pages, depth, "prefetch()")
        super().__init__(self._ahead.next_page)


class PagePrefetch(_Block, AsyncIterator["Page[T]"]):
    """The pages of a list, fetched ahead by a task this context manager owns.

    Made by
    [AsyncPaginator.prefetch_pages][hms_async.AsyncPaginator.prefetch_pages];
    use it as `async with ... as pages: async for page in pages`. Errors are
    raised, and the walk goes on after them, as for
    [Prefetch][hms_async.Prefetch]: the step after an error fetches the page
    that failed again.

    Example:
        ```python
        async with hms.sessions.list(room_id=room.id).prefetch_pages(2) as ahead:
            async for page in ahead:
                await store(page.data)  # the next two pages arrive meanwhile
                checkpoint(page.next_cursor)
        ```
    """

    __slots__ = ("_ahead",)

    def __init__(self, pages: AsyncIterator[Page[T]], depth: int) -> None:
        self._ahead = _Ahead(pages, depth, "prefetch_pages()")

    async def __anext__(self) -> Page[T]:
        return await self._ahead.next_page()
