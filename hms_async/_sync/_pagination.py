# Generated from hms_async/_pagination.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""``Page[T]`` and ``SyncPaginator[T]``: every list of the API, lazily.

The API paginates in four styles. What differs between them is
small and lives in a ``PageStyle``: which query parameter carries the cursor,
which key holds the items, and how the next cursor is found. The paginator
itself is shared: ``await`` gives the first page, ``for`` every item,
``pages()`` page by page, and ``prefetch()`` overlaps the next fetch with the
caller's work inside a task group that the context manager owns.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any, Generic

from hms_async._pagination import (
    Cursor,
    Page,
    PageStyle,
    PaginationError,
    T,
    _CursorGuard,
)

__all__ = ["SyncPaginator"]

Fetch = Callable[[Mapping[str, Any], Callable[[Any], "Page[T]"]], "Page[T]"]


class SyncPaginator(Generic[T]):
    """A lazy list: call its `first_page()` for the first page, iterate it for every item.

    Every `list()` method of the services returns one; nothing is sent until
    its first page is asked for or it is iterated. Each iteration starts over from `start` (the
    cursor given to `list()`, if any), and the caller's arguments are never
    modified. Pages are fetched one after the other as the iteration needs
    them.

    It raises [PaginationError][hms_async.PaginationError] if the API repeats
    a cursor, and the errors of the endpoint (see its `list()` method) while
    it fetches.

    Example:
        ```python
        rooms = hms.rooms.list(enabled=True)
        first = rooms  # one page
        for room in rooms:  # every room, from the start again
            print(room.name)
        for page in rooms.pages():  # page by page, with resume points
            save(page.next_cursor)
        ```
    """

    def __init__(
        self,
        fetch: Fetch[T],
        *,
        params: Mapping[str, Any],
        style: PageStyle,
        item: Callable[[Any], T],
        start: Cursor | None = None,
    ) -> None:
        self._fetch = fetch
        self._params = types.MappingProxyType(dict(params))
        self._style = style
        self._item = item
        self._start = start

    def __repr__(self) -> str:
        return f"<SyncPaginator params={dict(self._params)!r}>"

    def _page(self, cursor: Cursor | None) -> Page[T]:
        params = dict(self._params)
        if cursor is not None:
            params[self._style.cursor_param] = cursor
        return self._fetch(params, lambda body: self._style.parse(body, self._item))

    def first_page(self) -> Page[T]:
        """Fetch the first page (the one at `start`).

        Returns:
            The first [Page][hms_async.Page]; its `next_cursor` leads on.

        Example:
            ```python
            page = hms.rooms.list(limit=50).first_page()
            ```
        """
        return self._page(self._start)

    def pages(self) -> Iterator[Page[T]]:
        """Iterate page by page.

        Each page's `next_cursor` can be stored and passed to the same `list()`
        call as `start=` to resume after it later, even in another process.

        Returns:
            An iterator of [Page][hms_async.Page]s, from `start` to the
                last page.
        """
        return _PageIterator(self._page, self._start)

    def __iter__(self) -> Iterator[T]:
        return _walk(self.pages())


class _PageIterator(Iterator[Page[T]]):
    """Walks the cursors; refuses a cursor it has already followed."""

    def __init__(
        self, page: Callable[[Cursor | None], Page[T]], start: Cursor | None
    ) -> None:
        self._page = page
        self._cursor = start
        self._guard = _CursorGuard(start)
        self._done = False

    def __next__(self) -> Page[T]:
        if self._done:
            raise StopIteration
        page = self._page(self._cursor)
        cursor = page.next_cursor
        if cursor is None:
            self._done = True
        elif self._guard.repeated(cursor):
            self._done = True
            raise PaginationError(f"the API repeated the cursor {cursor!r}")
        else:
            self._cursor = cursor
        return page


def _walk(pages: Iterator[Page[T]]) -> Generator[T, None, None]:
    """Every item of every page: a plain ``for`` over each page's list, an
    ``await`` only to get the next page."""

    def walk() -> Generator[T, None, None]:
        for page in pages:
            for item in page.data:
                yield item

    return walk()
