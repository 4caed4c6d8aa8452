"""Fixtures for the fake's tests: every async test runs on asyncio and trio.

``hms_fake`` comes from the package's pytest plugin (entry point ``pytest11``).
"""

from __future__ import annotations

import pytest


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Run each async test on both anyio backends."""
    backend: str = request.param
    return backend
