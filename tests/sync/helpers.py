# Generated from tests/helpers.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Constants and small helpers for the tests (never import from conftest)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from hms_async import SyncHMSClient
from tests.helpers import (
    ACCESS_KEY,
    APP_SECRET,
    BASE_URL,
)


def mock_client(handler: Callable[[httpx.Request], httpx.Response]) -> SyncHMSClient:
    """A client on the test credentials whose requests ``handler`` answers."""
    return SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
    )
