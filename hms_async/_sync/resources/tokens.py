# Generated from hms_async/resources/tokens.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.tokens`: peer auth tokens, signed locally or exchanged for a room code.

100ms docs: <https://www.100ms.live/docs/get-started/v2/get-started/security-and-tokens>
"""

from __future__ import annotations

from typing import Unpack

from hms_async._auth import DEFAULT_TOKEN_TTL, TokenSigner
from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._sync._requester import Requester
from hms_async._sync.resources._base import Resource
from hms_async.resources.tokens import _token, sign_peer_token

__all__ = ["TokensResource"]


class TokensResource(Resource):
    """Auth tokens with which peers join rooms from the client SDKs.

    Reach it as `hms.tokens`. Hand a token to your front end; it never needs
    the app secret. Management tokens, which the client signs for itself,
    must never leave the server.
    """

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
        """Sign a peer auth token for a role in a room.

        No request is sent: the token is an HS256 JWT signed with the app secret
        (claims `access_key`, `type="app"`, `version=2`, `room_id`, `role`,
        `user_id`, `iat`, `nbf`, `exp`, `jti`). The room and role are not checked
        against the API; a wrong one fails when the peer joins.

        Args:
            room_id: The room the token admits to.
            role: The name of a role of the room's template.
            user_id: Your id for the user, echoed in webhooks and sessions;
                left out of the token when `None`.
            ttl: The token's lifetime in whole seconds: 1 or more, 24 hours by
                default.

        Returns:
            The signed token (a JWT string).

        Raises:
            ValueError: `room_id` or `role` is empty, `ttl` is not positive, or
                the client was built with only a `management_token` (no key pair
                to sign with).
            TypeError: `ttl` is not an int.

        Example:
            ```python
            token = hms.tokens.create(room_id=room.id, role="guest", user_id="u-42")
            ```

        100ms docs: <https://www.100ms.live/docs/get-started/v2/get-started/security-and-tokens>
        """
        return sign_peer_token(
            self._signer, room_id=room_id, role=role, user_id=user_id, ttl=ttl
        )

    def from_room_code(
        self,
        code: str,
        *,
        user_id: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> str:
        """Exchange a room code for a peer auth token.

        The request goes to the auth host (`auth.100ms.live/v2/token`, or the
        client's `auth_base_url`) and carries no management token. The exchange
        has no side effect, so it is retried like a GET. Codes never expire but
        work only while enabled.

        Args:
            code: The room code, e.g. `"abc-defg-hij"`.
            user_id: Your id for the user, put in the token.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The peer auth token (a JWT string).

        Raises:
            ValueError: `code` is empty; nothing is sent.
            APIError: The auth host refused the code (an unknown or disabled
                one); the subclass follows the status, e.g. `NotFoundError`.
            ResponseDecodeError: The answer has no `token`.

        Example:
            ```python
            token = hms.tokens.from_room_code("abc-defg-hij", user_id="u-42")
            ```

        100ms docs: <https://www.100ms.live/docs/prebuilt/v2/prebuilt/room-codes/room-code-auth>
        """
        if not code:
            raise ValueError("code must not be empty")
        return self._requester.request(
            "POST",
            "token",
            json=body(code=code, user_id=user_id),
            parse=_token,
            idempotent=True,
            auth=None,
            base_url=self._auth_base_url,
            options=request_options,
        )
