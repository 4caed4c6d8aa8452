"""``hms.templates``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["TemplatesResource"]


class TemplatesResource(Resource):
    """The templates endpoints of the API."""
