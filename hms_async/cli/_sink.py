"""Where exported pages go: JSON Lines or CSV, to stdout or to a resumable file."""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import orjson

from .._pagination import Page
from .._serde import to_dict
from ._exit import Failure
from ._render import cell
from ._state import Checkpoint, Job, StateFile

__all__ = [
    "CsvEncoder",
    "Encoder",
    "JsonLinesEncoder",
    "Sink",
    "open_file",
    "open_stream",
]


class Encoder(Protocol):
    """Turns a page of models into bytes."""

    def header(self) -> bytes:
        """What the output starts with."""

    def encode(self, items: Sequence[Any]) -> bytes:
        """One page of items."""


class JsonLinesEncoder:
    """One JSON object per line, unknown fields included."""

    def header(self) -> bytes:
        """JSON Lines has no header."""
        return b""

    def encode(self, items: Sequence[Any]) -> bytes:
        """Each item's JSON and a newline."""
        dumps, option = orjson.dumps, orjson.OPT_APPEND_NEWLINE
        return b"".join([dumps(to_dict(item), option=option) for item in items])


class CsvEncoder:
    """A header row of the model's fields, then a row per item (nested as JSON)."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = tuple(columns)

    def _rows(self, rows: list[list[str]]) -> bytes:
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        return text.getvalue().encode()

    def header(self) -> bytes:
        """The column names."""
        return self._rows([list(self._columns)])

    def encode(self, items: Sequence[Any]) -> bytes:
        """One row per item."""
        rows = []
        for item in items:
            data = to_dict(item)
            rows.append([cell(data.get(column)) for column in self._columns])
        return self._rows(rows)


class Sink:
    """Writes pages; for a file, records a checkpoint after them (see ``_state``)."""

    def __init__(
        self,
        file: BinaryIO,
        encoder: Encoder,
        *,
        start: Checkpoint,
        state: tuple[StateFile, Job] | None = None,
        every: float = 0.0,
    ) -> None:
        self._file = file
        self._encoder = encoder
        self._state = state
        self._every = every
        self._last = time.monotonic()
        self.done = start
        """The last checkpoint recorded."""
        self.written = start
        """Everything written so far (ahead of ``done`` between checkpoints)."""

    def write_page(self, page: Page[Any]) -> None:
        """Write one page, then record it (at most every ``every`` seconds)."""
        data = self._encoder.encode(page.data)
        self._file.write(data)
        now = self.written
        self.written = Checkpoint(
            cursor=page.next_cursor,
            offset=now.offset + len(data),
            items=now.items + len(page.data),
            pages=now.pages + 1,
            done=page.next_cursor is None,
        )
        if self._state is None:
            self._file.flush()
        elif self.written.done or time.monotonic() - self._last >= self._every:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Make what is written durable, then record it."""
        self._file.flush()
        if self._state is None:
            return
        os.fsync(self._file.fileno())
        state, job = self._state
        state.save(job, self.written)
        self.done = self.written
        self._last = time.monotonic()

    def close(self) -> None:
        """Close the file (stdout is only flushed)."""
        if self._state is None:
            self._file.flush()
        else:
            self._file.close()


def open_stream(stream: BinaryIO, encoder: Encoder) -> Sink:
    """A sink on stdout: no state, nothing to resume."""
    stream.write(encoder.header())
    return Sink(stream, encoder, start=Checkpoint())


def open_file(
    path: Path, encoder: Encoder, job: Job, *, resume: bool, every: float
) -> Sink:
    """Open (or reopen, to resume) ``path``; fails before anything is fetched."""
    state = StateFile.beside(path)
    if resume:
        start = state.load(job)
        file = _reopen(path, start)
    else:
        file = path.open("wb")
        header = encoder.header()
        file.write(header)
        start = Checkpoint(offset=len(header))
    sink = Sink(file, encoder, start=start, state=(state, job), every=every)
    if not resume:
        try:
            sink.checkpoint()
        except BaseException:
            file.close()
            raise
    return sink


def _reopen(path: Path, start: Checkpoint) -> BinaryIO:
    try:
        file = path.open("r+b")
    except FileNotFoundError:
        raise Failure(f"cannot resume: the output {path.name} is gone") from None
    size = file.seek(0, os.SEEK_END)
    if size < start.offset:
        file.close()
        raise Failure(
            f"cannot resume: {path.name} is shorter ({size} bytes) than its state"
            f" file records ({start.offset} bytes); it was changed since"
        )
    file.truncate(start.offset)
    file.seek(start.offset)
    return file
