"""The public surface: __all__, __version__, the User-Agent."""

from __future__ import annotations

import importlib
import importlib.metadata
import pathlib
import platform
import re

import httpx
import respx

import hms_async
from hms_async import HMSClient

PUBLIC_MODULES = {"errors", "models", "webhooks"}


def isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1 if name[0].isupper() else 2), name


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted (isort-style, as ruff enforces) and lists the public names."""
    public = {  # dir(): the names imported on first use as well
        name
        for name in dir(hms_async)
        if not name.startswith("_")
        and not isinstance(getattr(hms_async, name), type(hms_async))
    } | PUBLIC_MODULES

    assert hms_async.__all__ == sorted(hms_async.__all__, key=isort_key)
    assert len(set(hms_async.__all__)) == len(hms_async.__all__)
    assert set(hms_async.__all__) - {"__version__"} == public
    for name in hms_async.__all__:
        assert hasattr(hms_async, name)


def test_version_matches_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert hms_async.__version__ == importlib.metadata.version("hms-async")
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", hms_async.__version__)


async def test_user_agent(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """User-Agent is hms-async/<version> python/<x.y> httpx/<version>."""
    route = respx_router.get("rooms/r1").respond(json={"id": "r1"})

    await client.rooms.retrieve("r1")

    major, minor, _ = platform.python_version_tuple()
    assert route.calls.last.request.headers["User-Agent"] == (
        f"hms-async/{hms_async.__version__} python/{major}.{minor} httpx/{httpx.__version__}"
    )


def test_models_reexports_every_model_module() -> None:
    """hms_async.models re-exports the public names of every model module."""
    package = pathlib.Path(hms_async.models.__file__).parent
    expected: set[str] = set()
    for module_path in package.glob("*.py"):
        if module_path.stem == "__init__":
            continue
        module = importlib.import_module(f"hms_async.models.{module_path.stem}")
        expected |= set(getattr(module, "__all__", ()))

    assert set(hms_async.models.__all__) == expected
    assert hms_async.models.__all__ == sorted(hms_async.models.__all__, key=isort_key)
