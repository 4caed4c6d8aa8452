# Generated from tests/conftest.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Shared fixtures: every async test runs on asyncio and trio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx

from hms_async import SyncHMSClient
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL


@pytest.fixture(name="client")
def _client(respx_router: respx.MockRouter, no_waits: None) -> Iterator[SyncHMSClient]:
    """A client whose HTTP goes to ``respx_router``; retries never sleep."""
    with SyncHMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL) as client:
        yield client
