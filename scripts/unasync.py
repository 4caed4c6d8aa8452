"""Generate the sync SDK (``hms_async/_sync/``) from the async source.

    python scripts/unasync.py          # write the generated modules
    python scripts/unasync.py --check  # fail if they are stale (nox -s lint)

The async modules are the one source of truth; the sync ones are made from
them, committed, and never edited by hand (see docs/architecture.md). Each
module of ``MODULES`` is read as a list of top-level statements:

* a statement whose code the rules below change (it awaits, names an async
  type, says ``aclose()``...) is emitted, rewritten, into the sync module;
* one they leave unchanged (a pure helper, a model, an error class, a
  constant) is not copied: the sync module imports it from the async one,
  so there is one ``Page``, one ``PaginationError``, one ``error_for``;
* ``skip`` leaves out what has no sync meaning (prefetch's task group), and
  ``replace`` swaps in a hand-written sync counterpart.

The rules are a regex table in the manner of httpcore's ``unasync.py``,
applied to code and docstrings alike. Imports are then pointed at the sync
modules wherever a name has a sync version (the generated modules, and the
hand-written twins of ``TWINS``), and the result is formatted with ruff.
``--check`` regenerates everything in memory and fails on any difference, on
a file in ``hms_async/_sync/`` that nothing generates, and on a rule, skip or
replacement that was never used (a sign that the async source moved on).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import functools
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "hms_async"
SYNC_PACKAGE = "hms_async._sync"
RUFF = [sys.executable, "-m", "ruff"]


@dataclass(frozen=True)
class Module:
    """An async module to generate a sync twin of.

    Attributes:
        name: The dotted name of the async module.
        skip: Qualified names (``"Class.method"``) left out of the sync module.
        replace: Top-level names swapped for a hand-written sync object,
            ``"module:name"``.
        tests: A test module: its tests and fixtures that need no rewriting
            are left out (they run once, from the async module), not
            imported.
    """

    name: str
    skip: tuple[str, ...] = ()
    replace: Mapping[str, str] = field(default_factory=dict)
    tests: bool = False


def _resources() -> list[Module]:
    """Every service module, found on disk: a new service is generated too."""
    folder = ROOT / PACKAGE / "resources"
    return [Module(f"{PACKAGE}.resources")] + [
        Module(f"{PACKAGE}.resources.{path.stem}")
        for path in sorted(folder.glob("*.py"))
        if path.stem != "__init__"
    ]


def _tests(
    *names: str, skip: Mapping[str, tuple[str, ...]] | None = None
) -> list[Module]:
    return [
        Module(f"tests.{name}", skip=(skip or {}).get(name, ()), tests=True)
        for name in names
    ]


TESTS: tuple[Module, ...] = (
    *_tests(
        "conftest",
        "helpers",
        "services",
        *(
            f"services.{path.stem}"
            for path in sorted((ROOT / "tests" / "services").glob("test_*.py"))
        ),
        "test_retries",
        "test_errors",
        "test_secrets",
        "test_requester",
        "test_request_once",
        "test_client_options",
        "test_with_options",
        "test_pagination",
        "test_request_options",
        "test_raw_response",
        "test_event_hooks",
        "test_tracing",
        skip={
            # Async servers and layers: the loopback server, aiohttp; and a
            # spy on the async requester's module.
            "test_event_hooks": ("test_hooks_run_on_both_http_layers",),
            "test_tracing": (
                "test_global_httpx_instrumentation_over_real_sockets",
                "test_without_a_provider_nothing_is_traced",
            ),
            # A guard of anyio.fail_after, and a mock transport that sleeps:
            # their sync versions are in tests/test_sync_client.py.
            "test_with_options": (
                "test_the_testing_switch_covers_views",
                "test_deadline_bounds_a_slow_call",
            ),
            "test_pagination": (
                "collect_prefetched",
                "test_prefetch_yields_same_items",
                "test_prefetch_stops_fetching_on_break",
                "test_prefetch_forwards_the_original_error",
                "test_prefetch_body_error_is_not_wrapped",
                "test_prefetch_refuses_zero_pages",
                "test_prefetch_pages_yields_pages_with_cursors",
                "test_prefetch_pages_forwards_the_error_after_good_pages",
                "test_prefetch_pages_outside_its_block_is_an_error",
                "test_prefetch_pages_refuses_zero_pages",
            ),
            "conftest": ("http",),
            "helpers": ("until", "service_classes", "services_of"),
        },
    ),
)
"""The behaviour tests run against the sync client too (``tests/sync/``)."""

MODULES: tuple[Module, ...] = (
    Module(f"{PACKAGE}._retry"),
    Module(f"{PACKAGE}._slots"),
    Module(f"{PACKAGE}._watch"),
    Module(f"{PACKAGE}._requester"),
    Module(f"{PACKAGE}._walk"),
    Module(
        f"{PACKAGE}._pagination",
        # Prefetch overlaps fetching with the caller's work in a task group:
        # threads have no such thing, so the sync paginator has no prefetch.
        skip=(
            "AsyncPaginator.__await__",
            "AsyncPaginator.prefetch",
            "AsyncPaginator.prefetch_pages",
        ),
    ),
    *_resources(),
    Module(f"{PACKAGE}._raw"),
    Module(f"{PACKAGE}._raw_services"),
    Module(f"{PACKAGE}._client"),
    *TESTS,
)
"""The async modules made sync, in the order they are generated."""

TWINS: Mapping[str, str] = {
    f"{PACKAGE}._compat": f"{SYNC_PACKAGE}._compat",
    f"{PACKAGE}._http": f"{SYNC_PACKAGE}._http",
}
"""Async modules whose sync twin is written by hand: imports follow them."""

TARGETS: Mapping[str, str] = {PACKAGE: SYNC_PACKAGE, "tests": "tests.sync"}
"""Where each tree's sync modules go."""

