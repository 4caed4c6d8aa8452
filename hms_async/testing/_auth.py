"""Bearer-token checks as 100ms does them, and token minting for tests."""

from __future__ import annotations

import functools
import uuid
from datetime import datetime
from types import MappingProxyType
from typing import Any

import jwt

from ._http import ApiError

__all__ = ["LEEWAY_SECONDS", "check_bearer", "mint_token"]

LEEWAY_SECONDS = 10


def _reject(detail: str) -> ApiError:
    return ApiError(401, "Token validation error", [detail])


def mint_token(
    secret: str, claims: dict[str, Any], *, now: datetime, ttl: float = 86400
) -> str:
    """Sign an HS256 token with the standard claims plus ``claims``."""
    issued = int(now.timestamp())
    payload = {
        "version": 2,
        "iat": issued,
        "nbf": issued,
        "exp": issued + int(ttl),
        "jti": str(uuid.uuid4()),
        **claims,
    }
    return jwt.encode(payload, secret, algorithm="HS256")


@functools.lru_cache(maxsize=1024)
def _verified(token: str, secret: str) -> MappingProxyType[str, Any]:
    """Check a token's signature once; a client reuses its token for many calls."""
    return MappingProxyType(_decode(token, secret))


def _decode(token: str, secret: str) -> dict[str, Any]:
    options: jwt.types.Options = {
        "verify_exp": False,
        "verify_nbf": False,
        "verify_iat": False,
    }
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            options=options,
        )
    except jwt.InvalidSignatureError:
        raise _reject("signature is invalid") from None
    except jwt.InvalidTokenError:
        raise _reject("token is malformed") from None
    return claims


def _check_times(claims: dict[str, Any], now: float) -> None:
    exp, nbf = claims.get("exp"), claims.get("nbf")
    if not isinstance(exp, int | float):
        raise _reject("token has no expiry")
    if exp + LEEWAY_SECONDS < now:
        raise _reject("token is expired")
    if isinstance(nbf, int | float) and nbf - LEEWAY_SECONDS > now:
        raise _reject("token is not valid yet")


def check_bearer(
    header: str | None,
    *,
    secret: str,
    access_key: str,
    expected_type: str,
    now: datetime,
) -> dict[str, Any]:
    """Validate ``Authorization: Bearer <jwt>``; return the claims or raise a 401."""
    if not header:
        raise _reject("token is missing")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _reject("authorization header must be 'Bearer <token>'")
    claims = dict(_verified(token.strip(), secret))
    if claims.get("type") != expected_type:
        raise _reject(f"token type must be {expected_type}")
    if claims.get("access_key") != access_key:
        raise _reject("access key does not match")
    _check_times(claims, now.timestamp())
    return claims
