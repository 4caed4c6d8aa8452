"""Constants and small helpers for the tests (never import from conftest)."""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import os
import pathlib
import pkgutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any, Literal

import anyio
import httpx
import jwt

import hms_async.resources
from hms_async import HMSClient
from hms_async._encoding import path

ACCESS_KEY = "test-access-key"
APP_SECRET = "test-app-secret-that-is-at-least-32-bytes"
BASE_URL = "https://api.100ms.live/v2/"
Http = Literal["httpx", "aiohttp"]
"""The HTTP layers of ``HMSClient(http=...)``."""


def id_path(*ids: str) -> str:
    """``path()`` of a template of slots only: every segment an encoded id."""
    return path("/".join(f"{{id{n}}}" for n in range(len(ids))), *ids)


def mock_client(handler: Callable[[httpx.Request], httpx.Response]) -> HMSClient:
    """A client on the test credentials whose requests ``handler`` answers."""
    return HMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
    )


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a sent request."""
    return json.loads(request.content)


def claims_of(request: httpx.Request) -> dict[str, Any]:
    """The verified claims of the request's bearer token."""
    scheme, _, token = request.headers["Authorization"].partition(" ")
    assert scheme == "Bearer"
    claims: dict[str, Any] = jwt.decode(token, APP_SECRET, algorithms=["HS256"])
    return claims


def decode(token: str, secret: str = APP_SECRET) -> dict[str, Any]:
    """Verify the HS256 signature; time claims are checked by the test itself."""
    claims: dict[str, Any] = jwt.decode(
        token,
        secret,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_nbf": False, "verify_iat": False},
    )
    return claims


def assert_api_request(
    request: httpx.Request,
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
) -> None:
    """Assert method, path (relative to /v2/), exact query, JSON body and headers."""
    assert request.method == method
    assert request.url.path == "/v2/" + path
    expected_query = dict(params or {})
    actual_query: dict[str, Any] = {}
    for key, value in request.url.params.multi_items():
        actual_query.setdefault(key, []).append(value)
    flat = {k: v[0] if len(v) == 1 else v for k, v in actual_query.items()}
    assert flat == expected_query
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("hms-async/")
    assert claims_of(request)["type"] == "management"
    if method == "POST":
        assert request.headers["Content-Type"] == "application/json"
        assert body_of(request) == (json_body if json_body is not None else {})
    else:
        assert json_body is None
        assert request.content == b""


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let other tasks run until ``condition()`` holds; fail after ``seconds``."""
    with anyio.fail_after(seconds):
        while not condition():  # noqa: ASYNC110 - the state belongs to other code
            await anyio.sleep(0.001)


def service_classes() -> dict[str, type[Any]]:
    """Each service attribute of ``HMSClient`` and its class.

    Services are cached properties imported on first use, so their classes
    come from the properties' return annotations, looked up in the services'
    modules.
    """
    classes: dict[str, type[Any]] = {}
    for info in pkgutil.iter_modules(hms_async.resources.__path__):
        module = importlib.import_module(f"hms_async.resources.{info.name}")
        classes |= {n: c for n, c in vars(module).items() if inspect.isclass(c)}
    returns = {
        name: inspect.get_annotations(member.func)["return"]
        for name, member in vars(HMSClient).items()
        if isinstance(member, functools.cached_property)
    }
    return {
        name: classes[cls] for name, cls in returns.items() if cls.endswith("Resource")
    }


def services_of(client: object) -> dict[str, Any]:
    """Every service of ``client`` (an HMSClient or a SyncHMSClient) by attribute
    name (created on first access)."""
    return {name: getattr(client, name) for name in service_classes()}


def no_fallback(name: str, reason: str) -> None:
    """Stands in for ``_fastpaths.disable`` where a fast path must pass its check:
    a fallback to the public path would hide the difference the test looks for."""
    raise AssertionError(f"{name} failed its check: {reason}")


def run_pytest(
    directory: pathlib.Path, code: str, *, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` as ``test_snippet.py`` with pytest in a fresh ``directory``:
    as a project with only hms-async installed would (its plugin included)."""
    (directory / "test_snippet.py").write_text(code)
    # A fresh project has no settings: without its own (empty) pytest.ini,
    # pytest would take this checkout's when the directory is inside it (nox's is).
    (directory / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "test_snippet.py",
        ],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
