# Generated from tests/test_pagination.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""SyncPaginator: await, for, pages(), prefetch(), cursors, every page style."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest
import respx

from hms_async import PaginationError, SyncHMSClient
from hms_async._pagination import CURSOR, EVENTS, PAGE_NUMBER, POLL, Page, PageStyle
from hms_async._sync import _compat
from hms_async._sync._pagination import SyncPaginator
from hms_async.models import Room
from tests.helpers import assert_api_request
from tests.test_pagination import ALL_IDS, PAGES, room, serve


def collect(items: Iterable[Room], seen: list[str]) -> None:
    """Append every item's id to ``seen``."""
    for r in items:
        seen.append(r.id)


@pytest.fixture
def rooms_route(respx_router: respx.MockRouter) -> respx.Route:
    """GET /rooms serving the three pages above."""
    return respx_router.get("rooms").mock(side_effect=serve(PAGES))


def test_walks_three_pages(client: SyncHMSClient, rooms_route: respx.Route) -> None:
    """Every item of every page, each next request's start is the previous last."""
    ids = [r.id for r in client.rooms.list(enabled=True, limit=10)]

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


def test_await_gives_first_page_only(
    client: SyncHMSClient, rooms_route: respx.Route
) -> None:
    """sends one request and returns the first page with its cursor."""
    page = client.rooms.list(limit=10).first_page()

    assert rooms_route.call_count == 1
    assert [r.id for r in page.data] == ["room-001", "room-002"]
    assert page.limit == 10
    assert page.last == "room-002"
    assert page.next_cursor == "room-002"
    assert page.has_next


def test_nothing_sent_until_used(
    client: SyncHMSClient, rooms_route: respx.Route
) -> None:
    """list() itself sends nothing."""
    client.rooms.list()

    assert not rooms_route.called


def test_break_sends_no_further_request(
    client: SyncHMSClient, rooms_route: respx.Route
) -> None:
    """Leaving the loop on the first page fetches nothing more."""
    for _ in client.rooms.list(limit=10):
        break
    _compat.sleep(0.01)

    assert rooms_route.call_count == 1


