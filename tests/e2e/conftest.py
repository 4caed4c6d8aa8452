"""Fixtures of the end-to-end tests: a client on a fake, for each way in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hms_async.testing import FakeHMS

from ._support import MODES, Env, connect


@pytest.fixture(name="mode", params=MODES)
def _mode(request: pytest.FixtureRequest) -> str:
    """Each way in: in process, and over a loopback server."""
    mode: str = request.param
    return mode


@pytest.fixture(name="env")
async def _env(mode: str, sleeps: list[float]) -> AsyncIterator[Env]:
    """A seeded fake and a client on it (retries recorded, never slept)."""
    fake = FakeHMS(seed="e2e")
    async with connect(fake, mode, max_retries=2) as hms:
        yield Env(fake, hms, mode, sleeps)
