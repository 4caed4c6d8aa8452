"""``hms.live_streams``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["LiveStreamsResource"]


class LiveStreamsResource(Resource):
    """The live_streams endpoints of the API."""
