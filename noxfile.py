"""Automation entry points: `nox -l` lists them, plain `nox` runs the checks.

`nox` runs lint, typecheck and the tests on every supported Python that is
installed (3.11, 3.12, 3.13), skipping absent ones, each run spread over the
machine's cores (pytest-xdist), and builds the docs strictly (a warning
fails). `nox -s lowest` runs the tests once more on 3.11 with the lowest
version of every runtime dependency that pyproject.toml allows; it is not a
default session, because a fourth run of the suite would take the whole
`nox` past CI's time on two cores. `nox -s bench` runs the benchmarks, which
are never part of the test session.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import nox
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

nox.options.sessions = ["lint", "typecheck", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

SUPPORTED = ["3.11", "3.12", "3.13"]
PYPROJECT = nox.project.load_toml("pyproject.toml")


def _pyenv_bins() -> list[str]:
    """Put pyenv's interpreters ahead of its shims, which refuse unselected versions."""
    root = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv"))
    found = []
    for version in SUPPORTED:
        found += sorted(
            str(p.parent)
            for p in root.glob(f"versions/{version}.*/bin/python{version}")
        )
    return found


def _runs(version: str) -> bool:
    exe = shutil.which(f"python{version}")
    if exe is None:
        return False
    probe = subprocess.run([exe, "-c", "pass"], capture_output=True, check=False)  # noqa: S603
    return probe.returncode == 0


os.environ["PATH"] = os.pathsep.join([*_pyenv_bins(), os.environ.get("PATH", "")])
PYTHONS = [v for v in SUPPORTED if _runs(v)] or SUPPORTED[:1]


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


# One worker per core; a worker that is done takes tests queued on another.
# `nox -s tests -- -n 0` runs in one process.
XDIST = ["-n", "auto", "--dist", "worksteal"]
# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set: otherwise each
# xdist worker rewrites every test module again (8 s of CPU, not 3.5 s) and
# each `hms` the docs' shell blocks run compiles the package again.
PYTEST_ENV: dict[str, str | None] = {"PYTHONDONTWRITEBYTECODE": None}


def floors(requirements: list[str]) -> list[str]:
    """``name==version`` for each requirement's lower bound (``>=``, ``~=``, ``==``);
    a name given twice gets the higher of its bounds.

    >>> floors(["httpx>=0.27,<1", "attrs~=24.2", "rich", "HTTPX>=0.28"])
    ['httpx==0.28', 'attrs==24.2']
    """
    lowest: dict[str, Version] = {}
    for text in requirements:
        requirement = Requirement(text)
        for spec in requirement.specifier:
            if spec.operator in (">=", "~=", "=="):
                name = canonicalize_name(requirement.name)
                version = Version(spec.version)
                lowest[name] = max(version, lowest.get(name, version))
    return [f"{name}=={version}" for name, version in lowest.items()]


@nox.session(python=PYTHONS[0])
def lint(session: nox.Session) -> None:
    """Ruff lint and format check, and the generated sync modules are current."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # Generated code: the typed with_raw_response wrappers (from the
    # services), then the sync client (from the async source).
    session.run("python", "scripts/raw_responses.py", "--check")
    session.run("python", "scripts/unasync.py", "--check")


@nox.session(python=PYTHONS[0])
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package, tests, examples, benchmarks and this file."""
    session.install("-e", ".", *_group("typing"))
    session.run("mypy")


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """pytest, every async test on asyncio and trio."""
    session.install("-e", ".", *_group("tests"), *_group("examples"))
    session.run("pytest", *XDIST, *session.posargs, env=PYTEST_ENV)


# Test tools older than the newest, for the floors: anyio 4.14's pytest plugin
# imports CallSpec2, which pytest 9.2 deprecated (anyio 4.15 no longer does).
LOWEST_TOOLS = ["pytest<9.2"]


@nox.session(python=PYTHONS[0])
def lowest(session: nox.Session) -> None:
    """pytest with every runtime dependency at the lowest version pyproject allows.

    The floors come from ``[project].dependencies`` (``httpx>=0.27`` installs
    httpx 0.27.0), so that they stay true; the test tools are the newest that
    go with them (``LOWEST_TOOLS``).
    """
    pins = floors(PYPROJECT["project"]["dependencies"])
    constraints = pathlib.Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join([*pins, *LOWEST_TOOLS]) + "\n")
    session.install(
        "-c", str(constraints), "-e", ".", *_group("tests"), *_group("examples")
    )
    session.run("python", "-m", "pip", "freeze", "--exclude-editable")
    session.run("pytest", *XDIST, *session.posargs, env=PYTEST_ENV)


@nox.session(python=PYTHONS[0])
def bench(session: nox.Session) -> None:
    """Benchmarks: typed streaming against the hand-written httpx loop, as ratios."""
    session.install("-e", ".", *_group("bench"))
    for script in sorted(pathlib.Path("benchmarks").glob("bench_*.py")):
        session.run("python", str(script), *session.posargs)


@nox.session(python=PYTHONS[0])
def demo(session: nox.Session) -> None:
    """The README's main job: the demo, against the built-in fake unless credentials are set."""
    session.install("-e", ".")
    session.run("python", "-m", "hms_async.demo", *session.posargs)


@nox.session(python=PYTHONS[0])
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly: any warning (a broken link, a
    docstring that does not parse, a missing reference target) fails.

    ``nox -s docs -- serve`` serves it with live reload instead.
    """
    session.install("-e", ".", *_group("docs"))
    quiet = {"NO_MKDOCS_2_WARNING": "1"}  # MkDocs' banner about its future
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", *session.posargs[1:], env=quiet)
        return
    session.run(
        "mkdocs", "build", "--strict", "--site-dir", "site", *session.posargs, env=quiet
    )
