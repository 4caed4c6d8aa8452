"""``hms.external_streams``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["ExternalStreamsResource"]


class ExternalStreamsResource(Resource):
    """The external_streams endpoints of the API."""
