# Generated from hms_async/_raw.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Raw responses: a call's answer as it came, and its model on demand.

``hms.with_raw_response.<service>.<method>(...)`` runs the method with a
capture among its options (``_call_options.RAW``); the requester puts the
final answer in it instead of parsing it, and the wrapper returns it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from hms_async._call_options import RAW
from hms_async._raw import Capture, P, R, RawResponse, T

if TYPE_CHECKING:
    from hms_async._pagination import Page
    from hms_async._sync._pagination import SyncPaginator

__all__ = ["raw_call", "raw_page"]


def raw_call(
    method: Callable[P, R],
) -> Callable[P, RawResponse[R]]:
    """``method`` (a service method), returning its ``RawResponse``."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        capture = Capture()
        cast(Any, method)(*args, **kwargs, **{RAW: capture})
        return capture.take()

    return call


def raw_page(
    method: Callable[P, SyncPaginator[T]],
) -> Callable[P, RawResponse[Page[T]]]:
    """``method`` (a service's list), returning its first page's ``RawResponse``."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Page[T]]:
        capture = Capture()
        cast(Any, method)(*args, **kwargs, **{RAW: capture}).first_page()
        return capture.take()

    return call
