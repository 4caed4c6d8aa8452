"""The SDK's own httpx client: its pool, its headers and its cookie jar."""

from __future__ import annotations

import http.cookiejar
import platform
from typing import Any, Final

import httpx

from ._version import __version__

__all__ = ["HEADERS", "USER_AGENT", "CookieJar", "make_http_client"]

USER_AGENT: Final = (
    f"hms-async/{__version__} python/{platform.python_version_tuple()[0]}."
    f"{platform.python_version_tuple()[1]} httpx/{httpx.__version__}"
)
HEADERS: Final = {"User-Agent": USER_AGENT, "Accept": "application/json"}
"""The SDK's headers, on every request."""


def make_http_client(
    http: str,
    timeout: float | httpx.Timeout | None,
    transport: httpx.AsyncBaseTransport | None,
    max_connections: int,
) -> httpx.AsyncClient:
    """The client's own httpx client: a pool of `max_connections` kept alive."""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    if http == "aiohttp":
        if transport is not None:
            raise ValueError("pass http='aiohttp' or transport, not both")
        try:
            from ._aiohttp import AiohttpTransport
        except ImportError as exc:
            raise ImportError(
                "HMSClient(http='aiohttp') needs the aiohttp extra: "
                "pip install 'hms-async[aiohttp]'"
            ) from exc
        transport = AiohttpTransport(limits=limits)
    elif http != "httpx":
        raise ValueError(f"http must be 'httpx' or 'aiohttp', got {http!r}")
    return httpx.AsyncClient(
        timeout=timeout,
        transport=transport,
        limits=limits,
        headers=HEADERS,
        cookies=CookieJar(),
    )


class CookieJar(http.cookiejar.CookieJar):
    """The standard cookie jar, minus its work on responses that set no cookie.

    httpx hands every response to ``extract_cookies``, which copies all its
    headers into an ``email`` message to look for ``Set-Cookie``; the API
    seldom sends one. Cookies that do come are kept and sent as before.
    """

    def extract_cookies(self, response: Any, request: Any) -> None:
        # httpx's stand-in for a urllib response keeps the httpx one here.
        headers = getattr(getattr(response, "response", None), "headers", None)
        if (
            isinstance(headers, httpx.Headers)
            and "set-cookie" not in headers
            and "set-cookie2" not in headers
        ):
            return
        super().extract_cookies(response, request)
