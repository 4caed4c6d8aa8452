"""`hms.sip`: outbound SIP trunks and calls, and DTMF tones (restricted access).

100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/Session%20Initiation%20Protocol%20(SIP)/SIP-Outbound>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Unpack

from .._auth import BearerAuth, TokenSigner
from .._call_options import RequestOptions
from .._encoding import body
from .._parsers import ignore, model
from .._requester import Requester
from ..models.sip import SipCall, SipTrunk
from ._base import Resource
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
    """SIP: dial phones into rooms through your SIP provider, and send them tones.

    Reach it as `hms.sip`. 100ms enables SIP on request. Inbound calls need no
    API: callers dial `sip:<room_code>@sip.100ms.live`.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def __init__(self, requester: Requester, signer: TokenSigner | None) -> None:
        super().__init__(requester)
        self._signer = signer

    async def create_trunk(
        self,
        *,
        username: str,
        password: str,
        address: str,
        from_: str,
        **request_options: Unpack[RequestOptions],
    ) -> SipTrunk:
        """Register an outbound trunk of your SIP provider.

        Not retried once sent: a repeat would register a second trunk.

        Args:
            username: The user name at your SIP provider.
            password: The password at your SIP provider (never logged or shown
                in errors).
            address: Your SIP provider's host; must not be empty.
            from_: The phone number calls come from (sent as `from`); must not be
                empty.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The trunk; its `id` is the `trunk_id` of `call()`.

        Raises:
            ValueError: `address` or `from_` is empty; nothing is sent.
            BadRequestError: The API refused the trunk.

        100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/Session%20Initiation%20Protocol%20(SIP)/SIP-Outbound>
        """
        _check_given(address=address, from_=from_)
        return await self._requester.request(
            "POST",
            "sip/outbound/trunks",
            json=_trunk_body(username, password, address, from_),
            parse=model(SipTrunk),
            options=request_options,
        )

    async def update_trunk(
        self,
        trunk_id: str,
        *,
        username: str,
        password: str,
        address: str,
        from_: str,
        **request_options: Unpack[RequestOptions],
    ) -> SipTrunk:
        """Replace a trunk's settings.

        It takes every field, as `create_trunk()` does: the API documents the
        same body for both calls, so nothing is left out (a partial body could
        blank the fields not sent). Retried like a GET.

        Args:
            trunk_id: The trunk's id.
            username: The user name at your SIP provider.
            password: The password at your SIP provider (never logged or shown
                in errors).
            address: Your SIP provider's host; must not be empty.
            from_: The phone number calls come from (sent as `from`); must not be
                empty.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The trunk.

        Raises:
            ValueError: `address`, `from_` or `trunk_id` is empty; nothing is
                sent.
            NotFoundError: No trunk has this id.
            BadRequestError: The API refused the trunk.

        100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/Session%20Initiation%20Protocol%20(SIP)/SIP-Outbound>
        """
        _check_given(address=address, from_=from_)
        return await self._requester.request(
            "POST",
            "sip/outbound/trunks/{trunk_id}",
            trunk_id,
            json=_trunk_body(username, password, address, from_),
            parse=model(SipTrunk),
            idempotent=True,
            options=request_options,
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
        **request_options: Unpack[RequestOptions],
    ) -> SipCall:
        """Dial a phone number and join the callee to the room of a room code.

        The API answers only once the callee picks up or rejects, so this call
        can take as long as the phone rings: it waits up to 120 s for the answer,
        whatever the client's read timeout. It is never retried once sent.

        Args:
            to: The number to dial; required.
            room_code: The room code the callee joins with (its role applies);
                required.
            trunk_id: The trunk to dial through (from `create_trunk()`);
                required.
            name: The callee's display name in the room.
            user_id: The callee's user id in the room.
            video: `True` for a video call.
            headers: Extra SIP headers, named `X-...`; reserved headers are
                ignored by the API.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The answered call, with its `id`.

        Raises:
            ValueError: `to`, `room_code` or `trunk_id` is empty; nothing is
                sent.
            APIError: 408, the callee did not answer in time ("timed out").
            BadRequestError: The API refused the call (e.g. "to is mandatory").
            APITimeoutError: No answer within 120 s.

        Example:
            ```python
            call = await hms.sip.call(to="+15550100", room_code=code, trunk_id=trunk.id)
            ```

        100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/Session%20Initiation%20Protocol%20(SIP)/SIP-Outbound>
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
            options=request_options,
        )

    async def send_dtmf(
        self,
        *,
        digits: str | Sequence[str],
        auth_token: str | None = None,
        room_id: str | None = None,
        role: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> None:
        """Play DTMF tones to the SIP peers of a room.

        The tones are played in order, 100 ms each with 100 ms gaps, to SIP
        peers only. This endpoint takes a peer auth token, not the management
        token: pass `auth_token`, or `room_id` and `role` to have one signed
        (valid 5 minutes) with the client's key pair. Not retried once sent: a
        repeat would play the tones twice.

        Args:
            digits: `"0"`-`"9"`, `"*"`, `"#"` and `"a"`-`"d"` (upper case is
                accepted), as a string (`"123#"`) or a list of single digits.
            auth_token: A peer auth token of the room (e.g. from
                `hms.tokens.create()`).
            room_id: The room, to sign a token when `auth_token` is not given.
            role: The role to sign the token for, with `room_id`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Raises:
            ValueError: `digits` is empty or holds another character; or, with
                no `auth_token`, `room_id` or `role` is empty or the client has
                only a management token (no key pair to sign with). Nothing is
                sent.
            BadRequestError: The API refused the digits ("invalid digit",
                "digits are mandatory").
            AuthenticationError: The auth token is invalid or expired.

        Example:
            ```python
            await hms.sip.send_dtmf(digits="1234#", room_id=room.id, role="host")
            ```

        100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/Session%20Initiation%20Protocol%20(SIP)/SIP-DTMF-transmission>
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
            options=request_options,
        )
