"""``hms.tokens``: peer auth tokens, signed locally or exchanged for a room code."""

from __future__ import annotations

from typing import Any

from .._auth import DEFAULT_TOKEN_TTL, TokenSigner
from .._requester import Requester
from ._base import Resource, body

__all__ = ["TokensResource", "sign_peer_token"]


def _token(body: Any) -> str:
    token = body["token"]
    if not isinstance(token, str) or not token:
        raise TypeError("expected a non-empty string in 'token'")
    return token


def sign_peer_token(
    signer: TokenSigner | None,
    *,
    room_id: str | None,
    role: str | None,
    user_id: str | None = None,
    ttl: int = DEFAULT_TOKEN_TTL,
) -> str:
    """Sign a peer auth token (``type="app"``); shared by tokens and SIP DTMF."""
    if signer is None:
        raise ValueError(
            "signing peer tokens needs access_key and app_secret, "
            "not only a management_token"
        )
    for name, value in (("room_id", room_id), ("role", role)):
        if not value:
            raise ValueError(f"{name} must not be empty")
    claims: dict[str, Any] = {"room_id": room_id, "role": role}
    if user_id is not None:
        claims["user_id"] = user_id
    token, _ = signer.sign("app", ttl, **claims)
    return token


class TokensResource(Resource):
    """Auth tokens with which peers join rooms from the client SDKs."""

    def __init__(
        self, requester: Requester, signer: TokenSigner | None, auth_base_url: str
    ) -> None:
        super().__init__(requester)
        self._signer = signer
        self._auth_base_url = auth_base_url

    def create(
        self,
        *,
        room_id: str,
        role: str,
        user_id: str | None = None,
        ttl: int = DEFAULT_TOKEN_TTL,
    ) -> str:
        """Sign a peer auth token (``type="app"``) for ``role`` in ``room_id``.

        No request is sent. ``ttl`` is the lifetime in seconds (24 h by
        default). Needs the access key and app secret.
        """
        return sign_peer_token(
            self._signer, room_id=room_id, role=role, user_id=user_id, ttl=ttl
        )

    async def from_room_code(self, code: str, *, user_id: str | None = None) -> str:
        """Exchange a room code for a peer auth token (``auth.100ms.live``).

        This call carries no management token. The exchange has no side
        effect, so it is retried like a GET.
        """
        if not code:
            raise ValueError("code must not be empty")
        return await self._requester.request(
            "POST",
            "token",
            json=body(code=code, user_id=user_id),
            parse=_token,
            idempotent=True,
            auth=None,
            base_url=self._auth_base_url,
        )
