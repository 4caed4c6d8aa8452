"""Webhooks from 100ms: check that a delivery is genuine, then parse it.

100ms POSTs a JSON envelope to your URL and retries (3 times, after 1, 3
and 10 s) unless it gets a 200, so answer quickly and do slow work
afterwards; the same event `id` can arrive more than once. A delivery is
authenticated by the secret custom headers you configured (sent verbatim)
and, where your workspace signs deliveries, by `x-100ms-signature`, the
hex HMAC-SHA256 of the raw body:

```python
verifier = WebhookVerifier(expected_headers={"x-webhook-secret": secret})
event = verifier.parse_verified(raw_body, request.headers)
match event.data:
    case PeerJoinSuccessData():
        ...
```

Verify the raw bytes exactly as received: a re-encoded body has another
signature. No HTTP happens here.

100ms docs: <https://www.100ms.live/docs/server-side/v2/how-to-guides/configure-webhooks/overview>
"""

from __future__ import annotations

import hashlib
import hmac
import types
from collections.abc import Mapping
from typing import Any, Final

import attrs
import cattrs
import orjson

from ._serde import structure
from .errors import WebhookError, WebhookVerificationError
from .models.webhooks import WebhookEvent

__all__ = [
    "SIGNATURE_HEADER",
    "WebhookVerifier",
    "construct_event",
    "parse",
    "verify",
]

SIGNATURE_HEADER: Final = "x-100ms-signature"
"""The header carrying the hex HMAC-SHA256 of the raw body."""

_SIGNATURE_CHECK: Final = "signature"
_REQUIRED_STRINGS: Final = ("id", "type")
_SHAPE_ERRORS: Final = (
    TypeError,
    ValueError,
    KeyError,
    AttributeError,
    cattrs.BaseValidationError,
)


def parse(body: bytes | str) -> WebhookEvent:
    """Parse a webhook body into a `WebhookEvent`, without verifying it.

    An unknown event `type` is not an error: its `data` stays a plain dict.
    Use `WebhookVerifier.parse_verified()` for requests from the internet.

    Args:
        body: The raw request body (bytes, or the decoded text).

    Returns:
        The event; `data` is typed by `type` (e.g. `PeerJoinSuccessData`).

    Raises:
        WebhookError: The body is not JSON, not an object, lacks a string
            `id` or `type`, or has malformed fields.
        TypeError: `body` is neither bytes nor str.
    """
    payload = _decode(body)
    if type(payload) is not dict:
        raise WebhookError(f"webhook body must be a JSON object, not {_kind(payload)}")
    for key in _REQUIRED_STRINGS:
        value = payload.get(key)
        if type(value) is not str or not value:
            raise WebhookError(f"webhook envelope needs a non-empty string {key!r}")
    data = payload.get("data")
    if data is not None and type(data) is not dict:
        raise WebhookError(f"webhook 'data' must be a JSON object, not {_kind(data)}")
    try:
        return structure(payload, WebhookEvent)
    except _SHAPE_ERRORS as exc:
        raise WebhookError(f"malformed {payload['type']!r} webhook: {exc}") from exc


def _decode(body: bytes | str) -> Any:
    if not isinstance(body, bytes | bytearray | memoryview | str):
        raise TypeError(f"expected the raw body as bytes or str, got {_kind(body)}")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise WebhookError(f"webhook body is not valid JSON: {exc}") from None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _copy_headers(headers: Mapping[str, str] | None) -> Mapping[str, str]:
    return types.MappingProxyType(dict(headers or {}))


