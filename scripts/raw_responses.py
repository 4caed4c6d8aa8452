"""Generate ``hms_async/_raw_services.py``: the typed ``hms.with_raw_response``.

    python scripts/raw_responses.py          # write it
    python scripts/raw_responses.py --check  # fail if it is stale (nox -s lint)

``hms.with_raw_response.rooms.retrieve(room_id)`` must be typed for a user's
type checker (``RawResponse[Room]``), which needs one wrapper class per
service, each naming every method. Those classes are made here from the
sources, never by hand: the service attributes of ``HMSClient`` (its cached
properties) and, in each service class, every public method that sends a
request (``async def``, or a ``def`` returning an ``AsyncPaginator``, whose
raw form is its first page). A method added to a service is wrapped at the
next run, and ``--check`` fails until it is.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hms_async"
TARGET = PACKAGE / "_raw_services.py"
RUFF = [sys.executable, "-m", "ruff"]

HEADER = '''\
# Generated from hms_async/_client.py and hms_async/resources/ by
# scripts/raw_responses.py: do not edit. Change a service, then run
# `python scripts/raw_responses.py`.
"""`hms.with_raw_response`: every service method, returning a `RawResponse`.

One class per service, each wrapping that service's methods: the same
arguments, the same checks, retries and errors, and a
[RawResponse][hms_async.RawResponse] of what the method returns (for a list,
its first page) instead of the parsed result.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._raw import raw_call, raw_page

'''


def services() -> list[tuple[str, str, str]]:
    """(attribute, class, module) of each service property of ``HMSClient``."""
    tree = ast.parse((PACKAGE / "_client.py").read_text())
    client = next(
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == "HMSClient"
    )
    found = []
    for node in client.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        if not any("cached_property" in ast.unparse(d) for d in node.decorator_list):
            continue
        assert node.returns is not None
        cls = ast.unparse(node.returns)
        imports = [n for n in ast.walk(node) if isinstance(n, ast.ImportFrom)]
        module = imports[0].module if imports else None
        if module is None or not module.startswith("resources."):
            continue  # a cached property that is not a service
        found.append((node.name, cls, module))
    return found


def methods(module: str, cls: str) -> list[tuple[str, str]]:
    """(name, wrapper) of each public method of ``cls`` that sends a request."""
    path = PACKAGE / Path(*module.split(".")).with_suffix(".py")
    tree = ast.parse(path.read_text())
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    found = []
    for member in node.body:
        if not isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if member.name.startswith("_"):
            continue
        returns = ast.unparse(member.returns) if member.returns else ""
        if isinstance(member, ast.AsyncFunctionDef):
            found.append((member.name, "raw_call"))
        elif returns.startswith("AsyncPaginator"):
            found.append((member.name, "raw_page"))
    return found


def _by_module(service: tuple[str, str, str]) -> str:
    return service[2]


def _wrapper_name(cls: str) -> str:
    return cls.removesuffix("Resource") + "WithRawResponse"


def render() -> str:
    """The module's text, formatted."""
    table = services()
    lines = [HEADER, "if TYPE_CHECKING:\n", "    from ._client import HMSClient\n"]
    lines += [
        f"    from .{m} import {c}\n" for _, c, m in sorted(table, key=_by_module)
    ]
    names = sorted(["WithRawResponse", *(_wrapper_name(c) for _, c, _ in table)])
    lines.append(f"\n__all__ = {names!r}\n")
    for attribute, cls, module in table:
        wrapped = methods(module, cls)
        wrapper = _wrapper_name(cls)
        lines.append(
            f"\n\nclass {wrapper}:\n"
            f'    """`hms.with_raw_response.{attribute}`: the methods of `hms.{attribute}`,\n'
            '    each returning a `RawResponse` of its result."""\n\n'
            f"    def __init__(self, service: {cls}) -> None:\n"
        )
        lines += [
            f"        self.{name} = {how}(service.{name})\n" for name, how in wrapped
        ]
        if not wrapped:
            lines.append("        del service  # it sends no request of its own\n")
    lines.append(
        "\n\nclass WithRawResponse:\n"
        '    """`hms.with_raw_response`: the services, each method returning a\n'
        '    `RawResponse`."""\n\n'
        "    def __init__(self, client: HMSClient) -> None:\n"
        "        self._client = client\n\n"
        "    def __repr__(self) -> str:\n"
        '        return f"<WithRawResponse of {self._client!r}>"\n'
    )
    for attribute, cls, _ in table:
        wrapper = _wrapper_name(cls)
        lines.append(
            "\n    @functools.cached_property\n"
            f"    def {attribute}(self) -> {wrapper}:\n"
            f'        """`hms.{attribute}`, each method returning a `RawResponse`."""\n'
            f"        return {wrapper}(self._client.{attribute})\n"
        )
    return _format("".join(lines))


def _format(text: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own ruff, on our own text
        [*RUFF, "format", "--quiet", "--stdin-filename", str(TARGET), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"ruff format failed:\n{done.stderr}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    text = render()
    current = TARGET.read_text() if TARGET.exists() else ""
    if args.check:
        if current == text:
            return 0
        diff = difflib.unified_diff(
            current.splitlines(keepends=True),
            text.splitlines(keepends=True),
            str(TARGET.relative_to(ROOT)),
            "generated",
            n=1,
        )
        sys.stderr.write("".join(list(diff)[:60]))
        sys.stderr.write("stale: run python scripts/raw_responses.py\n")
        return 1
    if current != text:
        TARGET.write_text(text)
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