HANDWRITTEN: tuple[str, ...] = (
    f"{PACKAGE}/_sync/__init__.py",
    f"{PACKAGE}/_sync/_compat.py",
    f"{PACKAGE}/_sync/_http.py",
    "tests/sync/__init__.py",
)
"""The files under the sync folders that are not generated."""


class Rule:
    """One rewrite, applied to the whole text of each emitted statement."""

    def __init__(
        self,
        pattern: str,
        replacement: str | Callable[[re.Match[str]], str],
        flags: int = re.MULTILINE,
    ) -> None:
        self.pattern = re.compile(pattern, flags)
        self.replacement = replacement
        self.used = 0

    def __repr__(self) -> str:
        return f"Rule({self.pattern.pattern!r})"

    def apply(self, text: str) -> str:
        new, count = self.pattern.subn(self.replacement, text)
        self.used += count
        return new


def _closing(text: str, opening: int) -> int:
    """The index just past the bracket that closes the one at ``opening``."""
    depth = 0
    pairs = {"(": 1, "[": 1, ")": -1, "]": -1}
    for index in range(opening, len(text)):
        depth += pairs.get(text[index], 0)
        if depth == 0:
            return index + 1
    raise ValueError(f"unbalanced brackets after: {text[opening : opening + 60]!r}")


class Unwrap(Rule):
    """``Name[X]`` becomes ``X`` (brackets matched): ``Awaitable[Page[T]]``."""

    def __init__(self, name: str, keep_last: bool = False) -> None:
        super().__init__(rf"\b{name}\[", "")
        self.keep_last = keep_last

    def apply(self, text: str) -> str:
        while match := self.pattern.search(text):
            end = _closing(text, match.end() - 1)
            inner = text[match.end() : end - 1]
            if self.keep_last:  # Coroutine[Any, Any, X] -> X
                inner = inner.rsplit(",", 1)[-1].strip()
            text = text[: match.start()] + inner + text[end:]
            self.used += 1
        return text


class FirstPage(Rule):
    """``await x.list(...)`` becomes ``x.list(...).first_page()``.

    For every method that returns a paginator (found in the sources): an
    async paginator is awaited for its first page, a sync one is asked.
    """

    def __init__(self, methods: Iterable[str]) -> None:
        names = "|".join(sorted(methods, key=len, reverse=True))
        super().__init__(rf"\bawait ((?:[\w.]+)\.(?:{names})\()", "")

    def apply(self, text: str) -> str:
        position = 0
        while match := self.pattern.search(text, position):
            end = _closing(text, match.end() - 1)
            position = end
            if text.startswith(".", end):  # `await x.list().first_page()`
                continue
            call = text[match.start(1) : end]
            text = text[: match.start()] + call + ".first_page()" + text[end:]
            self.used += 1
        return text


def _paginator_methods() -> set[str]:
    """The service methods that return an ``AsyncPaginator`` (plain ``def``s)."""
    methods: set[str] = set()
    for path in (ROOT / PACKAGE / "resources").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and ast.unparse(node.returns).startswith("AsyncPaginator")
            ):
                methods.add(node.name)
    return methods


