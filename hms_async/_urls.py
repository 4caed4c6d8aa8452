"""Request URLs built once per call, without httpx re-validating them.

httpx parses and validates every URL it is given character by character,
and again whenever one is copied with changes. The SDK's own paths are made
of ``path()``'s percent-encoded segments and its queries of ``urlencode``
output, so they are valid by construction: for those, ``request_url`` puts
the parts straight into an ``httpx.URL`` built on the base URL parsed once.
Anything else (a path given by hand with other characters or dot segments,
an httpx without the internals relied on) goes through httpx's parser, and
the tests check both give equal URLs.
"""

from __future__ import annotations

import re
from typing import Final

import httpx

try:  # httpx's parsed form of a URL, a NamedTuple (httpx 0.23 to 0.28)
    from httpx._urlparse import ParseResult
except ImportError:  # pragma: no cover - another httpx: always parse
    _FAST = False
else:
    _FAST = True

__all__ = ["request_url"]

_VALID_PATH: Final = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
"""Characters httpx leaves as they are in a path (RFC 3986 pchar and ``/``)."""
_BASES: dict[str, ParseResult | None] = {}
"""Each base URL's parsed form (a client has one or two bases)."""


def _parsed_base(base: str) -> ParseResult | None:
    if base in _BASES:
        return _BASES[base]
    parsed = getattr(httpx.URL(base), "_uri_reference", None)
    if type(parsed) is not ParseResult or parsed.query or parsed.fragment:
        parsed = None  # a base with a query or fragment: leave it to httpx
    _BASES[base] = parsed
    return parsed


def request_url(base: str, path: str, query: str | None) -> httpx.URL:
    """The URL of ``path`` (relative, without ``?``) under ``base``, with a
    ``query`` encoded by ``urlencode`` (``None``: none)."""
    if base[-1:] != "/":
        base += "/"
    path = path.lstrip("/")
    parsed = _parsed_base(base) if _FAST else None
    if (
        parsed is None
        or not _VALID_PATH.fullmatch(path)
        or "/." in f"/{path}"  # a dot segment: httpx would normalise it
    ):
        return httpx.URL(base + path if query is None else f"{base}{path}?{query}")
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = parsed._replace(path=parsed.path + path, query=query)
    return url
