"""``hms.recordings``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["RecordingsResource"]


class RecordingsResource(Resource):
    """The recordings endpoints of the API."""
