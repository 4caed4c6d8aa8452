"""Every whole-number argument refuses floats and bools before anything is sent."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator

import pytest

from hms_async.resources._base import Resource, check_int, check_limit, check_range

from .helpers import services_of
from .test_endpoint_table import _arguments, _call, _client, _resolve


def _int_arguments() -> Iterator[tuple[str, str]]:
    """(service.method, argument) for every argument annotated ``int``."""
    client = _client()
    for service, resource in services_of(client).items():
        if not isinstance(resource, Resource):
            continue
        for name, func in inspect.getmembers(type(resource), inspect.isfunction):
            if name.startswith("_"):
                continue
            for arg, hint in typing.get_type_hints(func).items():
                if arg != "return" and int in (typing.get_args(hint) or (hint,)):
                    yield f"{service}.{name}", arg


INT_ARGUMENTS = sorted(_int_arguments())


def test_the_survey_finds_the_page_sizes() -> None:
    """The list below is not empty by accident: every ``list`` has its limit."""
    assert ("rooms.list", "limit") in INT_ARGUMENTS
    assert ("analytics.replay_webhooks", "offset") in INT_ARGUMENTS
    assert len(INT_ARGUMENTS) >= 30


@pytest.mark.parametrize("value", [10.5, 20.0, True])
@pytest.mark.parametrize(("method_name", "argument"), INT_ARGUMENTS)
async def test_int_argument_refuses_floats_and_bools(
    method_name: str, argument: str, value: object
) -> None:
    """TypeError naming the argument, raised at the call: no request is sent."""
    method = _resolve(_client(), method_name)
    args, kwargs = _arguments(method_name, method)
    parameters = list(inspect.signature(method).parameters.values())
    position = [p.name for p in parameters].index(argument)
    if parameters[position].kind is parameters[position].KEYWORD_ONLY:
        kwargs[argument] = value
    else:
        args[position] = value

    # _Sent (the request went out) would escape pytest.raises and fail the test.
    with pytest.raises(TypeError, match=f"^{argument} must be an int"):
        await _call(method, args, kwargs)


def test_check_int_names_the_argument_and_the_range() -> None:
    """The shared check: type first, then the range; None means not passed."""
    check_int("size", None, 0, 10)
    check_int("size", 10, 0, 10)
    with pytest.raises(TypeError, match=r"^size must be an int, got float$"):
        check_int("size", 10.5, 0, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^size must be between 0 and 10, got 11$"):
        check_int("size", 11, 0, 10)
    with pytest.raises(ValueError, match=r"^offset must be 0 or more, got -1$"):
        check_int("offset", -1, 0)
    with pytest.raises(TypeError, match="limit must be an int, got bool"):
        check_limit(True)


def test_fractional_arguments_still_take_floats() -> None:
    """check_range keeps floats for arguments that have fractions (a temperature)."""
    check_range("temperature", 0.5, 0.1, 1.0)
    with pytest.raises(TypeError, match="temperature must be a number, got bool"):
        check_range("temperature", True, 0.1, 1.0)
    with pytest.raises(ValueError, match=r"temperature must be between 0\.1 and 1"):
        check_range("temperature", 1.5, 0.1, 1.0)
