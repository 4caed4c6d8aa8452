"""Module attributes imported on first use (PEP 562), for a fast ``import hms_async``.

A package lists, for each public name, the submodule that defines it; its
module ``__getattr__`` imports that submodule the first time the name is
asked for and keeps the value in the package's namespace, so later lookups
cost nothing. Type checkers and IDEs read the same names from imports under
``TYPE_CHECKING`` (a test checks both lists agree).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["attributes"]


def attributes(
    package: str,
    namespace: dict[str, Any],
    sources: Mapping[str, str],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` (its ``namespace``).

    ``sources`` maps each submodule (relative, e.g. ``".rooms"``) to the
    names it provides, separated by spaces; a name equal to the submodule's own (``"models"`` from
    ``".models"``) is the submodule itself.
    """
    where = {
        name: module for module, names in sources.items() for name in names.split()
    }

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        loaded = importlib.import_module(module, package)
        value = loaded if module.lstrip(".") == name else getattr(loaded, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
