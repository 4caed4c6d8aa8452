"""Running one SDK call (or one bounded list) for a command and showing the result."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import click

from .._client import HMSClient
from ._context import settings
from ._kinds import Kind
from ._params import apply, limit_option, output_options
from ._render import emit, emit_list

__all__ = ["call", "list_command"]


def call(
    action: Callable[[HMSClient], Awaitable[Any]], *, as_json: bool | None
) -> None:
    """Run ``action`` with a client and show what it returns."""
    config = settings(click.get_current_context())

    async def main() -> Any:
        async with config.client() as hms:
            return await action(hms)

    emit(config.run(main), as_json=as_json)


def _collect(kind: Kind, params: dict[str, Any]) -> list[Any]:
    config = settings(click.get_current_context())
    most: int = params["max_items"]

    async def main() -> list[Any]:
        items: list[Any] = []
        async with config.client() as hms:
            paginator = kind.paginator(hms, kind.given(params), params["limit"], None)
            async for item in paginator:
                items.append(item)
                if len(items) >= most:
                    break
        return items

    return config.run(main)


def list_command(kind: Kind) -> click.Command:
    """``list`` for a kind: its filters, ``--limit``, ``--max-items``, output."""

    def command(**params: Any) -> None:
        items = _collect(kind, params)
        emit_list(items, columns=kind.columns, as_json=params["as_json"])

    options = (
        *kind.options(),
        limit_option(*kind.limit),
        click.option(
            "--max-items",
            type=click.IntRange(min=1),
            default=100,
            show_default=True,
            help="Stop after this many items (use `hms export` for everything).",
        ),
        output_options,
    )
    return click.command("list", help=f"List {kind.help[0].lower()}{kind.help[1:]}")(
        apply(options)(command)
    )
