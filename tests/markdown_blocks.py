"""The fenced code blocks of the README and docs/, and how each one is run.

A block's kind comes from its language and from an HTML comment on the line
before it (invisible on GitHub and on the site):

- ``python``: run against the fake. Blocks of one page share one namespace and
  run in order; a block with a top-level ``await`` runs as it would in
  ``python -m asyncio``. A block that defines ``test_`` functions is a test
  module, run by pytest in a fresh directory exactly as written.
- ``sh``/``bash``/``shell``/``console``: run only when marked
  ``<!-- snippet: run -->``; otherwise they must say why not, as in
  ``<!-- snippet: skip: installs from PyPI -->``.
- ``text`` titled ``Output`` right after a run block is what it must print
  (``...`` matches anything).
- ``json`` must parse; other languages are shown, not run.
- A block inside a content tab (``=== "Sync"``) carries the tab's title; the
  blocks of the tabs titled ``Sync`` run in a namespace of their own, so the
  sync and async versions of a snippet may use the same names.

Any block may be marked ``<!-- snippet: skip: <reason> -->``.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator

import attrs

__all__ = ["PYTHON", "SHELL", "Block", "blocks", "pages"]

ROOT = pathlib.Path(__file__).parent.parent
PYTHON = frozenset({"python", "py"})
SHELL = frozenset({"sh", "bash", "shell", "console"})
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_MARKER = re.compile(
    r"^\s*<!-- snippet: (?P<kind>run|skip)(?::\s*(?P<reason>.*?))? -->\s*$"
)
_TITLE = re.compile(r'title="([^"]*)"')
_TAB = re.compile(r'^=== "([^"]*)"\s*$')


@attrs.frozen
class Block:
    """One fenced code block."""

    page: pathlib.Path
    line: int
    lang: str
    title: str | None
    code: str
    marker: str | None
    reason: str | None
    output: str | None = None
    """The ``Output`` block that follows it, if any."""
    tab: str | None = None
    """The title of the content tab the block is in, if any."""

    @property
    def is_sync(self) -> bool:
        """In a tab titled ``Sync``: runs in the page's sync namespace."""
        return (self.tab or "").lower() == "sync"

    @property
    def where(self) -> str:
        """``page:line``, relative to the repository."""
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def skipped(self) -> bool:
        """Marked as not run."""
        return self.marker == "skip"

    @property
    def is_output(self) -> bool:
        """The expected output of the block before it."""
        return self.lang == "text" and self.title == "Output"

    @property
    def is_test_module(self) -> bool:
        """A python block that pytest runs."""
        return (
            self.lang in PYTHON
            and re.search(r"^(async )?def test_", self.code, re.M) is not None
        )


def pages() -> list[pathlib.Path]:
    """The README and every page of the docs."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _raw_blocks(page: pathlib.Path) -> Iterator[Block]:
    lines = page.read_text().splitlines()
    index = 0
    previous = ""
    tab: str | None = None
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            line = lines[index]
            if line.strip():
                previous = line
                header = _TAB.match(line)
                if header:
                    tab = header[1]
                elif not line.startswith(" "):
                    tab = None  # back at the page's own level
            index += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip().startswith(
                fence[0] * len(fence)
            ) and not line.strip().strip(fence[0]):
                break
            body.append(
                line[len(indent) :] if line.startswith(indent) else line.lstrip()
            )
            index += 1
        marker = _MARKER.match(previous)
        title = _TITLE.search(info)
        yield Block(
            page=page,
            line=start + 1,
            lang=info.split()[0].lower() if info else "",
            title=title.group(1) if title else None,
            code="\n".join(body) + "\n",
            marker=marker["kind"] if marker else None,
            reason=(marker["reason"] or None) if marker else None,
            tab=tab if indent else None,
        )
        previous = lines[index] if index < len(lines) else ""
        index += 1


def blocks(page: pathlib.Path) -> list[Block]:
    """The page's blocks, each run block carrying the ``Output`` block after it."""
    found = list(_raw_blocks(page))
    result: list[Block] = []
    for block in found:
        if block.is_output and result and result[-1].output is None:
            result[-1] = attrs.evolve(result[-1], output=block.code)
        result.append(block)
    return result
