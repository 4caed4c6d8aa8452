"""Every code block of the README and docs/ runs against the fake, as pasted.

The environment of each run is what ``python -m hms_async.testing serve --port 0``
prints, read from a real serve process: so the Quick start is tested exactly as
a new user runs it. See tests/markdown_blocks.py for how blocks are marked.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import inspect
import io
import json
import os
import pathlib
import queue
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import anyio
import anyio.from_thread
import httpx
import pytest

from hms_async import HMSClient, SyncHMSClient

from .helpers import run_pytest
from .markdown_blocks import PYTHON, ROOT, SHELL, Block, blocks, pages

_ENV_LINE = re.compile(r"^(?:export )?(HMS_[A-Z_]+)=(.*)$")
_REQUIRED = ("HMS_BASE_URL", "HMS_AUTH_BASE_URL", "HMS_ACCESS_KEY", "HMS_SECRET")
_CHECKER = doctest.OutputChecker()
_SERVE_SECONDS = 20
_RUN_SECONDS = 300

ALL_BLOCKS = [block for page in pages() for block in blocks(page)]


def _has_await(block: Block) -> bool:
    code = compile(
        block.code,
        block.where,
        "exec",
        flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
        dont_inherit=True,
    )
    return bool(code.co_flags & inspect.CO_COROUTINE)


def _page_blocks(page: pathlib.Path) -> list[Block]:
    """The python blocks that run in the page's namespace, in order."""
    return [
        b
        for b in blocks(page)
        if b.lang in PYTHON and not b.skipped and not b.is_test_module
    ]


def _page_params() -> Iterator[Any]:
    for page in pages():
        runnable = _page_blocks(page)
        if not runnable:
            continue
        backends = ["asyncio", "trio"] if any(map(_has_await, runnable)) else [None]
        for backend in backends:
            name = str(page.relative_to(ROOT)) + (f"[{backend}]" if backend else "")
            yield pytest.param(page, backend, id=name)


@pytest.fixture(scope="module")
def _serve_process() -> Iterator[dict[str, str]]:
    """Run ``python -m hms_async.testing serve --port 0``; yield what it prints.

    One process serves the module's tests (starting one costs about half a
    second); ``served_env`` resets its fake before each test.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "hms_async.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(process, lines), daemon=True)
    reader.start()
    try:
        yield _read_env(lines, process)
    finally:
        process.terminate()
        process.communicate(timeout=_SERVE_SECONDS)


@pytest.fixture
def served_env(
    _serve_process: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The served fake, reset to a fresh workspace; its variables set."""
    control = _serve_process["HMS_FAKE_CONTROL_URL"]
    httpx.post(control + "reset", timeout=_SERVE_SECONDS).raise_for_status()
    for name, value in _serve_process.items():
        monkeypatch.setenv(name, value)
    return _serve_process


