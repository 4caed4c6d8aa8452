"""Walking a list: page after page by cursor, and item after item.

Both walkers are small classes, not async generators, so that a step that
raises (an error of a fetch, or the task's cancellation) leaves them where
they were: the next step fetches the page that failed again. An async
generator is finished for good once an exception leaves it, which would end
the list in silence.
"""

from __future__ import annotations

import collections
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import PaginationError

if TYPE_CHECKING:
    from ._pagination import Page

__all__ = ["Cursor"]

T = TypeVar("T")
Cursor = str
"""A cursor is opaque text; page numbers travel as their decimal string."""


class _CursorGuard:
    """Spots a cursor the API already sent, in memory that does not grow.

    What is detected: a cursor equal to any of the last ``RECENT`` cursors
    (the start one included) at once, before its page is fetched again; the
    API's realistic failure, a cursor that repeats soon, is always this one.
    A longer cycle is detected too (Brent's method: one saved cursor, its
    distance doubled each time it is passed), after at most about twice the
    cycle's length of pages more. A cursor that comes back once after more
    than ``RECENT`` pages without a cycle is not seen.
    """

    RECENT = 64

    __slots__ = ("_power", "_recent", "_saved", "_since", "_window")

    def __init__(self, start: Cursor | None) -> None:
        self._recent: set[Cursor] = set()
        self._window: collections.deque[Cursor] = collections.deque()
        self._saved = start
        self._power = self._since = 1
        if start is not None:
            self._remember(start)

    def repeated(self, cursor: Cursor) -> bool:
        """Whether ``cursor`` was sent before (and remember it if not)."""
        if cursor in self._recent or cursor == self._saved:
            return True
        self._remember(cursor)
        if self._since == self._power:  # Brent: move the saved cursor here
            self._saved, self._power, self._since = cursor, self._power * 2, 0
        self._since += 1
        return False

    def _remember(self, cursor: Cursor) -> None:
        if len(self._window) == self.RECENT:
            self._recent.discard(self._window.popleft())
        self._window.append(cursor)
        self._recent.add(cursor)


class _PageIterator(AsyncIterator["Page[T]"]):
    """Walks the cursors: each step fetches the page at the current cursor.

    The cursor moves on only once a page has come back whole, so a step that
    raises (any error, or the task's cancellation) leaves it where it was and
    the next step fetches the same page again: no page is skipped and none
    that was delivered is fetched twice. A cursor the API already sent cuts
    the list short: that step and every later one raise `PaginationError`.
    """

    __slots__ = ("_cursor", "_cut", "_done", "_guard", "_page")

    def __init__(
        self, page: Callable[[Cursor | None], Awaitable[Page[T]]], start: Cursor | None
    ) -> None:
        self._page = page
        self._cursor = start
        self._guard = _CursorGuard(start)
        self._done = False
        self._cut: Cursor | None = None  # the cursor the API repeated, if it did

    async def __anext__(self) -> Page[T]:
        if self._done:
            if self._cut is None:
                raise StopAsyncIteration
            raise PaginationError(cursor=self._cursor, repeated=self._cut)
        page = await self._page(self._cursor)
        cursor = page.next_cursor
        if cursor is None:
            self._done = True
        elif self._guard.repeated(cursor):
            self._done, self._cut = True, cursor
            raise PaginationError(cursor=self._cursor, repeated=cursor)
        else:
            self._cursor = cursor
        return page


async def _ended() -> Page[Any]:
    raise StopAsyncIteration


class _Items(AsyncIterator[T]):
    """Every item of a list: the items of each page that ``next_page`` gives.

    A small class rather than an async generator, for two reasons. An async
    generator is finished for good once an exception leaves it, so a page
    that failed would end the list in silence; here a step whose page fetch
    raises (an error, or the task's cancellation) changes nothing, and the
    next step asks for that page again. And the event loop hooks every async
    generator to close an abandoned one later (asyncio in another task, trio
    with a warning); this holds only an iterator over the page in hand, so
    dropping it needs no cleanup and touches no loop internals.
    """

    __slots__ = ("_items", "_next")

    def __init__(self, next_page: Callable[[], Awaitable[Page[T]]]) -> None:
        self._next = next_page
        self._items: Iterator[T] = iter(())  # what is left of the page in hand

    async def __anext__(self) -> T:
        for item in self._items:  # the page in hand: no await at all
            return item
        while True:  # an empty page is only ever the last one
            items = iter((await self._next()).data)
            for item in items:
                self._items = items
                return item

    async def aclose(self) -> None:
        """Stop here: every later step ends the iteration.

        What `aclose()` did when the walk was an async generator, so that
        `contextlib.aclosing()` keeps working; nothing needs closing.
        """
        self._items, self._next = iter(()), _ended