@attrs.define(kw_only=True, frozen=True, repr=False)
class WebhookVerifier:
    """Checks that a delivery came from 100ms; holds the expected secrets.

    Make one at startup, with the attributes below as keyword arguments, and
    use it for every request; it is immutable and its repr shows header
    names, never values.

    Attributes:
        expected_headers: The custom headers configured for the webhook (in
            the dashboard or on the room): every one must be present (names
            are case-insensitive) with exactly that value.
        signing_secret: When given, a valid `x-100ms-signature` (hex
            HMAC-SHA256 of the raw body with this secret) is also required.

    Raises:
        ValueError: Neither `expected_headers` nor `signing_secret` is given
            (it would accept anything), the secret is empty, or a header name
            or value is empty or repeated.

    Example:
        ```python
        verifier = WebhookVerifier(expected_headers={"x-webhook-secret": secret})

        async def receive(request: Request) -> Response:
            try:
                event = verifier.parse_verified(await request.body(), request.headers)
            except WebhookVerificationError:
                return Response(status_code=401)
            except WebhookError:
                return Response(status_code=400)
            await queue.put(event)  # answer fast, work later
            return Response(status_code=200)
        ```
    """

    expected_headers: Mapping[str, str] = attrs.field(
        default=None, converter=_copy_headers
    )
    signing_secret: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.expected_headers and self.signing_secret is None:
            raise ValueError(
                "WebhookVerifier needs expected_headers or signing_secret:"
                " with neither it would accept any request"
            )
        if self.signing_secret is not None and not self.signing_secret:
            raise ValueError("signing_secret must not be empty")
        seen: set[str] = set()
        for name, value in self.expected_headers.items():
            if not isinstance(name, str) or not name or name.lower() in seen:
                raise ValueError(
                    f"expected_headers: header name {name!r} is empty or repeated"
                )
            if not isinstance(value, str) or not value:
                raise ValueError(f"expected_headers: the value of {name!r} is empty")
            seen.add(name.lower())

    def __repr__(self) -> str:
        names = list(self.expected_headers)
        signed = self.signing_secret is not None
        return f"WebhookVerifier(headers={names!r}, signature={signed})"

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Check a delivery; raise unless it passes every check.

        Values are compared in constant time.

        Args:
            body: The raw request body, exactly as received.
            headers: The received headers, any mapping (names matched
                case-insensitively).

        Raises:
            WebhookVerificationError: A header is missing or differs, or the
                signature is missing or wrong; `check` names which.
            TypeError: `body` is not bytes.
        """
        if not isinstance(body, bytes | bytearray | memoryview):
            raise TypeError(f"verify() needs the raw body bytes, got {_kind(body)}")
        received = {name.lower(): value for name, value in headers.items()}
        for name, expected in self.expected_headers.items():
            _check_header(name, received.get(name.lower()), expected)
        if self.signing_secret is not None:
            _check_signature(body, received.get(SIGNATURE_HEADER), self.signing_secret)

    def parse_verified(self, body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
        """Verify a delivery, then parse it.

        Args:
            body: The raw request body, exactly as received.
            headers: The received headers, any mapping.

        Returns:
            The event (see `parse`).

        Raises:
            WebhookVerificationError: The delivery failed a check (answer 401).
            WebhookError: The body is not a valid event envelope (answer 400).
            TypeError: `body` is not bytes.
        """
        self.verify(body, headers)
        return parse(bytes(body))


def _same(received: str, expected: str) -> bool:
    return hmac.compare_digest(received.encode(), expected.encode())


def _check_header(name: str, received: str | None, expected: str) -> None:
    if received is None:
        raise WebhookVerificationError(name, "header missing")
    if not _same(received, expected):
        raise WebhookVerificationError(name, "header value does not match")


def _check_signature(body: bytes, received: str | None, secret: str) -> None:
    if received is None:
        raise WebhookVerificationError(
            _SIGNATURE_CHECK, f"{SIGNATURE_HEADER} header missing"
        )
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    if not _same(received.strip().lower(), digest):
        raise WebhookVerificationError(
            _SIGNATURE_CHECK, "HMAC-SHA256 of the body does not match"
        )


def verify(
    body: bytes,
    headers: Mapping[str, str],
    *,
    expected_headers: Mapping[str, str] | None = None,
    signing_secret: str | None = None,
) -> None:
    """Verify one delivery (see `WebhookVerifier`); raise on the first failed check.

    Args:
        body: The raw request body, exactly as received.
        headers: The received headers, any mapping.
        expected_headers: The custom headers every delivery must carry.
        signing_secret: The secret of `x-100ms-signature`, if deliveries are
            signed.

    Raises:
        WebhookVerificationError: The delivery failed a check.
        ValueError: Neither `expected_headers` nor `signing_secret` is given.
        TypeError: `body` is not bytes.
    """
    verifier = WebhookVerifier(
        expected_headers=expected_headers, signing_secret=signing_secret
    )
    verifier.verify(body, headers)


def construct_event(
    body: bytes,
    headers: Mapping[str, str],
    *,
    expected_headers: Mapping[str, str] | None = None,
    signing_secret: str | None = None,
) -> WebhookEvent:
    """Verify one delivery, then parse it into a `WebhookEvent`.

    Args:
        body: The raw request body, exactly as received.
        headers: The received headers, any mapping.
        expected_headers: The custom headers every delivery must carry.
        signing_secret: The secret of `x-100ms-signature`, if deliveries are
            signed.

    Returns:
        The event (see `parse`).

    Raises:
        WebhookVerificationError: The delivery failed a check.
        WebhookError: The body is not a valid event envelope.
        ValueError: Neither `expected_headers` nor `signing_secret` is given.
        TypeError: `body` is not bytes.
    """
    verifier = WebhookVerifier(
        expected_headers=expected_headers, signing_secret=signing_secret
    )
    return verifier.parse_verified(body, headers)
