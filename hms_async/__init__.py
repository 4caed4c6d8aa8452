"""hms-async: an async-first Python SDK for the 100ms server REST API v2."""

from . import errors, models, webhooks
from ._client import DEFAULT_AUTH_BASE_URL, DEFAULT_BASE_URL, DEFAULT_TIMEOUT, HMSClient
from ._pagination import AsyncPaginator, Page, PagePrefetch, PaginationError, Prefetch
from ._serde import from_dict, to_dict
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
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    WebhookError,
    WebhookVerificationError,
)

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
    "ResponseDecodeError",
    "ServerError",
    "WebhookError",
    "WebhookVerificationError",
    "__version__",
    "errors",
    "from_dict",
    "models",
    "to_dict",
    "webhooks",
]
