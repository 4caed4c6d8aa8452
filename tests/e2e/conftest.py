"""Fixtures of the end-to-end tests: a client on a fake, for each way in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hms_async.testing import FakeHMS

from ._support import MODES, Env, connect


@pytest.fixture(name="env", params=MODES)
async def _env(request: pytest.FixtureRequest) -> AsyncIterator[Env]:
    """A seeded fake and a client on it (retries recorded, never slept)."""
    fake = FakeHMS(seed="e2e")
    async with connect(fake, request.param, max_retries=2) as hms:
        yield Env(fake, hms, request.param)
