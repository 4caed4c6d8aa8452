"""``hms.room_codes``: create, list, enable and disable room codes (§2.2)."""

from __future__ import annotations

from .._pagination import AsyncPaginator
from .._requester import model, model_list, path
from ..models.room_codes import RoomCode
from ._base import Resource, check_limit

__all__ = ["RoomCodesResource"]


class RoomCodesResource(Resource):
    """Room codes: one code per role lets peers join without a signed token.

    Rooms created through the API have no codes until ``create()`` is called.
    A room holds at most 100 codes; codes never expire.
    """

    async def create(self, room_id: str) -> list[RoomCode]:
        """Create codes for every role of the room.

        It also creates codes for roles added since, and disables the codes
        of roles that were deleted. Each call may add new codes, so it is
        never retried once sent.
        """
        return await self._requester.request(
            "POST", path("room-codes", "room", room_id), parse=model_list(RoomCode)
        )

    async def create_for_role(self, room_id: str, role: str) -> RoomCode:
        """Create one more code for ``role`` in the room."""
        return await self._requester.request(
            "POST",
            path("room-codes", "room", room_id, "role", role),
            parse=model(RoomCode),
        )

    def list(
        self,
        room_id: str,
        *,
        role: str | None = None,
        enabled: bool | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[RoomCode]:
        """List the room's codes, lazily; ``limit`` is the page size (10 to 100).

        The API has been seen to answer ``"last": ""`` (no further page), so
        the default page of 100, the most codes a room can hold, gets them all.
        """
        check_limit(limit)
        params = {"role": role, "enabled": enabled, "limit": limit}
        return self._list(
            path("room-codes", "room", room_id), RoomCode, params, start=start
        )

    async def enable(self, code: str) -> RoomCode:
        """Let peers join with this code again (403 if its role or room is gone)."""
        return await self._set(code, enabled=True)

    async def disable(self, code: str) -> RoomCode:
        """Stop peers from joining with this code."""
        return await self._set(code, enabled=False)

    async def _set(self, code: str, *, enabled: bool) -> RoomCode:
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
        )
