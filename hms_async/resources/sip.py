"""``hms.sip``: outbound SIP trunks and calls, and DTMF tones (§2.13, restricted)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._auth import BearerAuth, TokenSigner
from .._requester import Requester, ignore, model, path
from ..models.sip import SipCall, SipTrunk
from ._base import Resource, body
from .tokens import sign_peer_token

__all__ = ["SipResource"]

DTMF_DIGITS: Final = frozenset("0123456789*#abcd")
_DTMF_TOKEN_TTL: Final = 300
_CALL_READ_TIMEOUT: Final = 120.0
"""The outbound call blocks until the callee answers or rejects (or 100ms gives up)."""
"""A DTMF token is used at once; five minutes absorbs clock drift."""


def _check_dtmf(digits: str | Sequence[str]) -> list[str]:
    tones = [d.lower() if isinstance(d, str) else d for d in digits]
    if not tones:
        raise ValueError("digits must not be empty")
    bad = [d for d in tones if not isinstance(d, str) or d not in DTMF_DIGITS]
    if bad:
        raise ValueError(f"digits may only be 0-9, *, # and a-d, got {bad[0]!r}")
    return tones


def _check_given(**fields: str) -> None:
    for name, value in fields.items():
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string")


def _trunk_body(
    username: str, password: str, address: str, from_: str
) -> dict[str, Any]:
    # ``from`` is a Python keyword: the argument is ``from_``, the JSON key ``from``.
    return body(
        username=username, password=password, address=address, **{"from": from_}
    )


class SipResource(Resource):
    """SIP: dial phones into rooms through your SIP provider, and send them tones."""

    def __init__(self, requester: Requester, signer: TokenSigner | None) -> None:
        super().__init__(requester)
        self._signer = signer

    async def create_trunk(
        self, *, username: str, password: str, address: str, from_: str
    ) -> SipTrunk:
        """Register an outbound trunk of your SIP provider; returns its id.

        ``address`` is the provider's SIP host, ``from_`` (sent as ``from``)
        the phone number calls come from.
        """
        _check_given(address=address, from_=from_)
        return await self._requester.request(
            "POST",
            "sip/outbound/trunks",
            json=_trunk_body(username, password, address, from_),
            parse=model(SipTrunk),
        )

    async def update_trunk(
        self, trunk_id: str, *, username: str, password: str, address: str, from_: str
    ) -> SipTrunk:
        """Replace a trunk's settings; takes every field, as ``create_trunk`` does.

        The API documents the same body for both calls (the whole trunk), so
        nothing is left out: a partial body could blank the fields not sent.
        """
        _check_given(address=address, from_=from_)
        return await self._requester.request(
            "POST",
            path("sip", "outbound", "trunks", trunk_id),
            json=_trunk_body(username, password, address, from_),
            parse=model(SipTrunk),
            idempotent=True,
        )

    async def call(
        self,
        *,
        to: str,
        room_code: str,
        trunk_id: str,
        name: str | None = None,
        user_id: str | None = None,
        video: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> SipCall:
        """Dial ``to`` through a trunk and join the callee to the room of ``room_code``.

        The API answers only once the callee picks up or rejects (408 when it
        times out), so this call can take as long as the phone rings: it waits
        up to 120 s for the answer, whatever the client's read timeout. It is
        never retried once sent. ``headers`` are ``X-...`` SIP headers; reserved ones are ignored.
        """
        _check_given(to=to, room_code=room_code, trunk_id=trunk_id)
        payload = body(
            to=to,
            room_code=room_code,
            trunk_id=trunk_id,
            name=name,
            user_id=user_id,
            video=video,
            headers=None if headers is None else dict(headers),
        )
        return await self._requester.request(
            "POST",
            "sip/outbound/call",
            json=payload,
            parse=model(SipCall),
            read_timeout=_CALL_READ_TIMEOUT,
        )

    async def send_dtmf(
        self,
        *,
        digits: str | Sequence[str],
        auth_token: str | None = None,
        room_id: str | None = None,
        role: str | None = None,
    ) -> None:
        """Play DTMF tones (``"0"``-``"9"``, ``"*"``, ``"#"``, ``"a"``-``"d"``) to SIP peers.

        ``digits`` is a string (``"123#"``) or a list of single digits; they
        are played in order, 100 ms each. The API takes a peer auth token,
        not the management token: pass ``auth_token``, or ``room_id`` and
        ``role`` to have one signed with the client's key pair.
        """
        tones = _check_dtmf(digits)
        token = auth_token or sign_peer_token(
            self._signer, room_id=room_id, role=role, ttl=_DTMF_TOKEN_TTL
        )
        await self._requester.request(
            "POST",
            "sip/dtmf",
            json={"digits": tones},
            parse=ignore,
            auth=BearerAuth(token),
        )
