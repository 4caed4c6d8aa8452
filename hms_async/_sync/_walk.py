# Generated from hms_async/_walk.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Walking a list: page after page by cursor, and item after item.

Both walkers are small classes, not async generators, so that a step that
raises (an error of a fetch, or the task's cancellation) leaves them where
they were: the next step fetches the page that failed again. An async
generator is finished for good once an exception leaves it, which would end
the list in silence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from hms_async._walk import Cursor, T, _CursorGuard
from hms_async.errors import PaginationError

if TYPE_CHECKING:
    from hms_async._pagination import Page


class _PageIterator(Iterator["Page[T]"]):
    """Walks the cursors: each step fetches the page at the current cursor.

    The cursor moves on only once a page has come back whole, so a step that
    raises (any error, or the task's cancellation) leaves it where it was and
    the next step fetches the same page again: no page is skipped and none
    that was delivered is fetched twice. A cursor the API already sent cuts
    the list short: that step and every later one raise `PaginationError`.
    """

    __slots__ = ("_cursor", "_cut", "_done", "_guard", "_page")

    def __init__(
        self, page: Callable[[Cursor | None], Page[T]], start: Cursor | None
    ) -> None:
        self._page = page
        self._cursor = start
        self._guard = _CursorGuard(start)
        self._done = False
        self._cut: Cursor | None = None  # the cursor the API repeated, if it did

    def __next__(self) -> Page[T]:
        if self._done:
            if self._cut is None:
                raise StopIteration
            raise PaginationError(cursor=self._cursor, repeated=self._cut)
        page = self._page(self._cursor)
        cursor = page.next_cursor
        if cursor is None:
            self._done = True
        elif self._guard.repeated(cursor):
            self._done, self._cut = True, cursor
            raise PaginationError(cursor=self._cursor, repeated=cursor)
        else:
            self._cursor = cursor
        return page


def _ended() -> Page[Any]:
    raise StopIteration


class _Items(Iterator[T]):
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

    def __init__(self, next_page: Callable[[], Page[T]]) -> None:
        self._next = next_page
        self._items: Iterator[T] = iter(())  # what is left of the page in hand

    def __next__(self) -> T:
        for item in self._items:  # the page in hand: no at all
            return item
        while True:  # an empty page is only ever the last one
            items = iter((self._next()).data)
            for item in items:
                self._items = items
                return item

    def close(self) -> None:
        """Stop here: every later step ends the iteration.

        What `close()` did when the walk was an async generator, so that
        `contextlib.aclosing()` keeps working; nothing needs closing.
        """
        self._items, self._next = iter(()), _ended
