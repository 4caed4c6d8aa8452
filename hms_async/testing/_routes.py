"""Every route of the fake, in one table."""

from __future__ import annotations

from . import (
    _routes_analytics,
    _routes_keys,
    _routes_live,
    _routes_media,
    _routes_polls,
    _routes_rooms,
    _routes_sip,
    _routes_templates,
)
from ._router import Router

__all__ = ["ROUTER"]

ROUTER: Router = (
    _routes_rooms.router
    + _routes_live.router
    + _routes_media.router
    + _routes_keys.router
    + _routes_templates.router
    + _routes_polls.router
    + _routes_analytics.router
    + _routes_sip.router
)
