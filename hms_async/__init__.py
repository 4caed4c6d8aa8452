"""hms-async: an async-first Python SDK for the 100ms server REST API v2.

Names are imported on first use (`from hms_async import HMSClient` loads
the client, not every model); type checkers and IDEs see the imports under
`TYPE_CHECKING`.
"""

import typing as _typing

from . import errors
from ._lazy import attributes as _attributes
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    HMSError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    WebhookError,
    WebhookVerificationError,
)

if _typing.TYPE_CHECKING:
    from . import models, webhooks
    from ._call_options import RequestOptions
    from ._client import (
        DEFAULT_AUTH_BASE_URL,
        DEFAULT_BASE_URL,
        DEFAULT_TIMEOUT,
        HMSClient,
    )
    from ._pagination import AsyncPaginator, Page
    from ._prefetch import PagePrefetch, Prefetch
    from ._raw import RawResponse
    from ._serde import (
        from_dict,
        to_dict,
    )
    from ._sync._client import SyncHMSClient
    from ._sync._pagination import SyncPaginator

_SOURCES = {
    ".models": "models",
    ".webhooks": "webhooks",
    "._call_options": "RequestOptions",
    "._client": "DEFAULT_AUTH_BASE_URL DEFAULT_BASE_URL DEFAULT_TIMEOUT HMSClient",
    "._pagination": "AsyncPaginator Page",
    "._prefetch": "PagePrefetch Prefetch",
    "._raw": "RawResponse",
    "._serde": "from_dict to_dict",
    "._sync._client": "SyncHMSClient",
    "._sync._pagination": "SyncPaginator",
}
"""Each submodule and the names it provides (space-separated)."""

__all__ = [
    "DEFAULT_AUTH_BASE_URL",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "HMSClient",
    "HMSError",
    "NotFoundError",
    "Page",
    "PagePrefetch",
    "PaginationError",
    "PermissionDeniedError",
    "Prefetch",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "ResponseDecodeError",
    "ServerError",
    "SyncHMSClient",
    "SyncPaginator",
    "WebhookError",
    "WebhookVerificationError",
    "__version__",
    "errors",
    "from_dict",
    "models",
    "to_dict",
    "webhooks",
]

if not _typing.TYPE_CHECKING:  # unknown names stay errors for type checkers
    __getattr__, __dir__ = _attributes(__name__, globals(), _SOURCES)
