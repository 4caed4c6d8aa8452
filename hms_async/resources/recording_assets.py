"""``hms.recording_assets``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["RecordingAssetsResource"]


class RecordingAssetsResource(Resource):
    """The recording_assets endpoints of the API."""
