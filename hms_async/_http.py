"""The SDK's own httpx client: its pool, its headers and its cookie jar."""

from __future__ import annotations

import http.cookiejar
import platform
from typing import Any, Final

import httpx

from . import _fastpaths
from ._version import __version__

__all__ = ["FAST_PATH", "HEADERS", "USER_AGENT", "CookieJar", "make_http_client"]

FAST_PATH: Final = "cookies"
"""The name of the cookie jar's shortcut in ``_fastpaths``."""

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

    Telling that a response sets none reads a private detail of httpx: its
    stand-in for a urllib response keeps the httpx response as ``.response``.
    So each jar's first response is also read the stock way (``make_cookies``,
    what ``extract_cookies`` runs, through the stand-in's public ``info()``);
    if that finds a cookie the shortcut would skip, or the detail is missing,
    the shortcut is off for good (``_fastpaths``).
    """

    _checked = False

    def extract_cookies(self, response: Any, request: Any) -> None:
        if _fastpaths.enabled(FAST_PATH):
            headers = getattr(getattr(response, "response", None), "headers", None)
            skip = (
                isinstance(headers, httpx.Headers)
                and "set-cookie" not in headers
                and "set-cookie2" not in headers
            )
            if not self._checked:
                skip = self._check(response, request, headers, skip=skip)
            if skip:
                return
        super().extract_cookies(response, request)

    def _check(
        self, response: Any, request: Any, headers: object, *, skip: bool
    ) -> bool:
        """Whether to skip this response, once the stock way agrees."""
        self._checked = True
        if not isinstance(headers, httpx.Headers):
            _fastpaths.disable(
                FAST_PATH, "httpx's cookie stand-in no longer holds the httpx response"
            )
            return False
        if skip and self.make_cookies(response, request):
            _fastpaths.disable(
                FAST_PATH, "a response the shortcut would skip sets a cookie"
            )
            return False
        return skip
