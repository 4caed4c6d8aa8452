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
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic

from hms_async._pagination import (
    Page,
    PageStyle,
    T,
)
from hms_async._sync._walk import _Items, _PageIterator
from hms_async._walk import Cursor

__all__ = ["SyncPaginator"]

Fetch = Callable[[Mapping[str, Any], Callable[[Any], "Page[T]"]], "Page[T]"]


class SyncPaginator(Generic[T]):
    """A lazy list: call its `first_page()` for the first page, iterate it for every item.

    Every `list()` method of the services returns one; nothing is sent until
    its first page is asked for or it is iterated. Each iteration starts over from `start` (the
    cursor given to `list()`, if any), and the caller's arguments are never
    modified. Pages are fetched one after the other as the iteration needs
    them.

    While it fetches it raises the errors of the endpoint (see its `list()`
    method). A failed page ends nothing: the same iterator (of items, of
    `pages()`, or a prefetching one) goes on from the page that failed at its
    next step, so a loop that catches the error and carries on still gets
    every item exactly once, in order. The one exception is a cursor the API
    repeats, which would loop for ever: then
    [PaginationError][hms_async.PaginationError] is raised at that step and at
    every later one, with the cursor to resume from.

    Example:
        ```python
        rooms = hms.rooms.list(enabled=True)
        first = rooms  # one page
        for room in rooms:  # every room, from the start again
            print(room.name)
        for page in rooms.pages():  # page by page, with resume points
            save(page.next_cursor)

        items = aiter(rooms)  # carry on past a failed page
        while True:
            try:
                room = anext(items)
            except StopIteration:
                break
            except hms_async.HMSError as error:
                log(error)  # the next step fetches the failed page again
                continue
            print(room.name)
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

        After an error the same iterator fetches the failed page again at its
        next step.

        Returns:
            An iterator of [Page][hms_async.Page]s, from `start` to the
                last page.
        """
        return _PageIterator(self._page, self._start)

    def __iter__(self) -> Iterator[T]:
        return _Items(_PageIterator(self._page, self._start).__next__)
