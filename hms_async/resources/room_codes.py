"""``hms.room_codes``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["RoomCodesResource"]


class RoomCodesResource(Resource):
    """The room_codes endpoints of the API."""
