"""The export state file: which export this is and how far it safely got.

It lives beside the output (``rooms.jsonl`` → ``rooms.jsonl.state.json``) and is
only ever replaced whole (write a temporary file, fsync, rename), after the
pages it counts were written and fsynced. ``offset`` is the output's size
after the last recorded page: on resume the output is cut back to it, which
drops a partial trailing line and any page written after the last record, so
every item ends up in the file exactly once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs
import orjson

from ._exit import Failure

__all__ = ["Checkpoint", "Job", "StateFile"]

VERSION: Final = 1


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _sorted(filters: Mapping[str, Any]) -> dict[str, Any]:
    return dict(sorted(filters.items()))


@attrs.frozen(kw_only=True)
class Job:
    """What is exported: kind, filters, page size and format must all match to resume."""

    kind: str
    filters: Mapping[str, Any] = attrs.field(converter=_sorted)
    limit: int
    format: str

    def as_json(self) -> dict[str, Any]:
        """The job as stored (dates as ISO text, tuples as lists)."""
        filters = {key: _plain(value) for key, value in self.filters.items()}
        return {
            "kind": self.kind,
            "filters": filters,
            "limit": self.limit,
            "format": self.format,
        }


@attrs.frozen(kw_only=True)
class Checkpoint:
    """How far an export safely got."""

    cursor: str | None = None
    """Where the next page starts; ``None`` before the first page (or when done)."""
    offset: int = 0
    items: int = 0
    pages: int = 0
    done: bool = False


@attrs.frozen
class StateFile:
    """The state file of one output file."""

    path: Path

    @classmethod
    def beside(cls, output: Path) -> StateFile:
        """The state file that belongs to ``output``."""
        return cls(output.with_name(output.name + ".state.json"))

    def save(self, job: Job, checkpoint: Checkpoint) -> None:
        """Replace the state atomically (temporary file, fsync, rename)."""
        data = {"version": VERSION, "job": job.as_json(), **attrs.asdict(checkpoint)}
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("wb") as file:
            file.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(self.path)
        _fsync_directory(self.path.parent)

    def load(self, job: Job) -> Checkpoint:
        """The recorded checkpoint; refuses a state file written for another job."""
        try:
            data = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            raise Failure(
                f"cannot resume: there is no state file {self.path.name}"
                " beside the output (start without --resume)"
            ) from None
        except orjson.JSONDecodeError:
            raise Failure(
                f"cannot resume: {self.path.name} is not a state file"
            ) from None
        return self._checkpoint(data, job)

    def _checkpoint(self, data: Any, job: Job) -> Checkpoint:
        if type(data) is not dict or data.get("version") != VERSION:
            raise Failure(
                f"cannot resume: {self.path.name} is not a version {VERSION} state file"
            )
        recorded = data.get("job")
        if recorded != job.as_json():
            raise Failure(
                f"cannot resume: {self.path.name} records another export"
                f" ({_differences(recorded, job.as_json())}); rerun that command,"
                " or start over without --resume"
            )
        try:
            return Checkpoint(
                cursor=data["cursor"],
                offset=int(data["offset"]),
                items=int(data["items"]),
                pages=int(data["pages"]),
                done=bool(data["done"]),
            )
        except (KeyError, TypeError, ValueError):
            raise Failure(f"cannot resume: {self.path.name} is damaged") from None


def _differences(recorded: Any, wanted: dict[str, Any]) -> str:
    if type(recorded) is not dict:
        return "an unreadable job"
    parts = []
    for key in ("kind", "filters", "limit", "format"):
        theirs, ours = recorded.get(key), wanted[key]
        if theirs != ours:
            parts.append(f"{key} {_show(theirs)} there, {_show(ours)} here")
    return "; ".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}={v}" for k, v in value.items()) + "}"
    return str(value)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
