"""The exceptions a call can raise, all below `HMSError`.

```
HMSError
├── APIError                      the API answered with an error status
│   ├── BadRequestError           400
│   ├── AuthenticationError       401
│   ├── PermissionDeniedError     403
│   ├── NotFoundError             404
│   ├── ConflictError             409
│   ├── RateLimitError            429 (``retry_after`` parsed when given)
│   └── ServerError               5xx
├── APIConnectionError            no usable response (network, protocol)
│   └── APITimeoutError           a timeout expired
├── ClientClosedError             the client was closed (also a ``RuntimeError``)
├── ResponseDecodeError           the body is not the JSON the endpoint promises
└── WebhookError                  a webhook body that cannot be parsed
    └── WebhookVerificationError  a webhook that failed verification
```

Messages never contain a token, a secret or an ``Authorization`` header.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "HMSError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ServerError",
    "WebhookError",
    "WebhookVerificationError",
]


class HMSError(Exception):
    """Base class of every exception raised by hms_async."""


class APIError(HMSError):
    """The API answered with an error status.

    ``code``, ``message`` and ``details`` come from the API's error body
    (``{"code": 400, "message": "...", "details": ["..."]}``) when it has one.
    """

    status_code: int
    code: int | None
    message: str
    details: tuple[str, ...]
    method: str
    path: str
    response: httpx.Response | None

    def __init__(
        self,
        *,
        status_code: int,
        message: str,
        code: int | None = None,
        details: Sequence[str] = (),
        method: str = "",
        path: str = "",
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.message = message
        self.details = tuple(details)
        self.method = method
        self.path = path
        self.response = response
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = f" ({self.method} {self.path})" if self.method else ""
        text = f"{self.status_code} {self.message}{where}"
        if self.details:
            text += ": " + "; ".join(self.details)
        return text


class BadRequestError(APIError):
    """400: the request was invalid (see ``details``)."""


class AuthenticationError(APIError):
    """401: the token was missing, expired or wrongly signed."""


class PermissionDeniedError(APIError):
    """403: the token lacks permission, or the resource is disabled."""


class NotFoundError(APIError):
    """404: no such resource."""


class ConflictError(APIError):
    """409: the request conflicts with the resource's state."""


class RateLimitError(APIError):
    """429: too many requests. ``retry_after`` is the wait the server asked for."""

    retry_after: float | None

    def __init__(
        self,
        *,
        status_code: int,
        message: str,
        retry_after: float | None = None,
        code: int | None = None,
        details: Sequence[str] = (),
        method: str = "",
        path: str = "",
        response: httpx.Response | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(
            status_code=status_code,
            message=message,
            code=code,
            details=details,
            method=method,
            path=path,
            response=response,
        )


class ServerError(APIError):
    """5xx: the server failed."""


class APIConnectionError(HMSError):
    """No usable response came back (connection refused, reset, protocol error)."""


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired, or the call's deadline."""


class ClientClosedError(HMSError, RuntimeError):
    """The client was closed (``aclose()``) before or while the call ran.

    Also a ``RuntimeError``, which a call on a closed client used to raise.
    """


class ResponseDecodeError(HMSError):
    """The body is not the JSON the endpoint promises.

    ``excerpt`` holds at most the first 200 characters of the body.
    """

    status_code: int
    excerpt: str

    def __init__(self, reason: str, *, status_code: int, excerpt: str) -> None:
        self.status_code = status_code
        self.excerpt = excerpt
        super().__init__(f"{reason} (status {status_code}, body starts {excerpt!r})")


class WebhookError(HMSError):
    """A webhook body that is not a valid 100ms event envelope."""


class WebhookVerificationError(WebhookError):
    """A webhook that failed verification; ``check`` names the failed check."""

    check: str

    def __init__(self, check: str, reason: str) -> None:
        self.check = check
        super().__init__(f"webhook verification failed ({check}): {reason}")
