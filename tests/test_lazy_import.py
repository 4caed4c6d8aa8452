"""A fast ``import hms_async``: names and services loaded on first use."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from types import ModuleType

import pytest

import hms_async
import hms_async.models
from hms_async import HMSClient

from .helpers import ACCESS_KEY, APP_SECRET


def _loaded_after(code: str, prefix: str = "hms_async") -> set[str]:
    """The modules under ``prefix`` a fresh interpreter has loaded after ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return {name for name in out.split() if name.startswith(prefix)}


def test_import_loads_no_model_client_or_service() -> None:
    """``import hms_async`` loads the errors and nothing heavy."""
    assert _loaded_after("import hms_async") == {
        "hms_async",
        "hms_async._lazy",
        "hms_async._version",
        "hms_async.errors",
    }


def test_client_import_loads_no_model_or_service() -> None:
    """``from hms_async import HMSClient`` loads no model, no service, no cattrs."""
    loaded = _loaded_after("from hms_async import HMSClient")
    assert not _loaded_after("from hms_async import HMSClient", "cattrs")

    assert "hms_async._client" in loaded
    assert not {
        m for m in loaded if m.startswith(("hms_async.models", "hms_async.resources"))
    }


def test_the_sync_client_is_loaded_only_when_asked_for() -> None:
    """``HMSClient`` loads nothing of the sync twin; ``SyncHMSClient`` no service."""
    async_side = _loaded_after("from hms_async import HMSClient")
    sync_side = _loaded_after("from hms_async import SyncHMSClient")

    assert not {m for m in async_side if m.startswith("hms_async._sync")}
    assert "hms_async._sync._client" in sync_side
    assert not {
        m
        for m in sync_side
        if m.startswith(("hms_async.models", "hms_async._sync.resources"))
    }


def test_a_service_loads_only_its_models() -> None:
    """The first ``hms.rooms`` imports the rooms service and the rooms models."""
    loaded = _loaded_after(
        "from hms_async import HMSClient\n"
        f"HMSClient({ACCESS_KEY!r}, {APP_SECRET!r}).rooms"
    )

    assert {"hms_async.resources.rooms", "hms_async.models.rooms"} <= loaded
    assert "hms_async.models.webhooks" not in loaded
    assert "hms_async.resources.templates" not in loaded


def _checked_imports(module: ModuleType) -> dict[str, tuple[str, ...]]:
    """What a package imports under ``TYPE_CHECKING``, as submodule -> names."""
    tree = ast.parse(inspect.getsource(module))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and ast.unparse(node.test) == "_typing.TYPE_CHECKING"
    )
    found: dict[str, tuple[str, ...]] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        if node.module is None:  # from . import a, b: the submodules themselves
            found |= {f".{alias.name}": (alias.name,) for alias in node.names}
        else:
            found[f".{node.module}"] = tuple(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    "module", [hms_async, hms_async.models], ids=["hms_async", "models"]
)
def test_lazy_names_match_what_type_checkers_see(module: ModuleType) -> None:
    """The lazy table and the TYPE_CHECKING imports list the same names; with
    the eager ones they are ``__all__``, and each resolves to its submodule's."""
    sources = {key: tuple(names.split()) for key, names in module._SOURCES.items()}
    assert _checked_imports(module) == sources
    lazy = {name for names in sources.values() for name in names}
    eager = {name for name in module.__all__ if name in vars(module)} - lazy
    assert lazy | eager == set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None
    assert set(module.__all__) <= set(dir(module))


def test_unknown_name_is_attribute_error() -> None:
    """A name no submodule provides is an AttributeError naming the module."""
    with pytest.raises(
        AttributeError, match=r"'hms_async\.models' has no attribute 'Rooom'"
    ):
        hms_async.models.Rooom  # type: ignore[attr-defined]  # noqa: B018


async def test_services_created_once_and_per_view() -> None:
    """A service is made on first access and kept; a view gets its own."""
    async with HMSClient(ACCESS_KEY, APP_SECRET) as hms:
        rooms = hms.rooms
        assert hms.rooms is rooms
        assert rooms._requester is hms._requester
        view = hms.with_options(max_retries=0)
        assert view.rooms is not rooms
        assert view.rooms._requester is view._requester
        assert hms.tokens is hms.tokens
        assert hms.sip._requester is hms._requester
