"""Small checks for JSON body fields, raising the API's 400 errors."""

from __future__ import annotations

from typing import Any

from ._http import bad_request
from ._state import JSON

__all__ = ["opt_bool", "opt_dict", "opt_int", "opt_str", "opt_str_list", "req_str"]


def _typed(body: JSON, name: str, kind: type, label: str) -> Any:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise bad_request(f"Invalid body param: {name} must be {label}")
    return value


def opt_str(body: JSON, name: str) -> str | None:
    """Return a string field, ``None`` when absent."""
    value: str | None = _typed(body, name, str, "a string")
    return value


def opt_bool(body: JSON, name: str) -> bool | None:
    """Return a boolean field, ``None`` when absent."""
    value: bool | None = _typed(body, name, bool, "a boolean")
    return value


def opt_int(body: JSON, name: str) -> int | None:
    """Return an integer field, ``None`` when absent."""
    value: int | None = _typed(body, name, int, "an integer")
    return value


def opt_dict(body: JSON, name: str) -> JSON | None:
    """Return an object field, ``None`` when absent."""
    value: JSON | None = _typed(body, name, dict, "an object")
    return value


def opt_str_list(body: JSON, name: str) -> list[str] | None:
    """Return a list-of-strings field, ``None`` when absent."""
    value: list[Any] | None = _typed(body, name, list, "a list of strings")
    if value is not None and not all(isinstance(v, str) for v in value):
        raise bad_request(f"Invalid body param: {name} must be a list of strings")
    return value


def req_str(body: JSON, name: str, message: str | None = None) -> str:
    """Return a required non-empty string field."""
    value = opt_str(body, name)
    if not value:
        raise bad_request(
            message or f"{name} is mandatory", message or "Invalid body param"
        )
    return value
