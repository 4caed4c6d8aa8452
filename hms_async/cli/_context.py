"""What every command shares: settings from the root options, the client, the loop."""

from __future__ import annotations

import importlib.util
from collections.abc import Awaitable, Callable
from typing import TypeVar

import anyio
import attrs
import click

from .._client import DEFAULT_BASE_URL, HMSClient
from ._exit import ExitCode, Failure

__all__ = ["ClientFactory", "Hooks", "Settings", "settings"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Settings:
    """The root options: credentials, base URL, event loop, debug."""

    access_key: str | None = attrs.field(default=None, repr=False)
    secret: str | None = attrs.field(default=None, repr=False)
    base_url: str = DEFAULT_BASE_URL
    backend: str = "asyncio"
    debug: bool = False
    hooks: Hooks = attrs.field(factory=lambda: Hooks())

    def client(self) -> HMSClient:
        """A new client for one command (the hooks' factory, if any)."""
        if self.hooks.client_factory is not None:
            return self.hooks.client_factory(self)
        if not self.access_key or not self.secret:
            raise Failure(
                "no credentials: set HMS_ACCESS_KEY and HMS_SECRET (or pass"
                " --access-key and --secret); `hms fake serve` prints a set to try",
                ExitCode.AUTH,
            )
        return HMSClient(self.access_key, self.secret, base_url=self.base_url)

    def run(self, main: Callable[[], Awaitable[T]]) -> T:
        """Run ``main`` on the chosen backend."""
        return anyio.run(main, backend=self.backend)


ClientFactory = Callable[[Settings], HMSClient]


@attrs.frozen(kw_only=True)
class Hooks:
    """Seams for tests and benchmarks: pass as ``obj=`` to the click command.

    ``client_factory`` replaces the client every command makes (e.g.
    ``lambda settings: fake.client()`` for the in-process fake).
    """

    client_factory: ClientFactory | None = None


def check_backend(backend: str) -> None:
    """Refuse ``trio`` when it is not installed, as a usage error."""
    if backend == "trio" and importlib.util.find_spec("trio") is None:
        raise click.BadParameter(
            "trio is not installed: pip install 'hms-async[trio]'",
            param_hint="--backend",
        )


def settings(ctx: click.Context) -> Settings:
    """The settings the root command stored."""
    found = ctx.find_object(Settings)
    if found is None:  # pragma: no cover - every command runs under the root
        raise RuntimeError("hms commands run under the root command")
    return found
