"""Shared fixtures: every async test runs on asyncio and trio."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import respx

from hms_async import HMSClient
from hms_async.testing import retry_waits, set_testing

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL, Http


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Run each async test once per backend."""
    backend: str = request.param
    return backend


@pytest.fixture(params=["httpx", "aiohttp"])
def http(request: pytest.FixtureRequest, anyio_backend: str) -> Http:
    """Each HTTP layer of ``HMSClient(http=...)``; aiohttp on asyncio only."""
    layer: Http = request.param
    if layer == "aiohttp" and anyio_backend != "asyncio":
        pytest.skip("aiohttp runs on asyncio only")
    return layer


@pytest.fixture(name="respx_router")
def _respx_router() -> Iterator[respx.MockRouter]:
    """A respx router on the API's base URL; every route must be mocked."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture
def no_waits() -> Iterator[None]:
    """Retry waits end at once, for every client (``set_testing``)."""
    set_testing(True)
    yield
    set_testing(False)


@pytest.fixture(name="client")
async def _client(
    respx_router: respx.MockRouter, no_waits: None
) -> AsyncIterator[HMSClient]:
    """A client whose HTTP goes to ``respx_router``; retries never sleep."""
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL) as client:
        yield client


@pytest.fixture
def sleeps(no_waits: None) -> Iterator[list[float]]:
    """The waits every client's retries asked for (none is slept), in order."""
    with retry_waits() as waits:
        yield waits


@pytest.fixture(autouse=True)
def _no_base_url_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client reads HMS_BASE_URL/HMS_AUTH_BASE_URL: a developer's must not leak in."""
    monkeypatch.delenv("HMS_BASE_URL", raising=False)
    monkeypatch.delenv("HMS_AUTH_BASE_URL", raising=False)
