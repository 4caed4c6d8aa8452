"""Helpers of the end-to-end tests: the two ways in, and a bound on every test."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, ParamSpec
from urllib.parse import urlsplit

import anyio

from hms_async import HMSClient
from hms_async.testing import FakeHMS

__all__ = [
    "IN_PROCESS",
    "LOOPBACK",
    "MODES",
    "Env",
    "bounded",
    "connect",
]

IN_PROCESS = "in-process"
LOOPBACK = "loopback"
MODES = [IN_PROCESS, LOOPBACK]
TEST_SECONDS = 5.0

P = ParamSpec("P")


def bounded(
    test: Callable[P, Awaitable[None]],
) -> Callable[P, Awaitable[None]]:
    """Fail the wrapped async test if it runs longer than a few seconds."""

    @functools.wraps(test)
    async def run(*args: P.args, **kwargs: P.kwargs) -> None:
        with anyio.fail_after(TEST_SECONDS):
            await test(*args, **kwargs)

    return run


@contextlib.asynccontextmanager
async def connect(fake: FakeHMS, mode: str, **options: Any) -> AsyncIterator[HMSClient]:
    """A client on ``fake``, in process or over a loopback server it starts and stops."""
    if mode == IN_PROCESS:
        async with fake.client(**options) as hms:
            yield hms
        return
    async with fake.serve(host="127.0.0.1", port=0) as base_url:
        assert urlsplit(base_url).hostname == "127.0.0.1"
        async with HMSClient(
            fake.access_key,
            fake.app_secret,
            base_url=base_url,
            auth_base_url=base_url,
            **options,
        ) as hms:
            yield hms


class Env:
    """A fake, a client on it, and the sleeps the client's retries asked for."""

    def __init__(
        self, fake: FakeHMS, hms: HMSClient, mode: str, sleeps: list[float]
    ) -> None:
        self.fake = fake
        self.hms = hms
        self.mode = mode
        self.sleeps = sleeps
        """What ``hms_async.testing.retry_waits()`` records (none slept)."""

    def calls(self, method: str, path: str) -> int:
        """How many ``method path`` requests reached the fake (``path`` under /v2)."""
        return sum(
            1 for r in self.fake.requests if (r.method, r.path) == (method, path)
        )

    def starts(self, path: str) -> list[str | None]:
        """The ``start`` cursor of every GET of ``path``, in order."""
        return [
            next(iter(r.query.get("start", [])), None)
            for r in self.fake.requests
            if (r.method, r.path) == ("GET", path)
        ]
