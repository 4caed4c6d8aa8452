"""Tokens: signing management and peer auth tokens, and the bearer auth flow.

Both kinds are HS256 JWTs signed with the app secret (reference §1.1, §1.2).
Signing is pure CPU with no ``await`` between checking the cached token and
storing a new one, so however many tasks need a token at once, exactly one
signs it; the others reuse it. Threads (``SyncHMSClient``) can switch
anywhere, so the check and the signing also hold a lock, taken only when a
token is due: one thread signs, the others find the new token after it.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any, Final

import httpx
import jwt

__all__ = ["DEFAULT_TOKEN_TTL", "BearerAuth", "ManagementAuth", "TokenSigner"]

DEFAULT_TOKEN_TTL: Final = 24 * 60 * 60
_CLOCK_SKEW: Final = 10
"""Back-date ``iat``/``nbf`` by this much, as 100ms' own SDK does."""


class TokenSigner:
    """Signs 100ms JWTs with an access key and app secret.

    ``clock`` returns epoch seconds; tests move it instead of waiting.
    """

    __slots__ = ("_access_key", "_clock", "_secret")

    def __init__(
        self,
        access_key: str,
        app_secret: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._access_key = access_key
        self._secret = app_secret
        self._clock = clock

    def __repr__(self) -> str:
        return f"<TokenSigner access_key={self._access_key!r}>"

    @property
    def access_key(self) -> str:
        """The app access key the tokens carry."""
        return self._access_key

    def now(self) -> float:
        """The signer's current time, in epoch seconds."""
        return self._clock()

    def sign(self, token_type: str, ttl: int, **claims: Any) -> tuple[str, int]:
        """Sign a token of ``token_type``; returns it with its ``exp``."""
        if ttl <= 0:
            raise ValueError(f"ttl must be positive, got {ttl}")
        issued = int(self._clock()) - _CLOCK_SKEW
        expires = issued + _CLOCK_SKEW + ttl
        payload = {
            "access_key": self._access_key,
            "type": token_type,
            "version": 2,
            "iat": issued,
            "nbf": issued,
            "exp": expires,
            "jti": str(uuid.uuid4()),
            **claims,
        }
        return jwt.encode(payload, self._secret, algorithm="HS256"), expires


class ManagementAuth(httpx.Auth):
    """Bearer management token: cached, re-signed before expiry and after a 401.

    A new token is signed once less than ``refresh_margin`` seconds of the
    current one remain. A 401 re-signs and replays the request once; a fixed
    token (no signer) is never replayed.
    """

    def __init__(
        self,
        signer: TokenSigner | None,
        *,
        token: str | None = None,
        ttl: int = DEFAULT_TOKEN_TTL,
        refresh_margin: int = 300,
    ) -> None:
        if signer is None and token is None:
            raise ValueError("ManagementAuth needs a signer or a token")
        self._signer = signer
        self._token = token
        self._expires = float("inf") if signer is None else 0.0
        self._ttl = ttl
        self._margin = min(refresh_margin, ttl // 2)
        self._lock = threading.Lock()
        self.signed = 0
        """How many tokens this auth has signed (for tests and metrics)."""
        _AUTHS.add(self)

    def __repr__(self) -> str:
        kind = "fixed token" if self._signer is None else "signed tokens"
        return f"<ManagementAuth {kind}>"

    def token(self) -> str:
        """The current token, signing a new one when it is close to expiry."""
        signer = self._signer
        if signer is None:
            assert self._token is not None  # noqa: S101
            return self._token
        if self._due(signer):
            with self._lock:  # one thread signs; the others see its token
                if self._due(signer):
                    self._resign(signer)
        assert self._token is not None  # noqa: S101
        return self._token

    def _due(self, signer: TokenSigner) -> bool:
        return self._token is None or signer.now() >= self._expires - self._margin

    def _resign(self, signer: TokenSigner) -> None:
        self._token, self._expires = signer.sign("management", self._ttl)
        self.signed += 1

    def _stamp(self, request: httpx.Request) -> str:
        sent = self.token()
        request.headers["Authorization"] = f"Bearer {sent}"
        return sent

    def _replay(
        self, request: httpx.Request, response: httpx.Response, sent: str
    ) -> bool:
        """After a 401 to ``sent``: stamp a new token and say to send again."""
        if response.status_code != 401 or self._signer is None:
            return False
        # httpx reads and closes the 401 response itself once we yield again;
        # closing it here first makes that read fail with StreamClosed.
        with self._lock:
            if self._token == sent:  # another task may have re-signed already
                self._resign(self._signer)
        request.headers["Authorization"] = f"Bearer {self.token()}"
        return True

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        sent = self._stamp(request)
        response = yield request
        if self._replay(request, response, sent):
            yield request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        sent = self._stamp(request)
        response = yield request
        if self._replay(request, response, sent):
            yield request


_AUTHS: weakref.WeakSet[ManagementAuth] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # A lock a parent's thread held at the fork would stay held in the child.
    for auth in list(_AUTHS):
        auth._lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


class BearerAuth(httpx.Auth):
    """A fixed bearer token (the peer auth token of the SIP DTMF call)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "<BearerAuth>"

    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request