def make_rules() -> list[Rule]:
    """The rewrite table, in the order it is applied."""
    return [
        # The primitives come from _compat (see TWINS); the send, awaited
        # as it is for speed, goes through the sync twin's deadline-aware one.
        Rule(r"\bawait self\._http\.send\(", "_compat.send(self._http, "),
        # Tests that sleep with anyio sleep with the twin.
        Rule(r"^import anyio$", f"from {SYNC_PACKAGE} import _compat"),
        Rule(r"\banyio\.sleep\(", "_compat.sleep("),
        # Docstring examples: no event loop to run.
        Rule(r"^[ \t]+import anyio\n", ""),
        Rule(r"\banyio\.run\((\w+)\)", r"\1()"),
        # A paginator's first page.
        FirstPage(_paginator_methods()),
        Rule(
            r"`await` it for the first page, `async for` over it",
            "call its `first_page()` for the first page, iterate it",
        ),
        Rule(r"\bfirst = await (rooms|history)$", r"first = \1.first_page()"),
        Rule(r"\braised when awaited\b", "raised when the first page is fetched"),
        Rule(
            r"\bit is awaited or iterated\b",
            "its first page is asked for or it is iterated",
        ),
        Rule(
            r"; `prefetch\(\)` fetches ahead while your code works on the items\.", "."
        ),
        Rule(r": what `await paginator` gives\.", "."),
        # Syntax.
        Rule(r"\basync def\b", "def"),
        Rule(r"\basync (for|with)\b", r"\1"),
        Rule(r"\bawait ", ""),
        Rule(r"__aenter__", "__enter__"),
        Rule(r"__aexit__", "__exit__"),
        Rule(r"__aiter__", "__iter__"),
        Rule(r"__anext__", "__next__"),
        Rule(r"\bStopAsyncIteration\b", "StopIteration"),
        Rule(r"\baclose\b", "close"),
        # Types.
        Unwrap("Awaitable"),
        Rule(r"\bAsync(Iterator|Iterable)\b", r"\1"),
        Rule(r"\bhttpx\.AsyncClient\b", "httpx.Client"),
        Rule(r"\bhttpx\.AsyncBaseTransport\b", "httpx.BaseTransport"),
        Rule(r"\bhandle_async_request\b", "handle_request"),
        Rule(r"\bhttpx\.AsyncByteStream\b", "httpx.SyncByteStream"),
        Rule(r"\bAsyncPaginator\b", "SyncPaginator"),
        Rule(r"\bHMSClient\b", "SyncHMSClient"),
        # Prose about the event loop.
        Rule(r"\bAn async client\b", "A synchronous client"),
        Rule(
            r"across all the tasks of an application, on asyncio or trio;",
            "across all the threads of an application (and forked workers);",
        ),
        Rule(
            r"\bhttp: `\"httpx\"` \(the default\) or `\"aiohttp\"`:.*?`\)\.",
            'http: `"httpx"` (the default), the one HTTP layer of the sync\n'
            '            client: `"aiohttp"` is async only and raises `ValueError`.',
            re.DOTALL,
        ),
        Rule(r"\bAn async (iterator|context manager)\b", r"An \1"),
    ]


# --- reading a module -------------------------------------------------------


