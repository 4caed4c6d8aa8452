"""The API's pagination envelopes.

Style A (``{limit, data, last}``) and style C (``{last, limit, responses|results}``):
``start`` is the previous page's ``last``; ``last`` is the id of the page's last item
when more items follow, and the empty string ``""`` on the final page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ._clock import parse_time
from ._http import bad_request
from ._router import Call
from ._state import JSON

__all__ = [
    "after_cursor",
    "matching",
    "page_a",
    "page_a_ordered",
    "page_c",
    "time_window",
]

Render = Callable[[JSON], JSON]


def _same(item: JSON) -> JSON:
    return item


def after_cursor(items: Sequence[JSON], key: str, start: str | None) -> list[JSON]:
    """Return the items that follow the cursor ``start`` (all items without one)."""
    if not start:
        return list(items)
    for index, item in enumerate(items):
        if item[key] == start:
            return list(items[index + 1 :])
    return [item for item in items if item[key] > start]


def _slice(
    call: Call, items: Sequence[JSON], key: str, default: int
) -> tuple[int, list[JSON], str]:
    return _take(call, after_cursor(items, key, call.q("start")), key, default)


def _take(
    call: Call, items: Iterable[JSON], key: str, default: int
) -> tuple[int, list[JSON], str]:
    """The call's limit, the page that many of ``items`` make, and its ``last``
    (the empty string when no item follows the page)."""
    limit = call.q_int("limit", default, 10, 100)
    page: list[JSON] = []
    for item in items:
        if len(page) == limit:
            return limit, page, page[-1][key]
        page.append(item)
    return limit, page, ""


def _style_a(limit: int, page: list[JSON], last: str, render: Render) -> JSON:
    return {"limit": limit, "data": [render(item) for item in page], "last": last}


def page_a(
    call: Call,
    items: Sequence[JSON],
    *,
    render: Render = _same,
    key: str = "id",
    default: int = 10,
) -> JSON:
    """Return a style-A page ``{limit, data, last}`` of ``items``."""
    return _style_a(*_slice(call, items, key, default), render)


def page_c(call: Call, items: Sequence[JSON], field: str) -> JSON:
    """Return a style-C page ``{last, limit, <field>}`` (poll sub-lists)."""
    limit, page, last = _slice(call, items, "id", 10)
    return {"last": last, "limit": limit, field: page}


def page_a_ordered(
    call: Call,
    store: Mapping[str, JSON],
    *,
    keep: Callable[[JSON], bool] | None = None,
    render: Render = _same,
    default: int = 10,
) -> JSON:
    """A style-A page of ``store`` read lazily from the cursor on.

    The same page as ``page_a`` over the items that ``keep`` accepts, but only
    the items up to the page's end are looked at.
    """
    order = call.state.order(store)
    items: Iterable[JSON] = (store[key] for key in order.after(call.q("start")))
    if keep is not None:
        items = filter(keep, items)
    return _style_a(*_take(call, items, "id", default), render)


def matching(
    wanted: Mapping[str, object], within: Callable[[JSON], bool] | None = None
) -> Callable[[JSON], bool] | None:
    """A list's query filters as one test of an item: each field of ``wanted``
    equal, and ``within`` (a time window) true; ``None`` when nothing is asked."""
    if not wanted and within is None:
        return None

    def keep(item: JSON) -> bool:
        matches = all(item.get(field) == value for field, value in wanted.items())
        return matches and (within is None or within(item))

    return keep


def time_window(call: Call, field: str) -> Callable[[JSON], bool] | None:
    """Whether an item's ``field`` is within the ``after``/``before`` query
    bounds (``None`` when neither is given)."""
    after, before = _bounds(call)
    if after is None and before is None:
        return None

    def within(item: JSON) -> bool:
        at = parse_time(item[field])
        return (after is None or at >= after) and (before is None or at <= before)

    return within


def _bounds(call: Call) -> tuple[Any, Any]:
    bounds = {}
    for name in ("after", "before"):
        raw = call.q(name)
        if raw:
            try:
                bounds[name] = parse_time(raw)
            except ValueError:
                raise bad_request(
                    f"{name} must be a timestamp", "Invalid query parameter"
                ) from None
    return bounds.get("after"), bounds.get("before")
