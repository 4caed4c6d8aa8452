"""``hms.polls``: being written (see issue 3)."""

from __future__ import annotations

from ._base import Resource

__all__ = ["PollsResource"]


class PollsResource(Resource):
    """The polls endpoints of the API."""
