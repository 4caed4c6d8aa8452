"""Option types and the option sets commands share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = [
    "Decorator",
    "apply",
    "date_option",
    "limit_option",
    "output_options",
    "parse_date",
]

F = TypeVar("F", bound=Callable[..., Any])
Decorator = Callable[[F], F]


def parse_date(value: str) -> dt.datetime:
    """An ISO 8601 date or date-time; a naive one is taken as UTC."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date or time"
            " (e.g. 2026-01-31 or 2026-01-31T12:00:00Z)"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def date_option(flag: str, dest: str, help: str) -> Decorator[Any]:
    """An option holding an ISO 8601 date (a usage error otherwise)."""

    def convert(
        ctx: click.Context, param: click.Parameter, value: str | None
    ) -> dt.datetime | None:
        return None if value is None else parse_date(value)

    return click.option(flag, dest, metavar="DATE", callback=convert, help=help)


def apply(decorators: tuple[Decorator[Any], ...]) -> Decorator[Any]:
    """Apply click option decorators in the order they are listed (top first)."""

    def decorate(function: Any) -> Any:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return decorate


def limit_option(low: int, high: int, default: int) -> Decorator[Any]:
    """``--limit``: the page size, checked against the endpoint's range."""
    return click.option(
        "--limit",
        type=click.IntRange(low, high),
        default=default,
        show_default=True,
        help=f"Page size ({low}-{high}).",
    )


def output_options(function: F) -> F:
    """``--json`` / ``--table``: JSON unless stdout is a terminal."""
    return click.option(
        "--json/--table",
        "as_json",
        default=None,
        help="JSON (default when stdout is not a terminal) or a table.",
    )(function)
