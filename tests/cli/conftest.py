"""Drive ``hms`` through click's runner against the in-process fake, on both backends."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from hms_async import HMSClient
from hms_async.cli._context import Hooks, Settings
from hms_async.cli.app import cli
from hms_async.testing import FakeHMS


class Cli:
    """Runs ``hms ARGS`` in process; every command's client talks to ``fake``."""

    def __init__(self, fake: FakeHMS, backend: str) -> None:
        self.fake = fake
        self.backend = backend
        self.secret = fake.app_secret
        """The secret the clients sign with (tests may set a wrong one)."""
        self.wrap: (
            Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport] | None
        ) = None

    def client(self, _settings: Settings) -> HMSClient:
        """The fake's client (no retries, so injected failures fail at once)."""
        transport = self.fake.transport()
        if self.wrap is not None:
            transport = self.wrap(transport)
        return HMSClient(
            self.fake.access_key,
            self.secret,
            base_url=self.fake.base_url,
            transport=transport,
            max_retries=0,
        )

    def __call__(self, *args: str, input: bytes | str | None = None) -> Result:
        """Run the command; the result has ``exit_code``, ``stdout`` and ``stderr``."""
        return CliRunner().invoke(
            cli,
            ["--backend", self.backend, *args],
            obj=Hooks(client_factory=self.client),
            input=input,
            catch_exceptions=False,
        )

    def json(self, *args: str) -> Any:
        """Run a command that must succeed; its stdout as JSON."""
        result = self(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each CLI test once per ``--backend``."""
    name: str = request.param
    return name


@pytest.fixture
def fake() -> FakeHMS:
    """A fresh fake workspace."""
    return FakeHMS(seed=9)


@pytest.fixture
def hms(fake: FakeHMS, backend: str) -> Cli:
    """``hms`` bound to ``fake``."""
    return Cli(fake, backend)


def requests_to(fake: FakeHMS, method: str, prefix: str) -> int:
    """How many requests the fake got for paths starting with ``prefix``."""
    return sum(
        1 for r in fake.requests if r.method == method and r.path.startswith(prefix)
    )
