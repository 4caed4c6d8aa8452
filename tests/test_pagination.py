"""AsyncPaginator: await, async for, pages(), prefetch(), cursors, every page style."""

from __future__ import annotations

from collections.abc import AsyncIterable, Mapping
from typing import Any

import anyio
import httpx
import pytest
import respx

from hms_async import HMSClient, PaginationError, ServerError
from hms_async._pagination import (
    CURSOR,
    EVENTS,
    PAGE_NUMBER,
    POLL,
    AsyncPaginator,
    Page,
    PageStyle,
)
from hms_async.models import Room

from .helpers import assert_api_request


def room(n: int) -> dict[str, Any]:
    """A list-item room with a distinct id."""
    return {"id": f"room-{n:03d}", "name": f"room-{n}", "enabled": True}


PAGES = {
    None: {"limit": 10, "data": [room(1), room(2)], "last": "room-002"},
    "room-002": {"limit": 10, "data": [room(3), room(4)], "last": "room-004"},
    "room-004": {"limit": 10, "data": [room(5)], "last": ""},
}
ALL_IDS = [f"room-{n:03d}" for n in range(1, 6)]


def serve(pages: Mapping[str | None, Any]) -> Any:
    """A respx side effect serving the page for the request's ``start``."""

    def handler(request: httpx.Request) -> httpx.Response:
        start = request.url.params.get("start")
        if start not in pages:
            return httpx.Response(400, json={"code": 400, "message": "bad start"})
        body = pages[start]
        if isinstance(body, httpx.Response):
            return body
        return httpx.Response(200, json=body)

    return handler


async def collect(items: AsyncIterable[Room], seen: list[str]) -> None:
    """Append every item's id to ``seen``."""
    async for r in items:
        seen.append(r.id)


async def collect_prefetched(paginator: AsyncPaginator[Room], seen: list[str]) -> None:
    """Append every item's id to ``seen``, through prefetch()."""
    async with paginator.prefetch() as items:
        await collect(items, seen)


@pytest.fixture
def rooms_route(respx_router: respx.MockRouter) -> respx.Route:
    """GET /rooms serving the three pages above."""
    return respx_router.get("rooms").mock(side_effect=serve(PAGES))


async def test_walks_three_pages(client: HMSClient, rooms_route: respx.Route) -> None:
    """Every item of every page, each next request's start is the previous last."""
    ids = [r.id async for r in client.rooms.list(enabled=True, limit=10)]

    assert ids == ALL_IDS
    assert rooms_route.call_count == 3
    starts = [c.request.url.params.get("start") for c in rooms_route.calls]
    assert starts == [None, "room-002", "room-004"]
    assert_api_request(
        rooms_route.calls[2].request,
        "GET",
        "rooms",
        params={"enabled": "true", "limit": "10", "start": "room-004"},
    )


