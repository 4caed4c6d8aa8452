"""The API's pagination envelopes.

Style A (``{limit, data, last}``) and style C (``{last, limit, responses|results}``):
``start`` is the previous page's ``last``; ``last`` is the id of the page's last item
when more items follow, and the empty string ``""`` on the final page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._clock import parse_time
from ._http import bad_request
from ._router import Call
from ._state import JSON

__all__ = ["after_cursor", "page_a", "page_c", "time_filter"]

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
    limit = call.q_int("limit", default, 10, 100)
    rest = after_cursor(items, key, call.q("start"))
    page = rest[:limit]
    last = page[-1][key] if page and len(rest) > limit else ""
    return limit, page, last


def page_a(
    call: Call,
    items: Sequence[JSON],
    *,
    render: Render = _same,
    key: str = "id",
    default: int = 10,
) -> JSON:
    """Return a style-A page ``{limit, data, last}`` of ``items``."""
    limit, page, last = _slice(call, items, key, default)
    return {"limit": limit, "data": [render(item) for item in page], "last": last}


def page_c(call: Call, items: Sequence[JSON], field: str) -> JSON:
    """Return a style-C page ``{last, limit, <field>}`` (poll sub-lists)."""
    limit, page, last = _slice(call, items, "id", 10)
    return {"last": last, "limit": limit, field: page}


def time_filter(call: Call, items: list[JSON], field: str) -> list[JSON]:
    """Keep items whose ``field`` is within the ``after``/``before`` query bounds."""
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
    if "after" in bounds:
        items = [i for i in items if parse_time(i[field]) >= bounds["after"]]
    if "before" in bounds:
        items = [i for i in items if parse_time(i[field]) <= bounds["before"]]
    return items
