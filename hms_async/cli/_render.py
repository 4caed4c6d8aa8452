"""Output: JSON for pipes and ``jq``, rich tables for people."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import click
import orjson
from rich.console import Console
from rich.table import Table

from .._serde import to_dict

__all__ = ["cell", "emit", "emit_list", "json_ready"]


def json_ready(value: Any) -> Any:
    """A model (or a list/dict of models) as plain JSON data."""
    if attrs.has(type(value)):
        return to_dict(value)
    if isinstance(value, Mapping):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    return value


def cell(value: Any) -> str:
    """One value as table or CSV text (nested values as compact JSON)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return orjson.dumps(value).decode()


def _wants_json(as_json: bool | None) -> bool:
    return not sys.stdout.isatty() if as_json is None else as_json


def _console() -> Console:
    return Console(file=sys.stdout, soft_wrap=False)


def _write_json(data: Any) -> None:
    click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())


def emit(value: Any, *, as_json: bool | None) -> None:
    """Show one object: indented JSON, or a field/value table."""
    data = json_ready(value)
    if _wants_json(as_json) or not isinstance(data, dict):
        _write_json(data)
        return
    table = Table("field", "value", show_header=False)
    for key, item in data.items():
        table.add_row(key, cell(item))
    _console().print(table)


def emit_list(
    items: Sequence[Any], *, columns: Sequence[str], as_json: bool | None
) -> None:
    """Show a list: a JSON array, or a table of ``columns``."""
    rows = [json_ready(item) for item in items]
    if _wants_json(as_json):
        _write_json(rows)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(cell(row.get(column)) for column in columns))
    _console().print(table)
    click.echo(f"{len(rows)} shown", err=True)
