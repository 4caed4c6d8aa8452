"""SIP (`/sip`): outbound trunks and calls."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = ["SipCall", "SipTrunk"]


@attrs.define(kw_only=True)
class SipTrunk:
    """An outbound SIP trunk, as the API returns it.

    Attributes:
        id: The trunk's id, the `trunk_id` of `hms.sip.call()`.
    """

    id: str
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class SipCall:
    """An answered outbound SIP call.

    Attributes:
        id: The call's id.
    """

    id: str
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
