# Generated from hms_async/resources/_base.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""What every service shares: the requester, paginated lists, argument checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hms_async._pagination import CURSOR, Cursor, Page, PageStyle
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync._requester import Requester
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

    def _list(
        self,
        path: str,
        item: type[T],
        params: Mapping[str, Any],
        *,
        start: Cursor | None = None,
        style: PageStyle = CURSOR,
    ) -> SyncPaginator[T]:
        requester = self._requester

        def fetch(query: Mapping[str, Any], parse: Any) -> Page[T]:
            page: Page[T] = requester.request("GET", path, params=query, parse=parse)
            return page

        return SyncPaginator(
            fetch,
            params=params,
            style=style,
            item=model(item),
            start=start,
        )
