"""Raw responses: a call's answer as it came, and its model on demand.

``hms.with_raw_response.<service>.<method>(...)`` runs the method with a
capture among its options (``_call_options.RAW``); the requester puts the
final answer in it instead of parsing it, and the wrapper returns it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final, Generic, ParamSpec, TypeVar, cast

import httpx

from ._call_options import RAW
from ._status import parse as parse_json

if TYPE_CHECKING:
    from ._pagination import AsyncPaginator, Page

__all__ = ["Capture", "RawResponse", "raw_call", "raw_page"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
_UNPARSED: Final[Any] = object()


class RawResponse(Generic[R]):
    """The HTTP answer of a call, with its parsed result on demand.

    What `hms.with_raw_response.<service>.<method>(...)` returns: the same
    call, retried and checked as always (an error status still raises the
    error of `hms_async.errors`), but its answer is kept as it came and
    parsed only when `parse()` is asked for. For a list, it is the first
    page's answer.

    The management token is never in it: `http_request` reads
    `Authorization: Bearer <redacted token>`.

    Attributes:
        status_code: The HTTP status of the final attempt.
        headers: The response headers (an `httpx.Headers`, case-insensitive).
        http_request: The request of the final attempt, with `Authorization`
            masked.
        elapsed: How long the whole call took, every attempt and retry wait
            included.
        retries: How many attempts there were after the first (0: the first
            one was answered).

    Example:
        ```python
        raw = await hms.with_raw_response.rooms.retrieve(room_id)
        print(raw.status_code, raw.headers.get("content-type"), raw.retries)
        room = raw.parse()  # the Room, parsed once
        ```
    """

    __slots__ = (
        "_body",
        "_parse",
        "_parsed",
        "_response",
        "elapsed",
        "headers",
        "http_request",
        "retries",
        "status_code",
    )

    def __init__(
        self,
        response: httpx.Response,
        body: Any,
        parse: Callable[[Any], R],
        *,
        request: httpx.Request,
        retries: int,
        elapsed: float,
    ) -> None:
        self._response = response
        self._body = body
        self._parse = parse
        self._parsed: Any = _UNPARSED
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self.http_request: httpx.Request = request
        self.retries: int = retries
        self.elapsed: dt.timedelta = dt.timedelta(seconds=elapsed)

    def __repr__(self) -> str:
        return (
            f"<RawResponse {self.http_request.method} {self.http_request.url.path} "
            f"-> {self.status_code}, retries={self.retries}>"
        )

    @property
    def content(self) -> bytes:
        """The response body, as it came."""
        return self._response.content

    def parse(self) -> R:
        """The call's result (a model, a page, ...), parsed the first time only.

        Returns:
            What the method returns without `with_raw_response`.

        Raises:
            ResponseDecodeError: The body is not of the shape promised.
            NotFoundError: For a method that looks one item up in a list
                (`rooms.retrieve_by_name()`, `sessions.retrieve_active()`,
                `stream_keys.retrieve()`), the list was empty.
        """
        if self._parsed is _UNPARSED:
            self._parsed = parse_json(self._response, self._body, self._parse)
        return cast(R, self._parsed)


class Capture:
    """Where the requester leaves the raw response of a call."""

    __slots__ = ("raw",)

    def __init__(self) -> None:
        self.raw: RawResponse[Any] | None = None

    def take(self) -> RawResponse[Any]:
        """The raw response left here."""
        if self.raw is None:  # pragma: no cover - every wrapped method sends
            raise RuntimeError("the call sent no request")
        return self.raw


def raw_call(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """``method`` (a service method), returning its ``RawResponse``."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        capture = Capture()
        await cast(Any, method)(*args, **kwargs, **{RAW: capture})
        return capture.take()

    return call


def raw_page(
    method: Callable[P, AsyncPaginator[T]],
) -> Callable[P, Awaitable[RawResponse[Page[T]]]]:
    """``method`` (a service's list), returning its first page's ``RawResponse``."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Page[T]]:
        capture = Capture()
        await cast(Any, method)(*args, **kwargs, **{RAW: capture}).first_page()
        return capture.take()

    return call
