"""``hms.sessions``: the sessions of rooms and who took part (§2.4)."""

from __future__ import annotations

import datetime as dt

from .._pagination import AsyncPaginator
from .._requester import model, path
from ..errors import NotFoundError
from ..models.sessions import Session
from ._base import Resource, check_limit

__all__ = ["SessionsResource"]


class SessionsResource(Resource):
    """Sessions: one continuous call in a room, with its peers."""

    def list(
        self,
        *,
        room_id: str | None = None,
        active: bool | None = None,
        after: dt.datetime | str | None = None,
        before: dt.datetime | str | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[Session]:
        """List sessions, lazily; ``after``/``before`` filter on start time."""
        check_limit(limit)
        params = {
            "room_id": room_id,
            "active": active,
            "after": after,
            "before": before,
            "limit": limit,
        }
        return self._list("sessions", Session, params, start=start)

    async def retrieve(self, session_id: str) -> Session:
        """Get a session by id, with its peers map."""
        return await self._requester.request(
            "GET", path("sessions", session_id), parse=model(Session)
        )

    async def retrieve_active(self, room_id: str) -> Session:
        """The room's ongoing session; ``NotFoundError`` when none is active."""
        path("rooms", room_id)  # the same checks as any id in a path
        page = await self.list(room_id=room_id, active=True, limit=10)
        if not page.data:
            raise NotFoundError(
                status_code=404,
                message=f"room {room_id!r} has no active session",
                method="GET",
                path="sessions",
            )
        return page.data[0]
