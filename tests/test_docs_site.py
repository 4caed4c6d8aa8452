"""The documentation site cannot drift: every public name has a reference entry,
the nav lists every page (and only pages that exist), and relative links resolve.

`nox -s docs` builds the site strictly (a warning fails); these checks run in the
test suite too, without mkdocs, so they fail early and name what to add.
"""

from __future__ import annotations

import importlib
import inspect
import pathlib
import re
from collections.abc import Iterator
from types import ModuleType

import pytest

from .helpers import service_classes

ROOT = pathlib.Path(__file__).parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
PUBLIC_MODULES = [
    "hms_async",
    "hms_async.models",
    "hms_async.errors",
    "hms_async.testing",
    "hms_async.webhooks",
]
ENTRY = re.compile(r"^::: ([\w.]+)\s*$")
NAV_PAGE = re.compile(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w./-]+\.md)\s*$")
LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")


def _resolve(dotted: str) -> object:
    """The object a ``::: dotted.path`` entry documents."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            obj = getattr(obj, attribute)
        return obj
    raise ImportError(dotted)


def _entries() -> Iterator[tuple[pathlib.Path, int, str, list[str]]]:
    """(page, line, dotted path, option lines) of every reference entry."""
    for page in sorted(REFERENCE.rglob("*.md")):
        lines = page.read_text().splitlines()
        for number, line in enumerate(lines):
            match = ENTRY.match(line)
            if match:
                options = []
                for following in lines[number + 1 :]:
                    if not following.startswith("    "):
                        break
                    options.append(following.strip())
                yield page, number + 1, match.group(1), options


ENTRIES = list(_entries())


def _public_names() -> Iterator[tuple[str, object]]:
    """Every public name: ``__all__`` of the public modules, and the services."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if not isinstance(value, ModuleType):
                yield f"{module_name}.{name}", value
    for attribute, service in service_classes().items():
        if not attribute.startswith("_"):
            yield f"{service.__module__}.{service.__qualname__}", service


def _is_documented(dotted: str, value: object) -> bool:
    documented_paths = {path for _, _, path, _ in ENTRIES}
    if dotted in documented_paths:
        return True
    if inspect.isclass(value) or inspect.isroutine(value):
        return any(_resolve(path) is value for path in documented_paths)
    return False


def test_every_reference_entry_resolves() -> None:
    """No entry names an object that does not exist (mkdocs would fail too)."""
    broken = []
    for page, line, path, _ in ENTRIES:
        try:
            _resolve(path)
        except (ImportError, AttributeError):
            broken.append(f"{page.relative_to(ROOT)}:{line}: {path}")
    assert broken == []


def test_every_public_name_has_a_reference_entry() -> None:
    """Add ``::: <name>`` to the page of docs/reference/ it belongs on."""
    missing = [
        dotted for dotted, value in _public_names() if not _is_documented(dotted, value)
    ]
    assert len(list(_public_names())) > 200  # the survey itself found the names
    assert missing == []


def test_service_entries_show_every_method() -> None:
    """A service's entry lists all its members (no ``members:`` option narrows it)."""
    narrowed = [
        f"{page.relative_to(ROOT)}:{line}: {path}"
        for page, line, path, options in ENTRIES
        if path.startswith("hms_async.resources.")
        and any(option.startswith(("members:", "filters:")) for option in options)
    ]
    assert narrowed == []


def _nav_pages() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text()
    nav = text[text.index("\nnav:") : text.index("\nmarkdown_extensions:")]
    return [m.group(1) for line in nav.splitlines() if (m := NAV_PAGE.match(line))]


def test_nav_lists_every_page_and_only_pages_that_exist() -> None:
    """A new page under docs/ needs a nav entry in mkdocs.yml, and vice versa."""
    nav = _nav_pages()
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))

    assert "index.md" in nav
    assert len(nav) == len(set(nav))
    assert sorted(set(nav) - set(pages)) == []  # nav entries whose file is missing
    assert sorted(set(pages) - set(nav)) == []  # pages not in the nav


@pytest.mark.parametrize(
    "page",
    [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_relative_links_resolve(page: pathlib.Path) -> None:
    """Every link to another page points to a file that exists."""
    targets = LINK.findall(page.read_text())
    missing = [
        t
        for t in targets
        if "://" not in t and not (page.parent / t).resolve().is_file()
    ]
    assert missing == []
