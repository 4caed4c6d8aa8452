"""The exceptions a call can raise, all below `HMSError`.

```
HMSError
├── APIError                      the API answered with an error status
│   ├── BadRequestError           400
│   ├── AuthenticationError       401
│   ├── PermissionDeniedError     403
│   ├── NotFoundError             404
│   ├── ConflictError             409
│   ├── RateLimitError            429 (`retry_after` parsed when given)
│   └── ServerError               5xx
├── APIConnectionError            no usable response (network, protocol)
│   └── APITimeoutError           a timeout expired
├── ClientClosedError             the client was closed (also a `RuntimeError`)
├── PaginationError               a list cut short: the API repeated a cursor
├── ResponseDecodeError           the body is not the JSON the endpoint promises
└── WebhookError                  a webhook body that cannot be parsed
    └── WebhookVerificationError  a webhook that failed verification
```

Any call of a service can raise, besides the errors its own docstring lists:

- `AuthenticationError` (401): the access key or secret is wrong, or a
  fixed `management_token` expired. A signed token is re-signed and the
  call replayed once before this is raised.
- `PermissionDeniedError` (403): the token may not do this, or the
  resource (a room, a code) is disabled.
- `RateLimitError` (429) and `ServerError` (5xx): raised once the retries
  are spent. Calls that are safe to repeat (reads, and writes that set a
  state) are retried on 429, 502, 503 and 504, up to `max_retries` times
  with backoff, honouring the wait a 429 asks for.
- `APIConnectionError`: no answer (DNS, refused or reset connection, a
  protocol error); `APITimeoutError` when a timeout or the client's
  `deadline` expired.
- `ClientClosedError`: the client was closed.
- `ResponseDecodeError`: a 2xx answer that is not the JSON the endpoint
  promises (a GET whose body is not JSON at all is retried first).

Arguments are checked before anything is sent: a wrong type raises
`TypeError`, a value outside the documented limits `ValueError`, both
naming the argument. Those are not `HMSError`s.

Messages never contain a token, a secret or an `Authorization` header.

Example:
    ```python
    from hms_async import HMSClient, NotFoundError, RateLimitError

    try:
        room = await hms.rooms.retrieve(room_id)
    except NotFoundError:
        room = await hms.rooms.create(name="fallback")
    except RateLimitError as exc:
        print("slow down for", exc.retry_after, "s")
    ```
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
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ServerError",
    "WebhookError",
    "WebhookVerificationError",
]


class HMSError(Exception):
    """Base class of every exception raised by hms_async.

    Catch it to handle any failure of a call: an error answer, no answer, a
    closed client or a body that does not parse. Argument checks raise
    `TypeError` and `ValueError` instead, before anything is sent.
    """


class APIError(HMSError):
    """The API answered with an error status.

    The subclasses name the common statuses; an uncommon one (e.g. 408 from
    `hms.sip.call()`) is raised as `APIError` itself. `code`, `message` and
    `details` come from the API's error body (`{"code": 400, "message":
    "...", "details": ["..."]}`) when it has one.

    Attributes:
        status_code: The HTTP status of the answer.
        code: The `code` of the error body (it mirrors the status), if any.
        message: The `message` of the error body, or the reason phrase.
        details: The `details` of the error body (empty when absent).
        method: The HTTP method of the request, e.g. `"POST"`.
        path: The path of the request, relative to the base URL.
        response: The `httpx.Response`, for headers and the raw body; `None`
            for errors the SDK raises itself (e.g. `retrieve_by_name`).
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
        # Details that only repeat the message (the API sends some) add nothing.
        details = [d for d in self.details if d != self.message]
        if details:
            text += ": " + "; ".join(details)
        return text


class BadRequestError(APIError):
    """400: the request was invalid; `message` and `details` say why.

    For example "Invalid body param", "Invalid query parameter", "Active key
    already exists", or a time range the analytics endpoints refuse.
    """


class AuthenticationError(APIError):
    """401: the token was missing, expired or wrongly signed.

    A token the client signs itself is re-signed and the call replayed once
    before this is raised, so it usually means a wrong access key or secret,
    or an expired fixed `management_token`.
    """


class PermissionDeniedError(APIError):
    """403: the token lacks permission, or the resource is disabled.

    For example a disabled room (room codes, stream keys), a code whose role
    or room is gone, or "insufficient permissions" on analytics.
    """


class NotFoundError(APIError):
    """404: no such resource.

    An unknown id; also raised by the SDK itself (with `response` `None`) when
    a lookup such as `hms.rooms.retrieve_by_name()` or
    `hms.sessions.retrieve_active()` finds nothing.
    """


class ConflictError(APIError):
    """409: the request conflicts with the resource's state."""


class RateLimitError(APIError):
    """429: too many requests.

    Raised once the retries are spent (calls that are safe to repeat are
    retried after the wait the server asked for).

    Attributes:
        retry_after: The wait the server asked for, in seconds: from a
            `Retry-After` header, or from a message such as "retry after 45
            seconds"; `None` when it gave none.
    """

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
    """5xx: the server failed.

    502, 503 and 504 are retried first for calls that are safe to repeat.
    """


class APIConnectionError(HMSError):
    """No usable response came back (DNS, connection refused or reset, protocol error).

    A call that is safe to repeat, or one that was never sent, is retried
    first. The cause is chained (`__cause__`).
    """


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired, or the call's deadline.

    Raise `timeout=` or `deadline=` on the client (or on a view from
    `with_options()`) when calls legitimately take longer.
    """


class ClientClosedError(HMSError, RuntimeError):
    """The client was closed before or while the call ran.

    Closed by `aclose()` or at the end of its `async with`. Also a
    `RuntimeError`, which a call on a closed client used to raise.
    Nothing more is sent through a closed client: create a new one.
    """


class PaginationError(HMSError):
    """A list was cut short: the API sent a cursor it had sent before.

    Following that cursor would loop for ever, so the iterator stops at the
    page that carried it, without delivering that page: every item before it
    was delivered exactly once. The same iterator then raises this error at
    every later step, never `StopAsyncIteration`, so a loop that logs errors
    and carries on cannot mistake the cut for the end of the list.

    Attributes:
        cursor: Where to resume: pass it as `start=` to the same `list()`
            call to fetch the page that was cut short again (`None`: from the
            beginning of the list).
        repeated: The cursor the API repeated.

    Example:
        ```python
        try:
            async for room in hms.rooms.list():
                save(room)
        except hms_async.PaginationError as error:
            print("cut short; resume later with start =", error.cursor)
        ```
    """

    cursor: str | None
    repeated: str

    def __init__(self, *, cursor: str | None, repeated: str) -> None:
        self.cursor = cursor
        self.repeated = repeated
        super().__init__(
            f"the list was cut short: the API repeated the cursor {repeated!r}; "
            f"the items before it were delivered, resume with start={cursor!r}"
        )


class ResponseDecodeError(HMSError):
    """The body is not the JSON the endpoint promises.

    Attributes:
        status_code: The HTTP status of the answer.
        excerpt: At most the first 200 characters of the body, with anything
            that looks like a token removed.
    """

    status_code: int
    excerpt: str

    def __init__(self, reason: str, *, status_code: int, excerpt: str) -> None:
        self.status_code = status_code
        self.excerpt = excerpt
        super().__init__(f"{reason} (status {status_code}, body starts {excerpt!r})")


class WebhookError(HMSError):
    """A webhook body that is not a valid 100ms event envelope.

    Raised by `hms_async.webhooks` when parsing; answer such a request with a
    400.
    """


class WebhookVerificationError(WebhookError):
    """A webhook that failed verification; answer such a request with a 401.

    Attributes:
        check: The check that failed: the name of a secret header, or
            `"signature"` for the `x-100ms-signature` HMAC.
    """

    check: str

    def __init__(self, check: str, reason: str) -> None:
        self.check = check
        super().__init__(f"webhook verification failed ({check}): {reason}")
