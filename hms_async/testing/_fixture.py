"""What the ``hms_fake`` fixture yields (kept free of pytest imports)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import httpx

from ._fake import FakeHMS

if TYPE_CHECKING:
    from hms_async import HMSClient, SyncHMSClient

__all__ = ["FakeHMSFixture", "SyncFakeHMSFixture", "close_now"]


def close_now(closing: Coroutine[Any, Any, Any]) -> bool:
    """Run an ``aclose()`` coroutine that never suspends, outside any event loop.

    In-process clients have nothing to wait for when they close (the fake
    transport holds no socket), so their ``aclose()`` completes in one step.
    Return whether it completed; a coroutine that needs a real event loop is
    abandoned (nothing is leaked: the fake has no connections to release).
    """
    try:
        closing.send(None)
    except StopIteration:
        return True
    except Exception:  # best effort on teardown
        return False
    closing.close()
    return False


class FakeHMSFixture:
    """What ``hms_fake`` yields: the fake plus clients already wired to it."""

    def __init__(self, fake: FakeHMS) -> None:
        self.fake = fake
        self._client: HMSClient | None = None
        self._http: httpx.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"FakeHMSFixture(fake={self.fake!r})"

    @property
    def client(self) -> HMSClient:
        """An ``hms_async.HMSClient`` on the fake (made on first use)."""
        if self._client is None:
            self._client = self.fake.client()
        return self._client

    @property
    def http(self) -> httpx.AsyncClient:
        """A raw ``httpx.AsyncClient`` on the fake, with a management token."""
        if self._http is None:
            self._http = self.fake.http_client()
        return self._http

    def close(self) -> None:
        """Close the clients made by this fixture (they hold no sockets)."""
        if self._client is not None:
            close_now(self._client.aclose())
        if self._http is not None:
            close_now(self._http.aclose())


class SyncFakeHMSFixture:
    """What ``hms_fake_sync`` yields: the fake plus sync clients wired to it."""

    def __init__(self, fake: FakeHMS) -> None:
        self.fake = fake
        self._client: SyncHMSClient | None = None
        self._http: httpx.Client | None = None

    def __repr__(self) -> str:
        return f"SyncFakeHMSFixture(fake={self.fake!r})"

    @property
    def client(self) -> SyncHMSClient:
        """An ``hms_async.SyncHMSClient`` on the fake (made on first use)."""
        if self._client is None:
            self._client = self.fake.sync_client()
        return self._client

    @property
    def http(self) -> httpx.Client:
        """A raw ``httpx.Client`` on the fake, with a management token."""
        if self._http is None:
            self._http = self.fake.sync_http_client()
        return self._http

    def close(self) -> None:
        """Close the clients made by this fixture."""
        if self._client is not None:
            self._client.close()
        if self._http is not None:
            self._http.close()