async def test_await_gives_first_page_only(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """await sends one request and returns the first page with its cursor."""
    page = await client.rooms.list(limit=10)

    assert rooms_route.call_count == 1
    assert [r.id for r in page.data] == ["room-001", "room-002"]
    assert page.limit == 10
    assert page.last == "room-002"
    assert page.next_cursor == "room-002"
    assert page.has_next


async def test_nothing_sent_until_used(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """list() itself sends nothing."""
    client.rooms.list()

    assert not rooms_route.called


async def test_break_sends_no_further_request(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """Leaving the loop on the first page fetches nothing more."""
    async for _ in client.rooms.list(limit=10):
        break
    await anyio.sleep(0.01)

    assert rooms_route.call_count == 1


async def test_repeated_cursor_raises(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A cursor the API already sent ends the walk with PaginationError."""
    pages = {
        None: {"data": [room(1)], "last": "a"},
        "a": {"data": [room(2)], "last": "b"},
        "b": {"data": [room(3)], "last": "a"},
    }
    route = respx_router.get("rooms").mock(side_effect=serve(pages))
    seen: list[str] = []

    with pytest.raises(PaginationError, match="'a'"):
        await collect(client.rooms.list(), seen)

    assert seen == ["room-001", "room-002"]
    assert route.call_count == 3


async def test_cursor_equal_to_start_raises(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A page pointing back at the cursor we resumed from is a loop too."""
    respx_router.get("rooms").mock(
        side_effect=serve({"x": {"data": [room(1)], "last": "x"}})
    )

    with pytest.raises(PaginationError):
        async for _ in client.rooms.list(start="x"):
            pass


async def test_arguments_untouched_and_iteration_restarts(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """The caller's dict is not modified, and a second loop starts over."""
    kwargs: dict[str, Any] = {"enabled": True, "limit": 10}
    paginator = client.rooms.list(**kwargs)

    first = [r.id async for r in paginator]
    second = [r.id async for r in paginator]

    assert kwargs == {"enabled": True, "limit": 10}
    assert first == second == ALL_IDS
    starts = [c.request.url.params.get("start") for c in rooms_route.calls]
    assert starts == [None, "room-002", "room-004"] * 2


async def test_start_resumes(client: HMSClient, rooms_route: respx.Route) -> None:
    """start= begins at the saved cursor."""
    ids = [r.id async for r in client.rooms.list(limit=10, start="room-002")]

    assert ids == ["room-003", "room-004", "room-005"]
    assert rooms_route.calls[0].request.url.params["start"] == "room-002"


async def test_resume_from_a_page_cursor(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """A page's next_cursor, saved and passed as start=, continues after that page."""
    async for page in client.rooms.list(limit=10).pages():
        saved = page.next_cursor
        break
    assert saved == "room-002"  # typed str | None: start= takes it as it is

    ids = [r.id async for r in client.rooms.list(limit=10, start=saved)]

    assert ids == ALL_IDS[2:]


async def test_empty_page_with_cursor_ends(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty page ends the list even if it carries a cursor."""
    route = respx_router.get("rooms").mock(
        side_effect=serve(
            {
                None: {"data": [room(1)], "last": "a"},
                "a": {"data": [], "last": "b"},
                "b": {"data": [room(9)], "last": ""},
            }
        )
    )

    ids = [r.id async for r in client.rooms.list()]

    assert ids == ["room-001"]
    assert route.call_count == 2


async def test_short_page_does_not_end(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A page shorter than limit is followed when a cursor is present."""
    respx_router.get("rooms").mock(
        side_effect=serve(
            {
                None: {"limit": 100, "data": [room(1)], "last": "a"},
                "a": {"limit": 100, "data": [room(2)]},
            }
        )
    )

    ids = [r.id async for r in client.rooms.list()]

    assert ids == ["room-001", "room-002"]


async def test_pages(client: HMSClient, rooms_route: respx.Route) -> None:
    """pages() yields each page with its cursor; the last has none."""
    pages = [p async for p in client.rooms.list(limit=10).pages()]

    assert [[r.id for r in p.data] for p in pages] == [
        ALL_IDS[:2],
        ALL_IDS[2:4],
        ALL_IDS[4:],
    ]
    assert [p.next_cursor for p in pages] == ["room-002", "room-004", None]
    assert [p.has_next for p in pages] == [True, True, False]


async def test_prefetch_yields_same_items(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """prefetch() gives the same items in the same order."""
    async with client.rooms.list(limit=10).prefetch() as items:
        ids = [r.id async for r in items]

    assert ids == ALL_IDS
    assert rooms_route.call_count == 3


async def test_prefetch_stops_fetching_on_break(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """After leaving the block no page is fetched anymore."""
    pages: dict[str | None, Any] = {None: {"data": [room(0)], "last": "c1"}}
    for n in range(1, 50):
        pages[f"c{n}"] = {"data": [room(n)], "last": f"c{n + 1}"}
    route = respx_router.get("rooms").mock(side_effect=serve(pages))

    async with client.rooms.list().prefetch(pages=1) as items:
        async for _ in items:
            await anyio.sleep(0.01)  # let the producer run ahead
            break
    fetched = route.call_count
    await anyio.sleep(0.05)

    assert 1 <= fetched <= 3  # the consumed page, one buffered, one blocked
    assert route.call_count == fetched


async def test_prefetch_forwards_the_original_error(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A failing page raises its own exception (no ExceptionGroup) after the good items."""
    respx_router.get("rooms").mock(
        side_effect=serve(
            {
                None: {"data": [room(1)], "last": "a"},
                "a": httpx.Response(500, json={"code": 500, "message": "boom"}),
            }
        )
    )
    seen: list[str] = []

    with pytest.raises(ServerError, match="boom"):
        await collect_prefetched(client.rooms.list(), seen)

    assert seen == ["room-001"]


async def test_prefetch_body_error_is_not_wrapped(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """An exception raised in the block comes out as itself."""

    async def body() -> None:
        async with client.rooms.list(limit=10).prefetch() as items:
            async for _ in items:
                raise KeyError("mine")

    with pytest.raises(KeyError, match="mine"):
        await body()


async def test_prefetch_refuses_zero_pages(client: HMSClient) -> None:
    """prefetch(pages=0) is a ValueError."""
    with pytest.raises(ValueError, match="pages"):
        client.rooms.list().prefetch(pages=0)


async def test_prefetch_pages_yields_pages_with_cursors(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """prefetch_pages() gives the same pages as pages(), cursors included."""
    async with client.rooms.list(limit=10).prefetch_pages() as ahead:
        pages = [page async for page in ahead]

    assert [[r.id for r in p.data] for p in pages] == [
        ALL_IDS[:2],
        ALL_IDS[2:4],
        ALL_IDS[4:],
    ]
    assert [p.next_cursor for p in pages] == ["room-002", "room-004", None]
    assert rooms_route.call_count == 3


async def test_prefetch_pages_forwards_the_error_after_good_pages(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A failing page raises its own exception once the pages before it are out."""
    respx_router.get("rooms").mock(
        side_effect=serve(
            {
                None: {"data": [room(1)], "last": "a"},
                "a": httpx.Response(500, json={"code": 500, "message": "boom"}),
            }
        )
    )
    seen: list[str | None] = []

    async def walk() -> None:
        async with client.rooms.list().prefetch_pages(pages=2) as ahead:
            async for page in ahead:
                seen.append(page.next_cursor)

    with pytest.raises(ServerError, match="boom"):
        await walk()
    assert seen == ["a"]


async def test_prefetch_pages_outside_its_block_is_an_error(
    client: HMSClient, rooms_route: respx.Route
) -> None:
    """Iterating before entering says how to use it; nothing is fetched."""
    ahead = client.rooms.list().prefetch_pages()
    with pytest.raises(RuntimeError, match=r"use prefetch_pages\(\) as `async with"):
        await ahead.__anext__()
    assert rooms_route.call_count == 0


async def test_prefetch_pages_refuses_zero_pages(client: HMSClient) -> None:
    """prefetch_pages(pages=0) is a ValueError."""
    with pytest.raises(ValueError, match="pages"):
        client.rooms.list().prefetch_pages(pages=0)


@pytest.mark.parametrize("limit", [9, 101])
async def test_limit_refused_before_request(
    client: HMSClient, rooms_route: respx.Route, limit: int
) -> None:
    """An out-of-range limit is a ValueError naming the range."""
    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.rooms.list(limit=limit)

    assert not rooms_route.called


# --- the other page styles, through a fake fetch ---------------------------------


class FakeFetch:
    """Serves bodies by cursor and records the params of every call."""

    def __init__(self, bodies: Mapping[Any, Any], cursor_param: str) -> None:
        self.bodies = bodies
        self.cursor_param = cursor_param
        self.calls: list[dict[str, Any]] = []

    async def __call__(self, params: Mapping[str, Any], parse: Any) -> Page[Any]:
        self.calls.append(dict(params))
        page: Page[Any] = parse(self.bodies[params.get(self.cursor_param)])
        return page


def paginator(fetch: FakeFetch, style: PageStyle) -> AsyncPaginator[Any]:
    """A paginator of plain JSON items."""
    return AsyncPaginator(fetch, params={"limit": 2}, style=style, item=lambda x: x)


async def test_events_style() -> None:
    """Analytics events follow next, and stop when next is empty."""
    fetch = FakeFetch(
        {
            None: {"limit": 2, "total": 3, "next": "n1", "events": [1, 2]},
            "n1": {"limit": 2, "total": 3, "next": "", "events": [3]},
        },
        "start",
    )
    pages = [p async for p in paginator(fetch, EVENTS).pages()]

    assert [p.data for p in pages] == [[1, 2], [3]]
    assert pages[0].next == "n1"
    assert pages[0].total == 3
    assert [c.get("start") for c in fetch.calls] == [None, "n1"]


@pytest.mark.parametrize("key", ["responses", "results", "sessions"])
async def test_poll_style(key: str) -> None:
    """Poll sub-lists read whichever item key the endpoint uses."""
    fetch = FakeFetch(
        {None: {"last": "p1", key: ["a"]}, "p1": {"last": None, key: ["b"]}}, "start"
    )

    items = [x async for x in paginator(fetch, POLL)]

    assert items == ["a", "b"]


async def test_page_number_style() -> None:
    """Webhook history walks page=2, 3 while has_next is true."""
    fetch = FakeFetch(
        {
            None: {
                "events": ["e1"],
                "pagination": {
                    "current_page": 1,
                    "has_next": True,
                    "page_size": 1,
                    "total_items": 3,
                },
            },
            "2": {
                "events": ["e2"],
                "pagination": {"current_page": 2, "has_next": True},
            },
            "3": {
                "events": ["e3"],
                "pagination": {"current_page": 3, "has_next": False},
            },
        },
        "page",
    )
    pages = [p async for p in paginator(fetch, PAGE_NUMBER).pages()]

    assert [p.data for p in pages] == [["e1"], ["e2"], ["e3"]]
    assert [c.get("page") for c in fetch.calls] == [None, "2", "3"]
    assert pages[0].total == 3
    assert [p.page_number for p in pages] == [1, 2, 3]


async def test_cursor_style_null_data_ends() -> None:
    """data: null is an empty, final page."""
    fetch = FakeFetch({None: {"data": None, "last": "x"}}, "start")

    pages = [p async for p in paginator(fetch, CURSOR).pages()]

    assert len(pages) == 1
    assert pages[0].data == []
    assert not pages[0].has_next


@pytest.mark.parametrize(
    "body",
    [
        [],
        "text",
        {"data": {"a": 1}},
        {"data": [], "last": 5},
        {"data": [1], "last": ["x"]},
    ],
)
def test_cursor_style_wrong_shapes_are_type_errors(body: Any) -> None:
    """Wrong page shapes raise TypeError (the requester turns it into ResponseDecodeError)."""
    with pytest.raises(TypeError):
        CURSOR.parse(body, lambda x: x)
