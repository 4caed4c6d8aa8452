"""``hms.sip``: being written (see issue 3)."""

from __future__ import annotations

from .._auth import TokenSigner
from .._requester import Requester
from ._base import Resource

__all__ = ["SipResource"]


class SipResource(Resource):
    """The SIP endpoints of the API."""

    def __init__(self, requester: Requester, signer: TokenSigner | None) -> None:
        super().__init__(requester)
        self._signer = signer
