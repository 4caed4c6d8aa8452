"""``Page[T]`` and ``AsyncPaginator[T]``: every list of the API, lazily.

The API paginates in four styles. What differs between them is
small and lives in a ``PageStyle``: which query parameter carries the cursor,
which key holds the items, and how the next cursor is found. The paginator
itself is shared: ``await`` gives the first page, ``async for`` every item,
``pages()`` page by page, and ``prefetch()`` overlaps the next fetch with the
caller's work inside a task group that the context manager owns.
"""

from __future__ import annotations

import collections
import sys
import types
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Mapping,
)
from typing import Any, Generic, TypeVar

import anyio
import anyio.abc
import attrs

from ._serde import list_parser
from .errors import HMSError

__all__ = [
    "CURSOR",
    "EVENTS",
    "PAGE_NUMBER",
    "POLL",
    "AsyncPaginator",
    "Page",
    "PagePrefetch",
    "PageStyle",
    "PaginationError",
]

T = TypeVar("T")
_Y = TypeVar("_Y")
Cursor = str
"""A cursor is opaque text; page numbers travel as their decimal string."""
Fetch = Callable[[Mapping[str, Any], Callable[[Any], "Page[T]"]], Awaitable["Page[T]"]]


class PaginationError(HMSError):
    """The API sent a cursor it had sent before: following it would never end.

    Raised while iterating instead of looping for ever; the pages before it
    were delivered.
    """


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

    It raises [PaginationError][hms_async.PaginationError] if the API repeats
    a cursor, and the errors of the endpoint (see its `list()` method) while
    it fetches.

    Example:
        ```python
        rooms = hms.rooms.list(enabled=True)
        first = await rooms  # one page
        async for room in rooms:  # every room, from the start again
            print(room.name)
        async for page in rooms.pages():  # page by page, with resume points
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

        Returns:
            An async iterator of [Page][hms_async.Page]s, from `start` to the
                last page.
        """
        return _PageIterator(self._page, self._start)

    def __aiter__(self) -> AsyncIterator[T]:
        return _walk(self.pages())

    def prefetch(self, pages: int = 1) -> Prefetch[T]:
        """Iterate items while the next pages are fetched in the background.

        The context manager owns the task group: leaving the block, by the end
        of the list, `break`, an error or cancellation, stops the fetching. An
        error of a fetch is raised where the iteration reaches it.

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


class _PageIterator(AsyncIterator[Page[T]]):
    """Walks the cursors; refuses a cursor it has already followed."""

    def __init__(
        self, page: Callable[[Cursor | None], Awaitable[Page[T]]], start: Cursor | None
    ) -> None:
        self._page = page
        self._cursor = start
        self._guard = _CursorGuard(start)
        self._done = False

    async def __anext__(self) -> Page[T]:
        if self._done:
            raise StopAsyncIteration
        page = await self._page(self._cursor)
        cursor = page.next_cursor
        if cursor is None:
            self._done = True
        elif self._guard.repeated(cursor):
            self._done = True
            raise PaginationError(f"the API repeated the cursor {cursor!r}")
        else:
            self._cursor = cursor
        return page


# The first value every walker yields, taken synchronously by _unhooked().
_PRIMER: Any = object()


def _unhooked(walker: AsyncGenerator[_Y, None]) -> AsyncGenerator[_Y, None]:
    """``walker`` with no event-loop finaliser attached.

    An event loop hooks every async generator on its first step, so that one
    left unfinished (``break``) is closed later by the loop (asyncio: in
    another task; trio: with a ``ResourceWarning``). The walkers here hold
    nothing to clean up and never await while suspended at a ``yield``, so
    their first step is taken here with no hooks installed: each walker
    starts with ``yield _PRIMER`` (no await before it), which runs
    synchronously and is consumed here, and the previous hooks are restored
    at once. An abandoned walker is then simply closed by the garbage
    collector. (Closing an unstarted ``asend()`` instead would close the
    generator itself on Python 3.13.)
    """
    hooks = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(None, None)
    try:
        walker.asend(None).send(None)
    except StopIteration as step:
        primed = step.value is _PRIMER
    else:  # pragma: no cover - the walker awaited before its primer
        primed = False
    finally:
        sys.set_asyncgen_hooks(*hooks)
    if not primed:  # pragma: no cover - a programming error in this module
        raise RuntimeError("a walker must start with `yield _PRIMER`")
    return walker


def _walk(pages: AsyncIterator[Page[T]]) -> AsyncGenerator[T, None]:
    """Every item of every page: a plain ``for`` over each page's list, an
    ``await`` only to get the next page."""

    async def walk() -> AsyncGenerator[T, None]:
        yield _PRIMER
        async for page in pages:
            for item in page.data:
                yield item

    return _unhooked(walk())


class _Ahead(Generic[T]):
    """Fetches pages ahead in a task that this context manager's task group owns."""

    _name = "prefetch()"

    def __init__(self, pages: AsyncIterator[Page[T]], depth: int) -> None:
        self._pages = pages
        self._depth = depth  # the streams open in __aenter__: nothing to leak before
        self._group: anyio.abc.TaskGroup | None = None

    async def _enter(self) -> None:
        if self._group is not None:
            raise RuntimeError(f"a {self._name} can be entered only once")
        self._send, self._receive = anyio.create_memory_object_stream[
            tuple[Page[T] | None, Exception | None]
        ](max_buffer_size=self._depth)
        self._group = anyio.create_task_group()
        await self._group.__aenter__()
        self._group.start_soon(self._produce)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> bool | None:
        assert self._group is not None  # noqa: S101
        self._group.cancel_scope.cancel()
        self._receive.close()
        try:
            return await self._group.__aexit__(exc_type, exc, tb)
        except BaseExceptionGroup as group:
            # The producer forwards its errors in-band, so a group here only
            # wraps the body's own exception: let Python re-raise that one.
            if exc is not None and group.exceptions == (exc,):
                return False
            raise

    async def _produce(self) -> None:
        async with self._send:
            try:
                async for page in self._pages:
                    await self._send.send((page, None))
            except anyio.get_cancelled_exc_class():
                raise
            except Exception as exc:  # forwarded to the consumer, raised there
                await self._send.send((None, exc))

    async def _next_page(self) -> Page[T]:
        if self._group is None:
            raise RuntimeError(
                f"use {self._name} as `async with paginator.{self._name} as items:` "
                "and iterate `items` inside the block"
            )
        try:
            page, error = await self._receive.receive()
        except anyio.EndOfStream:
            raise StopAsyncIteration from None
        except anyio.ClosedResourceError:
            raise RuntimeError(f"this {self._name} block has already ended") from None
        if error is not None:
            raise error
        assert page is not None  # noqa: S101
        return page


class Prefetch(_Ahead[T], AsyncIterator[T]):
    """The items of a list, fetched ahead by a task this context manager owns.

    Made by [AsyncPaginator.prefetch][hms_async.AsyncPaginator.prefetch]; use
    it as `async with ... as items: async for item in items`.
    """

    def __init__(self, pages: AsyncIterator[Page[T]], depth: int) -> None:
        super().__init__(pages, depth)
        self._items: list[T] = []
        self._index = 0

    async def __aenter__(self) -> Prefetch[T]:
        await self._enter()
        return self

    def __aiter__(self) -> AsyncIterator[T]:
        return _walk(_unhooked(self._received()))

    async def _received(self) -> AsyncGenerator[Page[T], None]:
        # What __anext__ left of its page first, then each page as it comes.
        yield _PRIMER
        rest, self._items = self._items[self._index :], []
        if rest:
            yield Page(data=rest)
        while True:
            try:
                page = await self._next_page()
            except StopAsyncIteration:
                return
            yield page

    async def __anext__(self) -> T:
        while self._index >= len(self._items):
            self._items, self._index = (await self._next_page()).data, 0
        item = self._items[self._index]
        self._index += 1
        return item


class PagePrefetch(_Ahead[T], AsyncIterator[Page[T]]):
    """The pages of a list, fetched ahead by a task this context manager owns.

    Made by
    [AsyncPaginator.prefetch_pages][hms_async.AsyncPaginator.prefetch_pages];
    use it as `async with ... as pages: async for page in pages`.
    """

    _name = "prefetch_pages()"

    async def __aenter__(self) -> PagePrefetch[T]:
        await self._enter()
        return self

    async def __anext__(self) -> Page[T]:
        return await self._next_page()