def test_repeated_cursor_raises(
    client: SyncHMSClient, respx_router: respx.MockRouter
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
        collect(client.rooms.list(), seen)

    assert seen == ["room-001", "room-002"]
    assert route.call_count == 3


def test_cursor_equal_to_start_raises(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A page pointing back at the cursor we resumed from is a loop too."""
    respx_router.get("rooms").mock(
        side_effect=serve({"x": {"data": [room(1)], "last": "x"}})
    )

    with pytest.raises(PaginationError):
        for _ in client.rooms.list(start="x"):
            pass


def test_arguments_untouched_and_iteration_restarts(
    client: SyncHMSClient, rooms_route: respx.Route
) -> None:
    """The caller's dict is not modified, and a second loop starts over."""
    kwargs: dict[str, Any] = {"enabled": True, "limit": 10}
    paginator = client.rooms.list(**kwargs)

    first = [r.id for r in paginator]
    second = [r.id for r in paginator]

    assert kwargs == {"enabled": True, "limit": 10}
    assert first == second == ALL_IDS
    starts = [c.request.url.params.get("start") for c in rooms_route.calls]
    assert starts == [None, "room-002", "room-004"] * 2


def test_start_resumes(client: SyncHMSClient, rooms_route: respx.Route) -> None:
    """start= begins at the saved cursor."""
    ids = [r.id for r in client.rooms.list(limit=10, start="room-002")]

    assert ids == ["room-003", "room-004", "room-005"]
    assert rooms_route.calls[0].request.url.params["start"] == "room-002"


def test_resume_from_a_page_cursor(
    client: SyncHMSClient, rooms_route: respx.Route
) -> None:
    """A page's next_cursor, saved and passed as start=, continues after that page."""
    for page in client.rooms.list(limit=10).pages():
        saved = page.next_cursor
        break
    assert saved == "room-002"  # typed str | None: start= takes it as it is

    ids = [r.id for r in client.rooms.list(limit=10, start=saved)]

    assert ids == ALL_IDS[2:]


def test_empty_page_with_cursor_ends(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    ids = [r.id for r in client.rooms.list()]

    assert ids == ["room-001"]
    assert route.call_count == 2


def test_short_page_does_not_end(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    ids = [r.id for r in client.rooms.list()]

    assert ids == ["room-001", "room-002"]


def test_pages(client: SyncHMSClient, rooms_route: respx.Route) -> None:
    """pages() yields each page with its cursor; the last has none."""
    pages = [p for p in client.rooms.list(limit=10).pages()]

    assert [[r.id for r in p.data] for p in pages] == [
        ALL_IDS[:2],
        ALL_IDS[2:4],
        ALL_IDS[4:],
    ]
    assert [p.next_cursor for p in pages] == ["room-002", "room-004", None]
    assert [p.has_next for p in pages] == [True, True, False]


@pytest.mark.parametrize("limit", [9, 101])
def test_limit_refused_before_request(
    client: SyncHMSClient, rooms_route: respx.Route, limit: int
) -> None:
    """An out-of-range limit is a ValueError naming the range."""
    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.rooms.list(limit=limit)

    assert not rooms_route.called


class FakeFetch:
    """Serves bodies by cursor and records the params of every call."""

    def __init__(self, bodies: Mapping[Any, Any], cursor_param: str) -> None:
        self.bodies = bodies
        self.cursor_param = cursor_param
        self.calls: list[dict[str, Any]] = []

    def __call__(self, params: Mapping[str, Any], parse: Any) -> Page[Any]:
        self.calls.append(dict(params))
        page: Page[Any] = parse(self.bodies[params.get(self.cursor_param)])
        return page


def paginator(fetch: FakeFetch, style: PageStyle) -> SyncPaginator[Any]:
    """A paginator of plain JSON items."""
    return SyncPaginator(fetch, params={"limit": 2}, style=style, item=lambda x: x)


def test_events_style() -> None:
    """Analytics events follow next, and stop when next is empty."""
    fetch = FakeFetch(
        {
            None: {"limit": 2, "total": 3, "next": "n1", "events": [1, 2]},
            "n1": {"limit": 2, "total": 3, "next": "", "events": [3]},
        },
        "start",
    )
    pages = [p for p in paginator(fetch, EVENTS).pages()]

    assert [p.data for p in pages] == [[1, 2], [3]]
    assert pages[0].next == "n1"
    assert pages[0].total == 3
    assert [c.get("start") for c in fetch.calls] == [None, "n1"]


@pytest.mark.parametrize("key", ["responses", "results", "sessions"])
def test_poll_style(key: str) -> None:
    """Poll sub-lists read whichever item key the endpoint uses."""
    fetch = FakeFetch(
        {None: {"last": "p1", key: ["a"]}, "p1": {"last": None, key: ["b"]}}, "start"
    )

    items = [x for x in paginator(fetch, POLL)]

    assert items == ["a", "b"]


def test_page_number_style() -> None:
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
    pages = [p for p in paginator(fetch, PAGE_NUMBER).pages()]

    assert [p.data for p in pages] == [["e1"], ["e2"], ["e3"]]
    assert [c.get("page") for c in fetch.calls] == [None, "2", "3"]
    assert pages[0].total == 3
    assert [p.page_number for p in pages] == [1, 2, 3]


def test_cursor_style_null_data_ends() -> None:
    """data: null is an empty, final page."""
    fetch = FakeFetch({None: {"data": None, "last": "x"}}, "start")

    pages = [p for p in paginator(fetch, CURSOR).pages()]

    assert len(pages) == 1
    assert pages[0].data == []
    assert not pages[0].has_next
