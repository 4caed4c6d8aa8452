"""``hms.analytics``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["AnalyticsResource"]


class AnalyticsResource(Resource):
    """The analytics endpoints of the API."""
