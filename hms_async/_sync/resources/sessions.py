# Generated from hms_async/resources/sessions.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.sessions`: the sessions of rooms and who took part.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/object>
"""

from __future__ import annotations

import datetime as dt
from typing import Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import path
from hms_async._parsers import model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.sessions import Session
from hms_async.resources._base import check_limit

__all__ = ["SessionsResource"]


class SessionsResource(Resource):
    """Sessions: one continuous call in a room, with every peer that took part.

    Reach it as `hms.sessions`. A session starts when the first peer joins and
    ends when the last one leaves (or after 12 hours at most). A peer that
    rejoins gets a new peer id, so count attendance by `user_id`.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def list(
        self,
        *,
        room_id: str | None = None,
        active: bool | None = None,
        after: dt.datetime | str | None = None,
        before: dt.datetime | str | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[Session]:
        """List sessions, lazily.

        Args:
            room_id: Only the sessions of this room.
            active: `True` for ongoing sessions only, `False` for ended ones. The
                API documents `True` as its default but its own example lists
                ended sessions without a filter; pass it explicitly.
            after: Only sessions that started at or after this time (a `datetime`,
                naive ones taken as UTC, or an RFC 3339 string).
            before: Only sessions that started at or before this time.
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of sessions: `await`
                it for the first page, `for` over it for every session.

        Raises:
            ValueError: `limit` is outside 10 to 100 (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            BadRequestError: The API refused a filter (raised when the first page is fetched or
                iterated).

        Example:
            ```python
            for session in hms.sessions.list(room_id=room.id, active=False):
                print(session.id, len(session.peers))
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions>
        """
        check_limit(limit)
        params = {
            "room_id": room_id,
            "active": active,
            "after": after,
            "before": before,
            "limit": limit,
        }
        return self._list(
            "sessions", Session, params, start=start, options=request_options
        )

    def retrieve(
        self, session_id: str, **request_options: Unpack[RequestOptions]
    ) -> Session:
        """Get a session by id, with every peer that took part.

        Args:
            session_id: The session's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The session; `peers` maps each peer id to its record (`joined_at`,
                `left_at`, `user_id`, ...).

        Raises:
            NotFoundError: No session has this id.
            ValueError: `session_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/retrieve-a-session>
        """
        return self._requester.request(
            "GET",
            "sessions/{session_id}",
            session_id,
            parse=model(Session),
            options=request_options,
        )

    def retrieve_active(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> Session:
        """Get the room's ongoing session.

        It lists the room's sessions with `active=True` and returns the first.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The ongoing session.

        Raises:
            NotFoundError: The room has no ongoing session (raised by the SDK on an
                empty list; `path` is `"sessions"`).
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/Sessions/list-sessions>
        """
        path("rooms/{room_id}", room_id)  # the same checks as any id in a path
        return self._lookup(
            "sessions",
            Session,
            {"room_id": room_id, "active": True, "limit": 10},
            f"room {room_id!r} has no active session",
            options=request_options,
        )
