"""SyncHMSClient has HMSClient's surface: every service, method and argument."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from hms_async import AsyncPaginator, HMSClient, SyncHMSClient, SyncPaginator

from .helpers import ACCESS_KEY, APP_SECRET

_SYNC_NAMES = [
    (r"\bAsyncPaginator\b", "SyncPaginator"),
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bhttpx\.AsyncClient\b", "httpx.Client"),
    (r"\bhttpx\.AsyncBaseTransport\b", "httpx.BaseTransport"),
    (r"\bHMSClient\b", "SyncHMSClient"),
]
"""What differs, by design, in the annotations of the two surfaces."""
_SYNC_MEMBERS = {"aclose": "close", "__aenter__": "__enter__", "__aexit__": "__exit__"}


def as_sync(annotation: str) -> str:
    """An async annotation as the sync surface spells it."""
    for pattern, replacement in _SYNC_NAMES:
        annotation = re.sub(pattern, replacement, annotation)
    return annotation


def described(
    function: Callable[..., Any], sync: bool = False
) -> list[tuple[Any, ...]]:
    """Each parameter's name, kind, default and annotation, and the return's."""
    signature = inspect.signature(function)
    convert = (lambda text: text) if sync else as_sync
    params: list[tuple[Any, ...]] = [
        (p.name, p.kind, p.default, convert(str(p.annotation)))
        for p in signature.parameters.values()
    ]
    return [*params, ("return", convert(str(signature.return_annotation)))]


def services(client: type[Any]) -> dict[str, type[Any]]:
    """Each service attribute of a client class and the service's class."""
    instance = client(ACCESS_KEY, APP_SECRET)  # no I/O: services are plain objects
    return {
        name: type(getattr(instance, name))
        for name, member in vars(client).items()
        if isinstance(member, functools.cached_property)
        and name != "with_raw_response"  # the services again, raw
    }


def public(cls: type[Any]) -> dict[str, Any]:
    """The public methods a class defines or inherits from the SDK's bases."""
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_") or name in {*_SYNC_MEMBERS, *_SYNC_MEMBERS.values()}
    }


ASYNC_SERVICES = services(HMSClient)
SYNC_SERVICES = services(SyncHMSClient)


def test_the_raw_forms_match() -> None:
    """with_raw_response has the same services and methods on both clients."""
    raw = HMSClient(ACCESS_KEY, APP_SECRET).with_raw_response
    sync_raw = SyncHMSClient(ACCESS_KEY, APP_SECRET).with_raw_response
    for name in ASYNC_SERVICES:
        methods = vars(getattr(raw, name))
        assert list(vars(getattr(sync_raw, name))) == list(methods)
        for method, wrapped in methods.items():
            sync_wrapped = getattr(getattr(sync_raw, name), method)
            assert not inspect.iscoroutinefunction(sync_wrapped)
            assert inspect.iscoroutinefunction(wrapped)
    # Every method that sends a request: 83 over the 79 endpoints (some share one).
    assert sum(len(vars(getattr(raw, name))) for name in ASYNC_SERVICES) == 83


def test_every_service_is_there() -> None:
    """The same service attributes, in the same order, all fourteen."""
    assert list(SYNC_SERVICES) == list(ASYNC_SERVICES)
    assert len(ASYNC_SERVICES) == 14
    for name, cls in SYNC_SERVICES.items():
        assert cls.__name__ == ASYNC_SERVICES[name].__name__
        assert cls.__module__.startswith("hms_async._sync.resources.")


@pytest.mark.parametrize("service", list(ASYNC_SERVICES))
def test_every_method_has_the_same_arguments(service: str) -> None:
    """Each method: same name, parameters (name, kind, default, type) and return."""
    async_methods = public(ASYNC_SERVICES[service])
    sync_methods = public(SYNC_SERVICES[service])

    assert sorted(sync_methods) == sorted(async_methods)
    for name, method in async_methods.items():
        twin = sync_methods[name]
        assert described(twin, sync=True) == described(method), f"{service}.{name}"
        assert not inspect.iscoroutinefunction(twin), f"{service}.{name}"
        assert twin.__doc__, f"{service}.{name} has no docstring"


def test_the_paginators_match_but_prefetch() -> None:
    """SyncPaginator has every method of AsyncPaginator except prefetch's two."""
    async_methods = {
        name: method
        for name, method in public(AsyncPaginator).items()
        if not name.startswith("prefetch")
    }
    sync_methods = public(SyncPaginator)

    assert sorted(sync_methods) == sorted(async_methods) == ["first_page", "pages"]
    for name, method in async_methods.items():
        assert described(sync_methods[name], sync=True) == described(method), name
    assert hasattr(SyncPaginator, "__iter__")
    assert not hasattr(SyncPaginator, "__aiter__")
    assert not hasattr(SyncPaginator, "__await__")


def test_the_clients_have_the_same_options() -> None:
    """The constructors take the same options with the same defaults."""
    assert described(SyncHMSClient.__init__, sync=True) == described(HMSClient.__init__)


def test_the_clients_have_the_same_methods() -> None:
    """request, with_options, and close for aclose; same arguments each."""
    async_methods = public(HMSClient)
    sync_methods = public(SyncHMSClient)

    assert sorted(sync_methods) == sorted(
        _SYNC_MEMBERS.get(name, name) for name in async_methods
    )
    for name, method in async_methods.items():
        twin = sync_methods[_SYNC_MEMBERS.get(name, name)]
        assert described(twin, sync=True) == described(method), name


def test_models_and_errors_are_shared() -> None:
    """One Page, one error tree, one set of models: the sync modules import them.

    So `except hms_async.PaginationError` catches what either client raises.
    """
    import hms_async._sync
    from hms_async._sync import _pagination

    assert vars(_pagination)["Page"] is hms_async.Page
    generated = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(hms_async._sync.__path__, "hms_async._sync.")
        if info.name != "hms_async._sync._compat"  # its own wait primitives
    ]
    assert len(generated) > 15
    for module in generated:
        for value in vars(module).values():
            if isinstance(value, type) and (
                issubclass(value, BaseException) or attrs.has(value)
            ):
                assert not value.__module__.startswith("hms_async._sync"), value
