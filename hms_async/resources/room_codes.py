"""`hms.room_codes`: create, list, enable and disable room codes.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/room-code-overview>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from .._call_options import RequestOptions
from .._pagination import AsyncPaginator
from .._parsers import model, model_list
from ..models.room_codes import RoomCode
from ._base import Resource, check_limit

__all__ = ["RoomCodesResource"]


class RoomCodesResource(Resource):
    """Room codes: short codes (`abc-defg-hij`) with which peers join as a role.

    Reach it as `hms.room_codes`. A peer (or Prebuilt, or SIP) joins with a
    code instead of a signed token; exchange one for a token with
    `hms.tokens.from_room_code()`. Rooms created through the API have no codes
    until `create()` is called. A room holds at most 100 codes (several per
    role are allowed); codes never expire, they only get disabled.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    async def create(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> list[RoomCode]:
        """Create codes for every role of the room.

        It also creates codes for roles added to the template since, and disables
        the codes of roles that were deleted. Each call may add new codes, so it is
        never retried once sent.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The room's codes, one per role.

        Raises:
            NotFoundError: No room has this id.
            PermissionDeniedError: The room is disabled.
            ValueError: `room_id` is empty; nothing is sent.

        Example:
            ```python
            codes = await hms.room_codes.create(room.id)
            host_code = next(c.code for c in codes if c.role == "host")
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/create-room-code-api>
        """
        return await self._requester.request(
            "POST",
            "room-codes/room/{room_id}",
            room_id,
            parse=model_list(RoomCode),
            options=request_options,
        )

    async def create_for_role(
        self, room_id: str, role: str, **request_options: Unpack[RequestOptions]
    ) -> RoomCode:
        """Create one more code for a role of the room.

        Not retried once sent: a repeat would add another code.

        Args:
            room_id: The room's id.
            role: The name of a role of the room's template.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The new code.

        Raises:
            NotFoundError: No room has this id, or its template has no such role.
            PermissionDeniedError: The room is disabled.
            BadRequestError: The API refused the request (a room holds at most
                100 codes; the answer to going over is not documented).
            ValueError: `room_id` or `role` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/create-room-code-api>
        """
        return await self._requester.request(
            "POST",
            "room-codes/room/{room_id}/role/{role}",
            room_id,
            role,
            parse=model(RoomCode),
            options=request_options,
        )

    def list(
        self,
        room_id: str,
        *,
        role: str | None = None,
        enabled: bool | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> AsyncPaginator[RoomCode]:
        """List the room's codes, lazily.

        The API has been seen to answer `"last": ""` (no further page), so the
        default page of 100, the most codes a room can hold, gets them all at once.

        Args:
            room_id: The room's id.
            role: Only the codes of this role.
            enabled: `True` for enabled codes only, `False` for disabled ones;
                `None` for both.
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [AsyncPaginator][hms_async.AsyncPaginator] of codes: `await`
                it for the first page, `async for` over it for every code.

        Raises:
            ValueError: `limit` is outside 10 to 100 or `room_id` is empty
                (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            NotFoundError: No room has this id (raised when awaited or iterated).

        Example:
            ```python
            async for code in hms.room_codes.list(room.id, enabled=True):
                print(code.role, code.code)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/get-room-code-api>
        """
        check_limit(limit)
        params = {"role": role, "enabled": enabled, "limit": limit}
        return self._list(
            "room-codes/room/{room_id}",
            RoomCode,
            params,
            room_id,
            start=start,
            options=request_options,
        )

    async def enable(
        self, code: str, **request_options: Unpack[RequestOptions]
    ) -> RoomCode:
        """Let peers join with this code again.

        Setting the flag is idempotent, so the call is retried like a GET.

        Args:
            code: The room code, e.g. `"abc-defg-hij"`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The code, now `enabled`.

        Raises:
            NotFoundError: No such code.
            PermissionDeniedError: The code's role or room is gone or disabled,
                so it cannot be enabled.
            ValueError: `code` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/update-room-code-api>
        """
        return await self._set(code, enabled=True, options=request_options)

    async def disable(
        self, code: str, **request_options: Unpack[RequestOptions]
    ) -> RoomCode:
        """Stop peers from joining with this code.

        Peers already in the room stay. Setting the flag is idempotent, so the
        call is retried like a GET.

        Args:
            code: The room code, e.g. `"abc-defg-hij"`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The code, now not `enabled`.

        Raises:
            NotFoundError: No such code.
            ValueError: `code` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/room-codes/update-room-code-api>
        """
        return await self._set(code, enabled=False, options=request_options)

    async def _set(
        self, code: str, *, enabled: bool, options: Mapping[str, Any]
    ) -> RoomCode:
        # The body must be exactly {code, enabled}: any other field is a 400.
        # Setting a flag is idempotent, so the call is retried like a GET.
        if not code:
            raise ValueError("code must not be empty")
        return await self._requester.request(
            "POST",
            "room-codes/code",
            json={"code": code, "enabled": enabled},
            parse=model(RoomCode),
            idempotent=True,
            options=options,
        )
