"""``hms.stream_keys``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["StreamKeysResource"]


class StreamKeysResource(Resource):
    """The stream_keys endpoints of the API."""
