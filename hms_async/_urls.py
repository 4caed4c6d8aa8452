"""Request URLs built once per call, without httpx re-validating them.

httpx parses and validates every URL it is given character by character,
and again whenever one is copied with changes. The SDK's own paths are made
of ``path()``'s percent-encoded segments and its queries of ``urlencode``
output, so they are valid by construction: for those, ``request_url`` puts
the parts straight into an ``httpx.URL`` built on the base URL parsed once.

That rests on two private details of httpx: ``httpx._urlparse.ParseResult``
and the ``httpx.URL._uri_reference`` that holds one. So the first URL under
each base is built both ways, fast and through ``httpx.URL(text)``, and
compared part by part; if they differ, or the details are missing, the fast
path is off for good (``_fastpaths``). Anything else (a path given by hand
with other characters or dot segments, a base with a query) always goes
through httpx's parser.
"""

from __future__ import annotations

import re
from typing import Any, Final

import httpx

from . import _fastpaths

ParseResult: Any
try:  # httpx's parsed form of a URL, a NamedTuple (httpx 0.23 to 0.29)
    from httpx._urlparse import ParseResult
except ImportError:  # pragma: no cover - another httpx: the public path
    ParseResult = None

__all__ = ["FAST_PATH", "request_url"]

FAST_PATH: Final = "urls"
"""The name of this fast path in ``_fastpaths``."""
_VALID_PATH: Final = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
"""Characters httpx leaves as they are in a path (RFC 3986 pchar and ``/``)."""
_UNSEEN: Final[Any] = object()
_BASES: dict[str, Any] = {}
"""Each base URL's parsed form, checked; ``None``: a base httpx must join."""


def _public(base: str, path: str, query: str | None) -> httpx.URL:
    return httpx.URL(base + path if query is None else f"{base}{path}?{query}")


def _fast(parsed: Any, path: str, query: str | None) -> httpx.URL:
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = parsed._replace(path=parsed.path + path, query=query)
    return url


def _parts(url: httpx.URL) -> tuple[object, ...]:
    """What a URL is, read through httpx's public properties."""
    return (
        str(url),
        url.scheme,
        url.userinfo,
        url.raw_host,
        url.port,
        url.raw_path,
        url.query,
        url.fragment,
    )


def _checked_base(base: str, path: str, query: str | None) -> Any:
    """``base`` parsed, once a URL built on it fast equals httpx's own parse.

    ``None`` when this base is left to httpx; turns the fast path off when
    the private details are missing or the two URLs differ.
    """
    if ParseResult is None:
        _fastpaths.disable(FAST_PATH, "httpx._urlparse.ParseResult is missing")
        return None
    parsed: Any = getattr(httpx.URL(base), "_uri_reference", None)
    if type(parsed) is not ParseResult:
        _fastpaths.disable(
            FAST_PATH, "httpx.URL no longer keeps a ParseResult in _uri_reference"
        )
        return None
    if parsed.query or parsed.fragment:
        _BASES[base] = None  # a base with a query or fragment: httpx joins it
        return None
    public = _public(base, path, query)
    try:
        same = _parts(_fast(parsed, path, query)) == _parts(public)
    except Exception:  # any failure of the fast form is a mismatch
        same = False
    if not same:
        _fastpaths.disable(
            FAST_PATH, f"a URL built on {base!r} differs from httpx's parse of it"
        )
        return None
    _BASES[base] = parsed
    return parsed


def request_url(base: str, path: str, query: str | None) -> httpx.URL:
    """The URL of ``path`` (relative, without ``?``) under ``base``, with a
    ``query`` encoded by ``urlencode`` (``None``: none)."""
    if base[-1:] != "/":
        base += "/"
    path = path.lstrip("/")
    if (
        not _fastpaths.enabled(FAST_PATH)
        or not _VALID_PATH.fullmatch(path)
        or "/." in f"/{path}"  # a dot segment: httpx would normalise it
    ):
        return _public(base, path, query)
    parsed = _BASES.get(base, _UNSEEN)
    if parsed is _UNSEEN:
        parsed = _checked_base(base, path, query)
    if parsed is None:
        return _public(base, path, query)
    return _fast(parsed, path, query)
