"""The export's progress bar on stderr: items, pages, items/s, elapsed, ETA."""

from __future__ import annotations

import sys
import types
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .._words import plural

__all__ = ["ExportProgress"]


class _Rate(ProgressColumn):
    """Items per second."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("" if speed is None else f"{speed:,.0f} items/s")


class _Counts(ProgressColumn):
    """Items (of the total, when known) and pages."""

    def render(self, task: Task) -> Text:
        total = "" if task.total is None else f"/{task.total:,.0f}"
        items = task.completed if task.total is None else task.total
        pages = task.fields["pages"]
        return Text(
            f"{task.completed:,.0f}{total} {plural(items, 'item')}, "
            f"{pages:,} {plural(pages, 'page')}"
        )


class ExportProgress:
    """A progress bar, or nothing when ``enabled`` is false."""

    def __init__(
        self, kind: str, *, enabled: bool, stream: TextIO | None = None
    ) -> None:
        self._progress: Progress | None = None
        self._task = TaskID(0)
        if enabled:
            console = Console(file=stream or sys.stderr, force_terminal=True)
            self._progress = Progress(
                TextColumn(f"[bold]{kind}"),
                BarColumn(),
                _Counts(),
                _Rate(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self._task = self._progress.add_task(kind, total=None, pages=0)

    @staticmethod
    def wanted(*, quiet: bool, force: bool) -> bool:
        """On when forced, else when stderr is a terminal and not ``quiet``."""
        if quiet:
            return False
        return force or sys.stderr.isatty()

    def start_at(self, items: int, pages: int) -> None:
        """Count what an earlier run already exported."""
        if self._progress is not None:
            self._progress.update(self._task, completed=items, pages=pages)

    def advance(self, items: int, total: int | None) -> None:
        """One more page of ``items``; ``total`` when the API gives it."""
        if self._progress is None:
            return
        task = self._progress.tasks[0]
        self._progress.update(
            self._task,
            advance=items,
            pages=task.fields["pages"] + 1,
            total=total if total is not None else task.total,
        )

    def __enter__(self) -> ExportProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
