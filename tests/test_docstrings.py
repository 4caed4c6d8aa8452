"""Every public name has a docstring a user can work from.

Each service method documents every argument (Google style, the names exactly
as in the signature, which is what mkdocstrings checks in strict mode), what
it returns and the 100ms docs page of its endpoint; each model class says
what it is.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import hms_async
from hms_async import AsyncPaginator, HMSClient, models

from .helpers import service_classes

DOCS_LINK = "https://www.100ms.live/docs/"
_ENTRY = re.compile(r"\*{0,2}(\w+)(?: \([^)]*\))?:(?:\s|$)")


def _services() -> Iterator[tuple[str, type[Any]]]:
    for name, cls in service_classes().items():
        if not name.startswith("_"):
            yield name, cls


def _methods() -> Iterator[tuple[str, Callable[..., Any]]]:
    for service, cls in _services():
        for name, member in vars(cls).items():
            if not name.startswith("_") and inspect.isfunction(member):
                yield f"{service}.{name}", member


def _section(doc: str, title: str) -> list[str] | None:
    """The lines of a Google-style section (dedented), ``None`` if it is absent."""
    lines = doc.splitlines()
    if f"{title}:" not in lines:
        return None
    body: list[str] = []
    for line in lines[lines.index(f"{title}:") + 1 :]:
        if line and not line.startswith(" "):
            break
        body.append(line[4:])
    return body


def _documented_args(doc: str) -> list[str]:
    entries = _section(doc, "Args") or []
    return [m.group(1) for line in entries if (m := _ENTRY.match(line))]


def problems(
    func: Callable[..., Any], *, link: bool = True, doc: str | None = None
) -> list[str]:
    """What the docstring of a service method lacks; empty when it is complete.

    `link=False` for methods that call no endpoint of their own; `doc` to
    check a class docstring against its `__init__`.
    """
    doc = doc if doc is not None else inspect.getdoc(func)
    if not doc:
        return ["no docstring"]
    found: list[str] = []
    signature = inspect.signature(func)
    params = [p for p in signature.parameters if p != "self"]
    documented = _documented_args(doc)
    found += [f"Args lacks {p!r}" for p in params if p not in documented]
    found += [
        f"Args names {a!r}, not a parameter" for a in documented if a not in params
    ]
    if params and _section(doc, "Args") is None:
        found.append("no Args section")
    returns_none = typing.get_type_hints(func).get("return") is type(None)
    if not returns_none and not _section(doc, "Returns"):
        found.append("no Returns section")
    if link and DOCS_LINK not in doc:
        found.append(f"no link to {DOCS_LINK}")
    return found


METHODS = dict(_methods())


def test_every_service_is_found() -> None:
    assert len(list(_services())) == 14
    assert len(METHODS) >= 84


@pytest.mark.parametrize("name", sorted(METHODS))
def test_service_method_docstring_is_complete(name: str) -> None:
    assert problems(METHODS[name]) == []


CLIENT_METHODS = {
    f"{cls.__name__}.{name}": member
    for cls in (HMSClient, AsyncPaginator)
    for name, member in vars(cls).items()
    if not name.startswith("_") and inspect.isfunction(member)
}


@pytest.mark.parametrize("name", sorted(CLIENT_METHODS))
def test_client_and_paginator_methods_are_documented(name: str) -> None:
    assert problems(CLIENT_METHODS[name], link=False) == []


def test_client_docstring_documents_every_option() -> None:
    doc = inspect.getdoc(HMSClient)
    assert problems(HMSClient.__init__, link=False, doc=doc) == []


def test_the_check_catches_what_is_missing() -> None:
    async def retrieve(self: object, room_id: str, *, limit: int = 10) -> str:
        """Get it.

        Args:
            room_id: The id.
            rooms: Not a parameter.
        """
        return room_id

    assert problems(retrieve) == [
        "Args lacks 'limit'",
        "Args names 'rooms', not a parameter",
        "no Returns section",
        f"no link to {DOCS_LINK}",
    ]


def test_a_method_without_docstring_is_caught() -> None:
    def bare(self: object) -> None:
        pass

    assert problems(bare) == ["no docstring"]


def _public_classes() -> Iterator[tuple[str, type[Any]]]:
    for module in (models, hms_async):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value):
                yield f"{module.__name__}.{name}", value


CLASSES = dict(_public_classes())


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_public_class_has_a_docstring(name: str) -> None:
    # Its own docstring: an inherited one (from attrs, Enum, Exception) says
    # nothing about this class.
    doc = vars(CLASSES[name]).get("__doc__")
    assert doc
    assert doc.strip()
