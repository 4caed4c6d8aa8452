# Generated from hms_async/resources/_base.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""What every service shares: the requester, paginated lists, argument checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hms_async._call_options import extras
from hms_async._encoding import path
from hms_async._pagination import CURSOR, Cursor, Page, PageStyle
from hms_async._parsers import first, model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync._requester import Requester
from hms_async.errors import NotFoundError
from hms_async.resources._base import (
    T,
)

__all__ = ["Resource"]


class Resource:
    """Base class of the services: holds the client's requester."""

    def __init__(self, requester: Requester) -> None:
        self._requester = requester

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def _lookup(
        self,
        template: str,
        item: type[T],
        params: Mapping[str, Any],
        missing: str,
        *,
        options: Mapping[str, Any],
    ) -> T:
        """The first item of one page of the list ``template``: a lookup.

        Raises:
            NotFoundError: The page is empty (``missing`` is its message).
        """

        def not_found() -> NotFoundError:
            return NotFoundError(
                status_code=404, message=missing, method="GET", path=template
            )

        parse_item = model(item)
        item_found: T = self._requester.request(
            "GET",
            template,
            params=params,
            parse=first(lambda page: CURSOR.parse(page, parse_item).data, not_found),
            options=options,
        )
        return item_found

    def _list(
        self,
        template: str,
        item: type[T],
        params: Mapping[str, Any],
        *ids: str,
        start: Cursor | None = None,
        style: PageStyle = CURSOR,
        options: Mapping[str, Any] | None = None,
    ) -> SyncPaginator[T]:
        """A lazy list of ``template`` (filled with ``ids``), checked now:
        its ids, and the per-call ``options`` it keeps for every page."""
        requester = self._requester
        if ids:
            path(template, *ids)
        if options:
            where = f"GET {template}"
            taken = {**params, style.cursor_param: start}
            extras(options, "GET", where, taken, None)

        def fetch(query: Mapping[str, Any], parse: Any) -> Page[T]:
            page: Page[T] = requester.request(
                "GET", template, *ids, params=query, parse=parse, options=options
            )
            return page

        return SyncPaginator(
            fetch,
            params=params,
            style=style,
            item=model(item),
            start=start,
        )
