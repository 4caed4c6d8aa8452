"""Every route of the fake, in one table."""

from __future__ import annotations

from . import _routes_live, _routes_rooms
from ._router import Router

__all__ = ["ROUTER"]

ROUTER: Router = _routes_rooms.router + _routes_live.router
