"""``Page[T]`` and ``AsyncPaginator[T]``: every list of the API, lazily.

The API paginates in four styles. What differs between them is
small and lives in a ``PageStyle``: which query parameter carries the cursor,
which key holds the items, and how the next cursor is found. The paginator
itself is shared: ``await`` gives the first page, ``async for`` every item,
``pages()`` page by page, and ``prefetch()`` overlaps the next fetch with the
caller's work inside a task group that the context manager owns.
"""

from __future__ import annotations

import types
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping
from typing import Any, Generic, TypeVar

import attrs

from ._prefetch import PagePrefetch, Prefetch
from ._serde import list_parser
from ._walk import Cursor, _Items, _PageIterator
from .errors import PaginationError

__all__ = [
    "CURSOR",
    "EVENTS",
    "PAGE_NUMBER",
    "POLL",
    "AsyncPaginator",
    "Cursor",
    "Page",
    "PageStyle",
    "PaginationError",
]

T = TypeVar("T")
Fetch = Callable[[Mapping[str, Any], Callable[[Any], "Page[T]"]], Awaitable["Page[T]"]]


@attrs.define(kw_only=True)
class Page(Generic[T]):
    """One page of a list, as `await hms.rooms.list()` returns it.

    Attributes:
        data: The items of this page (possibly empty).
        limit: The page size the API used, when it says.
        last: The cursor of the cursor-paginated lists as the API sent it
            (the id of the page's last item).
        next: The cursor of analytics events as the API sent it.
        total: The total count, when the API gives one (analytics events,
            webhook history).
        page_number: The page's number, for the page-numbered webhook history.
        next_cursor: What to pass as `start=` to the same `list()` call to
            resume after this page; `None` on the final page. Always a string
            (the next page number in decimal for the webhook history), so it
            can be stored and passed back as it is.
        extra_fields: The envelope's other keys (as models keep theirs), such
            as the webhook history's `summary`.

    Example:
        ```python
        page = await hms.rooms.list(limit=50)
        while page.has_next:
            page = await hms.rooms.list(limit=50, start=page.next_cursor)
        ```
    """

    data: list[T]
    limit: int | None = None
    last: str | None = None
    next: str | None = None
    total: int | None = None
    page_number: int | None = None
    next_cursor: Cursor | None = None
    extra_fields: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    @property
    def has_next(self) -> bool:
        """Whether another page follows this one (`next_cursor` is set)."""
        return self.next_cursor is not None


_ENVELOPE_KEYS = frozenset({"limit", "last", "next", "total", "pagination"})


def _extra(body: dict[str, Any], item_keys: tuple[str, ...]) -> dict[str, Any]:
    """The envelope keys a page has no attribute for."""
    return {
        k: v for k, v in body.items() if k not in _ENVELOPE_KEYS and k not in item_keys
    }


def _items(body: Any, keys: tuple[str, ...]) -> list[Any]:
    if type(body) is not dict:
        raise TypeError(f"expected a JSON object page, got {type(body).__name__}")
    for key in keys:
        if key in body:
            items = body[key]
            if items is None:
                return []
            if type(items) is not list:
                raise TypeError(f"expected a JSON array in {key!r}")
            return items
    return []


@attrs.frozen
class PageStyle:
    """How one pagination style names its cursor and items.

    ``cursor_key`` is the response key of the next cursor (``None`` for the
    page-numbered style, whose cursor is the next page number).
    """

    cursor_param: str
    item_keys: tuple[str, ...]
    cursor_key: str | None

    def parse(self, body: Any, item: Callable[[Any], T]) -> Page[T]:
        """Build a page from a decoded response body."""
        data = list_parser(item)(_items(body, self.item_keys))
        if self.cursor_key is None:
            return self._numbered(body, data)
        cursor = body.get(self.cursor_key)
        if cursor is not None and type(cursor) is not str:
            raise TypeError(f"expected a string cursor in {self.cursor_key!r}")
        return Page(
            data=data,
            limit=body.get("limit"),
            last=body.get("last"),
            next=body.get("next"),
            total=body.get("total"),
            # An empty page ends the list even when a cursor came with it.
            next_cursor=cursor if cursor and data else None,
            extra_fields=_extra(body, self.item_keys),
        )

    def _numbered(self, body: dict[str, Any], data: list[T]) -> Page[T]:
        info = body.get("pagination") or {}
        if type(info) is not dict:
            raise TypeError("expected a JSON object in 'pagination'")
        current = info.get("current_page")
        if current is not None and type(current) is not int:
            raise TypeError("expected an integer 'current_page'")
        more = bool(info.get("has_next")) and bool(data) and current is not None
        return Page(
            data=data,
            limit=info.get("page_size"),
            total=info.get("total_items"),
            page_number=current,
            next_cursor=str(current + 1) if more and current is not None else None,
            extra_fields=_extra(body, self.item_keys),
        )