def _path_of(module: str) -> Path:
    base = ROOT / Path(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def sync_name(module: str) -> str:
    """``hms_async.resources.rooms`` -> ``hms_async._sync.resources.rooms``."""
    top, _, rest = module.partition(".")
    return TARGETS[top] + ("." + rest if rest else "")


def _sync_path(module: Module) -> Path:
    source = _path_of(module.name)
    top = module.name.partition(".")[0]
    relative = source.relative_to(ROOT / top)
    return ROOT / Path(*TARGETS[top].split(".")) / relative


@functools.cache
def _defined(module: str) -> frozenset[str]:
    """The top-level names a hand-written module defines."""
    path = _path_of(module)
    if not path.exists():
        return frozenset()
    return frozenset(
        n for node in ast.parse(path.read_text()).body for n in _names(node)
    )


def _names(node: ast.stmt) -> list[str]:
    """The module-level names a statement defines."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def _first_line(node: ast.stmt, lines: list[str]) -> int:
    """The 0-based first line of ``node``: its decorators and comments above."""
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    start = min([node.lineno, *(d.lineno for d in decorators)]) - 1
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return start


def _strip_docstrings(tree: ast.AST) -> ast.AST:
    """``tree`` without its bare strings: docstrings, attribute docstrings."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            kept = [s for s in body if not _is_string(s)]
            node.body = kept or [ast.Pass()]  # type: ignore[attr-defined]
    return tree


@functools.cache
def _same_code(old: str, new: str) -> bool:
    """Whether two snippets differ only in docstrings and comments."""
    return ast.dump(_strip_docstrings(ast.parse(old))) == ast.dump(
        _strip_docstrings(ast.parse(new))
    )


def _is_fixture(node: ast.stmt) -> bool:
    decorators = getattr(node, "decorator_list", [])
    return any("fixture" in ast.unparse(d) for d in decorators)


def _runs_itself(node: ast.stmt, module: str) -> bool:
    """A test, or a conftest's fixture: pytest finds it where it is already.

    (A test module's own fixture is seen only there: it is copied.)
    """
    if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name.startswith(
        ("test_", "Test")
    ):
        return True
    return module.endswith(".conftest") and _is_fixture(node)


def _is_string(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_type_checking(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )


@dataclass
class Draft:
    """A sync module after the rules, before its imports point anywhere."""

    module: Module
    text: str
    emitted: set[str]
    """The names the sync module defines (as the sync code spells them)."""
    reused: list[str]
    emitted_async: set[str]
    """The same names as the async module spells them."""


def _without_members(
    node: ast.stmt,
    lines: list[str],
    start: int,
    end: int,
    skip: set[str],
    used: set[str],
) -> str:
    """The source of ``node`` (to line ``end``) minus the members in ``skip``."""
    keep = lines[start:end]
    if not isinstance(node, ast.ClassDef):
        return "".join(keep)
    drop: set[int] = set()
    for member in node.body:
        for name in _names(member):
            qualified = f"{node.name}.{name}"
            if qualified in skip:
                used.add(qualified)
                first = _first_line(member, lines)
                assert member.end_lineno is not None
                drop.update(range(first, member.end_lineno))
    return "".join(
        line for number, line in enumerate(keep, start) if number not in drop
    )


@dataclass
class _Statement:
    names: list[str]
    original: str
    new: str
    emit: bool


def _refers_to(code: str) -> set[str]:
    """The names a snippet reads."""
    return {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}


def _spread(statements: list[_Statement]) -> None:
    """Emit what refers to an emitted name too: imported code runs in the async
    module, where that name is the async one (a type alias, a table of calls)."""
    while True:
        emitted = {name for s in statements if s.emit for name in s.names}
        late = [
            s for s in statements if not s.emit and _refers_to(s.original) & emitted
        ]
        if not late:
            return
        for statement in late:
            statement.emit = True


def _differs(target: str, name: str, drafts: Mapping[str, Draft]) -> bool:
    """Whether ``from target import name`` means another object in sync code."""
    submodule = f"{target}.{name}"
    if submodule in TWINS or (submodule in drafts and drafts[submodule].emitted):
        return True
    if target in TWINS:
        return name in _defined(TWINS[target])
    if target in drafts:
        return name in drafts[target].emitted_async
    return False  # not generated, or not drafted yet (see generate())


def _imports_in(node: ast.AST, module: str) -> Iterator[tuple[str, str, str]]:
    """Each ``from ... import`` in ``node``: the module, the name, its binding."""
    for found in ast.walk(node):
        if isinstance(found, ast.ImportFrom) and found.module != "__future__":
            target = _absolute(module, found)
            for alias in found.names:
                yield target, alias.name, alias.asname or alias.name


def draft(
    module: Module, rules: list[Rule], used: set[str], drafts: Mapping[str, Draft]
) -> Draft:
    """Split a module into emitted and reused statements and apply the rules.

    A statement is emitted when the rules change its code, when it uses a
    name imported from a module with a sync version of that name (the twins,
    what ``drafts``, the modules generated before, emitted), or, in the
    end, when it uses a name emitted here.
    """
    source = _path_of(module.name).read_text()
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    skip = set(module.skip)
    differing = {
        bound
        for node in tree.body
        if isinstance(node, ast.ImportFrom) or _is_type_checking(node)
        for target, name, bound in _imports_in(node, module.name)
        if _differs(target, name, drafts)
    }
    head: list[str] = []  # the docstring, the imports
    guarded: list[str] = []  # `if TYPE_CHECKING:` imports
    body: list[str] = []
    emitted: set[str] = set()
    reused: list[str] = []
    statements: list[_Statement] = []
    all_names: list[str] | None = None
    for index, node in enumerate(tree.body):
        start = _first_line(node, lines)
        end = node.end_lineno
        assert end is not None
        if _is_string(node) and index:
            continue  # an attribute docstring: it goes with the statement above
        following = tree.body[index + 1] if index + 1 < len(tree.body) else None
        if following is not None and _is_string(following) and _names(node):
            end = following.end_lineno  # the name's docstring
            assert end is not None
        text = "".join(lines[start:end])
        names = _names(node)
        if names == ["__all__"]:
            all_names = ast.literal_eval(node.value)  # type: ignore[attr-defined]
            continue
        if _is_string(node) or isinstance(node, ast.Import | ast.ImportFrom):
            head.append(_apply(rules, text))
            continue
        if _is_type_checking(node):
            guarded.append(_apply(rules, text))
            continue
        if any(name in skip for name in names):
            used.update(name for name in names if name in skip)
            continue
        if any(name in module.replace for name in names):
            for name in names:
                used.add(f"replace:{name}")
                where, _, attr = module.replace[name].partition(":")
                head.append(f"from {where} import {attr} as {name}\n")
            continue
        original = _without_members(node, lines, start, end, skip, used)
        new = _apply(rules, original)
        emit = (
            not (names and _same_code(original, new))
            or bool(_refers_to(original) & differing)
            or any(
                _differs(target, name, drafts)
                for target, name, _ in _imports_in(node, module.name)
            )
        )
        if not emit and module.tests and _runs_itself(node, module.name):
            continue
        # A test module's own fixture is copied: pytest sees it only there.
        emit = emit or (module.tests and _is_fixture(node))
        statements.append(_Statement(names, original, new, emit))
    _spread(statements)
    emitted_async: set[str] = set()
    for statement in statements:
        if statement.emit:
            body.append(statement.new)
            emitted_async.update(statement.names)
            emitted.update(_apply(rules, name) for name in statement.names)
        else:
            reused.extend(statement.names)
    exported = [
        name for name in (_apply(rules, n) for n in all_names or []) if name in emitted
    ]
    parts = [*head]
    if reused:
        parts.append(f"from {module.name} import {', '.join(reused)}\n")
    parts.extend(guarded)
    if exported:
        parts.append(f"__all__ = {exported!r}\n")
    parts.extend(body)
    return Draft(module, "\n".join(parts), emitted, reused, emitted_async)


def _apply(rules: list[Rule], text: str) -> str:
    for rule in rules:
        text = rule.apply(text)
    return text


# --- pointing the imports at the sync modules ------------------------------


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        assert node.module is not None
        return node.module
    package = module.split(".")
    is_package = _path_of(module).name == "__init__.py"
    base = package if is_package else package[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _import(
    source: str, node: ast.ImportFrom, drafts: Mapping[str, Draft]
) -> list[str]:
    """The import statements that replace ``node`` in a sync module."""
    target = _absolute(source, node)
    groups: dict[str, list[str]] = {}
    for alias in node.names:
        where = target
        submodule = f"{target}.{alias.name}"
        if submodule in drafts and drafts[submodule].emitted:
            where = sync_name(target)
        elif submodule in TWINS:
            where = TWINS[submodule].rpartition(".")[0]
        elif target in TWINS and alias.name in _defined(TWINS[target]):
            where = TWINS[target]
        elif target in drafts and alias.name in drafts[target].emitted:
            where = sync_name(target)
        name = alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
        groups.setdefault(where, []).append(name)
    return [
        f"from {where} import {', '.join(names)}" for where, names in groups.items()
    ]


def point_imports(text: str, source: str, drafts: Mapping[str, Draft]) -> str:
    """Rewrite every ``from ... import`` of ``text`` (a draft of ``source``)."""
    lines = text.splitlines(keepends=True)
    nodes = [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.ImportFrom)]
    for node in sorted(nodes, key=lambda n: n.lineno, reverse=True):
        if node.module == "__future__":
            continue
        assert node.end_lineno is not None
        indent = " " * node.col_offset
        new = [indent + line + "\n" for line in _import(source, node, drafts)]
        lines[node.lineno - 1 : node.end_lineno] = new
    return "".join(lines)


# --- formatting and writing ---------------------------------------------------


def _ruff(texts: Mapping[Path, str]) -> dict[Path, str]:
    """``texts`` with unused imports dropped, imports sorted, and formatted.

    Ruff runs twice in all, over a copy of the files in a scratch folder of
    the repository (so that it reads the project's configuration as it would
    for the files themselves).
    """
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".unasync-") as scratch:
        copies = {path: Path(scratch) / path.relative_to(ROOT) for path in texts}
        for path, copy in copies.items():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(texts[path])
        for args in (
            ["check", "--fix", "--select", "F401,I001", "--exit-zero"],
            ["format"],
        ):
            done = subprocess.run(  # noqa: S603 - our own ruff, on our own files
                [*RUFF, *args, "--quiet", scratch],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            if done.returncode != 0:
                raise RuntimeError(f"ruff {args[0]} failed:\n{done.stderr}")
        return {path: copy.read_text() for path, copy in copies.items()}


def header(module: Module) -> str:
    source = _path_of(module.name).relative_to(ROOT)
    return (
        f"# Generated from {source} by scripts/unasync.py: do not edit.\n"
        "# Change the async source, then run `python scripts/unasync.py`.\n"
    )


def render(draft_: Draft, drafts: Mapping[str, Draft]) -> str:
    """The text of a sync module with its imports pointed (not formatted yet)."""
    path = _sync_path(draft_.module)
    text = header(draft_.module) + point_imports(
        draft_.text, draft_.module.name, drafts
    )
    compile(text, str(path), "exec")
    return text


def _settled_drafts(rules: list[Rule], used: set[str]) -> dict[str, Draft]:
    """Draft every module until what each emits stops changing.

    What a module emits depends on what the modules it imports emit; modules
    import each other in cycles (under ``TYPE_CHECKING``), so the drafting is
    repeated, each round seeing the round before, until it settles.
    """
    previous: dict[str, Draft] = {}
    for _ in range(len(MODULES)):
        drafts: dict[str, Draft] = {}
        for module in MODULES:
            drafts[module.name] = draft(module, rules, used, previous | drafts)
        if previous and all(
            drafts[name].emitted_async == previous[name].emitted_async
            for name in drafts
        ):
            return drafts
        previous = drafts
    raise RuntimeError("the sync modules did not settle")


def generate() -> tuple[dict[Path, str], list[str]]:
    """Every sync module's text by path, and the rules/skips never used."""
    rules = make_rules()
    used: set[str] = set()
    drafts = _settled_drafts(rules, used)
    outputs = _ruff(
        {
            _sync_path(d.module): render(d, drafts)
            for d in drafts.values()
            # A module with nothing async in it has no twin: its names are
            # imported from it (a package keeps its __init__, for the folder).
            if d.emitted or _path_of(d.module.name).name == "__init__.py"
        }
    )
    unused = [repr(rule) for rule in rules if not rule.used]
    for module in MODULES:
        unused += [
            f"skip {module.name}:{name}" for name in module.skip if name not in used
        ]
        unused += [
            f"replace {module.name}:{name}"
            for name in module.replace
            if f"replace:{name}" not in used
        ]
    return outputs, unused


def _stale(outputs: Mapping[Path, str]) -> list[Path]:
    """Files in the sync folders that nothing generates and no one wrote by hand."""
    handwritten = {ROOT / name for name in HANDWRITTEN}
    return sorted(
        path
        for target in TARGETS.values()
        for path in (ROOT / Path(*target.split("."))).rglob("*.py")
        if path not in outputs and path not in handwritten
    )


def check(outputs: Mapping[Path, str], unused: list[str]) -> list[str]:
    """What is wrong with the committed sync modules (nothing: an empty list)."""
    problems = [f"a rule or skip matched nothing: {what}" for what in unused]
    for path, text in outputs.items():
        current = path.read_text() if path.exists() else ""
        if current != text:
            diff = difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                str(path.relative_to(ROOT)),
                "generated",
                n=1,
            )
            problems.append("stale: " + "".join(list(diff)[:40]))
    problems += [f"not generated: {p.relative_to(ROOT)}" for p in _stale(outputs)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail if stale")
    args = parser.parse_args(argv)
    outputs, unused = generate()
    if args.check:
        problems = check(outputs, unused)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python scripts/unasync.py", file=sys.stderr)
        return 1 if problems else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    for path in _stale(outputs):
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")
    for what in unused:
        print(f"warning: a rule or skip matched nothing: {what}", file=sys.stderr)
    return 1 if unused else 0


if __name__ == "__main__":
    sys.exit(main())
