"""``hms.active_rooms``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["ActiveRoomsResource"]


class ActiveRoomsResource(Resource):
    """The active_rooms endpoints of the API."""