def _pump(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    """Move the server's output lines into ``lines`` (keeps its pipe drained)."""
    for line in process.stdout or ():
        lines.put(line)


def _read_env(
    lines: queue.Queue[str], process: subprocess.Popen[str]
) -> dict[str, str]:
    env: dict[str, str] = {}
    while True:
        wait = 1.0 if all(name in env for name in _REQUIRED) else _SERVE_SECONDS
        try:
            line = lines.get(timeout=wait)
        except queue.Empty:
            break
        match = _ENV_LINE.match(line.strip())
        if match:
            env[match[1]] = shlex.split(match[2])[0] if match[2] else ""
        elif env:
            break
        if "HMS_MANAGEMENT_TOKEN" in env and all(name in env for name in _REQUIRED):
            break
    missing = [name for name in _REQUIRED if name not in env]
    assert not missing, f"serve printed no {missing} (exit code {process.poll()})"
    return env


def _check_output(block: Block, printed: str) -> None:
    if block.output is None:
        return
    if not _CHECKER.check_output(block.output, printed, doctest.ELLIPSIS):
        pytest.fail(
            f"{block.where} printed:\n{printed}\nwhich does not match its Output "
            f"block:\n{block.output}"
        )


async def _close_clients(namespace: dict[str, Any]) -> None:
    for value in list(namespace.values()):
        if isinstance(value, HMSClient | httpx.AsyncClient):
            await value.aclose()
        elif isinstance(value, SyncHMSClient | httpx.Client):
            value.close()


def _run_block(
    block: Block, namespace: dict[str, Any], portal: anyio.from_thread.BlockingPortal
) -> str:
    code = compile(
        block.code,
        block.where,
        "exec",
        flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
        dont_inherit=True,
    )
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        if code.co_flags & inspect.CO_COROUTINE:

            async def run() -> None:
                await eval(code, namespace)  # noqa: S307 - the docs' own code

            portal.call(run)
        else:
            exec(code, namespace)  # noqa: S102 - the docs' own code
    return printed.getvalue()


def test_every_block_is_classified() -> None:
    """Each block has a language; shell blocks say whether they run; skips say why."""
    problems = []
    for block in ALL_BLOCKS:
        if not block.lang:
            problems.append(f"{block.where}: a block without a language")
        if block.skipped and not block.reason:
            problems.append(f"{block.where}: skipped without a reason")
        if block.lang in SHELL and block.marker is None:
            problems.append(
                f"{block.where}: mark it <!-- snippet: run --> or "
                "<!-- snippet: skip: <why it is not run> -->"
            )
        if block.lang in PYTHON and not block.skipped:
            compile(
                block.code, block.where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
            )
        if block.lang == "json" and not block.skipped:
            json.loads(block.code)  # a JSON example is valid JSON
    assert problems == []
    assert sum(b.lang in PYTHON for b in ALL_BLOCKS) >= 10


@pytest.fixture
def tracing_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """OpenTelemetry's process-wide state as it was, whatever a page sets up
    (a tracer provider, which may be set once; httpx's instrumentation)."""
    from opentelemetry import trace
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.util._once import Once

    monkeypatch.setattr(trace, "_TRACER_PROVIDER", None)
    monkeypatch.setattr(trace, "_TRACER_PROVIDER_SET_ONCE", Once())
    yield
    instrumentor = HTTPXClientInstrumentor()
    if instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.uninstrument()


@pytest.mark.parametrize(("page", "backend"), list(_page_params()))
def test_page_python_blocks_run(
    page: pathlib.Path,
    backend: str | None,
    served_env: dict[str, str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    tracing_restored: None,
) -> None:
    """The page's python blocks run in order, in one namespace, against the fake."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    sync_namespace: dict[str, Any] = {"__name__": "__main__"}  # the Sync tabs'
    with anyio.from_thread.start_blocking_portal(backend or "asyncio") as portal:
        try:
            for block in _page_blocks(page):
                names = sync_namespace if block.is_sync else namespace
                _check_output(block, _run_block(block, names, portal))
        finally:
            portal.call(_close_clients, namespace)
            portal.call(_close_clients, sync_namespace)


def _where(block: Block) -> str:
    return block.where


@pytest.mark.parametrize(
    "block", [b for b in ALL_BLOCKS if b.is_test_module and not b.skipped], ids=_where
)
def test_pytest_block_passes_as_written(block: Block, tmp_path: pathlib.Path) -> None:
    """A test shown in the docs passes in a fresh project with only hms-async installed."""
    done = run_pytest(tmp_path, block.code, timeout=_RUN_SECONDS)
    tests = len(re.findall(r"^(?:async )?def test_", block.code, re.M))
    passed = re.search(r"\b(\d+) passed\b", done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert passed is not None, done.stdout
    assert int(passed[1]) >= tests  # each test ran (once per anyio backend, maybe)


# Programs some shell blocks pipe into, which are not Python packages: a
# machine without them skips those blocks (saying so) rather than failing.
_OUTSIDE_TOOLS = ("jq", "curl")


@pytest.mark.parametrize(
    "block",
    [b for b in ALL_BLOCKS if b.lang in SHELL and b.marker == "run"],
    ids=_where,
)
def test_shell_block_runs(block: Block, served_env: dict[str, str]) -> None:
    """A shell block marked to run exits 0 (``python`` is this interpreter)."""
    missing = [t for t in _OUTSIDE_TOOLS if re.search(rf"\b{t}\b", block.code)]
    missing = [tool for tool in missing if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{block.where} uses {', '.join(missing)}, not installed here")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(
        [str(pathlib.Path(sys.executable).parent), env["PATH"]]
    )
    done = subprocess.run(  # noqa: S603 - the docs' own commands
        ["bash", "-euo", "pipefail", "-c", block.code],  # noqa: S607
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=_RUN_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    _check_output(block, done.stdout)
