"""Shared fixtures: every async test runs on asyncio and trio."""

from __future__ import annotations

import os
import ssl
from collections.abc import AsyncIterator, Iterator
from typing import Any

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


@pytest.fixture(autouse=True, scope="session")
def _one_ssl_context() -> Iterator[None]:
    """Build httpx's default SSL context once for the whole run.

    Each ``HMSClient`` makes an httpx transport, which builds an SSL context by
    reading the whole CA bundle: 50-90 ms, most of a test's time when its
    calls are mocked (about a minute per run). No test talks TLS (respx,
    ``MockTransport`` or plain-HTTP loopback), so they share one context, built
    by httpx itself with the same arguments. Should httpx move the function,
    nothing is patched and the suite is only slower.
    """
    import httpx._transports.default as transports

    build = getattr(transports, "create_ssl_context", None)
    if build is None:
        yield
        return
    built: dict[tuple[object, ...], ssl.SSLContext] = {}

    def shared(**kwargs: Any) -> ssl.SSLContext:
        if kwargs.get("verify", True) is not True or kwargs.get("cert") is not None:
            return build(**kwargs)  # type: ignore[no-any-return]
        key = (*sorted(kwargs.items()), os.environ.get("SSL_CERT_FILE"))
        key += (os.environ.get("SSL_CERT_DIR"),)
        if key not in built:
            built[key] = build(**kwargs)
        return built[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transports, "create_ssl_context", shared)
        yield


@pytest.fixture(autouse=True)
def _no_base_url_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client reads HMS_BASE_URL/HMS_AUTH_BASE_URL: a developer's must not leak in."""
    monkeypatch.delenv("HMS_BASE_URL", raising=False)
    monkeypatch.delenv("HMS_AUTH_BASE_URL", raising=False)