CURSOR = PageStyle("start", ("data",), "last")
"""``{limit, data, last}``: rooms, sessions, recordings, streams, templates…"""
EVENTS = PageStyle("start", ("events",), "next")
"""``{limit, total, next, events}``: analytics events."""
POLL = PageStyle("start", ("responses", "results", "sessions"), "last")
"""``{last, limit, responses|results}``: poll sub-lists."""
PAGE_NUMBER = PageStyle("page", ("events",), None)
"""``{events, pagination: {current_page, has_next, …}}``: webhook history."""


class AsyncPaginator(Generic[T]):
    """A lazy list: `await` it for the first page, `async for` over it for every item.

    Every `list()` method of the services returns one; nothing is sent until
    it is awaited or iterated. Each iteration starts over from `start` (the
    cursor given to `list()`, if any), and the caller's arguments are never
    modified. Pages are fetched one after the other as the iteration needs
    them; `prefetch()` fetches ahead while your code works on the items.

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
        first = await rooms  # one page
        async for room in rooms:  # every room, from the start again
            print(room.name)
        async for page in rooms.pages():  # page by page, with resume points
            save(page.next_cursor)

        items = aiter(rooms)  # carry on past a failed page
        while True:
            try:
                room = await anext(items)
            except StopAsyncIteration:
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
        return f"<AsyncPaginator params={dict(self._params)!r}>"

    async def _page(self, cursor: Cursor | None) -> Page[T]:
        params = dict(self._params)
        if cursor is not None:
            params[self._style.cursor_param] = cursor
        return await self._fetch(
            params, lambda body: self._style.parse(body, self._item)
        )

    async def first_page(self) -> Page[T]:
        """Fetch the first page (the one at `start`): what `await paginator` gives.

        Returns:
            The first [Page][hms_async.Page]; its `next_cursor` leads on.

        Example:
            ```python
            page = await hms.rooms.list(limit=50).first_page()
            ```
        """
        return await self._page(self._start)

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._page(self._start).__await__()

    def pages(self) -> AsyncIterator[Page[T]]:
        """Iterate page by page.

        Each page's `next_cursor` can be stored and passed to the same `list()`
        call as `start=` to resume after it later, even in another process.

        After an error the same iterator fetches the failed page again at its
        next step.

        Returns:
            An async iterator of [Page][hms_async.Page]s, from `start` to the
                last page.
        """
        return _PageIterator(self._page, self._start)

    def __aiter__(self) -> AsyncIterator[T]:
        return _Items(_PageIterator(self._page, self._start).__anext__)

    def prefetch(self, pages: int = 1) -> Prefetch[T]:
        """Iterate items while the next pages are fetched in the background.

        The context manager owns the task group: leaving the block, by the end
        of the list, `break`, an error or cancellation, stops the fetching. An
        error of a fetch is raised where the iteration reaches it, after the
        items of the pages before it; the next step inside the block fetches
        the failed page again and goes on.

        Args:
            pages: How many pages to fetch ahead of the one being read: 1 or
                more.

        Returns:
            An async context manager; inside it, iterate the items.

        Raises:
            ValueError: `pages` is below 1.

        Example:
            ```python
            async with hms.sessions.list(room_id=room.id).prefetch() as sessions:
                async for session in sessions:
                    await store(session)
            ```
        """
        if pages < 1:
            raise ValueError(f"pages must be at least 1, got {pages}")
        return Prefetch(self.pages(), pages)

    def prefetch_pages(self, pages: int = 1) -> PagePrefetch[T]:
        """Like `prefetch()`, but yields whole pages, each with its `next_cursor`.

        It overlaps fetching with the caller's work on a page, and still tells
        the caller where each page ends, to record a resume point.

        Args:
            pages: How many pages to fetch ahead of the one being read: 1 or
                more.

        Returns:
            An async context manager; inside it, iterate the pages.

        Raises:
            ValueError: `pages` is below 1.

        Example:
            ```python
            async with hms.rooms.list().prefetch_pages() as ahead:
                async for page in ahead:
                    await store(page.data)
                    save(page.next_cursor)
            ```
        """
        if pages < 1:
            raise ValueError(f"pages must be at least 1, got {pages}")
        return PagePrefetch(self.pages(), pages)
