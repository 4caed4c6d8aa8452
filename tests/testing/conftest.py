"""Fixtures for the fake's tests: every async test runs on asyncio and trio."""

from __future__ import annotations

import pytest

from hms_async.testing._plugin import hms_fake

__all__ = ["hms_fake"]


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Run each async test on both anyio backends."""
    backend: str = request.param
    return backend
